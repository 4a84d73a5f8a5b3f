// The 容错纠错 tab of a cadre's profile: the tolerance cases about this cadre that the reader sees.
import { api } from '../../api';
import { useLoad } from '../../hooks';
import { CaseTable } from './CaseTable';
import type { CaseSummary } from './data';

export function CadreCases({ cadreId }: { cadreId: string }) {
  const { data, loading } = useLoad(() => api.get<{ items: CaseSummary[] }>('/cases'), [cadreId]);
  const items = (data?.items ?? []).filter((c) => c.subjectType === 'cadre' && c.subjectId === cadreId);
  return <CaseTable items={items} loading={loading} compact testId="profile-cases" />;
}
