// The API's error shapes (PLATFORM.md "Errors") and the one error handler that produces them. Clients get the
// reason in Chinese and English, never a stack trace; the log gets everything, structured.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ConflictError, ConstraintError, NotFoundError } from '../store/types.js';

/** An error the API answers with a known status and body. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly body: Record<string, unknown> & { reason_zh: string; reason: string },
  ) {
    super(`${body.reason_zh} (${body.reason})`);
  }
}

export const badRequest = (field: string, reason_zh: string, reason: string) =>
  new HttpError(400, { field, reason_zh, reason });
export const unauthorized = (reason_zh = '未登录或会话已过期', reason = 'not logged in') =>
  new HttpError(401, { reason_zh, reason });
export const forbidden = (reason_zh = '无权访问', reason = 'forbidden') => new HttpError(403, { reason_zh, reason });
export const notFound = (reason_zh = '记录不存在', reason = 'not found') => new HttpError(404, { reason_zh, reason });

interface AjvError {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

const AJV_ZH: Record<string, (p: Record<string, unknown>) => string> = {
  required: () => '缺少必填项',
  type: (p) => `类型错误，应为 ${String(p.type)}`,
  enum: (p) => `取值不在允许范围内：${(p.allowedValues as unknown[] | undefined)?.join('、') ?? ''}`,
  minLength: (p) => `长度不得少于 ${String(p.limit)}`,
  maxLength: (p) => `长度不得超过 ${String(p.limit)}`,
  minimum: (p) => `不得小于 ${String(p.limit)}`,
  maximum: (p) => `不得大于 ${String(p.limit)}`,
  pattern: () => '格式不正确',
  format: (p) => `格式不正确（应为 ${String(p.format)}）`,
  additionalProperties: () => '不允许的字段',
  minItems: (p) => `至少需要 ${String(p.limit)} 项`,
  maxItems: (p) => `最多 ${String(p.limit)} 项`,
  anyOf: () => '取值不符合要求',
  oneOf: () => '取值不符合要求',
  const: () => '取值不符合要求',
};

/** The field an Ajv error is about: the property path, or the missing/extra property it names. */
export function ajvField(e: AjvError, context?: string): string {
  const path = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
  const extra =
    e.keyword === 'required'
      ? String(e.params.missingProperty ?? '')
      : e.keyword === 'additionalProperties'
        ? String(e.params.additionalProperty ?? '')
        : '';
  const field = [path, extra].filter(Boolean).join('.');
  return field || context || 'body';
}

export function ajvToBody(errors: AjvError[], context?: string): { field: string; reason_zh: string; reason: string } {
  const e = errors[0]!;
  const field = ajvField(e, context);
  const zh = AJV_ZH[e.keyword]?.(e.params) ?? '取值无效';
  const en =
    e.keyword === 'required' ? 'is required' : e.keyword === 'additionalProperties' ? 'is not allowed' : e.message;
  return { field, reason_zh: `${field}：${zh}`, reason: `${field} ${en ?? 'is invalid'}` };
}

type Sent = { status: number; body: Record<string, unknown> };

/** Maps any thrown error onto the status and body the client sees. */
export function toResponse(err: unknown, req: FastifyRequest): Sent {
  if (err instanceof HttpError) return { status: err.statusCode, body: err.body };
  if (err instanceof ConflictError)
    return {
      status: 409,
      body: { reason_zh: '记录已被他人修改，请刷新后重试', reason: `stale version: ${err.kind} ${err.id}` },
    };
  if (err instanceof NotFoundError)
    return { status: 404, body: { reason_zh: '记录不存在', reason: `not found: ${err.kind} ${err.id}` } };
  if (err instanceof ConstraintError) {
    const zh = err.message.replace(/\s*\(.*\)$/s, '');
    // a constraint about one field (a unit's parent that would make a loop) names that field
    const field = (err as { field?: string }).field;
    return {
      status: 400,
      body: field
        ? { field, reason_zh: `${field}：${zh}`, reason: `${field}: ${err.detail}` }
        : { field: err.constraint, reason_zh: zh, reason: `${err.constraint} constraint failed (${err.kind})` },
    };
  }
  const fe = err as Partial<FastifyError> & { validation?: AjvError[]; validationContext?: string };
  if (fe.validation && fe.validation.length > 0)
    return { status: 400, body: ajvToBody(fe.validation, fe.validationContext) };
  const code = fe.code ?? '';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE' || fe.statusCode === 413)
    return { status: 413, body: { reason_zh: '请求内容过大', reason: 'request body too large' } };
  if (fe.statusCode === 429) {
    const own = err as { reason_zh?: unknown; reason?: unknown };
    return {
      status: 429,
      body: {
        reason_zh: typeof own.reason_zh === 'string' ? own.reason_zh : '请求过于频繁，请稍后再试',
        reason: typeof own.reason === 'string' ? own.reason : 'too many requests',
      },
    };
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || fe.statusCode === 415)
    return { status: 415, body: { reason_zh: '不支持的内容类型', reason: 'unsupported media type' } };
  if (code.startsWith('FST_ERR_CTP') || (fe.statusCode === 400 && err instanceof SyntaxError) || fe.statusCode === 400)
    return { status: 400, body: { field: 'body', reason_zh: '请求格式不正确', reason: fe.message ?? 'bad request' } };
  if (fe.statusCode === 404) return { status: 404, body: { reason_zh: '未找到', reason: 'not found' } };
  return {
    status: 500,
    body: { reason_zh: '服务器内部错误，请联系管理员', reason: 'internal error', requestId: req.id },
  };
}

/**
 * Errors Fastify raises before routing (a URL that is not valid UTF-8 percent-encoding, a path parameter over the
 * router's length limit, a malformed content-type): answered in the same shape as every other refusal.
 */
export function frameworkErrorHandler(err: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? 400 : 500;
  const body =
    status === 400
      ? err.code === 'FST_ERR_BAD_URL'
        ? { field: 'url', reason_zh: '请求地址格式不正确', reason: 'malformed URL' }
        : { field: 'url', reason_zh: '请求格式不正确', reason: `bad request: ${err.code ?? err.message}` }
      : { reason_zh: '服务器内部错误，请联系管理员', reason: 'internal error', requestId: req.id };
  req.log.warn({ status, method: req.method, url: req.url, code: err.code }, 'request refused before routing');
  void reply.code(status).send(body);
}

/** Fastify error handler: every error is logged (structured), the client gets the contract's shape only. */
export function errorHandler(err: unknown, req: FastifyRequest, reply: FastifyReply): void {
  const { status, body } = toResponse(err, req);
  const ctx = { status, method: req.method, url: req.url, userId: req.user?.id, reason: body.reason };
  if (status >= 500) req.log.error({ ...ctx, err }, 'request failed');
  else req.log.warn(ctx, 'request refused');
  void reply.code(status).send(body);
}
