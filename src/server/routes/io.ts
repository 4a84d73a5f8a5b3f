// Excel through the API: the template for a kind, an all-or-nothing import (multipart .xlsx; every row checked
// against the user's role and scope before anything is written) and a scope-limited export.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type {} from '@fastify/multipart';
import type { NewRecord, RecordKind } from '../../domain/entities.js';
import { KIND_SPECS, kindByName } from '../../io/xlsx/columns.js';
import { writeRecords } from '../../io/xlsx/export.js';
import { importXlsx, type ImportReach } from '../../io/xlsx/import.js';
import { XlsxFormatError } from '../../io/xlsx/limits.js';
import { buildTemplate } from '../../io/xlsx/template.js';
import type { RecordStore } from '../../store/types.js';
import { audit } from '../audit-log.js';
import type { User } from '../accounts/users.js';
import { dbOf } from '../context.js';
import { badRequest, HttpError, notFound } from '../errors.js';
import { OFFICE_ROLES, WRITER_ROLES } from '../roles.js';
import { assertRowsWritable, scopedPages, visibleIds } from '../scope.js';
import { stampFiler } from '../case-files.js';
import { errorSchemas } from '../schemas.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function kindParam(name: string): RecordKind {
  const k = kindByName(name);
  if (!k) throw notFound(`未知的记录类别：${name}`, `unknown record kind: ${name}`);
  return k;
}

function attachment(name: string): string {
  return `attachment; filename="${encodeURIComponent(name)}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}.xlsx`;
}

/**
 * The store the importer writes through: the same transaction, but every bulk insert is first checked for the
 * user's role and scope (a row outside them aborts the whole import), and the import is audited inside it.
 */
function guardedStore(
  root: RecordStore,
  user: User,
  onCommit: (tx: RecordStore, counts: Record<string, number>) => Promise<void>,
): RecordStore {
  const counts: Record<string, number> = {};
  const wrap = (tx: RecordStore): RecordStore =>
    new Proxy(tx, {
      get(target, prop, receiver) {
        if (prop === 'insertMany')
          return async <K extends RecordKind>(kind: K, rows: NewRecord<K>[]) => {
            await assertRowsWritable(target, user, kind, rows);
            counts[kind] = (counts[kind] ?? 0) + rows.length;
            // the importer files the case files it brings in, whatever the sheet holds (case-files.ts)
            return target.insertMany(kind, stampFiler(kind, user, rows));
          };
        if (prop === 'transaction')
          return <T>(fn: (inner: RecordStore) => Promise<T>) =>
            target.transaction(async (inner) => {
              const out = await fn(wrap(inner));
              await onCommit(inner, counts);
              return out;
            });
        return Reflect.get(target, prop, receiver) as unknown;
      },
    });
  return wrap(root);
}

/** Passes an upload through while hashing and counting it: the audit names the file by its hash, not its contents. */
function fingerprint(): { pass: Transform; done(): { sha256: string; bytes: number } } {
  const hash = createHash('sha256');
  let bytes = 0;
  const pass = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      hash.update(chunk);
      bytes += chunk.length;
      cb(null, chunk);
    },
  });
  let sha256: string | undefined;
  return { pass, done: () => ({ sha256: (sha256 ??= hash.digest('hex')), bytes }) };
}

