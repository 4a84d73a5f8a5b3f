// Every page as every demo role, read the way an official reads it: no text on screen may be an id or a key
// (a unit id such as u000036, a rule id such as jiangsu/…, a parameter key such as rudong.incentive.…, a record
// kind key such as cadreAssessments, a vocabulary code in snake_case, an account's UUID). Things are named.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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
import { idShapedTokens, USERS, visibleText } from './plain-words.js';

/** Every address of the app; a page outside the role must say so in words, and that text is checked too. */
const PAGES = [
  '/home',
  '/incentive',
  '/tolerance',
  '/adjustment',
  '/care',
  '/params',
  '/rules',
  '/readings',
  '/data/roster',
  '/data/io',
  '/admin/users',
  '/admin/roles',
  '/admin/audit',
];

/** Roles whose pages are kept as screenshots for people to look at. */
const SHOWN: readonly string[] = ['org_officer', 'discipline_officer', 'cadre', 'auditadmin'];

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
    expect(idShapedTokens('2025-08-15 受到诫勉')).not.toEqual([]);
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
