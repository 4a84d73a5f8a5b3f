// 政策适用: what the rulebooks conclude about one cadre today, with the articles they rest on
// (GET /explain/cadre/:id). Loaded only when asked for: it evaluates the whole record on the server.
import { useState } from 'react';
import { Alert, Button, DatePicker, Space, Spin, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { api } from '../../api';
import { useLoad } from '../../hooks';

interface Explanation {
  subject: string;
  asOf: string;
  chain: string[];
  text: string;
}

export function ExplainPanel({ cadreId }: { cadreId: string }) {
  const [asOf, setAsOf] = useState<Dayjs>(dayjs());
  const { data, error, loading, reload } = useLoad(
    () => api.get<Explanation>(`/explain/cadre/${encodeURIComponent(cadreId)}?asOf=${asOf.format('YYYY-MM-DD')}`),
    [cadreId, asOf],
  );
  return (
    <div>
      <Space style={{ marginBottom: 12 }} wrap>
        <span>评估日期</span>
        <DatePicker
          value={asOf}
          format="YYYY年M月D日"
          allowClear={false}
          style={{ width: 160 }}
          onChange={(d) => d && setAsOf(d)}
        />
        <Button onClick={() => void reload()}>重新评估</Button>
        {data?.chain?.length ? (
          <span>
            适用规则包：
            {data.chain.map((p) => (
              <Tag key={p}>{p}</Tag>
            ))}
          </span>
        ) : null}
      </Space>
      {error ? (
        <Alert type="error" showIcon title={error.message} />
      ) : loading || !data ? (
        <div style={{ padding: 32, textAlign: 'center' }}>
          <Spin tip="正在按规则评估…">
            <div style={{ height: 40 }} />
          </Spin>
        </div>
      ) : (
        <Typography.Paragraph
          style={{
            whiteSpace: 'pre-wrap',
            background: '#fafafa',
            border: '1px solid #f0f0f0',
            borderRadius: 4,
            padding: 12,
            minHeight: 200,
            overflow: 'auto',
            lineHeight: 1.8,
          }}
          data-testid="explain-text"
        >
          {data.text}
        </Typography.Paragraph>
      )}
    </div>
  );
}
