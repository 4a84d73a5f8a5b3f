// The check every browser test can run on what people read: no text on screen may be an id or a key (a unit id
// such as u000036, a rule id such as jiangsu/…, a parameter key such as rudong.incentive.…, a record kind key such
// as cadreAssessments, a vocabulary code in snake_case, an account's UUID). Things are named.
import type { Page } from 'playwright-core';
import { RECORD_KINDS } from '../src/domain/entities.js';

/** The demo accounts (src/server/demo.ts); a user name is what people type to log in, so it may be shown. */
export const USERS = [
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

const SHAPES: [RegExp, string][] = [
  [/(?<![A-Za-z0-9])[a-z]{1,3}\d{6,}(?![A-Za-z0-9])/, 'a record id'],
  [/(?<![A-Za-z0-9])(national|jiangsu|shaanxi|rudong|anhui|jiaozuo)[/.][A-Za-z]/, 'a rule id or parameter key'],
  [/(?<![A-Za-z0-9])[a-z]+[A-Z][A-Za-z]*(?![A-Za-z0-9])/, 'a camelCase key'],
  [/(?<![A-Za-z0-9])[a-z]+_[a-z_]+(?![A-Za-z0-9])/, 'a snake_case code'],
  [/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/, 'a UUID'],
  // a file extension (.xlsx) or a web address named as a source (xclz.gov.cn) is not a code
  [/(?<![A-Za-z0-9_.])[a-z]{4,}(?![A-Za-z0-9_.])/, 'a vocabulary code in English'],
  [new RegExp(`(?<![A-Za-z0-9])(${RECORD_KINDS.join('|')})(?![A-Za-z0-9])`), 'a record kind key'],
  // DESIGN §8: dates are written 2025年8月15日 for people
  [/(?<![0-9])\d{4}-\d{2}-\d{2}(?![0-9])/, 'a date written as a code'],
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
export async function visibleText(page: Page): Promise<string> {
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
