// The 容错纠错 tab of a cadre's profile: the tolerance cases about this cadre that the reader sees.
import { api } from '../../api';
import { useLoad } from '../../hooks';
import { CaseTable } from './CaseTable';
import { MAX_PAGE, type CaseSummary } from './data';

export function CadreCases({ cadreId }: { cadreId: string }) {
  const { data, loading } = useLoad(
    () =>
      api.get<{ items: CaseSummary[] }>(
        `/cases?procedure=tolerance&cadre=${encodeURIComponent(cadreId)}&limit=${MAX_PAGE}`,
      ),
    [cadreId],
  );
  const items = data?.items ?? [];
  return <CaseTable items={items} loading={loading} compact testId="profile-cases" />;
}
