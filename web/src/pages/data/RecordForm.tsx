// Add or edit one record in a modal. A 400 from the server marks the named field with its reason_zh (or shows it
// above the form when the field is not on the form); a 409 says the record changed meanwhile and offers a reload.
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError, api, type Row } from '../../api';
import { RECORD_KIND_LABELS, MEANINGFUL_AREAS, type RecordKind } from '../../vocab';
import { toTreeData, useUnitTree, type TreeOption } from '../../units';
import { AREA_LABELS, FORM_FIELDS, SUBJECT_KINDS, newId, type FieldSpec } from './fields';

export interface RecordFormProps {
  kind: RecordKind;
  /** the row to edit; absent when adding */
  row?: Row | null;
  /** the cadre the new record belongs to (cadreId or subject) */
  cadreId?: string;
  open: boolean;
  onClose(): void;
  onSaved(row: Row): void;
  /** reload the page's data after a 409 */
  onStale?(): void;
}

const DATE_FMT = 'YYYY年M月D日';

function toForm(fields: FieldSpec[], row: Row | null | undefined): Record<string, unknown> {
  const v: Record<string, unknown> = {};
  for (const f of fields) {
    const x = row?.[f.field];
    if (f.type.t === 'date') v[f.field] = typeof x === 'string' && x ? dayjs(x) : undefined;
    else if (f.type.t === 'bool') v[f.field] = x === true;
    else v[f.field] = x ?? undefined;
  }
  return v;
}

function fromForm(fields: FieldSpec[], values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    const x = values[f.field];
    if (f.type.t === 'date') out[f.field] = x ? (x as Dayjs).format('YYYY-MM-DD') : null;
    else if (f.type.t === 'bool') out[f.field] = x === true;
    else if (f.type.t === 'areas') out[f.field] = Array.isArray(x) ? x : [];
    // 分管单位: a list (empty = in charge of none) or, left untouched, not entered
    else if (f.type.t === 'units') out[f.field] = Array.isArray(x) ? x : null;
    else if (typeof x === 'string') out[f.field] = x.trim() === '' ? null : x.trim();
    else out[f.field] = x ?? null;
  }
  return out;
}

/**
 * Units chosen from the tree, with 不分管单位 said explicitly: an empty choice alone would not tell "none" from "not
 * entered yet", and the talk coverage reads them differently.
 */
function UnitsInput({
  value,
  onChange,
  treeData,
}: {
  value?: string[] | null;
  onChange?: (v: string[] | null) => void;
  treeData: TreeOption[];
}) {
  const none = Array.isArray(value) && value.length === 0;
  return (
    <>
      <TreeSelect
        multiple
        treeData={treeData}
        value={Array.isArray(value) ? value : []}
        onChange={(v: string[]) => onChange?.(v.length ? v : null)}
        disabled={none}
        showSearch={{ treeNodeFilterProp: 'title' }}
        placeholder={none ? '不分管单位' : '选择分管的单位（尚未录入）'}
        popupMatchSelectWidth={false}
        treeDefaultExpandedKeys={treeData.slice(0, 1).map((n) => n.key)}
        style={{ width: '100%' }}
        data-testid="charged-units"
      />
      <Checkbox checked={none} onChange={(e) => onChange?.(e.target.checked ? [] : null)}>
        不分管单位
      </Checkbox>
    </>
  );
}

