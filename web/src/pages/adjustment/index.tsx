// The 能上能下 page: one tab per part of the adjustment mechanism, in the order of the work:
// 预警清单 → 调整案件 → 影响期台账 → 任职资格审查. Each part is its own component in this folder. An alert that
// starts (or already has) an adjustment case opens that case on the 调整案件 tab.
import { useState, type ReactNode } from 'react';
import { Card, Tabs } from 'antd';
import { AlertsTab } from './Alerts';
import { AdjustmentCases } from './Cases';
import { LedgerTab } from './Ledger';
import { EligibilityTab } from './Eligibility';

export interface AdjustmentTab {
  key: string;
  label: string;
  render: (nav: TabNav) => ReactNode;
}

/** Moving between the tabs: open a case on the 调整案件 tab. */
export interface TabNav {
  openCase: (caseId: string) => void;
  /** the case to open when the 调整案件 tab shows */
  caseId: string | null;
}

export const ADJUSTMENT_TABS: AdjustmentTab[] = [
  { key: 'alerts', label: '预警清单', render: (nav) => <AlertsTab onCase={nav.openCase} /> },
  { key: 'cases', label: '调整案件', render: (nav) => <AdjustmentCases openCase={nav.caseId} /> },
  { key: 'ledger', label: '影响期台账', render: () => <LedgerTab /> },
  { key: 'eligibility', label: '任职资格审查', render: () => <EligibilityTab /> },
];

export function AdjustmentPage() {
  const [tab, setTab] = useState(ADJUSTMENT_TABS[0]!.key);
  const [caseId, setCaseId] = useState<string | null>(null);
  const nav: TabNav = {
    caseId,
    openCase: (id) => {
      setCaseId(id);
      setTab('cases');
    },
  };
  return (
    <Card styles={{ body: { paddingTop: 4 } }}>
      <Tabs
        activeKey={tab}
        onChange={(k) => {
          setTab(k);
          setCaseId(null);
        }}
        destroyOnHidden
        items={ADJUSTMENT_TABS.map((t) => ({ key: t.key, label: t.label, children: t.render(nav) }))}
      />
    </Card>
  );
}
