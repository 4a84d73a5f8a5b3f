// Case-file contents in the trail: field names and one SM3 hash, nothing of the values.
import { describe, expect, it } from 'vitest';
import { sm3Hex } from '../../crypto/sm.js';
import { canonicalJson } from './canonical.js';
import { isCaseContent, isReduced, reduceContents } from './case-contents.js';

describe('reduceContents', () => {
  it('keeps the sorted field names and the SM3 of the canonical JSON', () => {
    const v = { statement: '本人陈述', findings: { remedied: true }, id: 't1' };
    const r = reduceContents(v)!;
    expect(r).toEqual({ fields: ['findings', 'id', 'statement'], sm3: sm3Hex(canonicalJson(v)) });
    expect(JSON.stringify(r)).not.toContain('本人陈述');
    expect(isReduced(r)).toBe(true);
  });

  it('leaves null as null, and is the same whatever the key order', () => {
    expect(reduceContents(null)).toBeNull();
    expect(reduceContents({ a: 1, b: 2 })).toEqual(reduceContents({ b: 2, a: 1 }));
  });

  it('applies to case-file kinds only', () => {
    expect(isCaseContent('toleranceRequests')).toBe(true);
    expect(isCaseContent('cadres')).toBe(false);
    expect(isCaseContent(null)).toBe(false);
    expect(isReduced({ id: 'x', statement: 'y' })).toBe(false);
  });
});
