// The cross-site check on its own: which header combinations pass and which are refused.
import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { crossSiteReason } from './origin-check.js';

const req = (method: string, headers: Record<string, string>, host = 'sx.example:8080') =>
  ({ method, headers, host }) as unknown as FastifyRequest;

describe('crossSiteReason', () => {
  it('lets reads through whatever their headers say', () => {
    for (const m of ['GET', 'HEAD', 'OPTIONS'])
      expect(crossSiteReason(req(m, { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }))).toBe(
        undefined,
      );
  });

  it('lets through same-origin writes and writes without browser headers', () => {
    expect(crossSiteReason(req('POST', { origin: 'http://sx.example:8080', 'sec-fetch-site': 'same-origin' }))).toBe(
      undefined,
    );
    expect(crossSiteReason(req('PUT', { 'sec-fetch-site': 'none' }))).toBe(undefined);
    expect(crossSiteReason(req('DELETE', {}))).toBe(undefined);
  });

  it('refuses writes another site sends: foreign or null Origin, cross-site or same-site fetch, another port', () => {
    expect(crossSiteReason(req('POST', { origin: 'https://evil.example' }))).toMatch(/Origin/);
    expect(crossSiteReason(req('POST', { origin: 'null' }))).toMatch(/Origin/);
    expect(crossSiteReason(req('POST', { origin: 'http://sx.example:9999' }))).toMatch(/Origin/);
    expect(crossSiteReason(req('PUT', { 'sec-fetch-site': 'cross-site' }))).toMatch(/Sec-Fetch-Site/);
    expect(crossSiteReason(req('DELETE', { 'sec-fetch-site': 'same-site' }))).toMatch(/Sec-Fetch-Site/);
  });
});
