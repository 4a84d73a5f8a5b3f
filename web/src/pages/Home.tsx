// 首页: what the user's scope holds, and two charts of the record (DESIGN §8: dashboards with ECharts).
import { Alert, Card, Col, Empty, Row, Skeleton, Statistic } from 'antd';
import { Chart } from '../Chart';
import { api, type Dashboard } from '../api';
import { useLoad } from '../hooks';
import { AdjustmentTodoStat, ToleranceTodoStat } from './TodoStats';
import {
  INCIDENT_CATEGORIES,
  INCIDENT_CATEGORY_LABELS,
  INDIVIDUAL_GRADES,
  normalSeverity,
  RECORD_KIND_LABELS,
  SEVERITIES,
  type RecordKind,
  type Severity,
} from '../vocab';

const GRADE_COLORS: Record<string, string> = {
  优秀: '#b71c1c',
  称职: '#2563eb',
  基本称职: '#f59e0b',
  不称职: '#6b7280',
  未定等次: '#d1d5db',
};
const SEVERITY_COLORS: Record<string, string> = {
  特别重大: '#7f1d1d',
  重大: '#dc2626',
  较大: '#f59e0b',
  一般: '#93c5fd',
};
/** fills the 1366×768 screen below the counts */
const CHART_HEIGHT = 430;

/** Counts shown first, in this order; any other counts follow. */
const FIRST: string[] = [
  'units',
  'cadres',
  'posts',
  'cadreAssessments',
  'honors',
  'incidents',
  'sanctions',
  'adjustments',
];

function countLabel(k: string): string {
  return RECORD_KIND_LABELS[k as RecordKind] ?? k;
}

type IncidentRow = Dashboard['incidentsByCategory'][number];

/** Incidents of one category at one level of the general scale (食品药品's 一级…四级 fold onto it). */
function atSeverity(i: IncidentRow, sev: string): number {
  if (!i.bySeverity) return sev === '一般' ? i.count : 0;
  return Object.entries(i.bySeverity)
    .filter(([k]) => normalSeverity(k as Severity) === sev)
    .reduce((n, [, v]) => n + v, 0);
}

export function HomePage() {
  const { data, error, loading } = useLoad(() => api.get<Dashboard>('/dashboard'), []);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (loading || !data)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );

  const keys = [
    ...FIRST.filter((k) => k in data.counts),
    ...Object.keys(data.counts).filter((k) => !FIRST.includes(k)),
  ].slice(0, 7);

  const years = [...new Set(data.gradesByYear.map((g) => g.year))].sort((a, b) => a - b);
  const grades = [...INDIVIDUAL_GRADES, ...(data.gradesByYear.some((g) => !g.grade) ? ['未定等次'] : [])];
  const gradeSeries = grades.map((grade) => ({
    name: grade,
    type: 'bar' as const,
    stack: 'g',
    barMaxWidth: 40,
    itemStyle: { color: GRADE_COLORS[grade] },
    data: years.map((y) =>
      data.gradesByYear
        .filter((g) => g.year === y && (g.grade ?? '未定等次') === grade)
        .reduce((s, g) => s + g.count, 0),
    ),
  }));

  const cats = INCIDENT_CATEGORIES.filter((c) => data.incidentsByCategory.some((i) => i.category === c));
  const incidentSeries = SEVERITIES.map((sev) => ({
    name: sev,
    type: 'bar' as const,
    stack: 'i',
    barMaxWidth: 24,
    itemStyle: { color: SEVERITY_COLORS[sev] },
    data: cats.map((c) =>
      data.incidentsByCategory.filter((i) => i.category === c).reduce((n, i) => n + atSeverity(i, sev), 0),
    ),
  }));
  const hasIncidents = data.incidentsByCategory.some((i) => i.count > 0);

  return (
    <div>
      <Row gutter={[12, 12]}>
        <Col flex="1 1 0">
          <ToleranceTodoStat />
        </Col>
        <Col flex="1 1 0">
          <AdjustmentTodoStat />
        </Col>
        {keys.map((k) => (
          <Col key={k} flex="1 1 0">
            <Card size="small" className="sx-stat">
              <Statistic title={countLabel(k)} value={data.counts[k]} groupSeparator="," />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={12} style={{ marginTop: 12 }}>
        <Col span={14}>
          <Card size="small" title="干部年度考核等次分布">
            {years.length === 0 ? (
              <Empty description="暂无考核数据" />
            ) : (
              <Chart
                height={CHART_HEIGHT}
                testId="grades-chart"
                option={{
                  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                  legend: { top: 0 },
                  grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
                  xAxis: { type: 'category', data: years.map((y) => `${y}年`) },
                  yAxis: { type: 'value', name: '人数', minInterval: 1 },
                  series: gradeSeries,
                }}
              />
            )}
          </Card>
        </Col>
        <Col span={10}>
          <Card size="small" title="事故事件（按类别、等级）">
            {!hasIncidents ? (
              <Empty description="暂无事故事件记录" />
            ) : (
              <Chart
                height={CHART_HEIGHT}
                testId="incidents-chart"
                option={{
                  tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
                  legend: { top: 0 },
                  grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
                  xAxis: { type: 'value', name: '起', minInterval: 1 },
                  yAxis: { type: 'category', inverse: true, data: cats.map((c) => INCIDENT_CATEGORY_LABELS[c]) },
                  series: incidentSeries,
                }}
              />
            )}
          </Card>
        </Col>
      </Row>
    </div>
  );
}
