// 数据管理 · 导入导出: blank Excel templates, import (all or nothing: a file with any bad row writes nothing and the
// row report says what to fix), and export of the records within the user's scope.
import { useState } from 'react';
import { Alert, App, Button, Card, Col, Result, Row, Select, Space, Table, Typography, Upload } from 'antd';
import { DownloadOutlined, ExportOutlined, InboxOutlined } from '@ant-design/icons';
import { ApiError, download, request, type ImportRowError } from '../../api';
import { canWrite, OFFICE_ROLES, RECORD_KINDS, RECORD_KIND_LABELS, WRITER_ROLES, type RecordKind } from '../../vocab';
import { useAuth } from '../../auth';

const kindOptions = RECORD_KINDS.map((k) => ({ value: k, label: RECORD_KIND_LABELS[k] }));
/** '' = recognise each sheet by its name (干部, 任职, …), as the template names them */
const AUTO = '';

type Outcome =
  | { ok: true; imported: number; file: string }
  | { ok: false; file: string; message: string; errors: ImportRowError[]; errorCount?: number };

export function ImportExportPage() {
  const { user } = useAuth();
  const { message } = App.useApp();
  const role = user?.role;
  const writable = role ? kindOptions.filter((o) => canWrite(role, o.value)) : [];
  // the template offered first is one of the kinds this role keeps (纪检监察 keeps 处分, not 干部)
  const [templateKind, setTemplateKind] = useState<RecordKind>(
    writable.some((o) => o.value === 'cadres') ? 'cadres' : (writable[0]?.value ?? 'cadres'),
  );
  const [exportKind, setExportKind] = useState<RecordKind>('cadres');
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const canImport = !!role && WRITER_ROLES.includes(role) && writable.length > 0;
  const canExport = !!role && OFFICE_ROLES.includes(role);
  const [importKind, setImportKind] = useState<string>(AUTO);

  async function get(path: string, name: string, what: string) {
    setBusy(what);
    try {
      await download(path, name);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  }

  async function upload(file: File) {
    setBusy('import');
    setOutcome(null);
    const fd = new FormData();
    // the server reads fields that come before the file part
    if (importKind) fd.append('kind', importKind);
    fd.append('file', file, file.name);
    try {
      const r = await request<{ imported?: number; inserted?: number }>('POST', '/io/import', fd);
      setOutcome({ ok: true, imported: r.imported ?? r.inserted ?? 0, file: file.name });
    } catch (e) {
      const body = e instanceof ApiError ? e.body : null;
      setOutcome({
        ok: false,
        file: file.name,
        message: e instanceof Error ? e.message : String(e),
        errors: body?.errors ?? [],
        errorCount: (body as { errorCount?: number } | null)?.errorCount,
      });
    } finally {
      setBusy(null);
    }
  }

  if (!canImport && !canExport)
    return (
      <Card>
        <Result status="info" title="当前角色不办理导入导出" subTitle="您可以在“数据管理”中查看管理范围内的记录。" />
      </Card>
    );
  return (
    <div>
      {canImport && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={`您可以导入和维护：${writable.map((o) => o.label).join('、')}；可以导出管理范围内的各类记录。`}
        />
      )}
      <Row gutter={12}>
        {canImport && (
          <Col span={canExport ? 12 : 24}>
            <Card size="small" title="下载导入模板" style={{ height: '100%' }}>
              <Typography.Paragraph type="secondary">
                模板含中文表头、下拉选项和“填写说明”工作表；红色表头为必填列。
              </Typography.Paragraph>
              <Space>
                <Select style={{ width: 180 }} value={templateKind} onChange={setTemplateKind} options={writable} />
                <Button
                  icon={<DownloadOutlined />}
                  loading={busy === 'template'}
                  onClick={() =>
                    void get(
                      `/io/template/${templateKind}`,
                      `${RECORD_KIND_LABELS[templateKind]}导入模板.xlsx`,
                      'template',
                    )
                  }
                >
                  下载模板
                </Button>
              </Space>
            </Card>
          </Col>
        )}
        {canExport && (
          <Col span={canImport ? 12 : 24}>
            <Card size="small" title="导出数据" style={{ height: '100%' }}>
              <Typography.Paragraph type="secondary">
                导出您管理范围内的记录，文件可修改后重新导入。
              </Typography.Paragraph>
              <Space>
                <Select style={{ width: 180 }} value={exportKind} onChange={setExportKind} options={kindOptions} />
                <Button
                  type="primary"
                  icon={<ExportOutlined />}
                  loading={busy === 'export'}
                  onClick={() =>
                    void get(`/io/export/${exportKind}`, `${RECORD_KIND_LABELS[exportKind]}.xlsx`, 'export')
                  }
                >
                  导出 Excel
                </Button>
              </Space>
            </Card>
          </Col>
        )}
      </Row>
      {canImport && (
        <Card
          size="small"
          title="导入数据"
          style={{ marginTop: 12 }}
          extra={
            <Space>
              <Typography.Text type="secondary">数据类型</Typography.Text>
              <Select
                style={{ width: 200 }}
                value={importKind}
                onChange={setImportKind}
                options={[{ value: AUTO, label: '按工作表名称自动识别' }, ...writable]}
              />
            </Space>
          }
        >
          <Upload.Dragger
            accept=".xlsx"
            multiple={false}
            showUploadList={false}
            disabled={busy === 'import'}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
            data-testid="import-upload"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">
              {busy === 'import' ? '正在校验并导入…' : '点击或拖拽 Excel 文件（.xlsx）到此处导入'}
            </p>
            <p className="ant-upload-hint">
              整份文件校验通过后才写入；任何一行有误则不写入任何数据，并列出需要修改的行。
            </p>
          </Upload.Dragger>
          {outcome?.ok && (
            <Result
              status="success"
              title={`导入成功：${outcome.file}`}
              subTitle={`共写入 ${outcome.imported.toLocaleString('zh-CN')} 条记录。`}
            />
          )}
          {outcome && !outcome.ok && (
            <div style={{ marginTop: 12 }} data-testid="import-report">
              <Alert
                type="error"
                showIcon
                title={`导入未完成：${outcome.file}`}
                description={
                  outcome.errors.length > 0
                    ? `发现 ${(outcome.errorCount ?? outcome.errors.length).toLocaleString('zh-CN')} 处问题，未写入任何数据。请按下表修改后重新导入。`
                    : outcome.message
                }
                style={{ marginBottom: 12 }}
              />
              {outcome.errors.length > 0 && (
                <Table<ImportRowError & { key: number }>
                  size="small"
                  rowKey="key"
                  dataSource={outcome.errors.map((e, i) => ({ ...e, key: i }))}
                  pagination={outcome.errors.length > 10 ? { pageSize: 10 } : false}
                  columns={[
                    { title: '工作表', dataIndex: 'sheet', width: 120, render: (v?: string) => v ?? '—' },
                    { title: '行号', dataIndex: 'row', width: 70 },
                    { title: '列', dataIndex: 'column', width: 140, render: (v: string) => v || '（整表）' },
                    {
                      title: '填写的值',
                      dataIndex: 'value',
                      width: 160,
                      ellipsis: true,
                      render: (v: string) =>
                        v === '' ? <Typography.Text type="secondary">（空）</Typography.Text> : v,
                    },
                    { title: '问题', dataIndex: 'reason' },
                  ]}
                />
              )}
            </div>
          )}
        </Card>
      )}
    </div>
  );
}
