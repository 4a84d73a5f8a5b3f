// 容错纠错 in the browser, end to end on the demo record (the demo cadre serves in 如东县人民检察院, so the case runs
// under 如东's procedure): the cadre applies from the page in the accountability matter about them; the officers the
// procedure names (问责部门 for intake, investigation and 会商; 院党组 for the conclusion) take it through, each from
// their 待办; a step on a stale version is refused and the page reloads; a conclusion departing from the rules'
// evaluation is refused until a reason is written; the decision document downloads and opens; the cadre sees the
// conclusion on their case, their profile and their 政策适用说明. Screenshots at 1366×768 in e2e/screenshots/.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
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
const tmp = mkdtempSync(join(tmpdir(), 'sanxiang-e2e-tolerance-'));

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

/** Picks `option` in the antd select labelled `label` inside `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByLabel(label, { exact: true }).click();
  await page.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`).click();
  await page.keyboard.press('Escape');
}

/** Fills the form of the step `label` on the case page and takes it. */
async function takeStep(page: Page, label: string, fields: Record<string, string> = {}): Promise<void> {
  const card = page.getByTestId(`step-${label}`);
  await card.waitFor();
  for (const [name, value] of Object.entries(fields)) await card.getByLabel(name, { exact: true }).fill(value);
  await card.getByTestId('submit-step').click();
  await page.getByText(`已办理：${label}`).first().waitFor();
  await card.waitFor({ state: 'detached' }).catch(() => undefined);
}

/** Opens the case from the user's 待办 on the 容错纠错 page. */
async function openFromTodo(page: Page, subject: string, screenshot?: string): Promise<void> {
  await page.goto('/#/tolerance');
  const row = page.getByTestId('todo').locator('.ant-table-row', { hasText: subject });
  await row.waitFor();
  if (screenshot) await shot(page, screenshot);
  await plain(page, '待办');
  await row.getByTestId('open-case').click();
  await page.getByTestId('case-title').waitFor();
}

/** Ids or keys on the page people read, each with where it was seen. */
const problems: string[] = [];
async function plain(page: Page, where: string): Promise<void> {
  await page.waitForTimeout(300);
  for (const p of idShapedTokens(await visibleText(page))) problems.push(`${where}: ${p}`);
}

/** The visible text of a .docx's body. */
function docxText(path: string): string {
  const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8' });
  return xml.replace(/<w:tab\/>/g, ' ').replace(/<[^>]+>/g, '');
}

