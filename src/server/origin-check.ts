// Cross-site request forgery: a state-changing request (anything but GET, HEAD, OPTIONS) is refused when the
// browser says it comes from another site. The session cookie is SameSite=Strict already; this is the second,
// independent check, so one browser quirk or one subdomain taken over is not enough.
//
// Browsers send Sec-Fetch-Site on every request and Origin on every POST/PUT/DELETE; a page on another origin
// can neither remove nor forge them. A request with neither header does not come from a browser page (the
// `sanxiang` CLI, scripts, tests): such a client sends only the cookies it was given, so it cannot be made to
// act with someone else's session, and it is let through.
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why a request is refused as cross-site, or undefined when it may go on. */
export function crossSiteReason(req: FastifyRequest): string | undefined {
  if (SAFE_METHODS.has(req.method)) return undefined;
  const site = header(req, 'sec-fetch-site');
  // 'none': typed in the address bar or opened from a bookmark, not sent by another page
  if (site !== undefined && site !== 'same-origin' && site !== 'none') return `Sec-Fetch-Site: ${site}`;
  const origin = header(req, 'origin');
  if (origin === undefined) return undefined;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return `Origin: ${origin}`; // 'null' (sandboxed frames, file: pages) and anything unparsable
  }
  // the host the request was sent to, as the browser saw it (through a trusted proxy: X-Forwarded-Host)
  return host === req.host ? undefined : `Origin: ${origin}`;
}

function header(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

export function refuseCrossSite(req: FastifyRequest): void {
  const why = crossSiteReason(req);
  if (why)
    throw new HttpError(403, {
      reason_zh: '拒绝来自其他网站的请求',
      reason: `cross-site request refused (${why})`,
    });
}
