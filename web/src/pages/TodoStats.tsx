// 首页's 待办 counts, one per mechanism page that handles cases: the cases with a step open to the user. 澄清正名
// cases are handled on the 容错纠错 page, adjustment cases on the 能上能下 page, so each count says where to go.
import { Card, Statistic } from 'antd';
import { api } from '../api';
import { useLoad } from '../hooks';
import { navigate } from '../router';

interface Count {
  total: number;
  totalCapped?: boolean;
}

const todoCount = (procedure: string) => api.get<Count>(`/cases/todo?procedure=${procedure}&limit=1`);

function sum(counts: Count[]): Count {
  return { total: counts.reduce((n, c) => n + c.total, 0), totalCapped: counts.some((c) => c.totalCapped) };
}

function TodoStat(props: { title: string; path: string; testId: string; load: () => Promise<Count> }) {
  const { data } = useLoad(props.load, []);
  return (
    <Card
      size="small"
      className="sx-stat"
      hoverable
      onClick={() => navigate(props.path)}
      data-testid={props.testId}
      style={{ cursor: 'pointer', borderColor: data?.total ? '#b71c1c' : undefined }}
    >
      <Statistic
        title={<a href={`#${props.path}`}>{props.title}</a>}
        value={data?.total ?? 0}
        suffix={data?.totalCapped ? '+' : undefined}
      />
    </Card>
  );
}

export function ToleranceTodoStat() {
  return (
    <TodoStat
      title="容错纠错待办"
      path="/tolerance"
      testId="home-todo"
      load={async () => sum(await Promise.all([todoCount('tolerance'), todoCount('clarification')]))}
    />
  );
}

export function AdjustmentTodoStat() {
  return (
    <TodoStat
      title="能上能下待办"
      path="/adjustment"
      testId="home-todo-adjustment"
      load={() => todoCount('adjustment')}
    />
  );
}
