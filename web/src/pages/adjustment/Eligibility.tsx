// 能上能下 · 任职资格审查: a list of candidates (picked from the roster, or an uploaded .xlsx of 姓名+身份证号 or
// 编号) checked on a date: 可以提拔 / 不得提拔，至… / 不得提拔至高于…的职级，至…, each reason with its article and
// the record it rests on; exported as .xlsx or as the 审查意见 (.docx). Candidates outside the reader's remit are
// refused by the server without being named.
import { useRef, useState } from 'react';
import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { AuditOutlined, ExportOutlined, FileWordOutlined, UploadOutlined } from '@ant-design/icons';
import { api, qs, request, type Page, type RosterItem } from '../../api';
import { postDownload, REASON_LABELS, today, type EligibilityItem } from './api';

interface Candidate {
  id: string;
  name: string;
}

const VERDICT_COLORS: Record<EligibilityItem['verdict']['kind'], string> = {
  eligible: 'green',
  blocked: 'red',
  blockedAbove: 'orange',
};

export function EligibilityTab() {
  const [date, setDate] = useState(today());
  const [candidates, setCandidates] = useState<Candidate[]>([]);
  const [options, setOptions] = useState<Candidate[]>([]);
  const [results, setResults] = useState<{ date: string; items: EligibilityItem[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const searchSeq = useRef(0);

  const onSearch = async (text: string) => {
    const my = ++searchSeq.current;
    if (!text.trim()) return setOptions([]);
    try {
      const r = await api.get<Page<RosterItem>>(`/cadres${qs({ search: text.trim(), limit: 20 })}`);
      if (my === searchSeq.current) setOptions(r.items.map((i) => ({ id: i.id, name: `${i.name}（${i.unitName}）` })));
    } catch {
      /* the search box just shows nothing */
    }
  };
  const add = (list: Candidate[]) =>
    setCandidates((old) => [...old, ...list.filter((c) => !old.some((o) => o.id === c.id))]);

  const run = async (what: string, f: () => Promise<void>) => {
    setBusy(what);
    setError(null);
    try {
      await f();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(null);
    }
  };
  const body = () => ({ date, cadreIds: candidates.map((c) => c.id) });
  const check = () =>
    run('check', async () =>
      setResults(await api.post<{ date: string; items: EligibilityItem[] }>('/adjustment/eligibility', body())),
    );
  const upload = (file: File) =>
    run('upload', async () => {
      const form = new FormData();
      form.append('file', file);
      const r = await request<{ candidates: Candidate[] }>('POST', '/adjustment/eligibility/list', form);
      add(r.candidates);
    });

  return (
    <Card>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <span>审查日期</span>
          <Input
            type="date"
            aria-label="审查日期"
            value={date}
            onChange={(e) => e.target.value && setDate(e.target.value)}
            style={{ width: 160 }}
          />
          <Select<string>
            showSearch
            aria-label="添加拟提拔人选"
            placeholder="输入姓名添加拟提拔人选"
            style={{ width: 320 }}
            filterOption={false}
            onSearch={(v) => void onSearch(v)}
            value={null as unknown as string}
            onSelect={(id: string) => {
              const o = options.find((x) => x.id === id);
              if (o) add([o]);
            }}
            options={options.map((o) => ({ value: o.id, label: o.name }))}
            notFoundContent={null}
          />
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              void upload(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy === 'upload'}>
              上传名单（姓名+身份证号，或编号）
            </Button>
          </Upload>
        </Space>
        <div>
          {candidates.length === 0 ? (
            <Typography.Text type="secondary">尚未添加拟提拔人选。</Typography.Text>
          ) : (
            candidates.map((c) => (
              <Tag key={c.id} closable onClose={() => setCandidates((l) => l.filter((x) => x.id !== c.id))}>
                {c.name}
              </Tag>
            ))
          )}
        </div>
        <Space wrap>
          <Button
            type="primary"
            icon={<AuditOutlined />}
            disabled={candidates.length === 0}
            loading={busy === 'check'}
            onClick={() => void check()}
          >
            审查（{candidates.length}人）
          </Button>
          <Button
            icon={<ExportOutlined />}
            disabled={candidates.length === 0}
            loading={busy === 'xlsx'}
            onClick={() =>
              void run('xlsx', () => postDownload('/adjustment/eligibility.xlsx', body(), `任职资格审查${date}.xlsx`))
            }
          >
            导出 Excel
          </Button>
          <Button
            icon={<FileWordOutlined />}
            disabled={candidates.length === 0}
            loading={busy === 'docx'}
            onClick={() =>
              void run('docx', () =>
                postDownload('/adjustment/eligibility.docx', body(), `任职资格审查意见${date}.docx`),
              )
            }
          >
            生成审查意见（Word）
          </Button>
          {candidates.length > 0 && <Button onClick={() => setCandidates([])}>清空名单</Button>}
        </Space>
        {error && <Alert type="error" showIcon message={error} />}
        {results && (
          <Table<EligibilityItem>
            rowKey="cadreId"
            dataSource={results.items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: '姓名', dataIndex: 'name', width: 100 },
              { title: '单位', dataIndex: 'unitName', width: 200 },
              {
                title: '审查结论',
                key: 'verdict',
                width: 260,
                render: (_: unknown, r) => <Tag color={VERDICT_COLORS[r.verdict.kind]}>{r.verdict.words}</Tag>,
              },
              {
                title: '理由及依据',
                key: 'reasons',
                render: (_: unknown, r) =>
                  r.reasons.length === 0 ? (
                    <Typography.Text type="secondary">记录中无影响提拔的事项</Typography.Text>
                  ) : (
                    <Space direction="vertical" size={4}>
                      {r.reasons.map((x, i) => (
                        <div key={i}>
                          <Tag>{REASON_LABELS[x.kind]}</Tag>
                          {x.text}
                          <div>
                            <Typography.Text type="secondary">
                              依据{x.article}
                              {x.record.length > 0 && `；${x.record.join('；')}`}
                            </Typography.Text>
                          </div>
                        </div>
                      ))}
                    </Space>
                  ),
              },
            ]}
          />
        )}
      </Space>
    </Card>
  );
}
