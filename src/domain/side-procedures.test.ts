// When a 焦作 pre-event filing counts as made beforehand, at the boundaries the text sets (事先, 实施前, 同意后), and
// the finding flags the filings a case relies on establish.
import { describe, expect, it } from 'vitest';
import { filedInTime, filingFlags, type PreEventFiling } from './side-procedures.js';

const reform = (assessedOn: string | null, filedOn: string | null): PreEventFiling => ({
  kind: 'reform_risk',
  startedOn: '2023-03-10',
  assessedOn,
  filedOn,
  governmentApprovedOn: null,
  upperApprovedOn: null,
});
const special = (governmentApprovedOn: string | null, upperApprovedOn: string | null): PreEventFiling => ({
  kind: 'special_measure',
  startedOn: '2023-03-10',
  assessedOn: null,
  filedOn: null,
  governmentApprovedOn,
  upperApprovedOn,
});

describe('a reform risk filing (应事先进行风险评估和论证,报…备案)', () => {
  it('counts when filed the day before or the day the work began, not the day after', () => {
    expect(filedInTime(reform('2023-03-01', '2023-03-09'))).toBe(true);
    expect(filedInTime(reform('2023-03-01', '2023-03-10'))).toBe(true);
    expect(filedInTime(reform('2023-03-01', '2023-03-11'))).toBe(false);
  });
  it('needs the assessment, then the filing', () => {
    expect(filedInTime(reform(null, '2023-03-09'))).toBe(false);
    expect(filedInTime(reform('2023-03-01', null))).toBe(false);
    expect(filedInTime(reform('2023-03-09', '2023-03-08'))).toBe(false);
  });
});

describe('a special measure (经同级人民政府同意后,在实施前…征得同意)', () => {
  it('counts when the government consented first and the upper department by the day it took effect', () => {
    expect(filedInTime(special('2023-03-01', '2023-03-10'))).toBe(true);
    expect(filedInTime(special('2023-03-01', '2023-03-11'))).toBe(false);
  });
  it('does not count when the upper department consented before the government, or either is missing', () => {
    expect(filedInTime(special('2023-03-05', '2023-03-04'))).toBe(false);
    expect(filedInTime(special(null, '2023-03-04'))).toBe(false);
    expect(filedInTime(special('2023-03-01', null))).toBe(false);
  });
});

describe('the flags the filings establish', () => {
  it('none without filings', () => expect(filingFlags([])).toEqual({}));
  it('a late reform filing: a major reform project, not filed beforehand; one in time settles it', () => {
    const late = reform('2023-03-01', '2023-03-11');
    expect(filingFlags([late])).toEqual({ majorReform: true, riskAssessmentFiled: false });
    expect(filingFlags([late, reform('2023-03-01', '2023-03-02')])).toEqual({
      majorReform: true,
      riskAssessmentFiled: true,
    });
  });
  it('a special measure approved beforehand', () =>
    expect(filingFlags([special('2023-03-01', '2023-03-02')])).toEqual({
      specialMeasure: true,
      specialMeasureApproved: true,
    }));
});
