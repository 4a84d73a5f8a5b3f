// Case attachments (材料) through the API, the same on each database engine (case-attachments.test.ts on SQLite,
// case-attachments-postgres.test.ts on PostgreSQL): a file uploaded with a step or a comment, listed and downloaded
// byte for byte by those who see the case; stored encrypted; audited by name, size and SHA-256; refused with the
// field named (400), past the size limit (413), and as a missing case (404) for anyone who does not see the case —
// and a refused upload writes nothing.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES } from '../../src/server/case-attachment-files.js';
import { loggedIn, subtreeIds, type Client, type TestServer } from './harness.js';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('调查报告正文 证据材料 '.repeat(50))]);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** A multipart body: the fields in order, then the file. */
function form(fields: Record<string, string>, file?: { name: string; content: Buffer; type?: string }): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.append(k, v);
  if (file) f.append('file', new Blob([file.content], { type: file.type ?? 'application/octet-stream' }), file.name);
  return f;
}

export function attachmentSuite(server: () => TestServer, tag: string): void {
  const as = new Map<string, Client>();
  const who = (u: string) => as.get(u)!;
  let caseId = '';
  let otherCase = '';

  async function cadreOf(pack: string): Promise<string> {
    const srv = server();
    const roots = (await srv.store.repo('units').list({ limit: 100_000 })).filter((u) => u.pack === pack);
    const cadres = await srv.store.repo('cadres').list({ limit: 100_000 });
    for (const r of roots) {
      const ids = await subtreeIds(srv.store, r.id);
      const c = cadres.find((x) => ids.has(x.managingUnitId) && x.managingUnitId !== r.id);
      if (c) return c.id;
    }
    throw new Error(`no cadre under ${pack}`);
  }

  let n = 0;
  async function openCase(cadreId: string): Promise<string> {
    const srv = server();
    const cadre = (await srv.store.repo('cadres').get(cadreId))!;
    const m = await srv.store.repo('accountabilityMatters').insert({
      id: `m-att-${tag}-${++n}`,
      subjectCadreId: cadreId,
      subjectUnitId: null,
      description: '项目审批失误',
      accountableUnitId: cadre.managingUnitId,
      openedOn: '2024-04-01',
      decidedOn: null,
      outcome: null,
      decision: null,
    });
    const r = await who('discipline_officer').post('/api/cases', {
      subjectType: 'cadre',
      subjectId: cadreId,
      action: 'open',
      on: '2024-05-01',
      inputs: { matter: m.id },
    });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    return r.body.id as string;
  }

  const rows = async () =>
    Number(
      (
        await server()
          .app.ctx.db.selectFrom('case_attachments')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    );
  const comments = async () =>
    Number(
      (
        await server()
          .app.ctx.db.selectFrom('case_comments')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    );

  beforeAll(async () => {
    for (const u of [
      'discipline_officer',
      'accountability_officer',
      'committee_member',
      'city_org',
      'cadre',
      'sysadmin',
      'auditadmin',
    ])
      as.set(u, await loggedIn(server().base, u));
    // a 陕西 case: the demo cadre (如东) and 南通市's officer stand outside it
    caseId = await openCase(await cadreOf('shaanxi'));
    otherCase = await openCase(await cadreOf('shaanxi'));
  }, 120_000);

  describe(`case attachments (${tag})`, () => {
    let stepFile = '';

    it('a file uploaded with the step the officer took is listed and downloads byte for byte, stored encrypted', async () => {
      const d = who('discipline_officer');
      const up = await d.post(
        `/api/cases/${caseId}/attachments`,
        form({ step: '1' }, { name: '调查报告（第一稿）.pdf', content: PDF, type: 'text/html' }),
      );
      expect(up.status, JSON.stringify(up.body)).toBe(201);
      stepFile = up.body.id as string;
      expect(up.body).toMatchObject({
        name: '调查报告（第一稿）.pdf',
        // the type the extension names, never the one the browser claimed
        type: 'application/pdf',
        size: PDF.length,
        sha256: sha(PDF),
        step: 1,
        stepLabel: '主动进行容错',
      });
      const list = await d.get(`/api/cases/${caseId}/attachments`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((a: { name: string }) => a.name)).toEqual(['调查报告（第一稿）.pdf']);
      const dl = await d.get(`/api/cases/${caseId}/attachments/${stepFile}`);
      expect(dl.status).toBe(200);
      expect(Buffer.compare(dl.body as Buffer, PDF)).toBe(0);
      expect(dl.headers.get('content-type')).toBe('application/pdf');
      expect(dl.headers.get('content-disposition')).toContain(encodeURIComponent('调查报告（第一稿）.pdf'));
      // at rest: an SM4 ciphertext, nothing of the file readable
      const raw = await server()
        .app.ctx.db.selectFrom('case_attachments')
        .select('content')
        .where('id', '=', stepFile)
        .executeTakeFirstOrThrow();
      expect(String(raw.content)).toMatch(/^sm4:/);
      expect(String(raw.content)).not.toContain(PDF.toString('base64').slice(0, 40));
    });

    it('the case’s other participants see and download it; the audit keeps name, size and SHA-256, not the contents', async () => {
      const a = who('accountability_officer');
      const list = await a.get(`/api/cases/${caseId}/attachments`);
      expect(list.body.items).toHaveLength(1);
      expect((await a.get(`/api/cases/${caseId}/attachments/${stepFile}`)).status).toBe(200);
      const entries = await server()
        .app.ctx.db.selectFrom('audit_log')
        .selectAll()
        .where('target_id', '=', stepFile)
        .orderBy('seq')
        .execute();
      expect(entries.map((e) => e.action)).toEqual([
        'case.attachment',
        'case.attachment.download',
        'case.attachment.download',
      ]);
      const after = JSON.parse(String(entries[0]!.after_json)) as Record<string, unknown>;
      expect(after).toMatchObject({ name: '调查报告（第一稿）.pdf', size: PDF.length, sha256: sha(PDF), step: 1 });
      for (const e of entries) expect(JSON.stringify(e)).not.toContain(PDF.toString('base64').slice(0, 40));
    });

    it('a file with a comment records the comment beside it, in one go', async () => {
      const before = await comments();
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
      const up = await who('accountability_officer').post(
        `/api/cases/${caseId}/attachments`,
        form({ comment: '补充现场照片一张' }, { name: 'C:\\材料\\现场照片.PNG', content: png }),
      );
      expect(up.status, JSON.stringify(up.body)).toBe(201);
      expect(up.body).toMatchObject({ name: '现场照片.PNG', type: 'image/png', step: null });
      expect(await comments()).toBe(before + 1);
      const detail = await who('discipline_officer').get(`/api/cases/${caseId}`);
      const c = (detail.body.comments as { id: string; text: string; attachment: { name: string } | null }[]).find(
        (x) => x.id === up.body.comment,
      );
      expect(c).toMatchObject({ text: '补充现场照片一张', attachment: { name: '现场照片.PNG' } });
    });

    it('anyone who does not see the case gets 404 on the list, the upload and the download, as for a missing case', async () => {
      for (const u of ['city_org', 'cadre', 'sysadmin', 'auditadmin']) {
        const c = who(u);
        expect((await c.get(`/api/cases/${caseId}/attachments`)).status, u).toBe(404);
        expect((await c.get(`/api/cases/${caseId}/attachments/${stepFile}`)).status, u).toBe(404);
        const up = await c.post(
          `/api/cases/${caseId}/attachments`,
          form({ comment: '试图上传' }, { name: 'a.pdf', content: PDF }),
        );
        expect(up.status, u).toBe(404);
        expect((await c.get(`/api/cases/no-such-case/attachments`)).status, u).toBe(404);
      }
      // an attachment is reached only through its own case
      const d = who('discipline_officer');
      expect((await d.get(`/api/cases/${otherCase}/attachments/${stepFile}`)).status).toBe(404);
      expect((await d.get(`/api/cases/${caseId}/attachments/no-such-file`)).status).toBe(404);
    });

    it('refuses bad uploads with the field and the reason, and writes nothing', async () => {
      const d = who('discipline_officer');
      const before = [await rows(), await comments()];
      const cases: [FormData, string, RegExp][] = [
        [form({}, { name: 'a.pdf', content: PDF }), 'step', /办理步骤/],
        [form({ step: '1', comment: '两者都有' }, { name: 'a.pdf', content: PDF }), 'step', /办理步骤/],
        [form({ step: '99' }, { name: 'a.pdf', content: PDF }), 'step', /没有该办理步骤/],
        [form({ step: 'x' }, { name: 'a.pdf', content: PDF }), 'step', /没有该办理步骤/],
        [form({ comment: '   ' }, { name: 'a.pdf', content: PDF }), 'comment', /意见不能为空/],
        [form({ comment: '无文件' }), 'file', /未收到文件/],
        [
          form({ comment: '可执行文件' }, { name: 'setup.exe', content: Buffer.from('MZ...') }),
          'file',
          /不支持此类文件/,
        ],
        [form({ comment: '无扩展名' }, { name: '材料', content: PDF }), 'file', /不支持此类文件/],
        [
          form({ comment: '伪装' }, { name: '报告.pdf', content: Buffer.from('<html>not a pdf</html>') }),
          'file',
          /不是有效的PDF/,
        ],
        [form({ comment: '空文件' }, { name: '报告.pdf', content: Buffer.alloc(0) }), 'file', /文件为空/],
        [form({ comment: '长名' }, { name: `${'长'.repeat(201)}.pdf`, content: PDF }), 'file', /文件名不能超过200个字/],
      ];
      for (const [body, field, zh] of cases) {
        const r = await d.post(`/api/cases/${caseId}/attachments`, body);
        expect(r.status, JSON.stringify(r.body)).toBe(400);
        expect(r.body.field).toBe(field);
        expect(r.body.reason_zh).toMatch(zh);
        expect(r.body.reason).toBeTruthy();
      }
      const json = await d.post(`/api/cases/${caseId}/attachments`, { comment: 'json' });
      expect(json.status).toBe(400);
      expect(json.body.field).toBe('file');
      // a step's material is added by the person who took it
      const other = await who('accountability_officer').post(
        `/api/cases/${caseId}/attachments`,
        form({ step: '1' }, { name: 'a.pdf', content: PDF }),
      );
      expect(other.status).toBe(403);
      expect(other.body.reason_zh).toMatch(/本人办理的步骤/);
      expect([await rows(), await comments()]).toEqual(before);
    });

    it('takes a file of exactly the limit and refuses one byte more with 413 naming the file', async () => {
      const d = who('discipline_officer');
      const at = Buffer.alloc(MAX_ATTACHMENT_BYTES, 0x20);
      PDF.copy(at, 0, 0, 9);
      const ok = await d.post(
        `/api/cases/${caseId}/attachments`,
        form({ step: '1' }, { name: '扫描件.pdf', content: at }),
      );
      expect(ok.status, JSON.stringify(ok.body)).toBe(201);
      expect(ok.body.size).toBe(MAX_ATTACHMENT_BYTES);
      const before = await rows();
      const over = Buffer.concat([at, Buffer.from(' ')]);
      const r = await d.post(
        `/api/cases/${caseId}/attachments`,
        form({ step: '1' }, { name: '扫描件.pdf', content: over }),
      );
      expect(r.status, JSON.stringify(r.body)).toBe(413);
      expect(r.body.field, JSON.stringify(r.body)).toBe('file');
      expect(r.body.reason_zh).toMatch(/文件过大：附件不能超过20MB/);
      expect(await rows()).toBe(before);
      const back = await d.get(`/api/cases/${caseId}/attachments/${ok.body.id as string}`);
      expect(sha(back.body as Buffer)).toBe(sha(at));
    });

    it('a stored file changed behind the server is refused, never served', async () => {
      const d = who('discipline_officer');
      const txt = Buffer.from('谈话记录：当事人对事实无异议。');
      const up = await d.post(
        `/api/cases/${otherCase}/attachments`,
        form({ step: '1' }, { name: '谈话记录.txt', content: txt }),
      );
      expect(up.status, JSON.stringify(up.body)).toBe(201);
      await server()
        .app.ctx.db.updateTable('case_attachments')
        .set({ sha256: sha(Buffer.from('另一份文件')) })
        .where('id', '=', up.body.id as string)
        .execute();
      const r = await d.get(`/api/cases/${otherCase}/attachments/${up.body.id as string}`);
      expect(r.status).toBe(500);
      expect(r.body.reason_zh).toMatch(/校验失败/);
    });
  });
}
