// Follow-up of adjusted cadres during the influence period and re-use candidates after it: tasks answered only by
// records inside the period, no follow-up where the text asks none (陕西), re-use ended by a later post, and 陕西's
// upper opinion required first.
import { describe, expect, it } from 'vitest';
import { FOLLOW_UP_PROVISIONS, followUpItems, followUpProvisionFor, type AdjustedCadre } from './follow-up.js';

const prov = (pack: string) => FOLLOW_UP_PROVISIONS.find((p) => p.pack === pack)!;
const adj = (pack: string, over: Partial<AdjustedCadre> = {}): AdjustedCadre => ({
  adjustmentId: 'a1',
  cadreId: 'c1',
  date: '2024-05-10',
  method: '免职',
  provision: prov(pack),
  periodUntil: '2025-05-10',
  caseId: 'k1',
  ...over,
});
const none = { talks: [], visits: [], posts: [], caseSteps: [] };

describe('follow-up during the period', () => {
  it('江苏 names 教育管理, 谈心谈话 and 跟踪了解; a talk and a visit inside the period answer theirs', () => {
    const items = followUpItems(
      [adj('jiangsu')],
      {
        ...none,
        talks: [
          { cadreId: 'c1', heldOn: '2024-05-09' }, // before the decision: not a follow-up
          { cadreId: 'c1', heldOn: '2024-06-01' },
        ],
        visits: [{ adjustmentId: 'a1', visitedOn: '2024-07-01' }],
      },
      '2025-01-01',
    );
    expect(items).toHaveLength(1);
    expect(items[0]!.kind).toBe('followUp');
    expect(items[0]!.tasks.map((t) => [t.label, t.doneOn])).toEqual([
      ['加强教育管理', null],
      ['深入开展谈心谈话', '2024-06-01'],
      ['加强跟踪了解（回访）', '2024-07-01'],
    ]);
  });

  it('the last day of the period is inside it; on the day it ends the cadre becomes a re-use candidate', () => {
    expect(followUpItems([adj('rudong')], none, '2025-05-09')[0]!.kind).toBe('followUp');
    expect(followUpItems([adj('rudong')], none, '2025-05-10')[0]!.kind).toBe('reuse');
  });

  it('陕西 asks no follow-up during the period', () => {
    expect(followUpItems([adj('shaanxi')], none, '2025-01-01')).toEqual([]);
  });

  it('an adjustment no rule gives a period to has no item', () => {
    expect(followUpItems([adj('jiangsu', { periodUntil: null })], none, '2025-01-01')).toEqual([]);
  });
});

describe('re-use after the period', () => {
  it('a post taken up once the period is over is the re-use: no candidate any more', () => {
    const posts = [{ cadreId: 'c1', startDate: '2025-06-01' }];
    expect(followUpItems([adj('jiangsu')], { ...none, posts }, '2025-07-01')).toEqual([]);
    // a post from before the period ended does not count
    const earlier = [{ cadreId: 'c1', startDate: '2024-06-01' }];
    expect(followUpItems([adj('jiangsu')], { ...none, posts: earlier }, '2025-07-01')).toHaveLength(1);
  });

  it('陕西 needs the upper organisation department’s opinion first; 江苏 does not', () => {
    const [s] = followUpItems([adj('shaanxi')], none, '2025-07-01');
    expect(s!.upperOpinion).toEqual({ required: true, givenOn: null });
    const caseSteps = [{ caseId: 'k1', action: 'upper_opinion', onDate: '2025-06-20' }];
    expect(followUpItems([adj('shaanxi')], { ...none, caseSteps }, '2025-07-01')[0]!.upperOpinion).toEqual({
      required: true,
      givenOn: '2025-06-20',
    });
    expect(followUpItems([adj('jiangsu')], none, '2025-07-01')[0]!.upperOpinion.required).toBe(false);
  });

  it('如东 is read before 江苏 in its chain', () => {
    expect(followUpProvisionFor(['rudong', 'jiangsu'])!.pack).toBe('rudong');
    expect(followUpProvisionFor(['anhui'])).toBeUndefined();
  });
});
