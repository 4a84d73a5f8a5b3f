// What the server does for the browser's safety: state-changing requests from another site refused (Origin,
// Sec-Fetch-Site), a Content-Security-Policy on the app and the API documentation, and a malformed URL answered
// in the API's error shape.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, DEMO_PASSWORD, loggedIn, startServer, type TestServer } from './harness.js';

let srv: TestServer;
let web: string;

beforeAll(async () => {
  web = mkdtempSync(path.join(tmpdir(), 'sx-web-'));
  writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>t</title>');
  srv = await startServer({ cadres: 10, webDist: web });
});
afterAll(async () => {
  await srv?.close();
  rmSync(web, { recursive: true, force: true });
});

const body = { username: 'org_officer', password: DEMO_PASSWORD };
const host = () => new URL(srv.base).host;

describe('cross-site requests', () => {
  it('a state-changing request from another origin is refused, in the error shape, before anything happens', async () => {
    const c = await loggedIn(srv.base, 'org_officer');
    const foreign: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site', origin: `http://${host()}` },
    ];
    for (const headers of foreign) {
      const r = await c.req('POST', '/api/auth/logout', undefined, headers);
      expect(r.status, JSON.stringify(headers)).toBe(403);
      expect(typeof r.body.reason_zh).toBe('string');
      expect(r.body.reason).toMatch(/cross-site/);
    }
    // still logged in: the logout never ran
    expect((await c.get('/api/auth/me')).status).toBe(200);
    // login CSRF too
    expect(
      (await new Client(srv.base).req('POST', '/api/auth/login', body, { origin: 'https://evil.example' })).status,
    ).toBe(403);
  });

  it('same-origin requests, and clients that are not browsers (no Origin, no Sec-Fetch-Site), go through', async () => {
    const same = await new Client(srv.base).req('POST', '/api/auth/login', body, {
      origin: `http://${host()}`,
      'sec-fetch-site': 'same-origin',
    });
    expect(same.status).toBe(200);
    expect((await new Client(srv.base).req('POST', '/api/auth/login', body)).status).toBe(200);
  });

  it('reads are not refused whatever their origin (nothing changes)', async () => {
    const c = await loggedIn(srv.base, 'org_officer');
    expect((await c.req('GET', '/api/auth/me', undefined, { 'sec-fetch-site': 'cross-site' })).status).toBe(200);
  });
});

describe('Content-Security-Policy', () => {
  it('the app is served with a policy allowing only its own scripts', async () => {
    const r = await fetch(`${srv.base}/some/page`);
    expect(r.status).toBe(200);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('malformed URLs', () => {
  it('answer 400 in the API error shape', async () => {
    for (const u of ['/api/%zz', '/api/cadres/%E0%A4%A']) {
      const r = await fetch(srv.base + u);
      expect(r.status, u).toBe(400);
      const b = (await r.json()) as Record<string, unknown>;
      expect(b).toEqual({ field: 'url', reason_zh: expect.any(String), reason: 'malformed URL' });
    }
  });
});
