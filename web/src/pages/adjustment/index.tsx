// The 能上能下 page: one tab per part of the adjustment mechanism. Each part is its own component in this folder;
// a part adds itself by appending its entry to ADJUSTMENT_TABS (label and component), in the order of the work:
// 预警清单 → 调整案件 → 影响期台账 → 任职资格审查.
import { useState, type ReactNode } from 'react';
import { Card, Tabs } from 'antd';
import { AlertsTab } from './Alerts';

export interface AdjustmentTab {
  key: string;
  label: string;
  render: () => ReactNode;
}

export const ADJUSTMENT_TABS: AdjustmentTab[] = [{ key: 'alerts', label: '预警清单', render: () => <AlertsTab /> }];

export function AdjustmentPage() {
  const [tab, setTab] = useState(ADJUSTMENT_TABS[0]!.key);
  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={ADJUSTMENT_TABS.map((t) => ({ key: t.key, label: t.label, children: t.render() }))}
      />
    </Card>
  );
}
