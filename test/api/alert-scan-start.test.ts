// The alert list's scan at start can be switched off (SANXIANG_ALERT_SCAN_AT_START=0) for a server restarted on a large
// record no one changed: the list then fills at the scheduled scan or a scan started by hand, not before.
import { afterEach, describe, expect, it } from 'vitest';
import { alertRefresherOf } from '../../src/mechanisms/adjustment/alerts-refresh.js';
import { alertScanAtStart } from '../../src/server/routes/alerts.js';
import type { KyselyStore } from '../../src/store/kysely-store.js';
import { loggedIn, startServer, type TestServer } from './harness.js';

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

async function alertTotal(s: TestServer): Promise<number> {
  await alertRefresherOf(s.store as unknown as KyselyStore)!.settled();
  const org = await loggedIn(s.base, 'org_officer');
  const r = await org.get('/api/alerts?pageSize=1');
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.total as number;
}

describe('the scan at start', () => {
  it('reads the switch: unset or 1 scans, 0 does not, anything else is refused naming the variable', () => {
    expect(alertScanAtStart({})).toBe(true);
    expect(alertScanAtStart({ SANXIANG_ALERT_SCAN_AT_START: '' })).toBe(true);
    expect(alertScanAtStart({ SANXIANG_ALERT_SCAN_AT_START: '1' })).toBe(true);
    expect(alertScanAtStart({ SANXIANG_ALERT_SCAN_AT_START: '0' })).toBe(false);
    expect(() => alertScanAtStart({ SANXIANG_ALERT_SCAN_AT_START: 'no' })).toThrow(/SANXIANG_ALERT_SCAN_AT_START/);
  });

  it('runs by default: the list holds the record’s findings once the server is ready', async () => {
    srv = await startServer({ cadres: 200 });
    expect(await alertTotal(srv)).toBeGreaterThan(0);
  }, 120_000);

  it('switched off, the list stays as it was until a scan is started by hand', async () => {
    srv = await startServer({ cadres: 200, env: { SANXIANG_ALERT_SCAN_AT_START: '0' } });
    expect(await alertTotal(srv)).toBe(0);
    const org = await loggedIn(srv.base, 'org_officer');
    const scan = await org.post('/api/alerts/scan');
    expect(scan.status, JSON.stringify(scan.body)).toBeLessThan(300);
    expect(await alertTotal(srv)).toBeGreaterThan(0);
  }, 120_000);
});
