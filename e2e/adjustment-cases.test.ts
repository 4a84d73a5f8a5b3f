// The 能上能下 page's 调整案件 tab in the browser against the real server: the organisation department starts an
// adjustment case, opens it from the list, takes the proposal step through its form (the method chosen from the
// pack's list), and the case moves on with its document; the 省委 member then approves it. Screenshots land in
// e2e/screenshots/ for people to look at.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  DEMO_PASSWORD,
  ensureChromium,
  ensureWebBuild,
  launchBrowser,
  login,
  newPage,
  shot,
  startServer,
  type BrowserHandle,
  type RunningServer,
} from './harness.js';

let server: RunningServer;
let browser: BrowserHandle;

async function session(username: string) {
  const r = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  return (path: string, body?: unknown) =>
    fetch(`${server.url}/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

beforeAll(async () => {
  ensureChromium();
  ensureWebBuild();
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('能上能下 · 调整案件', () => {
  test('start, propose through the form, approve: the case moves on and its documents appear', async () => {
    const org = await session('org_officer');
    // a 江苏 cadre: the first of the roster whose region has the procedure (the others are refused in words)
    const roster = (await (await org('/cadres?limit=200')).json()) as { items: { id: string; name: string }[] };
    let started: { id: string; pack: string } | undefined;
    let name = '';
    for (const c of roster.items) {
      const r = await org('/cases', {
        procedure: 'adjustment',
        subjectType: 'cadre',
        subjectId: c.id,
        action: 'open',
        on: '2026-03-02',
        inputs: { situation: '连续两年年度考核为基本称职等次，经组织认定不适宜担任现职。' },
      });
      if (r.status !== 201) continue;
      const body = (await r.json()) as { id: string; pack: string };
      if (body.pack !== 'jiangsu') continue;
      started = body;
      name = c.name;
      break;
    }
    expect(started).toBeDefined();

    const { context, page } = await newPage(browser.browser, server.url);
    await login(page, 'org_officer');
    await page.goto('/#/adjustment');
    // the page opens on 预警清单; cases are the next tab
    await page.getByRole('tab', { name: '调整案件' }).click();
    const row = page.getByRole('row', { name: new RegExp(name) }).first();
    await row.waitFor();
    await shot(page, 'adjustment-01-cases');
    await row.click();
    const form = page.getByTestId('step-propose');
    await form.waitFor();
    await form.getByLabel('审核情况').fill('经审核，所报情形属实。');
    await form.getByLabel('建议的调整方式').click();
    await page.getByTitle('改任非领导职务').click();
    await form.getByLabel('调整理由').fill('年度考核连续两年为基本称职等次。');
    await form.getByRole('button', { name: /办\s*理/ }).click();
    await page.getByText('已提出调整建议，待省委审批').first().waitFor();
    await page.getByText('调整建议（').first().waitFor();
    await shot(page, 'adjustment-02-proposed');
    await context.close();

    const committee = await newPage(browser.browser, server.url);
    await login(committee.page, 'committee_member');
    await committee.page.goto('/#/adjustment');
    await committee.page.getByRole('tab', { name: '调整案件' }).click();
    await committee.page
      .getByRole('row', { name: new RegExp(name) })
      .first()
      .click();
    const approve = committee.page.getByTestId('step-approve');
    await approve.waitFor();
    await approve.getByLabel('批准的调整方式').click();
    await committee.page.getByTitle('改任非领导职务').click();
    await approve.getByRole('button', { name: /办\s*理/ }).click();
    await committee.page.getByText('省委已审批，待履行任免程序').first().waitFor();
    await committee.page.getByText('调整决定（').first().waitFor();
    await shot(committee.page, 'adjustment-03-decided');
    await committee.context.close();

    const after = (await (await org(`/cases/${started!.id}`)).json()) as { state: string; outcome: string };
    expect(after).toMatchObject({ state: 'decided', outcome: 'non_leading' });
  }, 180_000);
});
