// A case runs to its end on the definition version it started under (definitions.ts), so a released version is
// frozen like a migration: its states, steps, guards, inputs and citations may not change under the cases already
// running on it. Each released version is pinned here by a fingerprint of its content (keys in a fixed order, so
// moving a step onto a builder in workflow/steps.ts changes nothing as long as the data is the same). A change of
// procedure is a new version beside the old one; only then is a new fingerprint added here.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ALL_DEFINITIONS } from './definitions.js';

const RELEASED: Readonly<Record<string, string>> = {
  'jiangsu/tolerance@1': '1d412433a2bc2d52e460c838d0184e46869eb6e11dd7f08a13b3aa85f5e8664f',
  'shaanxi/tolerance@1': '96d63420f0ff6eee09eaeb9f2cd2e847136d2443da6a8babf2bcb0f105c691c2',
  'rudong/tolerance@1': 'aad264e8b54c026e53c1acbc38e98e0b809b13b71049e882309f37c60d60636f',
  'anhui/tolerance@1': 'e8b76076437fa00628ee6466920c3d0909a6384a5b80116d31e809e434a1586d',
  'jiaozuo/tolerance@1': 'da960572ee85b9c650fa5b4bf85dc6b02485544edbe930a1e2468fcfa37200cd',
  'jiangsu/adjustment@1': '987f20151ccb01a9d1f129279a824c73889ee203a139f5f5bb166544996faa9f',
  'shaanxi/adjustment@1': '94de944344b92af378b8c02493549477145bbb27db92f6eefafabbe7c56a2c62',
  'rudong/adjustment@1': 'dfbaf79a98b197ec8a4eb9156a4751936432f8859c7d4c0e545e6c6a8741db89',
  'shaanxi/clarification@1': 'e2cb03367bf5ec6bc4a064dc830d2cce2f70814de4b83c4303869ac44d698adb',
};

/** The value with every object's keys in sorted order (the order a builder writes them in does not matter). */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

const fingerprint = (d: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(canonical(d)))
    .digest('hex');

describe('released procedure definitions', () => {
  it('are unchanged, whether written out or built from the shared steps', () => {
    for (const d of ALL_DEFINITIONS) {
      const key = `${d.pack}/${d.procedure}@${d.version}`;
      if (RELEASED[key] !== undefined) expect(fingerprint(d), key).toBe(RELEASED[key]);
    }
  });

  it('every released version is still registered, so its running cases can go on', () => {
    const registered = new Set(ALL_DEFINITIONS.map((d) => `${d.pack}/${d.procedure}@${d.version}`));
    for (const key of Object.keys(RELEASED)) expect(registered.has(key), key).toBe(true);
  });

  it('the fingerprint sees a change of a step (a changed reading is not the same definition)', () => {
    const d = ALL_DEFINITIONS[0]!;
    const changed = {
      ...d,
      actions: d.actions.map((a, i) => (i === 0 ? { ...a, citation: { ...a.citation, reading: '另一种理解' } } : a)),
    };
    expect(fingerprint(changed)).not.toBe(fingerprint(d));
  });
});
