import { describe, expect, it } from 'vitest';
import { KIND_SPECS } from '../src/io/xlsx/columns.js';
import { checkDeterminationClause } from '../src/packs/determination-clauses.js';

describe('a determination names one clause, of a kind that clause reads', () => {
  it('refuses a bare number that two documents of one rulebook share, naming both documents', () => {
    const [p] = checkDeterminationClause('9.2', 'inaction');
    expect(p?.field).toBe('clause');
    expect(p?.reason).toContain('江苏省党政干部鼓励激励办法');
    expect(p?.reason).toContain('江苏省推进党政领导干部能上能下办法');
    expect(checkDeterminationClause('第十条（二）', 'party_governance')[0]?.field).toBe('clause');
  });

  it('accepts the clause with its document, or the full rule id', () => {
    expect(checkDeterminationClause('《江苏省推进党政领导干部能上能下办法》第九条（二）', 'inaction')).toEqual([]);
    expect(checkDeterminationClause('江苏省推进党政领导干部能上能下办法 第九条 (二)', 'inaction')).toEqual([]);
    expect(checkDeterminationClause('jiangsu/adjustment/9.2', 'inaction')).toEqual([]);
    // a bare number no rulebook has twice is read in each rulebook's own numbering
    expect(checkDeterminationClause('第八条（三）', 'inaction')).toEqual([]);
  });

  it('refuses a clause no rule reads determinations under', () => {
    expect(checkDeterminationClause('jiangsu/incentive/4', 'other')[0]?.field).toBe('clause');
    expect(checkDeterminationClause('第九十九条', 'other')[0]?.field).toBe('clause');
  });

  it('checks the kind against the clause; a general determination fits every clause', () => {
    const [p] = checkDeterminationClause('jiangsu/adjustment/9.3', 'political');
    expect(p?.field).toBe('kind');
    expect(p?.reason).toContain('政治表现');
    expect(checkDeterminationClause('jiangsu/adjustment/9.3', 'poverty')).toEqual([]);
    expect(checkDeterminationClause('jiangsu/adjustment/9.3', 'other')).toEqual([]);
  });

  it('is the check the spreadsheet import and the records API run on a determination row', () => {
    const check = KIND_SPECS.determinations.check!;
    expect(check({ clause: '9.2', kind: 'inaction' })[0]?.field).toBe('clause');
    expect(check({ clause: 'jiangsu/adjustment/9.2', kind: 'inaction' })).toEqual([]);
    expect(check({ clause: '第九十九条', kind: 'other' })[0]?.field).toBe('clause');
  });
});
