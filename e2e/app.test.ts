// Browser tests of the web app against the real server (`serve --demo`), in Debian's Chromium at 1366×768.
// Screenshots land in e2e/screenshots/ for people to look at.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { KIND_SPECS } from '../src/io/xlsx/columns.js';
import { base32Decode, totp } from '../src/server/accounts/totp.js';
import {
  DEMO_PASSWORD,
  ensureChromium,
  ensureWebBuild,
  launchBrowser,
  login,
  newPage,
  shot,
  ROOT,
  startServer,
  type BrowserHandle,
  type RunningServer,
} from './harness.js';

interface UnitNode {
  id: string;
  name: string;
  children?: UnitNode[];
}
interface Roster {
  total: number;
  items: { id: string; name: string; managingUnitId: string; unitName: string | null }[];
}

let server: RunningServer;
let browser: BrowserHandle;
const tmp = mkdtempSync(join(tmpdir(), 'sanxiang-e2e-files-'));

function flatten(nodes: UnitNode[], out = new Map<string, string>()): Map<string, string> {
  for (const n of nodes) {
    out.set(n.id, n.name);
    flatten(n.children ?? [], out);
  }
  return out;
}

/** A JSON GET made by the page itself, so it carries that user's session cookie. */
function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const r = await fetch(`/api${p}`);
    if (!r.ok) throw new Error(`${p}: ${r.status}`);
    return r.json();
  }, path) as Promise<T>;
}

/** A session outside the browser (for facts the test needs from another user's view). */
async function apiSession(username: string): Promise<(path: string) => Promise<unknown>> {
  const r = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  expect(r.status).toBe(200);
  const cookie = (r.headers.get('set-cookie') ?? '').split(';')[0]!;
  return async (path) => {
    const res = await fetch(`${server.url}/api${path}`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return res.json();
  };
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
  rmSync(tmp, { recursive: true, force: true });
});

