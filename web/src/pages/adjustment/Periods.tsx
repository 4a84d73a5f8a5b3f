// A cadre's influence periods in plain words for the profile ("2027年4月15日前不得提拔，依据……"). Shown only to the
// offices (the server answers them alone); nothing is shown when the cadre is in no period.
import { Alert } from 'antd';
import { api } from '../../api';
import { useLoad } from '../../hooks';
import type { PeriodItem } from './api';

export function InfluencePeriods({ cadreId }: { cadreId: string }) {
  const { data } = useLoad(
    () => api.get<{ periods: PeriodItem[] }>(`/adjustment/periods/${encodeURIComponent(cadreId)}`).catch(() => null),
    [cadreId],
  );
  if (!data || data.periods.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      message="影响期"
      style={{ marginBottom: 16 }}
      description={data.periods.map((p, i) => (
        <div key={i}>
          {p.text}（{p.record.join('；')}）
        </div>
      ))}
    />
  );
}
