// Every page as every demo role, read the way an official reads it: no text on screen may be an id or a key
// (a unit id such as u000036, a rule id such as jiangsu/…, a parameter key such as rudong.incentive.…, a record
// kind key such as cadreAssessments, a vocabulary code in snake_case, an account's UUID). Things are named.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { RECORD_KINDS } from '../src/domain/entities.js';
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

/** The demo accounts (src/server/demo.ts); a user name is what people type to log in, so it may be shown. */
const USERS = [
  'org_officer',
  'city_org',
  'discipline_officer',
  'accountability_officer',
  'committee_member',
  'unit_liaison',
  'cadre',
  'sysadmin',
  'secadmin',
  'auditadmin',
] as const;

/** Every address of the app; a page outside the role must say so in words, and that text is checked too. */
const PAGES = [
  '/home',
  '/incentive',
  '/tolerance',
  '/adjustment',
  '/care',
  '/params',
  '/rules',
  '/data/roster',
  '/data/io',
  '/admin/users',
  '/admin/roles',
  '/admin/audit',
];

/** Roles whose pages are kept as screenshots for people to look at. */
const SHOWN: readonly string[] = ['org_officer', 'discipline_officer', 'cadre', 'auditadmin'];

const SHAPES: [RegExp, string][] = [
  [/(?<![A-Za-z0-9])[a-z]{1,3}\d{6,}(?![A-Za-z0-9])/, 'a record id'],
  [/(?<![A-Za-z0-9])(national|jiangsu|shaanxi|rudong|anhui|jiaozuo)[/.][A-Za-z]/, 'a rule id or parameter key'],
  [/(?<![A-Za-z0-9])[a-z]+[A-Z][A-Za-z]*(?![A-Za-z0-9])/, 'a camelCase key'],
  [/(?<![A-Za-z0-9])[a-z]+_[a-z_]+(?![A-Za-z0-9])/, 'a snake_case code'],
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, 'a UUID'],
  // a file extension (.xlsx) or a web address named as a source (xclz.gov.cn) is not a code
  [/(?<![A-Za-z0-9_.])[a-z]{4,}(?![A-Za-z0-9_.])/, 'a vocabulary code in English'],
  [new RegExp(`(?<![A-Za-z0-9])(${RECORD_KINDS.join('|')})(?![A-Za-z0-9])`), 'a record kind key'],
];

/** The id- or key-shaped tokens in `text`, each with what it looks like and the line it is on. */
export function idShapedTokens(text: string): string[] {
  // account names are shown where accounts are managed and audited; they are not keys
  const rest = text.replace(new RegExp(`(?<![A-Za-z0-9_])(${USERS.join('|')})(?![A-Za-z0-9_])`, 'g'), '');
  const found: string[] = [];
  for (const line of rest.split('\n'))
    for (const [re, what] of SHAPES) {
      const m = re.exec(line);
      if (m) found.push(`${what} “${m[0]}” in: ${line.trim().slice(0, 160)}`);
    }
  return found;
}

/** What the user sees: the page's visible text, less the few cells that show a record's own number on purpose. */
async function visibleText(page: Page): Promise<string> {
  // innerText leaves out what is not visible, so the marked cells are hidden for the moment of reading (a script
  // string: this file is compiled without the DOM's types)
  return page.evaluate(`(() => {
    const marked = [...document.querySelectorAll('[data-record-number]')];
    for (const el of marked) el.style.visibility = 'hidden';
    const text = document.body.innerText;
    for (const el of marked) el.style.visibility = '';
    return text;
  })()`);
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // spinners and skeletons gone
  await page
    .locator('.ant-spin-spinning, .ant-skeleton-active')
    .first()
    .waitFor({ state: 'detached', timeout: 60_000 })
    .catch(() => undefined);
  await page.waitForTimeout(300);
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

describe('the token check itself', () => {
  test('flags ids and keys, and leaves Chinese text, dates, numbers and account names alone', () => {
    expect(idShapedTokens('管理单位：u000036')).not.toEqual([]);
    expect(idShapedTokens('容错认定（tr00000005）')).not.toEqual([]);
    expect(idShapedTokens('依据 jiangsu/incentive/7.2')).not.toEqual([]);
    expect(idShapedTokens('未配置：rudong.incentive.excellentRatio')).not.toEqual([]);
    expect(idShapedTokens('新增 cadreAssessments')).not.toEqual([]);
    expect(idShapedTokens('类别 party_governance')).not.toEqual([]);
    expect(idShapedTokens('如东县 2025 comprehensive 一')).not.toEqual([]);
    expect(idShapedTokens('对象 5b5cf266-28d2-4204-a843-f5f35d89112f')).not.toEqual([]);
    expect(idShapedTokens('南通市 2024年5月4日 共 329 条规则 用户 city_org IP 127.0.0.1 Excel')).toEqual([]);
    expect(idShapedTokens('拖拽 Excel 文件（.xlsx） 来源：xclz.gov.cn 发布的电子书')).toEqual([]);
  });
});

describe('every page as every role names things', () => {
  for (const user of USERS)
    test(`${user}: no id or key on any page`, { timeout: 240_000 }, async () => {
      const { context, page } = await newPage(browser.browser, server.url);
      const problems: string[] = [];
      const check = async (where: string) => {
        await settle(page);
        for (const p of idShapedTokens(await visibleText(page))) problems.push(`${where}: ${p}`);
      };
      await login(page, user);
      for (const path of PAGES) {
        await page.goto(`/#${path}`);
        await check(path);
        if (SHOWN.includes(user)) await shot(page, `21-${user}${path.replace(/\//g, '-')}`);
        if (path === '/rules' && (await page.locator('.ant-table-row-expand-icon').count()) > 0) {
          // the first rows opened: article text, the rules it replaces and the reading notes
          for (const icon of (await page.locator('.ant-table-row-expand-icon').all()).slice(0, 6)) await icon.click();
          await check('/rules (rows opened)');
        }
        if (path === '/admin/audit' && (await page.locator('.ant-table-row').count()) > 0) {
          await page.locator('.ant-table-row').first().click();
          await check('/admin/audit (entry opened)');
          await shot(page, '22-audit-entry');
        }
      }
      // a cadre's profile: the user's own, or the first on the roster (a leader, with the longest record)
      const me = (await page.evaluate(async () => (await fetch('/api/auth/me')).json())) as { cadreId?: string };
      let profile: string | undefined = me.cadreId ?? undefined;
      if (!profile) {
        await page.goto('/#/data/roster');
        await settle(page);
        const open = page.getByTestId('open-profile');
        if ((await open.count()) > 0) {
          await open.first().click();
          await page.getByTestId('profile-name').waitFor();
          profile = decodeURIComponent(page.url().split('/').pop()!);
        }
      } else await page.goto(`/#/data/cadres/${encodeURIComponent(profile)}`);
      if (profile) {
        await page.getByTestId('profile-name').waitFor();
        for (const tab of await page.getByRole('tab').all()) {
          await tab.click();
          await check(`profile ${profile}, tab ${await tab.textContent()}`);
        }
        await page.getByRole('button', { name: /政策适用说明/ }).click();
        await page.getByTestId('explain-card').waitFor({ timeout: 90_000 });
        await check(`profile ${profile}, 政策适用说明`);
        if (SHOWN.includes(user)) await shot(page, `20-explain-card-${user}`);
      }
      await context.close();
      expect(problems).toEqual([]);
    });
});
