// 容错纠错 materials and side records in the browser (如东's procedure, the demo record): an officer opens a case in
// the accountability matter about the demo cadre, records a false accusation referred for 查处, attaches the
// investigation report with a comment from the case page and downloads it byte for byte; the side records read in
// plain words; the procedure diagram draws the step that sends a case back; the case list pages through the server.
// Screenshots at 1366×768 in e2e/screenshots/; the test fails on id- or key-shaped text on the pages people read.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
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
import { idShapedTokens, visibleText } from './plain-words.js';

let server: RunningServer;
let browser: BrowserHandle;
const tmp = mkdtempSync(join(tmpdir(), 'sanxiang-e2e-materials-'));

beforeAll(async () => {
  ensureChromium();
  ensureWebBuild();
  server = await startServer();
  browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(tmp, { recursive: true, force: true });
});

const problems: string[] = [];
async function plain(page: Page, where: string): Promise<void> {
  await page.waitForTimeout(300);
  for (const p of idShapedTokens(await visibleText(page))) problems.push(`${where}: ${p}`);
}

const REPORT = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from('调查报告：项目延误系建设方案调整所致。\n'.repeat(40)),
]);

describe('容错纠错 materials and side records in the browser', () => {
  test(
    'an officer attaches and downloads a report; the referral, the return arrows and the paged list read in words',
    { timeout: 600_000 },
    async () => {
      const { page, context } = await newPage(browser.browser, server.url);
      await login(page, 'discipline_officer');
      // the case and a referral, through the API the page itself uses
      const caseId = await page.evaluate(async () => {
        const ms = (await (await fetch('/api/records/accountabilityMatters?limit=200')).json()) as {
          items: { id: string; subjectCadreId: string | null; description: string }[];
        };
        const m = ms.items.find((x) => x.description.startsWith('承办的信息化建设项目验收延误'))!;
        const on = new Date().toLocaleDateString('sv-SE'); // the browser's own date (Asia/Shanghai)
        const c = (await (
          await fetch('/api/cases', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              action: 'open',
              on,
              subjectType: 'cadre',
              subjectId: m.subjectCadreId,
              inputs: { matter: m.id },
            }),
          })
        ).json()) as { id: string };
        await fetch(`/api/cases/${c.id}/referrals`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            on,
            accuser: '李某',
            conduct: '捏造事实，诬告陷害办案干警',
            referredTo: '县纪委监委',
          }),
        });
        return c.id;
      });
      await page.goto(`/#/tolerance/cases/${encodeURIComponent(caseId)}`);
      await page.getByTestId('case-title').waitFor();
      await shot(page, '49-tolerance-case-opened');

      // ---- materials: attach with a comment, then download ----
      await page.getByRole('tab', { name: '材料' }).click();
      await page.getByTestId('material-comment').fill('调查报告初稿，供会商参考');
      await page
        .getByTestId('material-file')
        .setInputFiles({ name: '调查报告.pdf', mimeType: 'application/pdf', buffer: REPORT });
      await page.getByTestId('upload-material').click();
      await page.getByTestId('materials').getByText('调查报告.pdf').waitFor();
      await shot(page, '50-tolerance-case-materials');
      await plain(page, 'case page, materials');
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-material-调查报告.pdf').click(),
      ]);
      expect(dl.suggestedFilename()).toBe('调查报告.pdf');
      const file = join(tmp, dl.suggestedFilename());
      await dl.saveAs(file);
      expect(Buffer.compare(readFileSync(file), REPORT)).toBe(0);
      // a file of a kind not taken is refused with the reason, in the form
      await page.getByTestId('material-comment').fill('安装程序');
      await page
        .getByTestId('material-file')
        .setInputFiles({ name: 'setup.exe', mimeType: 'application/octet-stream', buffer: Buffer.from('MZ') });
      await page.getByTestId('upload-material').click();
      await page
        .getByTestId('material-error')
        .getByText(/不支持此类文件/)
        .waitFor();

      // ---- side records in plain words ----
      await page.getByRole('tab', { name: '关联事项' }).click();
      const side = page.getByTestId('side-records');
      await side.getByText('诬告陷害移送查处').waitFor();
      await side.getByText(/移送县纪委监委：李某/).waitFor();
      await side
        .getByText(/依据：《.+》/)
        .first()
        .waitFor();
      await shot(page, '51-tolerance-case-side-records');
      await plain(page, 'case page, side records');

      // ---- the diagram draws the steps that send a case back ----
      await page.getByRole('tab', { name: '程序图' }).click();
      expect(await page.locator('[data-back-to]').count()).toBeGreaterThan(0);
      expect(await page.locator('[data-returns-from]').count()).toBeGreaterThan(0);
      await page.locator('[data-back-to]').first().scrollIntoViewIfNeeded();
      await shot(page, '52-tolerance-diagram-back-arrows');
      await plain(page, 'case page, diagram');

      // ---- the case list pages through the server, with its total ----
      await page.goto('/#/tolerance');
      await page.getByRole('tab', { name: /案件查询/ }).click();
      const list = page.getByTestId('case-list');
      await list.locator('.ant-table-row').first().waitFor();
      await page
        .locator('.ant-pagination-total-text:visible')
        .getByText(/共 \d+\+? 件/)
        .first()
        .waitFor();
      await shot(page, '53-tolerance-case-list-paged');
      await plain(page, 'case list, paged');

      await context.close();
      expect(problems).toEqual([]);
    },
  );
});