describe('容错纠错 in the browser', () => {
  test(
    'a cadre applies; 问责部门 and 院党组 take the case to a conclusion; the decision downloads and shows on the explanation',
    {
      timeout: 600_000,
    },
    async () => {
      // ---- the cadre applies in the matter about them ----
      const cadre = await newPage(browser.browser, server.url);
      await login(cadre.page, 'cadre');
      const me = (await cadre.page.evaluate(async () => (await fetch('/api/auth/me')).json())) as { cadreId: string };
      const profile = (await cadre.page.evaluate(
        async (id) => (await fetch(`/api/cadres/${id}/profile`)).json(),
        me.cadreId,
      )) as { cadre: { name: string } };
      const name = profile.cadre.name;
      await cadre.page.goto('/#/tolerance');
      await cadre.page.getByTestId('apply').click();
      const modal = cadre.page.locator('.ant-modal');
      await choose(
        cadre.page,
        modal,
        '所涉问责事项',
        '承办的信息化建设项目验收延误，造成一定损失（2023年4月10日立项）',
      );
      await modal.getByLabel('申请理由').fill('项目延误系上级调整建设方案所致，本人已及时报告并组织补救。');
      await shot(cadre.page, '30-tolerance-apply');
      await modal.getByRole('button', { name: /提交申请/ }).click();
      await cadre.page.getByTestId('case-title').waitFor();
      // the names come with the case: the title names the cadre
      await cadre.page.getByTestId('case-title').filter({ hasText: name }).waitFor();
      await cadre.page.getByText('已提出申请，待受理').first().waitFor();
      const caseUrl = cadre.page.url();
      await shot(cadre.page, '31-tolerance-case-cadre-applied');
      await plain(cadre.page, 'case page, cadre, applied');

      // ---- 问责部门: intake, investigation, preliminary conclusion, 会商 ----
      const officer = await newPage(browser.browser, server.url);
      await login(officer.page, 'discipline_officer');
      await officer.page.getByTestId('home-todo').waitFor();
      await expect
        .poll(async () =>
          Number(await officer.page.getByTestId('home-todo').locator('.ant-statistic-content-value').textContent()),
        )
        .toBeGreaterThan(0);
      await shot(officer.page, '32-home-todo-discipline_officer');
      await openFromTodo(officer.page, name, '33-tolerance-todo-discipline_officer');
      await shot(officer.page, '34a-tolerance-case-to-accept');
      await takeStep(officer.page, '受理申请');

      // a colleague hears the cadre meanwhile: this page's version is stale, the step is refused and the page reloads
      const colleague = await newPage(browser.browser, server.url);
      await login(colleague.page, 'accountability_officer');
      const caseId = decodeURIComponent(caseUrl.split('/').pop()!);
      const detail = (await colleague.page.evaluate(
        async (id) => (await fetch(`/api/cases/${id}`)).json(),
        caseId,
      )) as { version: number };
      const heard = await colleague.page.evaluate(
        async ([id, version]) =>
          (
            await fetch(`/api/cases/${id}/steps`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({
                action: 'hear',
                on: new Date().toLocaleDateString('sv-SE'), // the browser's own date (Asia/Shanghai)
                version,
                inputs: { statement: '当事人说明：建设方案调整后已及时报告。' },
              }),
            })
          ).status,
        [caseId, detail.version] as const,
      );
      expect(heard).toBe(200);
      const hear = officer.page.getByTestId('step-启动调查时听取当事人的说明和反映');
      await hear.getByLabel('当事人的说明和反映', { exact: true }).fill('当事人再次说明情况。');
      await hear.getByTestId('submit-step').click();
      await officer.page.getByText('案件已被他人更新，请刷新').waitFor();
      // reloaded: the colleague's hearing is in the history and 形成初步结论 is now open
      await officer.page.getByTestId('history').getByText('当事人说明：建设方案调整后已及时报告。').waitFor();

      // the findings: a situation of 三、（二） and a fact that excludes tolerance (应承担刑事责任)
      const find = officer.page.getByTestId('step-形成初步结论');
      await find
        .getByLabel('调查核实情况', { exact: true })
        .fill('经调查，项目延误系建设方案调整所致，当事人已组织补救。');
      await find.getByText('记录调查认定的情形和事实（供规则评估）').click();
      await choose(officer.page, find, '所依据的容错情形', '三、（二）2． 容错情形2：政策调整或决策部署变化未达预期');
      await choose(officer.page, find, '查明存在的情况', '应承担刑事责任');
      await shot(officer.page, '34-tolerance-case-findings');
      await find.getByTestId('submit-step').click();
      await officer.page.getByText('已办理：形成初步结论').first().waitFor();
      await officer.page.getByTestId('evaluation').getByText('不符合容错条件').waitFor();
      await takeStep(officer.page, '形成初步结论时听取当事人的说明和反映', {
        当事人的说明和反映: '当事人对初步结论无异议。',
      });
      await takeStep(officer.page, '形成初步容错纠错意见，召集会商', { 初步容错纠错意见: '建议予以容错免责。' });
      await takeStep(officer.page, '会商形成一致意见，提出容错纠错建议', { 会商意见: '会商一致，建议免责。' });
      await shot(officer.page, '35-tolerance-case-after-consultation');
      await plain(officer.page, 'case page, officer, after 会商');

      // ---- 院党组: the conclusion; departing from the evaluation needs a written reason ----
      const committee = await newPage(browser.browser, server.url);
      await login(committee.page, 'committee_member');
      await openFromTodo(committee.page, name);
      const conclude = committee.page.getByTestId('step-院党组集体研究作出容错与否的结论');
      await choose(committee.page, conclude, '结论', '免责');
      await conclude.getByLabel('集体研究的会议', { exact: true }).fill('院党组会议');
      await conclude.getByTestId('submit-step').click();
      await conclude.getByTestId('step-error').getByText('结论与规则评估不一致，须写明理由').waitFor();
      await shot(committee.page, '36-tolerance-conclusion-departure-refused');
      await plain(committee.page, 'case page, committee, conclusion form');
      await conclude
        .getByLabel('结论与规则评估不一致的理由', { exact: true })
        .fill('经核实，涉嫌刑事责任的线索已由司法机关排除，评估所依据的事实已不成立。');
      await conclude.getByTestId('submit-step').click();
      await committee.page.getByText('已办理：院党组集体研究作出容错与否的结论').first().waitFor();
      await committee.page.getByTestId('case-outcome').getByText('免责').waitFor();

      // the decision document: downloads, opens, names the cadre and the outcome
      await committee.page.getByRole('tab', { name: '文书' }).click();
      const [dl] = await Promise.all([
        committee.page.waitForEvent('download'),
        committee.page.getByTestId('download-容错与否的结论').click(),
      ]);
      const file = join(tmp, dl.suggestedFilename());
      await dl.saveAs(file);
      expect(dl.suggestedFilename()).toMatch(/\.docx$/);
      const text = docxText(file);
      expect(text).toContain(name);
      expect(text).toContain('免责');
      await shot(committee.page, '37-tolerance-case-documents');
      await plain(committee.page, 'case page, documents');
      await committee.page.getByRole('tab', { name: '程序图' }).click();
      await committee.page.locator('[data-current]').getByText('已作出容错与否的结论').waitFor();
      await shot(committee.page, '38-tolerance-case-diagram');
      await plain(committee.page, 'case page, diagram');

      // ---- the cadre follows the case and sees the effect on their explanation ----
      await cadre.page.goto(caseUrl);
      await cadre.page.reload();
      await cadre.page.getByTestId('case-outcome').getByText('免责').waitFor();
      await shot(cadre.page, '39-tolerance-case-cadre-concluded');
      await cadre.page.goto(`/#/data/cadres/${encodeURIComponent(me.cadreId)}`);
      await cadre.page.getByTestId('profile-name').waitFor();
      await cadre.page.getByRole('tab', { name: '容错纠错' }).click();
      await cadre.page.getByTestId('profile-cases').locator('.ant-table-row', { hasText: '免责' }).waitFor();
      await shot(cadre.page, '40-profile-tolerance-tab');
      await plain(cadre.page, 'profile, 容错纠错 tab');
      await cadre.page.getByRole('button', { name: /政策适用说明/ }).click();
      const card = cadre.page.getByTestId('explain-card');
      await card.waitFor({ timeout: 90_000 });
      // the decision's effect under 如东's 七（三）
      await card
        .getByText(/容错免责：各类考核、提拔任用/)
        .first()
        .waitFor();
      await shot(cadre.page, '41-explain-tolerance-decision');
      // the decision among the computed facts reads as a conclusion in words, not a matter number and a code
      await card.getByText('容错纠错认定结论').first().waitFor();
      await plain(cadre.page, 'explanation with the decision');

      // the officers' view of procedures: two jurisdictions side by side
      await officer.page.goto('/#/tolerance');
      await officer.page.getByRole('tab', { name: '办理程序' }).click();
      await officer.page.getByTestId('diagram-江苏省').waitFor();
      await officer.page.getByTestId('diagram-陕西省').waitFor();
      await shot(officer.page, '42-tolerance-procedures');
      await plain(officer.page, 'procedures');
      await officer.page.getByRole('tab', { name: /案件查询/ }).click();
      await officer.page.getByTestId('case-list').locator('.ant-table-row', { hasText: name }).waitFor();
      await shot(officer.page, '43-tolerance-case-list');
      await plain(officer.page, 'case list');
      // the register of the cases listed, as a workbook naming the cadre and the conclusion
      const [reg] = await Promise.all([
        officer.page.waitForEvent('download'),
        officer.page.getByRole('button', { name: /下载登记台账/ }).click(),
      ]);
      const regFile = join(tmp, reg.suggestedFilename());
      await reg.saveAs(regFile);
      expect(reg.suggestedFilename()).toBe('容错纠错案件登记台账.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(regFile);
      const cells: string[] = [];
      wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => cells.push(String(cell.text))));
      expect(cells).toContain(name);
      expect(cells).toContain('免责');
      await officer.page.getByRole('tab', { name: /已办/ }).click();
      await officer.page.getByTestId('done').locator('.ant-table-row', { hasText: name }).waitFor();
      await plain(officer.page, '已办');

      for (const p of [cadre, officer, colleague, committee]) await p.context.close();
      expect(problems).toEqual([]);
    },
  );
});