export function ioRoutes(app: FastifyInstance, opts: { maxUploadBytes: number }): void {
  const ctx = app.ctx;
  const kindParams = { type: 'object', properties: { kind: { type: 'string', maxLength: 40 } } };

  app.get<{ Params: { kind: string } }>(
    '/io/template/:kind',
    {
      config: { roles: WRITER_ROLES },
      schema: {
        tags: ['io'],
        summary: '下载导入模板 (.xlsx) the import template',
        params: kindParams,
        response: errorSchemas(401, 403, 404),
      },
    },
    async (req, reply) => {
      const kind = kindParam(req.params.kind);
      const buf = Buffer.from(await buildTemplate([kind]).xlsx.writeBuffer());
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`${KIND_SPECS[kind].sheetName}导入模板`))
        .send(buf);
    },
  );

  app.post(
    '/io/import',
    {
      config: { roles: WRITER_ROLES },
      schema: {
        tags: ['io'],
        summary: '导入 .xlsx（全部正确才导入，否则逐行报告） import, all or nothing',
        consumes: ['multipart/form-data'],
        response: {
          200: { type: 'object', properties: { imported: { type: 'integer' } } },
          400: {
            type: 'object',
            properties: {
              field: { type: 'string' },
              reason_zh: { type: 'string' },
              reason: { type: 'string' },
              errorCount: { type: 'integer' },
              errors: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    sheet: { type: 'string' },
                    row: { type: 'integer' },
                    column: { type: 'string' },
                    value: { type: 'string' },
                    reason: { type: 'string' },
                  },
                },
              },
            },
          },
          ...errorSchemas(401, 403, 413),
        },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart())
        throw badRequest(
          'file',
          '请以 multipart/form-data 上传 .xlsx 文件',
          'upload the .xlsx file as multipart/form-data',
        );
      const part = await req.file({ limits: { fileSize: opts.maxUploadBytes, files: 1 } });
      if (!part) throw badRequest('file', '未收到文件', 'no file uploaded');
      const dir = await mkdtemp(path.join(tmpdir(), 'sx-import-'));
      const file = path.join(dir, `${randomUUID()}.xlsx`);
      const print = fingerprint();
      // A refused import is audited too (who, which file, how many rows and problems; never the contents), so an
      // import cannot be used to probe the record without a trace.
      const failed = async (what: { rows?: number; errorCount?: number; reason: string }) =>
        audit(ctx.db, req, {
          action: 'record.import.failed',
          targetKind: 'import',
          targetId: part.filename,
          after: { ...print.done(), ...what },
        });
      try {
        await pipeline(part.file, print.pass, createWriteStream(file));
        if (part.file.truncated) {
          await failed({ reason: 'file too large' });
          throw Object.assign(new Error('file too large'), { statusCode: 413 });
        }
        const kindField = (part.fields.kind as { value?: unknown } | undefined)?.value;
        const forced = typeof kindField === 'string' && kindField ? kindByName(kindField) : undefined;
        const user = req.user!;
        const store = guardedStore(ctx.store, user, async (tx, counts) => {
          await audit(dbOf(tx), req, {
            action: 'record.import',
            targetKind: 'import',
            targetId: part.filename,
            after: { rows: counts },
          });
        });
        // problems name only stored records the importer may see
        const reach: ImportReach = { visible: (kind, ids) => visibleIds(ctx.store, user, kind, ids) };
        let report;
        try {
          report = await importXlsx(store, file, { ...(forced ? { kind: forced } : {}), reach });
        } catch (e) {
          if (!(e instanceof XlsxFormatError)) throw e;
          await failed({ reason: e.reason });
          throw new HttpError(e.status, { field: 'file', reason_zh: e.reason_zh, reason: e.reason });
        }
        if (!report.ok) {
          const rows = report.sheets.reduce((n, s) => n + s.rows, 0);
          await failed({ rows, errorCount: report.errorCount, reason: 'problems found' });
          return reply.code(400).send({
            field: 'file',
            reason_zh: `文件有 ${report.errorCount} 处错误，未导入任何记录`,
            reason: `${report.errorCount} problems found; nothing was imported`,
            errorCount: report.errorCount,
            errors: report.errors,
          });
        }
        return { imported: report.inserted };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  app.get<{ Params: { kind: string } }>(
    '/io/export/:kind',
    {
      config: { roles: OFFICE_ROLES },
      schema: {
        tags: ['io'],
        summary: '导出 (.xlsx，限管理权限范围) export within scope',
        params: kindParams,
        response: errorSchemas(401, 403, 404),
      },
    },
    async (req, reply) => {
      const kind = kindParam(req.params.kind);
      await audit(ctx.db, req, { action: 'record.export', targetKind: kind, targetId: null });
      const out = new PassThrough();
      void writeRecords(kind, scopedPages(ctx.store, req.user!, kind), { stream: out }).catch((err: unknown) => {
        req.log.error({ err, kind }, 'export failed');
        out.destroy(err as Error);
      });
      return reply
        .type(XLSX)
        .header('content-disposition', attachment(`${KIND_SPECS[kind].sheetName}导出`))
        .send(out);
    },
  );
}
