// 鼓励激励 in the browser, end to end on the demo record: the 如东 院's local ratio of 优秀 is set (a 具体办法), the
// organisation department starts the year's run; the 院's liaison fills the grading workbench within the quota its
// meter shows, and one 优秀 over the quota is refused with the reason; the organisation department accepts the grades,
// recomputes and proposes the lists; recording the 嘉奖 list's approval by a body other than the one the text names
// is refused with the article, and the same dialog then records it by the named body; every other list is approved
// by its own body, the run is conferred and closed, and each list (.xlsx) and decision (.docx) downloads and names
// its people. Screenshots at 1366×768 in e2e/screenshots/; no id- or key-shaped text on any page looked at.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
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
import { chinaDate } from '../src/domain/dates.js';

let server: RunningServer;
let browser: BrowserHandle;
const tmp = mkdtempSync(join(tmpdir(), 'sanxiang-e2e-incentive-'));
const today = chinaDate(new Date());
// the year being assessed: the record holds no results for it yet, so the workbench starts from an empty quota
const YEAR = new Date().getUTCFullYear();

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

/** A JSON request from the page, with the page's session. */
async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ([m, p, b]) => {
      const res = await fetch(`/api${p as string}`, {
        method: m as string,
        headers: b === undefined ? {} : { 'content-type': 'application/json' },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, body: await res.json() };
    },
    [method, path, body] as const,
  ) as Promise<{ status: number; body: T }>;
}

/** The visible text of a .docx's body. */
function docxText(path: string): string {
  const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' });
  return xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');
}

/** A sheet's rows as text cells, the first column at index 0. */
function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const out: string[][] = [];
  sheet.eachRow((r) => {
    const cells: string[] = [];
    r.eachCell({ includeEmpty: true }, (c, col) => (cells[col - 1] = c.text));
    out.push(cells);
  });
  return out;
}

interface Node {
  id: string;
  name: string;
  children?: Node[];
}
const find = (nodes: Node[], name: string): Node | undefined => {
  for (const n of nodes) {
    if (n.name === name) return n;
    const c = find(n.children ?? [], name);
    if (c) return c;
  }
  return undefined;
};

