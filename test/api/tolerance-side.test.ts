// Beside a tolerance case, through the API on a real server: a 陕西 澄清正名 case that follows a tolerance case and runs
// its steps, false-accusation referrals where a text provides them, 安徽's 失信“黑名单”, and 焦作's pre-event filings
// read by the case's evaluation; each refused with the field and reason where the text gives no such thing or the
// input is wrong, and 404 for anyone who may not see the case or the filing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { Client, loggedIn, startServer, subtreeIds, type TestServer } from './harness.js';

let srv: TestServer;
const clients = new Map<string, Client>();
const as = (u: string) => clients.get(u)!;
const USERS = [
  'discipline_officer',
  'accountability_officer',
  'committee_member',
  'org_officer',
  'unit_liaison',
  'city_org',
  'cadre',
  'sysadmin',
  'secadmin',
  'auditadmin',
];
const D = 'discipline_officer';

beforeAll(async () => {
  srv = await startServer({ cadres: 300 });
  for (const u of USERS) clients.set(u, await loggedIn(srv.base, u));
}, 300_000);
afterAll(async () => srv?.close());

/** A cadre governed by `pack` (one added below the pack's root when the small record holds none). */
async function cadreOf(pack: string): Promise<{ id: string; unit: string }> {
  const roots = (await srv.store.repo('units').list({ limit: 100_000 })).filter((u) => u.pack === pack);
  const cadres = await srv.store.repo('cadres').list({ limit: 100_000 });
  for (const r of roots) {
    const ids = await subtreeIds(srv.store, r.id);
    const c = cadres.find((x) => ids.has(x.managingUnitId) && x.managingUnitId !== r.id);
    if (c) return { id: c.id, unit: c.managingUnitId };
  }
  const units = await srv.store.repo('units').list({ where: { parentId: roots[0]!.id }, limit: 1 });
  const c = await srv.store.repo('cadres').insert({
    id: `side-${pack}`,
    name: '测试干部',
    gender: null,
    birthDate: null,
    idNumber: null,
    category: '公务员',
    managingUnitId: units[0]!.id,
  });
  return { id: c.id, unit: c.managingUnitId };
}

