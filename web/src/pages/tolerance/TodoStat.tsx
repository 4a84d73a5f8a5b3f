// 首页's 待办 count: the tolerance cases with a step open to the user, linking to the 容错纠错 page.
import { Card, Statistic } from 'antd';
import { api } from '../../api';
import { useLoad } from '../../hooks';
import { navigate } from '../../router';

export function ToleranceTodoStat() {
  const { data } = useLoad(() => api.get<{ total: number }>('/cases/todo'), []);
  return (
    <Card
      size="small"
      className="sx-stat"
      hoverable
      onClick={() => navigate('/tolerance')}
      data-testid="home-todo"
      style={{ cursor: 'pointer', borderColor: data?.total ? '#b71c1c' : undefined }}
    >
      <Statistic title={<a href="#/tolerance">容错纠错待办</a>} value={data?.total ?? 0} />
    </Card>
  );
}
