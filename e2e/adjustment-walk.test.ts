// 能上能下 from the alert to its effect, in the browser against the real server: the organisation department confirms
// an alert about a 江苏 cadre (经组织认定), starts the adjustment case from it, proposes 降职, the 省委 member approves,
// the department carries out the appointment; then the influence-period ledger lists the cadre and the eligibility
// check, which passed the cadre before, now blocks them for the two years of 第十二条. Screenshots at 1366×768 land
// in e2e/screenshots/ for people to look at; no page on the way shows an id- or key-shaped text.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
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
import { idShapedTokens, visibleText } from './plain-words.js';

let server: RunningServer;
let browser: BrowserHandle;

async function session(username: string) {
  const r = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  return async <T>(path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/api${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await res.json()) as T;
  };
}

async function plain(page: Page, where: string) {
  expect(idShapedTokens(await visibleText(page)), where).toEqual([]);
}

interface UnitNode {
  id: string;
  name: string;
  children?: UnitNode[];
}
interface AlertItem {
  id: string;
  subjectType: string;
  subjectId: string;
  subjectName: string;
  ruleTitle: string;
}
interface Verdict {
  cadreId: string;
  verdict: { kind: string; words: string };
}

/** Today in the browser's time zone (Asia/Shanghai), the date the step forms give a step. */
const local = () => new Date(Date.now() + 8 * 3600_000);
const today = () => local().toISOString().slice(0, 10);
/** The last day of a two-year period from today, as the page writes it (2028年4月14日). */
function lastDayInTwoYears(): string {
  const d = local();
  const end = new Date(Date.UTC(d.getUTCFullYear() + 2, d.getUTCMonth(), d.getUTCDate() - 1));
  return `${end.getUTCFullYear()}年${end.getUTCMonth() + 1}月${end.getUTCDate()}日`;
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

describe('能上能下 · 从预警到任职资格审查', () => {
  test('confirm an alert, open its case, decide, and see the ledger and the eligibility check change', async () => {
    const org = await session('org_officer');
    // a new alert about a 江苏 cadre whom the check passes today (so the decision is what changes the verdict)
    const tree = await org<UnitNode[]>('/units/tree');
    const find = (ns: UnitNode[]): UnitNode | undefined =>
      ns.map((n) => (n.name === '江苏省' ? n : find(n.children ?? []))).find(Boolean);
    const jiangsu = new Set<string>();
    const collect = (n: UnitNode) => {
      jiangsu.add(n.id);
      for (const c of n.children ?? []) collect(c);
    };
    collect(find(tree)!);
    // the list as the page shows it, filtered by a rule and 新提示: the first page holds the alert the walk takes
    for (let i = 0; i < 60; i++) {
      const l = await org<{ total: number }>('/alerts?state=new');
      if (l.total > 0) break;
      await new Promise((r) => setTimeout(r, 1000)); // the scan at start
    }
    const rules = (await org<{ items: { rule: string; title: string; pack: string }[] }>('/alerts/rules')).items;
    let alert: (AlertItem & { unitId: string }) | undefined;
    let rule: { rule: string; title: string; pack: string } | undefined;
    for (const r of rules) {
      const l = await org<{ items: (AlertItem & { unitId: string })[] }>(
        `/alerts?rule=${encodeURIComponent(r.rule)}&state=new&page=1&pageSize=20`,
      );
      const mine = l.items.filter((a) => a.subjectType === 'cadre' && jiangsu.has(a.unitId));
      if (mine.length === 0) continue;
      const v = await org<{ items: Verdict[] }>('/adjustment/eligibility', {
        date: today(),
        cadreIds: mine.map((a) => a.subjectId),
      });
      const free = new Set(v.items.filter((x) => x.verdict.kind === 'eligible').map((x) => x.cadreId));
      alert = mine.find((a) => free.has(a.subjectId));
      if (alert) {
        rule = r;
        break;
      }
    }
    expect(alert).toBeDefined();
    const name = alert!.subjectName;

    const { context, page } = await newPage(browser.browser, server.url);
    await login(page, 'org_officer');
    await page.goto('/#/adjustment');
    await page.getByText('预警清单是系统依据政策规则').first().waitFor();
    const ruleSelect = page.locator('.ant-select').filter({ hasText: '提示情形' }).first();
    await ruleSelect.click();
    await page.keyboard.type(rule!.title.slice(0, 8));
    await page.getByTitle(`${rule!.pack}：${rule!.title}`).first().click();
    await page.locator('.ant-select').filter({ hasText: '处理状态' }).first().click();
    await page.getByTitle('新提示').click();
    const row = page.getByRole('row', { name: new RegExp(name) }).first();
    await row.waitFor();
    await row.click();
    await page.getByRole('button', { name: '组织认定', exact: true }).click();
    await page.getByRole('button', { name: '确认认定' }).click();
    const startButton = page.getByRole('button', { name: '启动调整程序', exact: true });
    await startButton.waitFor();
    await shot(page, 'adjustment-walk-01-confirmed');
    await plain(page, 'the confirmed alert');
    await startButton.click();
    const modal = page.getByRole('dialog', { name: '启动调整程序' });
    await modal.getByRole('textbox').fill('经组织认定，不适宜担任现职。');
    await modal.getByRole('button', { name: /^启\s*动$/ }).click();
    // the case opens on the 调整案件 tab
    const propose = page.getByTestId('step-propose');
    await propose.waitFor();
    await shot(page, 'adjustment-walk-02-case-opened');
    await plain(page, 'the case opened from the alert');
    await propose.getByLabel('审核情况').fill('经审核，所报情形属实。');
    await propose.getByLabel('建议的调整方式').click();
    await page.getByTitle('降职').click();
    await propose.getByLabel('调整理由').fill('经组织认定不适宜担任现职。');
    await propose.getByRole('button', { name: /办\s*理/ }).click();
    await page.getByText('已提出调整建议，待省委审批').first().waitFor();

    // the alert now names its case
    const linked = await org<{ state: string; caseId: string | null }>(`/alerts/${alert!.id}`);
    expect(linked.state).toBe('case_opened');
    expect(linked.caseId).toBeTruthy();
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
    await committee.page.getByTitle('降职').click();
    await approve.getByRole('button', { name: /办\s*理/ }).click();
    await committee.page.getByText('省委已审批，待履行任免程序').first().waitFor();
    await committee.context.close();

    const again = await newPage(browser.browser, server.url);
    const p = again.page;
    await login(p, 'org_officer');
    await p.goto('/#/adjustment');
    await p.getByRole('tab', { name: '调整案件' }).click();
    await p
      .getByRole('row', { name: new RegExp(name) })
      .first()
      .click();
    const appoint = p.getByTestId('step-appoint');
    await appoint.waitFor();
    await appoint.getByRole('button', { name: /办\s*理/ }).click();
    await p.getByText('调整已执行，影响期内').first().waitFor();
    await shot(p, 'adjustment-walk-03-in-effect');
    await plain(p, 'the case in effect');
    await p.keyboard.press('Escape');

    // the ledger lists the cadre, with the period of 第十二条
    await p.getByRole('tab', { name: '影响期台账' }).click();
    await p.getByPlaceholder('姓名').fill(name);
    await p.getByPlaceholder('姓名').press('Enter');
    const ledgerRow = p.getByRole('row', { name: new RegExp(name) }).first();
    await ledgerRow.waitFor();
    expect(await ledgerRow.innerText()).toContain(lastDayInTwoYears());
    await shot(p, 'adjustment-walk-04-ledger');
    await plain(p, 'the ledger');

    // the eligibility check now blocks the cadre until the period ends
    await p.getByRole('tab', { name: '任职资格审查' }).click();
    const pick = p.getByLabel('添加拟提拔人选');
    await pick.click();
    await pick.fill(name);
    await p.locator('.ant-select-item-option', { hasText: name }).first().click();
    await p.getByRole('button', { name: /审查（1人）/ }).click();
    const verdict = p.getByRole('row', { name: new RegExp(name) }).first();
    await verdict.waitFor();
    const text = await verdict.innerText();
    expect(text).toContain('不得提拔');
    expect(text).toContain(lastDayInTwoYears());
    await shot(p, 'adjustment-walk-05-eligibility');
    await plain(p, 'the eligibility check');
    await again.context.close();

    const after = await org<{ items: Verdict[] }>('/adjustment/eligibility', {
      date: today(),
      cadreIds: [alert!.subjectId],
    });
    expect(after.items[0]!.verdict.kind).toBe('blocked');
  }, 300_000);
});
