// 能上能下: the mechanism's page, one tab per part (预警清单 | 调整案件 | 影响期台账 | 任职资格审查).
import { Tabs } from 'antd';
import { LedgerTab } from './Ledger';
import { EligibilityTab } from './Eligibility';

export function AdjustmentPage() {
  return (
    <Tabs
      defaultActiveKey="ledger"
      destroyInactiveTabPane={false}
      items={[
        { key: 'ledger', label: '影响期台账', children: <LedgerTab /> },
        { key: 'eligibility', label: '任职资格审查', children: <EligibilityTab /> },
      ]}
    />
  );
}
