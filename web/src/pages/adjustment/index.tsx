// 能上能下: the mechanism's page, one tab per part (预警清单 | 调整案件 | 影响期台账 | 任职资格审查); each part is its own
// component file beside this one.
import { Tabs } from 'antd';
import { AdjustmentCases } from './Cases';
import { LedgerTab } from './Ledger';
import { EligibilityTab } from './Eligibility';

export function AdjustmentPage() {
  return (
    <Tabs
      defaultActiveKey="cases"
      destroyOnHidden={false}
      items={[
        { key: 'cases', label: '调整案件', children: <AdjustmentCases /> },
        { key: 'ledger', label: '影响期台账', children: <LedgerTab /> },
        { key: 'eligibility', label: '任职资格审查', children: <EligibilityTab /> },
      ]}
    />
  );
}