describe('鼓励激励 in the browser', () => {
  test(
    'a liaison grades within the quota; the organiser accepts, approves, confers and closes; the lists and the decision download',
    { timeout: 900_000 },
    async () => {
      const org = await newPage(browser.browser, server.url);
      await login(org.page, 'org_officer');
      // the 院's 具体办法 sets its share of 优秀 (the text says only 「一定比例」), then the year starts
      const tree = await call<Node[] | { units: Node[] }>(org.page, 'GET', '/units/tree');
      const roots = Array.isArray(tree.body) ? tree.body : tree.body.units;
      const yuan = find(roots, '如东县人民检察院');
      expect(yuan, JSON.stringify(tree.body).slice(0, 300)).toBeDefined();
      const set = await call(org.page, 'POST', '/params', {
        unitId: yuan!.id,
        key: 'rudong.incentive.excellentRatio',
        value: '1/20',
        inForceFrom: `${YEAR}-01-01`,
        document: { title: '如东县人民检察院干警年度考核实施办法', number: '东检发〔2020〕1号', date: '2019-12-20' },
      });
      expect(set.status, JSON.stringify(set.body)).toBe(201);
      const started = await call<{ id: string }>(org.page, 'POST', '/incentive/runs', {
        organiserUnitId: yuan!.id,
        year: YEAR,
      });
      expect(started.status, JSON.stringify(started.body)).toBe(201);
      const runId = started.body.id;

      // ---- the liaison fills the workbench within the quota ----
      const liaison = await newPage(browser.browser, server.url);
      await login(liaison.page, 'unit_liaison');
      await liaison.page.goto('/#/incentive');
      await liaison.page
        .locator('.ant-table-row', { hasText: String(YEAR) })
        .first()
        .click();
      await liaison.page.getByText('优秀等次名额').first().waitFor();
      const wb = async () =>
        (
          await call<{ meter: { places: number; excellent: number; pool: number }; cadres: { name: string }[] }>(
            liaison.page,
            'GET',
            `/incentive/runs/${runId}/workbench`,
          )
        ).body;
      const first = await wb();
      const places = first.meter.places;
      expect(places).toBe(Math.floor(first.meter.pool / 20));
      expect(places).toBeGreaterThan(0);
      await liaison.page.getByText(`名额 ${places} 名`).first().waitFor();
      await shot(liaison.page, '50-incentive-workbench-empty');
      await plain(liaison.page, 'workbench, empty');
      const rows = liaison.page.getByTestId('workbench').locator('.ant-table-row');
      const grade = async (i: number, g: string) => {
        await rows.nth(i).locator('.ant-select').click();
        await liaison.page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${g}"]`).click();
      };
      let row = 0;
      const graded: string[] = [];
      while ((await wb()).meter.excellent < places) {
        const before = (await wb()).meter.excellent;
        const name = (await rows.nth(row).locator('td').first().innerText()).trim();
        await grade(row, '优秀');
        // refused for a 处分 or 诫勉 in the year: the message says why; the next cadre is tried
        await liaison.page.waitForTimeout(800);
        if ((await wb()).meter.excellent > before) graded.push(name);
        else
          await liaison.page
            .locator('.ant-message')
            .getByText(/不得确定为优秀等次/)
            .first()
            .waitFor();
        row++;
      }
      await liaison.page.getByText(`已提出 ${places} 名`).first().waitFor();
      // one more 优秀 is over the quota: refused with the count (a cadre who may not be 优秀 this year is refused for
      // that first, so the next cadre is tried)
      for (let tries = 0; ; tries++) {
        await grade(row, '优秀');
        await liaison.page.waitForTimeout(800);
        if (
          await liaison.page
            .locator('.ant-message')
            .getByText(/超出优秀等次比例/)
            .count()
        )
          break;
        expect(tries).toBeLessThan(10);
        row++;
      }
      await liaison.page
        .locator('.ant-message')
        .getByText(/超出优秀等次比例/)
        .first()
        .waitFor();
      await shot(liaison.page, '51-incentive-workbench-over-quota-refused');
      await plain(liaison.page, 'workbench, over quota');
      expect((await wb()).meter.excellent).toBe(places);
      await grade(row, '称职');
      await liaison.page.locator('.ant-table-row', { hasText: '待审核' }).first().waitFor();
      await shot(liaison.page, '52-incentive-workbench-filled');

      // ---- the organisation department accepts the grades ----
      await org.page.goto('/#/incentive');
      await org.page
        .locator('.ant-table-row', { hasText: String(YEAR) })
        .first()
        .click();
      await org.page.getByRole('tab', { name: '单位等次评定' }).click();
      await org.page.getByText('优秀等次名额').first().waitFor();
      const accept = org.page.locator('.ant-table-row', { hasText: '待审核' }).getByRole('button', { name: /确\s*认/ });
      await accept.first().waitFor();
      for (let n = await accept.count(); n > 0; n--) {
        await accept.first().click();
        await expect.poll(() => accept.count(), { timeout: 30_000 }).toBe(n - 1);
      }
      await org.page.locator('.ant-table-row', { hasText: '已确认' }).first().waitFor();
      await shot(org.page, '53-incentive-workbench-accepted');
      await plain(org.page, 'workbench, accepted');

      // ---- recompute, propose, approve each list, confer, close ----
      await org.page.getByRole('tab', { name: '名单与审批' }).click();
      // each step answers before the next is taken (a recomputation takes a moment; the next step needs its version)
      await Promise.all([
        org.page.waitForResponse((r) => r.url().endsWith('/recompute') && r.status() === 200, { timeout: 120_000 }),
        org.page.getByRole('button', { name: /重新计算/ }).click(),
      ]);
      await org.page.waitForTimeout(500);
      await Promise.all([
        org.page.waitForResponse((r) => r.url().endsWith('/propose') && r.status() === 200, { timeout: 60_000 }),
        org.page.getByRole('button', { name: /提出名单/ }).click(),
      ]);
      await org.page.getByText('已提出名单').first().waitFor();
      const tabs = org.page.getByTestId('run-lists').locator('.ant-tabs-tab');
      const listCount = await tabs.count();
      expect(listCount).toBeGreaterThan(0);
      let commendations = '';
      const lists: string[] = [];
      for (let i = 0; i < listCount; i++) {
        await tabs.nth(i).click();
        const label = (await tabs.nth(i).innerText()).trim();
        lists.push(label);
        const pane = org.page.locator('[data-testid="list-pane"]:visible');
        await pane.getByRole('button', { name: /记录审批/ }).click();
        const modal = org.page.locator('.ant-modal:visible');
        const body = modal.getByLabel('审批机关', { exact: true });
        const named = await body.inputValue();
        // the dialog starts from this list's own approving body, never the one typed for the list before
        const stated = /审批机关：(.+?)（/.exec(await pane.innerText())?.[1];
        expect(named, label).toBe(stated === '原文未明确' ? '' : stated);
        await modal.getByLabel('会议', { exact: true }).fill('党组会议');
        await modal.getByLabel('审批日期', { exact: true }).fill(today);
        await modal.getByLabel('文号', { exact: true }).fill(`东检党〔${YEAR + 1}〕${i + 2}号`);
        if (label.includes('嘉奖')) {
          commendations = label;
          expect(named).toBe('县委县政府');
          // another body is refused with the article; the dialog stays open with what was typed
          await body.fill('如东县人民检察院党组');
          await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
          const refusal = modal.locator('.ant-alert-error').getByText(/无权审批/);
          await refusal.waitFor();
          expect(await refusal.innerText()).toContain('应由县委县政府审批');
          await shot(org.page, '54-incentive-approval-wrong-body');
          await plain(org.page, 'approval, wrong body refused');
          expect(await modal.getByLabel('文号', { exact: true }).inputValue()).toBe(`东检党〔${YEAR + 1}〕${i + 2}号`);
          // the body the text names: the dialog closes and the list shows as approved
          await body.fill('县委县政府');
          await modal.getByLabel('会议', { exact: true }).fill('县委常委会会议');
        } else if (!named) {
          // where the text names no body, the organiser records the one that decided
          await body.fill('如东县人民检察院党组');
        } else if (named === '院党组') {
          // the body the text names, under the full name the minutes give it, is that body
          await body.fill('如东县人民检察院党组');
        }
        const [approved] = await Promise.all([
          org.page.waitForResponse((r) => r.url().endsWith('/approve'), { timeout: 60_000 }),
          modal.getByRole('button', { name: /确\s*定|OK/ }).click(),
        ]);
        expect(approved.status(), `${label}: ${await approved.text()}`).toBe(200);
        await org.page.locator('.ant-modal:visible').waitFor({ state: 'hidden' });
        await expect.poll(async () => (await tabs.nth(i).innerText()).trim()).toMatch(/已审批/);
        await expect
          .poll(async () => await org.page.locator('[data-testid="list-pane"]:visible').innerText())
          .toMatch(/已由.+审批，文号/);
        if (label.includes('嘉奖')) {
          await shot(org.page, '55-incentive-approval-right-body');
          await plain(org.page, 'approval, right body');
        }
      }
      expect(commendations).not.toBe('');
      await org.page.getByText('已审批').first().waitFor();

      // ---- confer and publish, then close ----
      await org.page.getByRole('button', { name: /授予\/公布/ }).click();
      const conferDialog = org.page.locator('.ant-modal:visible');
      await conferDialog.getByLabel('日期', { exact: true }).fill(today);
      await conferDialog.getByLabel('文号', { exact: true }).fill(`东委发〔${YEAR + 1}〕9号`);
      await Promise.all([
        org.page.waitForResponse((r) => r.url().endsWith('/confer') && r.status() === 200, { timeout: 60_000 }),
        conferDialog.getByRole('button', { name: /确\s*定|OK/ }).click(),
      ]);
      await conferDialog.waitFor({ state: 'hidden' });
      await org.page
        .getByText(`东委发〔${YEAR + 1}〕9号`)
        .first()
        .waitFor();
      await shot(org.page, '56-incentive-conferred');
      await plain(org.page, 'run, conferred');
      await org.page.getByRole('button', { name: /办\s*结/ }).click();
      const confirm = org.page.locator('.ant-modal-confirm:visible');
      await confirm.locator('.ant-modal-confirm-title', { hasText: '办结本年度工作？' }).waitFor();
      await Promise.all([
        org.page.waitForResponse((r) => r.url().endsWith('/close') && r.status() === 200, { timeout: 120_000 }),
        confirm.getByRole('button', { name: /确\s*定|OK/ }).click(),
      ]);
      await org.page.locator('.ant-descriptions').getByText('已办结').first().waitFor();
      await expect(org.page.getByRole('button', { name: /重新计算|记录审批|授予\/公布/ }).count()).resolves.toBe(0);
      await shot(org.page, '57-incentive-closed');
      await plain(org.page, 'run, closed');
      // every list's tab is on screen (none behind a "more" menu) and says what was done with that list
      for (let i = 0; i < listCount; i++) {
        const tab = tabs.nth(i);
        const box = await tab.boundingBox();
        expect(box !== null && box.x >= 0 && box.x + box.width <= 1366, lists[i]).toBe(true);
        const said = (await tab.innerText()).trim();
        expect(said, lists[i]).toMatch(lists[i] === commendations ? /已嘉奖$/ : /(已授予|已公布)$/);
      }

      // ---- the lists (.xlsx) and the decisions (.docx) download and open ----
      const fetchFile = async (button: RegExp) => {
        const [dl] = await Promise.all([
          org.page.waitForEvent('download'),
          org.page.locator('[data-testid="list-pane"]:visible').getByRole('button', { name: button }).click(),
        ]);
        const file = join(tmp, dl.suggestedFilename());
        await dl.saveAs(file);
        return { file, name: dl.suggestedFilename() };
      };
      for (let i = 0; i < listCount; i++) {
        // the tab bar has scrolled to the last list; a click event selects a tab scrolled out of view, as the
        // overflow menu would, and the bar brings it back into view
        await tabs.nth(i).locator('.ant-tabs-tab-btn').dispatchEvent('click');
        await expect.poll(async () => (await tabs.nth(i).getAttribute('class')) ?? '').toContain('ant-tabs-tab-active');
        const pane = org.page.locator('[data-testid="list-pane"]:visible');
        const firstName = (await pane.locator('.ant-table-row').first().locator('td').nth(1).innerText()).trim();
        const xlsx = await fetchFile(/下载名单/);
        expect(xlsx.name).toMatch(/\.xlsx$/);
        const wbk = new ExcelJS.Workbook();
        await wbk.xlsx.readFile(xlsx.file);
        const sheet = wbk.worksheets[0]!;
        const cells = sheetRows(sheet);
        expect(
          cells.some((r) => r[1] === firstName),
          `${lists[i]}: ${firstName}`,
        ).toBe(true);
        const docx = await fetchFile(/下载(表彰决定|通报)/);
        expect(docx.name).toMatch(/\.docx$/);
        const text = docxText(docx.file);
        expect(text).toContain(String(YEAR));
        expect(text).toContain(firstName);
        if (lists[i] === commendations) {
          // the 嘉奖 list names the cadres graded 优秀 by the 院, each with the grade that earned it
          const named = graded.filter((n) => cells.some((r) => r[1] === n));
          expect(named.length, `${graded.join('、')} in ${cells.map((r) => r[1]).join('、')}`).toBeGreaterThan(0);
          const row = cells.find((r) => r[1] === named[0])!;
          expect(row.join(' ')).toContain('优秀');
          expect(text).toContain('嘉奖');
          expect(text).toContain(named[0]!);
          await shot(org.page, '58-incentive-downloads');
          await plain(org.page, 'run, downloads');
        }
      }
      for (const p of [org, liaison]) await p.context.close();
      expect(problems).toEqual([]);
    },
  );
});
