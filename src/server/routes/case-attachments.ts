// A case's attachments (材料) over HTTP: a file uploaded with a step of the case (the person who took the step adds
// its material: 书面申请, 证据材料, 调查报告 …) or with a comment, the list, and the download. A case's attachments are
// seen exactly as the case is (404 like a missing case otherwise). Contents are stored encrypted at rest with the
// server's field key (SM4, as 身份证号 are) and checked against their SHA-256 when read back. The audit trail keeps
// the file's name, size and SHA-256, never its contents. Each upload, its comment and its audit entry commit in one
// transaction.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type {} from '@fastify/multipart';
import { createHash, randomUUID } from 'node:crypto';
import { isEncrypted } from '../../crypto/fields.js';
import type { Actor } from '../../mechanisms/tolerance/actors.js';
import { ToleranceCases } from '../../mechanisms/tolerance/cases.js';
import { CaseNotFoundError } from '../../mechanisms/tolerance/errors.js';
import { casesOf, type AttachmentRow } from '../../store/cases.js';
import { audit } from '../audit-log.js';
import { dbOf } from '../context.js';
import { badRequest, forbidden, HttpError, notFound } from '../errors.js';
import { errorSchemas } from '../schemas.js';
import { ACCEPTED_EXTENSIONS, checkFile, MAX_ATTACHMENT_BYTES } from '../case-attachment-files.js';

const MAX_COMMENT = 4000;
const MB = Math.round(MAX_ATTACHMENT_BYTES / 1024 / 1024);

function actorOf(req: FastifyRequest): Actor {
  const u = req.user!;
  return { userId: u.id, role: u.role, unitId: u.unitId ?? null, cadreId: u.cadreId ?? null };
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof CaseNotFoundError) throw notFound('案件不存在', `not found: case ${e.caseId}`);
    throw e;
  }
}

const tooLarge = () =>
  new HttpError(413, {
    field: 'file',
    reason_zh: `文件过大：附件不能超过${MB}MB`,
    reason: `file: an attachment may not exceed ${MAX_ATTACHMENT_BYTES} bytes`,
  });

interface Upload {
  fields: Record<string, string>;
  file?: { name: string; content: Buffer };
}

/** Reads the multipart body whole: the fields, and the one file (refused past the size limit). */
async function readUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart())
    throw badRequest('file', '请以 multipart/form-data 上传文件', 'upload the file as multipart/form-data');
  const out: Upload = { fields: {} };
  let large = false;
  // a file past the limit is read to its end and refused below with the field named (the plugin reads
  // `throwFileSizeLimit` from these options though its type for them leaves it out)
  const options = {
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_ATTACHMENT_BYTES, files: 1, fields: 4, fieldSize: MAX_COMMENT * 4 },
  };
  const parts = req.parts(options as Parameters<FastifyRequest['parts']>[0]);
  for await (const part of parts) {
    if (part.type === 'file') {
      const content = await part.toBuffer();
      if (part.file.truncated) large = true;
      else out.file = { name: part.filename, content };
    } else out.fields[part.fieldname] = String(part.value);
  }
  if (large) throw tooLarge();
  return out;
}

const idParams = { type: 'object', properties: { id: { type: 'string', maxLength: 64 } } } as const;