export function RecordForm({ kind, row, cadreId, open, onClose, onSaved, onStale }: RecordFormProps) {
  const [form] = Form.useForm();
  const { tree } = useUnitTree();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<{ msg: string; conflict: boolean } | null>(null);
  const fields = (FORM_FIELDS[kind] ?? []).filter((f) => !(row && f.createOnly));
  const editing = !!row;

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(toForm(fields, row));
      setError(null);
    }
  }, [open, row, kind]);

  async function save() {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const body = fromForm(fields, values);
    if (kind === 'posts' && body.endDate && body.startDate && String(body.endDate) < String(body.startDate)) {
      form.setFields([{ name: 'endDate', errors: ['免职日期不得早于任职日期'] }]);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      let saved: Row;
      if (editing && row) {
        saved = await api.put<Row>(`/records/${kind}/${encodeURIComponent(row.id)}`, { ...body, version: row.version });
      } else {
        const owner: Record<string, unknown> = {};
        if (cadreId && SUBJECT_KINDS.includes(kind)) Object.assign(owner, { subjectType: 'cadre', subjectId: cadreId });
        else if (cadreId && kind !== 'cadres') owner.cadreId = cadreId;
        saved = await api.post<Row>(`/records/${kind}`, { id: body.id ?? newId(), ...owner, ...body });
      }
      onSaved(saved);
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.field && fields.some((f) => f.field === e.field)) {
        form.setFields([{ name: e.field, errors: [e.message] }]);
      } else if (e instanceof ApiError && e.status === 409) {
        setError({ msg: e.message, conflict: true });
      } else {
        setError({ msg: e instanceof Error ? e.message : String(e), conflict: false });
      }
    } finally {
      setSaving(false);
    }
  }

  const unitData = toTreeData(tree);
  return (
    <Modal
      open={open}
      title={`${editing ? '编辑' : '新增'}${RECORD_KIND_LABELS[kind]}`}
      onCancel={onClose}
      onOk={() => void save()}
      okText="保存"
      confirmLoading={saving}
      destroyOnHidden
      width={620}
      forceRender
    >
      {error && (
        <Alert
          type="error"
          showIcon
          data-testid="form-error"
          title={error.msg}
          style={{ marginBottom: 12 }}
          action={
            error.conflict && onStale ? (
              <Button
                size="small"
                onClick={() => {
                  onStale();
                  onClose();
                }}
              >
                刷新
              </Button>
            ) : undefined
          }
        />
      )}
      <Form form={form} layout="horizontal" labelCol={{ span: 6 }} wrapperCol={{ span: 17 }} requiredMark>
        {fields.map((f) => (
          <Form.Item
            key={f.field}
            name={f.field}
            label={f.label}
            extra={f.extra}
            valuePropName={f.type.t === 'bool' ? 'checked' : 'value'}
            rules={[
              ...(f.required ? [{ required: true, message: `请填写${f.label}` }] : []),
              ...(f.type.t === 'text' && f.type.max
                ? [{ max: f.type.max, message: `${f.label}不超过${f.type.max}个字` }]
                : []),
              ...(f.type.t === 'text' && f.type.pattern
                ? [{ pattern: f.type.pattern, message: f.type.patternMsg }]
                : []),
            ]}
          >
            {f.type.t === 'text' ? (
              <Input />
            ) : f.type.t === 'textarea' ? (
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
            ) : f.type.t === 'date' ? (
              <DatePicker format={DATE_FMT} style={{ width: '100%' }} placeholder="选择日期" />
            ) : f.type.t === 'enum' ? (
              <Select
                options={f.type.options}
                allowClear={!f.required}
                placeholder="请选择"
                showSearch={{ optionFilterProp: 'label' }}
              />
            ) : f.type.t === 'int' ? (
              <InputNumber min={f.type.min} max={f.type.max} precision={0} style={{ width: '100%' }} />
            ) : f.type.t === 'bool' ? (
              <Checkbox>是</Checkbox>
            ) : f.type.t === 'units' ? (
              <UnitsInput treeData={unitData} />
            ) : f.type.t === 'unit' ? (
              <TreeSelect
                treeData={unitData}
                showSearch={{ treeNodeFilterProp: 'title' }}
                placeholder="选择单位"
                popupMatchSelectWidth={false}
                treeDefaultExpandedKeys={unitData.slice(0, 1).map((n) => n.key)}
              />
            ) : (
              <Select
                mode="tags"
                placeholder="选择或输入分管领域"
                options={MEANINGFUL_AREAS.map((a) => ({ value: a, label: AREA_LABELS[a] ?? a }))}
              />
            )}
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}
