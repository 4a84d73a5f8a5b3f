// 关心关爱 in the browser: the 陕西 coverage says which team members' 分管单位 are not entered (it cannot pair them
// with the heads of the units in their charge), and entering a member's 分管单位 on the post from the unit tree (or
// 不分管单位) takes that member off the list. 1366×768, screenshots in e2e/screenshots/.
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

let server: RunningServer;
let browser: BrowserHandle;

beforeAll(async () => {
  ensureChromium();
  ensureWebBuild();
  server = await startServer();
  browser = await launchBrowser();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

interface Coverage {
  gaps: { unitId: string; unit: string; member: { id: string; name: string; title: string } | null; text: string }[];
}

function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const r = await fetch(`/api${p}`);
    if (!r.ok) throw new Error(`${p}: ${r.status}`);
    return r.json();
  }, path) as Promise<T>;
}

describe('关心关爱: 分管单位', () => {
  test('the coverage names members whose 分管单位 is missing; entering it on the post takes them off', async () => {
    const { page, context } = await newPage(browser.browser, server.url);
    try {
      await login(page, 'org_officer');
      await page.goto('/#/care');
      const gapsBox = page.getByTestId('coverage-gaps');
      await gapsBox.waitFor({ timeout: 60_000 });
      const year = new Date().getFullYear();
      const before = await apiGet<Coverage>(page, `/care/coverage?year=${year}&limit=1`);
      const gap = before.gaps.find((g) => g.member && g.text.includes('尚未录入'))!;
      expect(gap, 'a 陕西 member without 分管单位').toBeTruthy();
      const member = gap.member!;
      // in words: the member's name and post, never an id
      expect(await gapsBox.innerText()).toContain(`${member.name}（${member.title}）的分管单位尚未录入`);
      expect(await gapsBox.innerText()).not.toContain(member.id);
      await shot(page, '60-care-coverage-charged-units-missing');

      // the member's post, edited from the profile: 分管单位 from the unit tree, or 不分管单位
      await page.goto(`/#/data/cadres/${encodeURIComponent(member.id)}`);
      await page.getByTestId('profile-name').waitFor();
      const row = page.locator('.ant-table-row', { hasText: member.title }).first();
      await expect.poll(() => row.innerText()).toContain('尚未录入');
      await row.getByRole('button', { name: /编\s*辑/ }).click();
      const modal = page.locator('.ant-modal:visible');
      await modal.getByText('分管单位', { exact: true }).waitFor();
      await modal.getByTestId('charged-units').click();
      await page.locator('.ant-select-tree-node-content-wrapper:visible').first().waitFor();
      await shot(page, '61-post-form-charged-units-tree');
      await modal.getByText('不分管单位', { exact: true }).last().click();
      const [saved] = await Promise.all([
        page.waitForResponse((r) => r.url().includes('/api/records/posts/') && r.request().method() === 'PUT'),
        modal.getByRole('button', { name: /保\s*存/ }).click(),
      ]);
      expect(saved.status(), await saved.text()).toBe(200);
      expect((await saved.json()).chargedUnitIds).toEqual([]);
      await expect.poll(() => row.innerText()).toContain('不分管单位');
      await shot(page, '62-profile-post-charged-units-none');

      // the coverage no longer lists that member
      await page.goto('/#/care');
      await page.getByText('年度谈话覆盖').first().waitFor();
      const after = await apiGet<Coverage>(page, `/care/coverage?year=${year}&limit=1`);
      expect(after.gaps.some((g) => g.member?.id === member.id)).toBe(false);
      expect(after.gaps.length).toBe(before.gaps.length - before.gaps.filter((g) => g.member?.id === member.id).length);
    } finally {
      await context.close();
    }
  }, 600_000);
});
