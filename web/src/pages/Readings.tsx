// 读法说明: how the rulebooks read wordings that could be read more than one way (以上/以下, 本地区, 一年内 …), with
// the articles that use them and why (GET /api/readings; docs/READINGS.md is written from the same source). Open to
// every signed-in role: rule notes and alerts cite its entries by title.
import { Alert, Card, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../api';
import { useLoad } from '../hooks';

type ReadingBlock = { p: string } | { ul: { text: string; sub?: string[] }[] };
interface ReadingEntry {
  title: string;
  blocks: ReadingBlock[];
}
interface ReadingsGuide {
  title: string;
  intro: ReadingBlock[];
  sections: { title: string; blocks: ReadingBlock[]; entries: ReadingEntry[] }[];
}

/** `**words**` marks the wording an item is about: shown in bold. */
function words(s: string): ReactNode {
  return s.split(/\*\*(.+?)\*\*/).map((part, i) => (i % 2 ? <strong key={i}>{part}</strong> : part));
}

function Block({ b }: { b: ReadingBlock }) {
  if ('p' in b) return <Typography.Paragraph>{words(b.p)}</Typography.Paragraph>;
  return (
    <ul>
      {b.ul.map((item, i) => (
        <li key={i}>
          {words(item.text)}
          {item.sub && (
            <ul>
              {item.sub.map((s, j) => (
                <li key={j}>{words(s)}</li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ReadingsPage() {
  const { data, error, loading } = useLoad(() => api.get<ReadingsGuide>('/readings'), []);
  if (error) return <Alert type="error" showIcon title={error.message} />;
  return (
    <Card title="读法说明" loading={loading}>
      {data && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }} className="readings">
          {data.intro.map((b, i) => (
            <Block key={i} b={b} />
          ))}
          {data.sections.map((s) => (
            <section key={s.title}>
              <Typography.Title level={4}>{s.title}</Typography.Title>
              {s.blocks.map((b, i) => (
                <Block key={i} b={b} />
              ))}
              {s.entries.map((e) => (
                <div key={e.title}>
                  <Typography.Title level={5}>{e.title}</Typography.Title>
                  {e.blocks.map((b, i) => (
                    <Block key={i} b={b} />
                  ))}
                </div>
              ))}
            </section>
          ))}
        </Space>
      )}
    </Card>
  );
}
