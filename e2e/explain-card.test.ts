// The 政策适用说明 card of a cadre with a 能上能下 alert, read the way an official reads it: the verdicts first (可提拔 /
// …前不得提拔), then each finding with its article, then the facts behind it; an alert is worded as a proposal for the
// organisation to decide (提示：可能属于“…”情形，须经组织认定), never as a conclusion.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
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

interface AlertItem {
  subjectType: string;
  subjectId: string;
  subjectName: string;
  ruleTitle: string;
}

let server: RunningServer;
let browser: BrowserHandle;

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

describe('政策适用说明 card', () => {
  test('verdicts first, then each finding with its article and facts; an alert is a proposal', async () => {
    const { context, page } = await newPage(browser.browser, server.url);
    await login(page, 'city_org');
    // a cadre in the officer's scope with a new alert (the scan at start may still be running)
    let alert: AlertItem | undefined;
    for (let i = 0; i < 90 && !alert; i++) {
      const items = await page.evaluate(async () => {
        const r = await fetch('/api/alerts?state=new&page=1&pageSize=50');
        return ((await r.json()) as { items: AlertItem[] }).items;
      });
      alert = items.find((a) => a.subjectType === 'cadre');
      if (!alert) await page.waitForTimeout(1000);
    }
    expect(alert).toBeDefined();

    await page.goto(`/#/data/cadres/${encodeURIComponent(alert!.subjectId)}`);
    await page.getByRole('button', { name: /政策适用说明/ }).click();
    const card = page.getByTestId('explain-card');
    await card.waitFor({ timeout: 90_000 });
    expect(await card.textContent()).toContain(alert!.subjectName);

    // the verdicts come before every finding
    const verdicts = page.getByTestId('explain-verdicts');
    expect(await verdicts.textContent()).toMatch(/可提拔|\d{4}年\d{1,2}月\d{1,2}日前不得提拔/);
    const findings = page.getByTestId('explain-finding');
    expect(await findings.count()).toBeGreaterThan(0);
    const v = (await verdicts.boundingBox())!;
    const first = (await findings.first().boundingBox())!;
    expect(first.y).toBeGreaterThan(v.y + v.height - 1);

    // each finding: its heading, then the article by document name, then the facts
    for (const f of await findings.all()) {
      const text = (await f.textContent())!;
      expect(text).toMatch(/《[^》]+》/);
      expect(await f.locator('li').count()).toBeGreaterThan(0);
      const article = text.indexOf('《');
      const firstFact = text.indexOf((await f.locator('li').first().textContent())!);
      expect(firstFact).toBeGreaterThan(article);
    }

    // the alert about this cadre is a proposal, naming the situation by its title
    const proposals = (await card.locator('.ant-alert-warning').allTextContents()).map((t) => t.trim());
    expect(proposals.length).toBeGreaterThan(0);
    for (const p of proposals) expect(p).toMatch(/^提示：可能属于“[^”]+”情形，须经组织认定$/);
    await shot(page, 'explain-card-alert');
    await context.close();
  }, 240_000);
});
