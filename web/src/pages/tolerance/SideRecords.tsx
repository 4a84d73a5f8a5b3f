// What lies beside a case, in plain words: the cases it follows or that follow it (澄清正名), false accusations
// referred for 查处, 失信黑名单 entries (安徽) and the pre-event filings it relies on (焦作) — with names, dates and the
// article each rests on as the document's title and article, never a record's id.
import { Descriptions, Empty, List, Tag, Typography } from 'antd';
import { api } from '../../api';
import { fmtDate } from '../../format';
import { useLoad } from '../../hooks';
import { navigate } from '../../router';
import { plainArticle } from './data';

interface Linked {
  id: string;
  title: string;
  stateLabel: string;
  openedOn: string;
  closed: boolean;
}

interface Side {
  follows: Linked[];
  followedBy: Linked[];
  referrals: { id: string; onDate: string; accuser: string; conduct: string; referredTo: string; article: string }[];
  blacklist: { id: string; person: string; conduct: string; decidedBy: string; decidedOn: string; article: string }[];
  filings: {
    id: string;
    kindLabel: string;
    title: string;
    startedOn: string;
    assessedOn: string | null;
    filedOn: string | null;
    governmentApprovedOn: string | null;
    reportedTo: string | null;
    upperApprovedOn: string | null;
    inTime: boolean;
    article: string | null;
  }[];
}

/** 「document article」 as people cite it: 《document》article. */
export function citedAs(article: string | null): string {
  if (!article) return '';
  const i = article.lastIndexOf(' ');
  return i > 0 ? `《${article.slice(0, i)}》${plainArticle(article.slice(i + 1))}` : plainArticle(article);
}

const Basis = ({ article }: { article: string | null }) =>
  article ? (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      依据：{citedAs(article)}
    </Typography.Text>
  ) : null;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div style={{ marginBottom: 12 }}>
      <Typography.Text strong>{title}</Typography.Text>
      {children}
    </div>
  );
}

export function SideRecords({ id }: { id: string }) {
  const { data, loading } = useLoad(() => api.get<Side>(`/cases/${encodeURIComponent(id)}/side`), [id]);
  if (loading && !data) return null;
  if (!data) return null;
  const linked = [
    ...data.follows.map((c) => ({ ...c, rel: '本案所跟随的案件' })),
    ...data.followedBy.map((c) => ({ ...c, rel: '跟随本案的案件' })),
  ];
  const empty = !linked.length && !data.referrals.length && !data.blacklist.length && !data.filings.length;
  if (empty)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无关联事项" data-testid="side-records" />;
  return (
    <div data-testid="side-records">
      {linked.length > 0 && (
        <Section title="关联案件">
          <List
            size="small"
            dataSource={linked}
            renderItem={(c) => (
              <List.Item
                actions={[
                  <a key="go" onClick={() => navigate(`/tolerance/cases/${encodeURIComponent(c.id)}`)}>
                    查看
                  </a>,
                ]}
              >
                <List.Item.Meta
                  title={c.title}
                  description={`${c.rel} · ${fmtDate(c.openedOn)}启动 · ${c.stateLabel}`}
                />
              </List.Item>
            )}
          />
        </Section>
      )}
      {data.referrals.length > 0 && (
        <Section title="诬告陷害移送查处">
          <List
            size="small"
            dataSource={data.referrals}
            renderItem={(r) => (
              <List.Item style={{ display: 'block' }}>
                <div>
                  {fmtDate(r.onDate)} 移送{r.referredTo}：{r.accuser}
                </div>
                <div style={{ fontSize: 13 }}>{r.conduct}</div>
                <Basis article={r.article} />
              </List.Item>
            )}
          />
        </Section>
      )}
      {data.blacklist.length > 0 && (
        <Section title="纳入失信“黑名单”">
          <List
            size="small"
            dataSource={data.blacklist}
            renderItem={(b) => (
              <List.Item style={{ display: 'block' }}>
                <div>
                  {b.person} · {fmtDate(b.decidedOn)}由{b.decidedBy}决定
                </div>
                <div style={{ fontSize: 13 }}>{b.conduct}</div>
                <Basis article={b.article} />
              </List.Item>
            )}
          />
        </Section>
      )}
      {data.filings.length > 0 && (
        <Section title="所依据的事前备案">
          {data.filings.map((f) => (
            <div key={f.id} style={{ borderTop: '1px dashed #e5e7eb', padding: '6px 0' }}>
              <div>
                {f.kindLabel}：{f.title}{' '}
                {f.inTime ? <Tag color="green">事前依规办理</Tag> : <Tag color="orange">未在事前办妥</Tag>}
              </div>
              <Descriptions
                size="small"
                column={2}
                items={[
                  { key: 's', label: '开始实施', children: fmtDate(f.startedOn) },
                  ...(f.assessedOn ? [{ key: 'a', label: '风险评估', children: fmtDate(f.assessedOn) }] : []),
                  ...(f.filedOn ? [{ key: 'f', label: '备案', children: fmtDate(f.filedOn) }] : []),
                  ...(f.governmentApprovedOn
                    ? [{ key: 'g', label: '同级政府同意', children: fmtDate(f.governmentApprovedOn) }]
                    : []),
                  ...(f.upperApprovedOn
                    ? [
                        {
                          key: 'u',
                          label: `${f.reportedTo ?? '上级业务主管部门'}同意`,
                          children: fmtDate(f.upperApprovedOn),
                        },
                      ]
                    : []),
                ]}
              />
              <Basis article={f.article} />
            </div>
          ))}
        </Section>
      )}
    </div>
  );
}