export function caseAttachmentRoutes(app: FastifyInstance): void {
  const ctx = app.ctx;
  const cases = () => new ToleranceCases(ctx.store, { now: ctx.now });
  // who sees a case is decided per case (participants and the handling organ): 404 for everyone else
  const config = {};

  /** An attachment as people read it: the step it belongs to by the step's name. */
  const view = (a: AttachmentRow, stepLabel: (seq: number) => string | null) => ({
    id: a.id,
    name: a.name,
    type: a.type,
    size: a.size,
    sha256: a.sha256,
    uploadedAt: a.uploadedAt,
    step: a.stepSeq,
    stepLabel: a.stepSeq === null ? null : stepLabel(a.stepSeq),
    comment: a.commentId,
  });

  app.post<{ Params: { id: string } }>(
    '/cases/:id/attachments',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: `上传案件材料（随步骤或意见；multipart：step 或 comment，file；不超过${MB}MB） attach a file to a case`,
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { ...errorSchemas(400, 401, 403, 404, 413) },
      },
    },
    async (req, reply) =>
      guarded(async () => {
        const actor = actorOf(req);
        const tc = cases();
        // the case first: someone who may not see it learns nothing from the checks on the upload
        const c = await tc.visible(actor, req.params.id);
        const up = await readUpload(req);
        const { step, comment } = up.fields;
        if ((step === undefined) === (comment === undefined))
          throw badRequest(
            'step',
            '请指明材料所属的办理步骤，或随意见一并提交',
            'give either step (the step the file belongs to) or comment',
          );
        let seq: number | null = null;
        let stepLabel: string | null = null;
        if (step !== undefined) {
          const steps = await casesOf(ctx.store).steps(c.id);
          const s = /^\d{1,9}$/.test(step) ? steps.find((x) => x.seq === Number(step)) : undefined;
          if (!s) throw badRequest('step', '本案没有该办理步骤', `step: the case has no step ${step}`);
          // a step's material is added by the person who took the step
          if (s.actorUserId !== req.user!.id)
            throw forbidden('只能为本人办理的步骤上传材料', 'only the person who took the step adds its material');
          seq = s.seq;
          stepLabel = tc.definitionOf(c).actions.find((a) => a.id === s.action)?.label ?? null;
        }
        const text = comment?.trim();
        if (comment !== undefined && !text) throw badRequest('comment', '意见不能为空', 'comment is empty');
        if (text && text.length > MAX_COMMENT)
          throw badRequest('comment', `意见不能超过${MAX_COMMENT}个字`, `comment is longer than ${MAX_COMMENT}`);
        if (!up.file) throw badRequest('file', '未收到文件', 'no file uploaded');
        const checked = checkFile(up.file.name, up.file.content);
        if (!checked.ok) throw badRequest('file', checked.reason_zh, `file: ${checked.reason}`);
        const sha256 = createHash('sha256').update(up.file.content).digest('hex');
        const b64 = up.file.content.toString('base64');
        const stored = ctx.cipher ? ctx.cipher.encrypt(b64) : b64;
        const at = ctx.now().toISOString();
        const row: AttachmentRow = {
          id: randomUUID(),
          caseId: c.id,
          stepSeq: seq,
          commentId: text ? randomUUID() : null,
          name: checked.name,
          type: checked.type,
          size: up.file.content.length,
          sha256,
          uploadedAt: at,
          uploadedBy: req.user!.id,
        };
        await ctx.store.transaction(async (tx) => {
          const repo = casesOf(tx);
          if (text)
            await repo.addComment({
              id: row.commentId!,
              caseId: c.id,
              at,
              authorUserId: req.user!.id,
              authorRole: req.user!.role,
              text,
              attachment: { name: row.name, type: row.type, size: row.size, sha256 },
            });
          await repo.addAttachment(row, stored);
          // which file, never its contents (the comment's text is case content: its hash only, as for a comment)
          await audit(dbOf(tx), req, {
            action: 'case.attachment',
            targetKind: 'caseAttachments',
            targetId: row.id,
            after: { case: c.id, step: seq, comment: row.commentId, name: row.name, size: row.size, sha256 },
          });
        });
        void reply.code(201);
        return view(row, () => stepLabel);
      }),
  );

  app.get<{ Params: { id: string } }>(
    '/cases/:id/attachments',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '案件材料列表 the files attached to a case',
        params: idParams,
        response: { ...errorSchemas(401, 403, 404) },
      },
    },
    async (req) =>
      guarded(async () => {
        const tc = cases();
        const c = await tc.visible(actorOf(req), req.params.id);
        const repo = casesOf(ctx.store);
        const def = tc.definitionOf(c);
        const steps = await repo.steps(c.id);
        const label = (seq: number) => {
          const s = steps.find((x) => x.seq === seq);
          return s ? (def.actions.find((a) => a.id === s.action)?.label ?? null) : null;
        };
        const items = (await repo.attachments(c.id)).map((a) => view(a, label));
        return { total: items.length, items, accepted: ACCEPTED_EXTENSIONS, maxBytes: MAX_ATTACHMENT_BYTES };
      }),
  );

  app.get<{ Params: { id: string; att: string } }>(
    '/cases/:id/attachments/:att',
    {
      config,
      schema: {
        tags: ['cases'],
        summary: '下载案件材料 download one attachment of a case',
        params: {
          type: 'object',
          properties: { id: { type: 'string', maxLength: 64 }, att: { type: 'string', maxLength: 64 } },
        },
        response: { ...errorSchemas(401, 403, 404) },
      },
    },
    async (req, reply) =>
      guarded(async () => {
        const c = await cases().visible(actorOf(req), req.params.id);
        const a = await casesOf(ctx.store).attachment(c.id, req.params.att);
        if (!a) throw notFound('材料不存在', `not found: attachment ${req.params.att} of case ${c.id}`);
        let b64 = a.content;
        if (isEncrypted(b64)) {
          if (!ctx.cipher)
            throw new HttpError(500, {
              reason_zh: '服务器未配置密钥，无法读取加密的材料',
              reason: 'the server has no field key to decrypt the attachment',
            });
          b64 = ctx.cipher.decrypt(b64);
        }
        const content = Buffer.from(b64, 'base64');
        // what is sent is what was uploaded: a changed row is refused, never served
        if (createHash('sha256').update(content).digest('hex') !== a.sha256)
          throw new HttpError(500, {
            reason_zh: '材料校验失败，数据可能被篡改',
            reason: `attachment ${a.id} does not match its SHA-256`,
          });
        await audit(ctx.db, req, {
          action: 'case.attachment.download',
          targetKind: 'caseAttachments',
          targetId: a.id,
          after: { case: c.id, name: a.name, size: a.size, sha256: a.sha256 },
        });
        const file = encodeURIComponent(a.name);
        return reply
          .header('content-type', a.type)
          .header('content-disposition', `attachment; filename="${file}"; filename*=UTF-8''${file}`)
          .header('x-content-type-options', 'nosniff')
          .send(content);
      }),
  );
}
