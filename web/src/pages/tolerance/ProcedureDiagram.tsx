// A jurisdiction's procedure drawn from its definition: how a case starts, then each state in the order the
// definition declares them, with the steps that leave it — what is done, by which body, on which article, and where
// the case goes next; a step that sends the case back to an earlier state is drawn as a return arrow at both ends.
// Plain HTML/CSS, so it prints and needs no drawing library. On a case page the state the case
// stands in is marked, and the states it has passed through are shaded.
import { Tag, Typography } from 'antd';
import { ArrowDownOutlined, RollbackOutlined } from '@ant-design/icons';
import { plainArticle, type ProcedureAction, type ProcedureView } from './data';

const box = (current: boolean, passed: boolean, final: boolean) => ({
  border: `${current ? 2 : 1}px solid ${current ? '#b71c1c' : final ? '#15803d' : '#cbd5e1'}`,
  background: current ? '#fff1f0' : passed ? '#f0fdf4' : '#fff',
  borderRadius: 6,
  padding: '6px 10px',
});

function Step({ a, stateKey, back }: { a: ProcedureAction; stateKey: string; back: boolean }) {
  const stays = a.to.key === stateKey;
  return (
    <div style={{ borderTop: '1px dashed #e5e7eb', padding: '4px 0', fontSize: 12, lineHeight: '18px' }}>
      <div>
        <Typography.Text strong style={{ fontSize: 12 }}>
          {a.label}
        </Typography.Text>
        {a.reasonRequired && (
          <Tag color="orange" style={{ marginInlineStart: 6, fontSize: 11, lineHeight: '16px' }}>
            须写明理由
          </Tag>
        )}
      </div>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          办理：{a.body}（{a.roles.join('、')}）
        </Typography.Text>
      </div>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          依据：{plainArticle(a.article)}
        </Typography.Text>
      </div>
      {a.outcomes.length > 0 && <div>结论：{a.outcomes.join(' / ')}</div>}
      {back ? (
        <div style={{ color: '#c2410c' }} data-back-to={a.to.label}>
          <RollbackOutlined /> 退回至“{a.to.label}”
        </div>
      ) : (
        <div style={{ color: stays ? '#64748b' : '#1d4ed8' }}>{stays ? '办理后仍在本环节' : `→ ${a.to.label}`}</div>
      )}
    </div>
  );
}

export function ProcedureDiagram({
  proc,
  current,
  passed = [],
  compact = false,
}: {
  proc: ProcedureView;
  /** the state the case stands in */
  current?: string;
  /** the states the case has been in */
  passed?: readonly string[];
  compact?: boolean;
}) {
  const starts = proc.actions.filter((a) => a.start);
  // a step goes back when it leads to a state declared before the one it leaves (sending back for more
  // investigation, reopening): drawn as a return arrow, and the state it returns to lists what may send a case back
  const order = new Map(proc.states.map((st, i) => [st.key, i]));
  const goesBack = (a: ProcedureAction, from: string) =>
    (order.get(a.to.key) ?? Infinity) < (order.get(from) ?? -Infinity);
  const returns = (key: string) =>
    proc.actions.flatMap((a) =>
      a.to.key === key ? a.from.filter((f) => goesBack(a, f.key)).map((f) => ({ a, from: f })) : [],
    );
  const nodes = [
    { key: 'new', label: '启动', final: false, actions: starts },
    ...proc.states.map((s) => ({
      ...s,
      actions: proc.actions.filter((a) => !a.start && a.from.some((f) => f.key === s.key)),
    })),
  ];
  return (
    <div data-testid={`diagram-${proc.jurisdiction}`} style={{ maxWidth: compact ? undefined : 520 }}>
      <Typography.Text strong>{proc.title}</Typography.Text>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          依据：{proc.documents.map((d) => `《${d}》`).join('、')}；适用于{proc.subjects.join('、')}
        </Typography.Text>
      </div>
      {nodes.map((n, i) => {
        const isCurrent = n.key === current;
        return (
          <div key={n.key}>
            {i > 0 && (
              <div style={{ textAlign: 'center', color: '#94a3b8', lineHeight: '16px' }}>
                <ArrowDownOutlined />
              </div>
            )}
            <div style={box(isCurrent, passed.includes(n.key), n.final)} data-current={isCurrent || undefined}>
              <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
                <Typography.Text strong style={{ color: isCurrent ? '#b71c1c' : undefined }}>
                  {n.label}
                </Typography.Text>
                <span>
                  {isCurrent && <Tag color="red">案件当前所处</Tag>}
                  {n.final && <Tag color="green">终结</Tag>}
                </span>
              </div>
              {returns(n.key).map(({ a, from }) => (
                <div
                  key={`back-${a.action}-${from.key}`}
                  style={{ fontSize: 12, color: '#c2410c', lineHeight: '18px' }}
                  data-returns-from={from.label}
                >
                  <RollbackOutlined rotate={180} /> 可由“{from.label}”环节经“{a.label}”退回至此
                </div>
              ))}
              {n.actions.map((a) => (
                <Step key={a.action} a={a} stateKey={n.key} back={goesBack(a, n.key)} />
              ))}
            </div>
          </div>
        );
      })}
    </div>
  );
}