describe('web app in the browser', () => {
  test('the login page refuses a wrong password with the server’s reason', async () => {
    const { context, page } = await newPage(browser.browser, server.url);
    await page.goto('/');
    await page.getByText('三项机制干部工作系统').first().waitFor();
    await shot(page, '01-login');
    await page.getByLabel('用户名').fill('committee_member');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    const err = page.getByTestId('login-error');
    await err.waitFor();
    expect((await err.textContent())?.length).toBeGreaterThan(0);
    expect(await page.getByTestId('current-user').count()).toBe(0);
    await context.close();
  });

  test('a city organisation officer sees only that city: tree, roster, dashboard; a cadre elsewhere is refused', async () => {
    const { context, page } = await newPage(browser.browser, server.url);
    await login(page, 'city_org');
    // 首页 with counts and the two charts
    await page.getByText('干部年度考核等次分布').waitFor();
    await page.getByTestId('grades-chart').locator('canvas').waitFor();
    await page.getByTestId('incidents-chart').locator('canvas').waitFor();
    await shot(page, '02-home-city_org');

    await page.goto('/#/data/roster');
    const tree = page.getByTestId('unit-tree');
    await tree.waitFor();
    await page.locator('[data-testid="roster"] .ant-table-row').first().waitFor();
    await shot(page, '03-roster-city_org');

    const units = await apiGet<UnitNode[]>(page, '/units/tree');
    expect(units.map((u) => u.name)).toEqual(['南通市']);
    const inScope = flatten(units);
    // the tree shows the city at the top and nothing beside it
    const topTitles = await tree.locator('.ant-tree-title').allTextContents();
    expect(topTitles[0]).toBe('南通市');
    expect(topTitles).not.toContain('南京市');
    // every row on the roster is managed within 南通市's subtree
    const shownUnits = await page.locator('[data-testid="roster"] .ant-table-row td:nth-child(7)').allTextContents();
    expect(shownUnits.length).toBeGreaterThan(0);
    const names = new Set(inScope.values());
    for (const u of shownUnits) expect(names.has(u), u).toBe(true);
    const roster = await apiGet<Roster>(page, '/cadres?limit=100');
    expect(roster.total).toBeGreaterThan(0);
    for (const c of roster.items) expect(inScope.has(c.managingUnitId), c.managingUnitId).toBe(true);

    // choosing a unit in the tree narrows the roster to that unit's subtree
    const county = units[0]!.children!.find((u) => (u.children ?? []).length > 0) ?? units[0]!.children![0]!;
    const countyUnits = new Set(flatten([county]).values());
    await tree.getByText(county.name, { exact: true }).click();
    await page.locator('.ant-card-head-title .ant-tag', { hasText: county.name }).waitFor();
    const unitCells = page.locator('[data-testid="roster"] .ant-table-row td:nth-child(7)');
    await expect
      .poll(async () => {
        const shown = await unitCells.allTextContents();
        return shown.length > 0 && shown.every((n) => countyUnits.has(n));
      })
      .toBe(true);
    // and the search box finds a cadre by name
    const someone = (await page.locator('[data-testid="roster"] .ant-table-row td:nth-child(1)').last().textContent())!;
    await page.getByTestId('roster-search').locator('input').fill(someone);
    await page.getByTestId('roster-search').locator('input').press('Enter');
    await expect
      .poll(async () => {
        const names = await page.locator('[data-testid="roster"] .ant-table-row td:nth-child(1)').allTextContents();
        return names.length > 0 && names.every((n) => n.includes(someone));
      })
      .toBe(true);

    // a province-wide officer sees more, and one of those cadres is refused to the city officer
    const province = (await (await apiSession('org_officer'))('/cadres?limit=200')) as Roster;
    expect(province.total).toBeGreaterThan(roster.total);
    const outside = province.items.find((c) => !inScope.has(c.managingUnitId));
    expect(outside).toBeDefined();
    await page.goto(`/#/data/cadres/${encodeURIComponent(outside!.id)}`);
    await page.getByText(/未找到该干部|无权访问/).waitFor();
    expect(await page.getByTestId('profile-name').count()).toBe(0);
    await context.close();
  });

  test('a cadre profile shows the whole record as a timeline, and the edit form validates', async () => {
    const { context, page } = await newPage(browser.browser, server.url);
    await login(page, 'city_org');
    await page.goto('/#/data/roster');
    // a principal leader: a long career, so the timeline has much to show
    const first = page.locator('[data-testid="roster"] .ant-table-row', { hasText: '党政正职' }).first();
    await first.waitFor();
    const name = (await first.locator('td').first().textContent())!.trim();
    await first.getByTestId('open-profile').click();
    await expect(page.getByTestId('profile-name').textContent()).resolves.toBe(name);
    const items = page.locator('[data-testid="timeline"] .ant-timeline-item');
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThan(0);
    await page.getByRole('tab', { name: /任职（\d+）/ }).waitFor();
    await shot(page, '04-profile');

    // the rulebooks' conclusions about this cadre, with the articles, in a side panel
    await page.getByRole('button', { name: /政策适用说明/ }).click();
    const explained = page.getByTestId('explain-card');
    await explained.waitFor({ timeout: 60_000 });
    expect(await explained.textContent()).toContain(name);
    // the verdicts come first, in words
    const verdicts = (await page.getByTestId('explain-verdicts').textContent())!;
    expect(verdicts).toMatch(/可提拔|前不得提拔|未适用规则包/);
    await shot(page, '04b-profile-explain');
    await page.keyboard.press('Escape');
    await explained.waitFor({ state: 'detached' });

    // add an honour through the form: it lands in its tab and on the timeline
    await page.getByRole('tab', { name: /表彰奖励（\d+）/ }).click();
    const before = Number(/（(\d+)）/.exec((await page.getByRole('tab', { name: /表彰奖励/ }).textContent())!)![1]);
    await page.getByRole('button', { name: /新增表彰奖励/ }).click();
    const addDialog = page.getByRole('dialog');
    await addDialog.getByLabel('表彰日期').click();
    await addDialog.getByLabel('表彰日期').fill('2024年5月4日');
    await addDialog.getByLabel('表彰日期').press('Enter');
    await addDialog.getByLabel('授予机关').click();
    await page.locator('.ant-select-item-option', { hasText: '市委、市政府' }).click();
    await addDialog.getByLabel('表彰名称').fill('全市优秀共产党员');
    await addDialog.getByRole('button', { name: /保\s*存/ }).click();
    await page.getByRole('tab', { name: `表彰奖励（${before + 1}）` }).waitFor();
    await page.locator('[data-testid="timeline"]').getByText('全市优秀共产党员').waitFor();
    await page.getByText('2024年5月4日').first().waitFor();

    // a required field left empty is refused before it reaches the server
    await page.getByRole('button', { name: /编辑基本信息/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('');
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    await dialog.getByText('请填写姓名').waitFor();
    await shot(page, '05-edit-validation');

    // someone else saves first: the stale version comes back as the server's 409 message
    const id = decodeURIComponent(page.url().split('/').pop()!);
    const changed = await page.evaluate(async (cid) => {
      const cur = (await (await fetch(`/api/records/cadres/${encodeURIComponent(cid)}`)).json()) as Record<
        string,
        unknown
      >;
      const r = await fetch(`/api/records/cadres/${encodeURIComponent(cid)}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ version: cur.version, birthDate: cur.birthDate ?? '1980-01-01' }),
      });
      return r.status;
    }, id);
    expect(changed).toBe(200);
    await dialog.getByLabel('姓名').fill(`${name}`);
    await dialog.getByRole('button', { name: /保\s*存/ }).click();
    const formError = dialog.getByTestId('form-error');
    await formError.waitFor();
    expect((await formError.textContent())!.length).toBeGreaterThan(2);
    await shot(page, '06-edit-conflict');
    await context.close();
  });

  test('importing a sheet with a bad row writes nothing and shows the row report', async () => {
    const { context, page } = await newPage(browser.browser, server.url);
    await login(page, 'city_org');
    const units = flatten(await apiGet<UnitNode[]>(page, '/units/tree'));
    const unitId = [...units.keys()][0]!;

    const wb = new ExcelJS.Workbook();
    const spec = KIND_SPECS.cadres;
    const ws = wb.addWorksheet(spec.sheetName);
    ws.addRow(spec.columns.map((c) => c.header));
    const row = (v: Record<string, string>) => ws.addRow(spec.columns.map((c) => v[c.field] ?? ''));
    row({ id: 'E2E-OK-1', name: '测试甲', gender: '男', category: '公务员', managingUnitId: unitId });
    row({ id: 'E2E-BAD-1', name: '测试乙', gender: '女', category: '临时工', managingUnitId: unitId });
    const file = join(tmp, '干部导入-含错误行.xlsx');
    await wb.xlsx.writeFile(file);

    await page.goto('/#/data/io');
    await page.getByText('下载导入模板').waitFor();
    await shot(page, '07-import-export');

    // the template and the export are real workbooks; the export holds exactly the city's cadres
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载模板/ }).click(),
    ]);
    const templateFile = join(tmp, 'template.xlsx');
    await template.saveAs(templateFile);
    const tpl = new ExcelJS.Workbook();
    await tpl.xlsx.readFile(templateFile);
    expect(tpl.getWorksheet(spec.sheetName)?.getRow(1).getCell(1).value).toBe(spec.columns[0]!.header);

    const [exported] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    const exportFile = join(tmp, 'export.xlsx');
    await exported.saveAs(exportFile);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(exportFile);
    const sheet = out.getWorksheet(spec.sheetName)!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    const unitCol = headers.indexOf('管理单位编号') + 1;
    expect(unitCol).toBeGreaterThan(0);
    const managing: string[] = [];
    sheet.eachRow((r, n) => {
      if (n > 1) managing.push(String(r.getCell(unitCol).value));
    });
    const total = (await apiGet<Roster>(page, '/cadres?limit=1')).total;
    expect(managing.length).toBe(total);
    for (const m of managing) expect(units.has(m), m).toBe(true);
    await page.locator('input[type=file]').setInputFiles(file);
    const report = page.getByTestId('import-report');
    await report.waitFor();
    const cells = await report.locator('.ant-table-row').first().locator('td').allTextContents();
    expect(cells[1]).toBe('3'); // header is row 1, the good row 2, the bad row 3
    expect(cells[2]).toBe('人员类别');
    expect(cells[3]).toBe('临时工');
    await shot(page, '08-import-report');
    // all or nothing: the good row was not written either
    const found = await apiGet<Roster>(page, `/cadres?search=${encodeURIComponent('测试甲')}`);
    expect(found.total).toBe(0);
    await context.close();
  });

  test('the audit administrator sees only the audit log and verifies the chain', async () => {
    const { context, page } = await newPage(browser.browser, server.url);
    await login(page, 'auditadmin');
    await page.waitForURL(/#\/admin\/audit$/);
    expect(await page.getByRole('menuitem', { name: /数据管理/ }).count()).toBe(0);
    expect(await page.getByRole('menuitem', { name: /审计日志/ }).count()).toBe(1);
    const rows = page.locator('.ant-table-row');
    await rows.first().waitFor();
    // the logins of the earlier tests are in the trail
    await page.getByText('city_org').first().waitFor();
    await page.getByTestId('verify').click();
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('审计链完整');
    await shot(page, '09-audit-verified');
    await context.close();
  });

  test('a new account must change its password at first login, then waits for a role', async () => {
    const login1 = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'sysadmin', password: DEMO_PASSWORD }),
    });
    const cookie = (login1.headers.get('set-cookie') ?? '').split(';')[0]!;
    const created = await fetch(`${server.url}/api/admin/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ username: 'e2e_newcomer', displayName: '新同志' }),
    });
    expect(created.status).toBe(201);
    // the system administrator never sees a password: the operator issues it at the server console
    expect(JSON.stringify(await created.json())).not.toMatch(/"(password|temporaryPassword|initialPassword)"/);
    const issued = execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
        'src/cli/run.ts',
        '--data',
        server.dataDir,
        'account',
        'reset',
        'e2e_newcomer',
      ],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SANXIANG_DATABASE_URL: '' } },
    );
    const initial = /临时密码 temporary password: (\S+)/.exec(issued)![1]!;

    const { context, page } = await newPage(browser.browser, server.url);
    await page.goto('/');
    await page.getByLabel('用户名').fill('e2e_newcomer');
    await page.getByLabel('密码').fill(initial);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('请先设置新密码').waitFor();
    // too weak: refused with the rule, before the server is asked
    await page.getByLabel('新密码', { exact: true }).fill('short');
    await page.getByLabel('确认新密码').fill('short');
    await page.getByRole('button', { name: /修改密码并进入系统/ }).click();
    await page.getByText('密码不符合复杂度要求').waitFor();
    await shot(page, '12-forced-password-change');
    await page.getByLabel('新密码', { exact: true }).fill('Brand-New-Pass-2026');
    await page.getByLabel('确认新密码').fill('Brand-New-Pass-2026');
    await page.getByRole('button', { name: /修改密码并进入系统/ }).click();
    await page.getByText('账号尚未分配角色').waitFor();
    await page.getByTestId('current-user').waitFor();
    await context.close();
  });

  test('a user turns on the second factor, and the next login asks for the code', async () => {
    const { context, page } = await newPage(browser.browser, server.url);
    await login(page, 'committee_member');
    await page.getByTestId('current-user').hover();
    await page.getByRole('menuitem', { name: /账号安全/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('tab', { name: '双因素认证' }).click();
    await dialog.getByRole('button', { name: /开始设置/ }).click();
    const secret = (await dialog.getByTestId('totp-secret').textContent())!.replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]+=*$/);
    // the otpauth:// address is offered as a scannable QR code, with the secret beside it for manual entry
    const qr = dialog.getByTestId('totp-qr').locator('svg');
    await qr.waitFor();
    await dialog.getByText('用身份验证器应用扫描左侧二维码').waitFor();
    const qrBox = (await qr.boundingBox())!;
    const secretBox = (await dialog.getByTestId('totp-secret').boundingBox())!;
    expect(qrBox.width).toBeGreaterThanOrEqual(128); // the symbol itself, inside the bordered quiet zone
    expect(qrBox.x + qrBox.width).toBeLessThanOrEqual(secretBox.x);
    expect(secretBox.y).toBeLessThan(qrBox.y + qrBox.height);
    // a real symbol: 21 + 4k modules a side (a QR version), drawn with dark modules
    const modules = Number((await qr.getAttribute('viewBox'))!.split(' ')[2]);
    expect((modules - 21) % 4).toBe(0);
    expect((await qr.locator('path').last().getAttribute('d'))!.length).toBeGreaterThan(500);
    const code = () => totp(base32Decode(secret), Math.floor(Date.now() / 1000));
    await dialog.getByLabel('验证器显示的6位动态口令').fill(code());
    const enabledAt = Math.floor(Date.now() / 30_000);
    await shot(page, '13-totp-setup');
    await dialog.getByRole('button', { name: /启用双因素认证/ }).click();
    await dialog.getByText(/已启用双因素认证/).waitFor();
    await dialog.locator('.ant-modal-close').click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: /退\s*出/ }).click();

    await page.getByLabel('用户名').fill('committee_member');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByLabel('动态口令').waitFor();
    await shot(page, '14-login-second-factor');
    // no code works twice: the login takes the code of a later time step than the one that switched it on
    while (Math.floor(Date.now() / 30_000) <= enabledAt) await new Promise((r) => setTimeout(r, 500));
    await page.getByLabel('动态口令').fill(code());
    await page.getByRole('button', { name: /验证并登录/ }).click();
    await page.getByTestId('current-user').waitFor();
    await context.close();
  }, 120_000);

  test('the system and security administrators each see only their own page', async () => {
    for (const [user, path, title, file] of [
      ['sysadmin', '/admin/users', '用户管理', '10-admin-users'],
      ['secadmin', '/admin/roles', '角色与数据范围', '11-admin-roles'],
    ] as const) {
      const { context, page } = await newPage(browser.browser, server.url);
      await login(page, user);
      await page.waitForURL(new RegExp(`#${path}$`));
      await page.locator('.ant-table-row').first().waitFor();
      await expect(page.locator('.ant-card-head-title').first().textContent()).resolves.toBe(title);
      expect(await page.getByRole('menuitem', { name: /数据管理|审计日志/ }).count()).toBe(0);
      await shot(page, file);
      if (user === 'sysadmin') {
        // 三员分立: administrator rows offer no action the server would refuse; other rows name their unit
        const admin = page.locator('.ant-table-row', { hasText: 'secadmin' });
        await admin.getByText('由控制台管理').waitFor();
        expect(await admin.getByRole('button').count()).toBe(0);
        const bound = page.locator('.ant-table-row', { hasText: 'city_org' });
        await bound.getByText('南通市', { exact: true }).waitFor();
        expect(await bound.getByRole('button', { name: /重置密码/ }).count()).toBe(1);
      }
      if (user === 'secadmin') {
        // the security administrator gives the newcomer a role and a scope
        const row = page.locator('.ant-table-row', { hasText: 'e2e_newcomer' });
        await row.getByRole('button', { name: /分\s*配/ }).click();
        const dialog = page.getByRole('dialog');
        await dialog.getByLabel('角色').click();
        await page.locator('.ant-select-item-option', { hasText: '组织部门干部' }).click();
        await dialog.getByLabel('所属单位（数据范围）').click();
        await dialog.getByLabel('所属单位（数据范围）').fill('南通市');
        await page.locator('.ant-select-tree-title', { hasText: /^南通市$/ }).click();
        await dialog.getByRole('button', { name: /保\s*存/ }).click();
        await row.getByText('组织部门干部').waitFor();
        await row.getByText('南通市').waitFor();
      }
      await context.close();
    }
  });
  test('the policy rules page lists every rule with its verbatim article, searchable', async () => {
    const { context, page } = await newPage(browser.browser, server.url);
    await login(page, 'org_officer');
    await page.goto('/#/rules');
    const rules = await apiGet<{ id: string; title: string; document: string; text: string; article: string }[]>(
      page,
      '/rules',
    );
    expect(rules.length).toBeGreaterThan(300);
    await page.getByText(`共 ${rules.length} 条规则`).waitFor();
    // search by words of the title, open the row, and read the article text as the rulebook prints it
    const target = rules.find((r) => r.id === 'shaanxi/adjustment/8.1')!;
    const sameTitle = rules.filter((r) =>
      [r.id, r.title, r.document, r.article, r.text].some((t) => t.includes(target.title)),
    ).length;
    await page.getByPlaceholder('条款、标题或条文').fill(target.title);
    await page.getByPlaceholder('条款、标题或条文').press('Enter');
    await page.getByText(`共 ${sameTitle} 条规则`).waitFor();
    await page.locator('.ant-table-row-expand-icon').first().click();
    await page.getByText(target.text.slice(0, 20)).waitFor();
    await shot(page, '15-rules');
    await context.close();
  });
});
