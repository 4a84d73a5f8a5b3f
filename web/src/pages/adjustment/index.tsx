// 能上能下: the mechanism's page, one tab per part (预警清单, 调整案件, 影响期台账, 任职资格审查); each part is its own
// component file beside this one.
import { Card, Tabs } from 'antd';
import { AdjustmentCases } from './Cases';

export function AdjustmentPage() {
  return (
    <Card title="能上能下">
      <Tabs items={[{ key: 'cases', label: '调整案件', children: <AdjustmentCases /> }]} />
    </Card>
  );
}
