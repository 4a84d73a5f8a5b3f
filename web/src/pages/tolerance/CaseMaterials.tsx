// A case's materials (材料): the files attached with a step or a comment, downloadable by whoever sees the case, and
// the form to attach one — to a step the reader took, or with a comment. The server checks the file's kind and size
// and says which in its refusal, shown here.
import { useRef, useState } from 'react';
import { Alert, App, Button, Input, List, Radio, Select, Space, Typography } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { api, download } from '../../api';
import { fmtDateTime } from '../../format';
import { useLoad } from '../../hooks';
import type { CaseDetail } from './data';

interface Material {
  id: string;
  name: string;
  size: number;
  uploadedAt: string;
  stepLabel: string | null;
}

const sizeText = (n: number) =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.ceil(n / 1024)} KB` : `${n} 字节`;

export function CaseMaterials({ c, onDone }: { c: CaseDetail; onDone: () => void }) {
  const { message } = App.useApp();
  const { data, reload } = useLoad(
    () =>
      api.get<{ items: Material[]; accepted: string[]; maxBytes: number }>(
        `/cases/${encodeURIComponent(c.id)}/attachments`,
      ),
    [c.id, c.version],
  );
  const [mode, setMode] = useState<'comment' | 'step'>('comment');
  const [step, setStep] = useState<number | undefined>();
  const [comment, setComment] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const upload = async () => {
    if (!file) return;
    const f = new FormData();
    if (mode === 'step') f.append('step', String(step ?? ''));
    else f.append('comment', comment);
    f.append('file', file, file.name);
    setBusy(true);
    setError(null);
    try {
      await api.post(`/cases/${encodeURIComponent(c.id)}/attachments`, f);
      void message.success(`已上传：${file.name}`);
      setFile(null);
      setComment('');
      if (input.current) input.current.value = '';
      void reload();
      onDone();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const ready = !!file && (mode === 'step' ? step !== undefined : comment.trim().length > 0);
  return (
    <div>
      <List
        size="small"
        data-testid="materials"
        locale={{ emptyText: '暂无材料' }}
        dataSource={data?.items ?? []}
        renderItem={(m) => (
          <List.Item
            actions={[
              <Button
                key="dl"
                size="small"
                icon={<DownloadOutlined />}
                onClick={() =>
                  download(`/cases/${encodeURIComponent(c.id)}/attachments/${encodeURIComponent(m.id)}`, m.name).catch(
                    (e: Error) => message.error(e.message),
                  )
                }
                data-testid={`download-material-${m.name}`}
              >
                下载
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={m.name}
              description={`${m.stepLabel ? `随“${m.stepLabel}”提交` : '随意见提交'} · ${sizeText(m.size)} · ${fmtDateTime(m.uploadedAt)}`}
            />
          </List.Item>
        )}
      />
      <div style={{ borderTop: '1px solid #f0f0f0', marginTop: 8, paddingTop: 8, display: 'grid', gap: 8 }}>
        <Typography.Text strong>上传材料</Typography.Text>
        <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'comment' | 'step')}>
          <Radio value="comment">随意见提交</Radio>
          <Radio value="step">作为本人办理步骤的材料</Radio>
        </Radio.Group>
        {mode === 'step' ? (
          <Select
            placeholder="选择办理步骤"
            value={step}
            onChange={setStep}
            options={c.history.map((h) => ({ value: h.seq, label: `${h.label}（${h.on}）` }))}
          />
        ) : (
          <Input.TextArea
            rows={2}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            placeholder="说明材料的内容"
            data-testid="material-comment"
          />
        )}
        <input
          ref={input}
          type="file"
          accept={data?.accepted.join(',')}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          data-testid="material-file"
        />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          可上传 {data?.accepted.join('、')}，单个文件不超过 {data ? Math.round(data.maxBytes / 1024 / 1024) : ''}MB
        </Typography.Text>
        {error && <Alert type="error" showIcon title={error} data-testid="material-error" />}
        <Space>
          <Button
            type="primary"
            icon={<UploadOutlined />}
            disabled={!ready}
            loading={busy}
            onClick={() => void upload()}
            data-testid="upload-material"
          >
            上传
          </Button>
        </Space>
      </div>
    </div>
  );
}