let matters = 0;
async function openCase(cadreId: string): Promise<string> {
  const cadre = (await srv.store.repo('cadres').get(cadreId))!;
  const m = await srv.store.repo('accountabilityMatters').insert({
    id: `m-side-${++matters}`,
    subjectCadreId: cadreId,
    subjectUnitId: null,
    description: '项目审批失误',
    accountableUnitId: cadre.managingUnitId,
    openedOn: '2024-04-01',
    decidedOn: null,
    outcome: null,
    decision: null,
  });
  const r = await as(D).post('/api/cases', {
    subjectType: 'cadre',
    subjectId: cadreId,
    action: 'open',
    on: '2024-05-01',
    inputs: { matter: m.id },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

async function step(id: string, action: string, inputs: Record<string, unknown> = {}, reason?: string) {
  const cur = await as(D).get(`/api/cases/${id}`);
  return as(D).post(`/api/cases/${id}/steps`, {
    version: cur.body.version,
    action,
    on: '2024-06-10',
    inputs,
    ...(reason ? { reason } : {}),
  });
}

const unzipper = createRequire(import.meta.url)('unzipper') as {
  Open: { buffer(b: Buffer): Promise<{ files: { path: string; buffer(): Promise<Buffer> }[] }> };
};

/** The words of a .docx as a reader sees them: the text runs of every XML part, joined. */
async function docxText(buf: Buffer): Promise<string> {
  const dir = await unzipper.Open.buffer(buf);
  let out = '';
  for (const f of dir.files)
    if (f.path.startsWith('word/') && f.path.endsWith('.xml'))
      out += [...(await f.buffer()).toString('utf8').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return out;
}

async function newestAudit(action: string) {
  return srv.app.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .executeTakeFirst();
}

describe('陕西 澄清保护 after a tolerance case', () => {
  it('follows the tolerance case, runs its steps on the engine, and each case shows the other', async () => {
    const tolerance = await openCase((await cadreOf('shaanxi')).id);
    const started = await as(D).post('/api/clarifications', {
      follows: tolerance,
      action: 'open',
      on: '2024-06-01',
      inputs: { report: '反映该干部收受好处' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    expect(started.body.procedure).toBe('clarification');
    const id = started.body.id as string;
    for (const [action, inputs] of [
      ['hear', { statement: '本人作了说明' }],
      ['gather', { opinions: '各方意见' }],
      ['find_false_accusation', { findings: '系捏造' }],
      ['clear', { means: ['谈心', '通报'] }],
      ['refer', { accuser: '李某', conduct: '恶意中伤诬陷他人' }],
      ['expose', { scope: '全市' }],
      ['close', {}],
    ] as const) {
      const r = await step(id, action, inputs);
      expect(r.status, `${action}: ${JSON.stringify(r.body)}`).toBe(200);
    }
    const detail = await as(D).get(`/api/cases/${id}`);
    expect(detail.body.state).toBe('closed');
    expect(detail.body.procedure.title).toBe('陕西省澄清保护程序');
    const docs = await as(D).get(`/api/cases/${id}/documents`);
    expect(docs.body.items.map((d: { name: string }) => d.name)).toEqual(['通报曝光']);
    const doc = await as(D).get(`/api/cases/${id}/documents/1`);
    expect(doc.status).toBe(200);
    const words = await docxText(doc.body as Buffer);
    expect(words).toContain('所反映问题的澄清保护');
    expect(words).toContain('恶意中伤诬陷他人');
    expect(words).not.toContain('出现失误');
    expect(words).not.toContain(id);
    expect(words).not.toContain(tolerance);

    const after = await as(D).get(`/api/cases/${tolerance}/side`);
    expect(after.status).toBe(200);
    expect(after.body.followedBy.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(after.body.followedBy[0].stateLabel).toBe('已办结');
    expect(after.body.provisions.clarification.citation.article).toBe('第十一条');
    const back = await as(D).get(`/api/cases/${id}/side`);
    expect(back.body.follows.map((c: { id: string }) => c.id)).toEqual([tolerance]);
    expect((await newestAudit('case.start'))?.target_id).toBe(id);
  });

  it('refuses: a followed case the person cannot see, neither case nor subject, a pack without the procedure', async () => {
    const unknown = await as(D).post('/api/clarifications', {
      follows: 'no-such-case',
      action: 'open',
      on: '2024-06-01',
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.field).toBe('follows');
    const neither = await as(D).post('/api/clarifications', { action: 'open', on: '2024-06-01' });
    expect(neither.status).toBe(400);
    expect(neither.body.field).toBe('follows');
    const jiangsu = await openCase((await cadreOf('jiangsu')).id);
    const none = await as(D).post('/api/clarifications', {
      follows: jiangsu,
      action: 'open',
      on: '2024-06-01',
      inputs: { report: '反映问题' },
    });
    expect(none.status).toBe(400);
    expect(none.body.field).toBe('subject');
    // a person who cannot see the tolerance case gets the same answer as for one that does not exist
    const shaanxi = await openCase((await cadreOf('shaanxi')).id);
    const hidden = await as('city_org').post('/api/clarifications', {
      follows: shaanxi,
      action: 'open',
      on: '2024-06-01',
      inputs: { report: '反映问题' },
    });
    expect(hidden.status).toBe(400);
    expect(hidden.body.field).toBe('follows');
  });
});

describe('false-accusation referral and 安徽 失信“黑名单”', () => {
  it('安徽: a referral, then the person entered in the list, shown with the case with the article', async () => {
    const id = await openCase((await cadreOf('anhui')).id);
    const ref = await as(D).post(`/api/cases/${id}/referrals`, {
      on: '2024-06-05',
      accuser: '王某',
      conduct: '捏造事实、虚假告发',
      referredTo: '市纪委监委',
    });
    expect(ref.status, JSON.stringify(ref.body)).toBe(201);
    expect(ref.body.article).toBe('关于进一步激励广大干部新时代新担当新作为的实施意见 第12项');
    const early = await as(D).post(`/api/cases/${id}/blacklist`, {
      on: '2024-06-04',
      referral: ref.body.id,
      person: '王某',
      conduct: '捏造事实、虚假告发干部造成恶劣影响',
      decidedBy: '市纪委监委',
    });
    expect(early.status).toBe(400);
    expect(early.body.field).toBe('on');
    const wrongRef = await as(D).post(`/api/cases/${id}/blacklist`, {
      on: '2024-06-20',
      referral: 'no-such-referral',
      person: '王某',
      conduct: '虚假告发',
      decidedBy: '市纪委监委',
    });
    expect(wrongRef.status).toBe(400);
    expect(wrongRef.body.field).toBe('referral');
    const entry = await as(D).post(`/api/cases/${id}/blacklist`, {
      on: '2024-06-20',
      referral: ref.body.id,
      person: '王某',
      conduct: '捏造事实、虚假告发干部造成恶劣影响',
      decidedBy: '市纪委监委',
    });
    expect(entry.status, JSON.stringify(entry.body)).toBe(201);
    const side = await as(D).get(`/api/cases/${id}/side`);
    expect(side.body.referrals.map((r: { accuser: string }) => r.accuser)).toEqual(['王某']);
    expect(side.body.blacklist.map((b: { person: string; decidedBy: string }) => [b.person, b.decidedBy])).toEqual([
      ['王某', '市纪委监委'],
    ]);
    expect(side.body.provisions.creditBlacklist.effect).toBe('将诬告陷害行为与社会诚信体系建设挂钩');
    expect(side.body.provisions.creditBlacklist.decidedBy).toBeNull();
    // the audit entry names the record, not the person
    const a = await newestAudit('case.blacklist');
    expect(a?.target_id).toBe(id);
    expect(JSON.stringify(a)).not.toContain('王某');
  });

  it('refuses where the text provides none, and for anyone not handling the case', async () => {
    const jiaozuo = await openCase((await cadreOf('jiaozuo')).id);
    const r = await as(D).post(`/api/cases/${jiaozuo}/referrals`, {
      on: '2024-06-05',
      accuser: '某',
      conduct: '诬告',
      referredTo: '纪委',
    });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('referral');
    const shaanxi = await openCase((await cadreOf('shaanxi')).id);
    const ref = await as(D).post(`/api/cases/${shaanxi}/referrals`, {
      on: '2024-06-05',
      accuser: '某',
      conduct: '恶意中伤',
      referredTo: '纪委',
    });
    expect(ref.status).toBe(201);
    const list = await as(D).post(`/api/cases/${shaanxi}/blacklist`, {
      on: '2024-06-06',
      referral: ref.body.id,
      person: '某',
      conduct: '恶意中伤',
      decidedBy: '纪委',
    });
    expect(list.status).toBe(400);
    expect(list.body.field).toBe('blacklist');
    const anhui = await openCase((await cadreOf('anhui')).id);
    const body = { on: '2024-06-05', accuser: '某', conduct: '虚假告发', referredTo: '纪委' };
    // 党委（党组）成员 see a 江苏 case (they review it) but do not record for the handling organ
    const jiangsu = await openCase((await cadreOf('jiangsu')).id);
    expect((await as('committee_member').post(`/api/cases/${jiangsu}/referrals`, body)).status).toBe(403);
    expect((await as(D).get(`/api/cases/${jiangsu}/side`)).body.referrals).toEqual([]);
    // 安徽 names no 党委 step: its members do not see the case at all
    for (const u of ['committee_member', 'city_org', 'sysadmin', 'cadre']) {
      expect((await as(u).post(`/api/cases/${anhui}/referrals`, body)).status, u).toBe(404);
      expect((await as(u).get(`/api/cases/${anhui}/side`)).status, u).toBe(404);
    }
    expect((await as(D).get(`/api/cases/${anhui}/side`)).body.referrals).toEqual([]);
  });
});

describe('焦作 pre-event filings', () => {
  it('a late risk filing makes the case evaluation refuse tolerance; one filed beforehand does not', async () => {
    const { id: cadre, unit } = await cadreOf('jiaozuo');
    const id = await openCase(cadre);
    const late = await as(D).post('/api/filings', {
      kind: 'reform_risk',
      unit,
      cadre,
      title: '审批制度改革试点',
      startedOn: '2023-03-01',
      assessedOn: '2023-02-20',
      filedOn: '2023-03-02',
    });
    expect(late.status, JSON.stringify(late.body)).toBe(201);
    expect(late.body.inTime).toBe(false);
    expect(late.body.filedWith).toBe('上一级全面深化改革领导小组');
    expect((await as(D).post(`/api/cases/${id}/filings`, { filing: late.body.id })).status).toBe(201);
    expect((await as(D).post(`/api/cases/${id}/filings`, { filing: late.body.id })).status).toBe(200);
    const findings = {
      situation: 'situation.2',
      flags: { collectiveDecision: true, soughtPrivateGain: false, seriousConsequence: false },
    };
    expect((await step(id, 'propose', { findings: '调查', opinion: '建议', ...findings })).status).toBe(200);
    const before = await as(D).get(`/api/cases/${id}`);
    expect(before.body.evaluation.flags).toMatchObject({ majorReform: true, riskAssessmentFiled: false });
    expect(before.body.evaluation.verdict).toBe('ineligible');
    const rules = (e: { findings: { rule: string }[] }) => e.findings.map((f) => f.rule);
    expect(rules(before.body.evaluation)).toContain('jiaozuo/tolerance/condition.reform-filing');
    // tolerating despite the late filing departs from the evaluation: a written reason is required
    const decide = await as('committee_member').post(`/api/cases/${id}/steps`, {
      version: before.body.version,
      action: 'decide',
      on: '2024-06-12',
      inputs: { outcome: 'exempt', meeting: '常委会' },
    });
    expect(decide.status).toBe(400);
    expect(decide.body.field).toBe('inputs.departureReason');

    const onTime = await as(D).post('/api/filings', {
      kind: 'reform_risk',
      unit,
      title: '审批制度改革试点（补正前的原备案）',
      startedOn: '2023-03-01',
      assessedOn: '2023-02-20',
      filedOn: '2023-03-01',
    });
    expect(onTime.body.inTime).toBe(true);
    expect((await as(D).post(`/api/cases/${id}/filings`, { filing: onTime.body.id })).status).toBe(201);
    const afterOn = await as(D).get(`/api/cases/${id}`);
    expect(afterOn.body.evaluation.flags.riskAssessmentFiled).toBe(true);
    expect(rules(afterOn.body.evaluation)).not.toContain('jiaozuo/tolerance/condition.reform-filing');
    const side = await as(D).get(`/api/cases/${id}/side`);
    expect(side.body.filings.map((f: { inTime: boolean }) => f.inTime)).toEqual([false, true]);
    expect((await newestAudit('filing.create'))?.target_id).toBe(onTime.body.id);
  });

  it('a special measure approved by the upper department only after it was put into effect is not in time', async () => {
    const { unit } = await cadreOf('jiaozuo');
    const r = await as(D).post('/api/filings', {
      kind: 'special_measure',
      unit,
      title: '重点项目先行开工',
      startedOn: '2023-05-10',
      governmentApprovedOn: '2023-05-01',
      reportedTo: '省发展改革委',
      upperApprovedOn: '2023-05-11',
    });
    expect(r.status).toBe(201);
    expect(r.body.inTime).toBe(false);
    expect(r.body.requirement).toContain('在实施前向上级业务主管部门报告并征得同意');
  });

  it('bad input is 400 naming the field, and changes nothing', async () => {
    const { unit } = await cadreOf('jiaozuo');
    const count = async () => (await as(D).get('/api/filings')).body.total as number;
    const n = await count();
    const foreign = await as(D).post('/api/filings', {
      kind: 'special_measure',
      unit,
      title: '措施',
      startedOn: '2023-05-10',
      assessedOn: '2023-05-01',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.field).toBe('assessedOn');
    const badDate = await as(D).post('/api/filings', {
      kind: 'reform_risk',
      unit,
      title: '项目',
      startedOn: '2023-13-45',
    });
    expect(badDate.status).toBe(400);
    expect(badDate.body.field).toBe('startedOn');
    const jiangsuUnit = (await cadreOf('jiangsu')).unit;
    const elsewhere = await as(D).post('/api/filings', {
      kind: 'reform_risk',
      unit: jiangsuUnit,
      title: '项目',
      startedOn: '2023-05-10',
    });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.field).toBe('kind');
    expect(await count()).toBe(n);
  });

  it('is seen like an accountability matter: 404 outside the scope, and only officers of the organ write', async () => {
    const { unit } = await cadreOf('jiaozuo');
    const f = await as(D).post('/api/filings', { kind: 'reform_risk', unit, title: '项目', startedOn: '2023-05-10' });
    expect(f.status).toBe(201);
    expect((await as('org_officer').get(`/api/filings/${f.body.id}`)).status).toBe(200);
    for (const u of ['city_org', 'committee_member', 'cadre', 'sysadmin'])
      expect((await as(u).get(`/api/filings/${f.body.id}`)).status, u).toBe(404);
    expect((await as('city_org').get('/api/filings')).body.items).toEqual([]);
    expect(
      (
        await as('org_officer').post('/api/filings', {
          kind: 'reform_risk',
          unit,
          title: '项目',
          startedOn: '2023-05-10',
        })
      ).status,
    ).toBe(403);
    // a case elsewhere cannot rely on it
    const jiangsuCase = await openCase((await cadreOf('jiangsu')).id);
    const r = await as(D).post(`/api/cases/${jiangsuCase}/filings`, { filing: f.body.id });
    expect(r.status).toBe(400);
    expect(r.body.field).toBe('filing');
  });
});

describe('every route beside a case, with every role', () => {
  it('reads: the handling officers see; everyone else gets 404, and no session 401', async () => {
    const { id: cadre, unit } = await cadreOf('jiaozuo');
    const id = await openCase(cadre);
    const f = await as(D).post('/api/filings', { kind: 'reform_risk', unit, title: '项目', startedOn: '2023-05-10' });
    expect((await as(D).post(`/api/cases/${id}/filings`, { filing: f.body.id })).status).toBe(201);
    // what lies beside a case is seen exactly as the case is; filings as accountability matters are
    const filingSees = new Set(['discipline_officer', 'accountability_officer', 'org_officer']);
    const failures: string[] = [];
    for (const u of USERS) {
      const c = (await as(u).get(`/api/cases/${id}`)).status;
      const s = (await as(u).get(`/api/cases/${id}/side`)).status;
      if (s !== c || ![200, 404].includes(s)) failures.push(`side as ${u}: ${s}, the case ${c}`);
      const g = (await as(u).get(`/api/filings/${f.body.id}`)).status;
      if (g !== (filingSees.has(u) ? 200 : 404)) failures.push(`filing as ${u}: ${g}`);
    }
    for (const u of ['sysadmin', 'secadmin', 'auditadmin', 'city_org', 'cadre', 'unit_liaison'])
      if ((await as(u).get(`/api/cases/${id}/side`)).status !== 404) failures.push(`side as ${u}: not 404`);
    expect((await as(D).get(`/api/cases/${id}/side`)).status).toBe(200);
    expect(failures).toEqual([]);
    const anonymous = new Client(srv.base);
    for (const url of [`/api/cases/${id}/side`, `/api/filings/${f.body.id}`, '/api/filings'])
      expect((await anonymous.get(url)).status, url).toBe(401);
    expect(
      (await anonymous.post('/api/clarifications', { follows: id, action: 'open', on: '2024-06-01' })).status,
    ).toBe(401);
    expect((await newestAudit('case.side'))?.target_id).toBe(id);
  });
});
