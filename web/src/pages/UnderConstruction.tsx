// A mechanism page that later issues build: a clear notice, never sample data.
import { Card, Result } from 'antd';
import { ToolOutlined } from '@ant-design/icons';

export function UnderConstruction({ title, what }: { title: string; what: string }) {
  return (
    <Card>
      <Result
        icon={<ToolOutlined style={{ color: '#9ca3af' }} />}
        title={`${title} · 建设中`}
        subTitle={`本模块（${what}）正在建设，暂未开放。干部、考核、表彰、处分等基础数据请在“数据管理”中维护。`}
      />
    </Card>
  );
}
