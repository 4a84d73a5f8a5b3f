import { describe, expect, it } from 'vitest';
import { RECORD_KINDS } from '../../domain/entities.js';
import {
  KIND_SPECS,
  formatField,
  kindByName,
  nestFields,
  normalHeader,
  parseCell,
  recordToCells,
  type ColumnSpec,
} from './columns.js';
import { V, codeOf, labelOf } from './vocab.js';

const col = (field: string, kind: keyof typeof KIND_SPECS): ColumnSpec =>
  KIND_SPECS[kind].columns.find((c) => c.field === field)!;
const value = (c: ColumnSpec, cell: Parameters<typeof parseCell>[1]) => {
  const p = parseCell(c, cell);
  return p.ok ? p.value : `ERR ${p.reason}`;
};

describe('cells to field values', () => {
  const birth = col('birthDate', 'cadres');
  const start = col('startDate', 'posts');

  it('accepts real calendar dates as text or as Excel date cells', () => {
    expect(value(start, '2020-02-29')).toBe('2020-02-29');
    expect(value(start, new Date(Date.UTC(2019, 2, 1)))).toBe('2019-03-01');
    expect(value(birth, null)).toBeNull();
  });

  it('rejects impossible days, other formats, numbers and times of day', () => {
    expect(value(start, '2019-02-29')).toMatch(/不是真实存在的日期/);
    expect(value(start, '2019/03/01')).toMatch(/YYYY-MM-DD/);
    expect(value(start, 43525)).toMatch(/YYYY-MM-DD/);
    expect(value(start, new Date(Date.UTC(2019, 2, 1, 9, 30)))).toMatch(/时间/);
    expect(value(start, null)).toMatch(/必填/);
  });

  it('a post’s 分管单位: ids separated by 、, 无 for none, blank for not entered; a bad id is refused', () => {
    const charged = col('chargedUnitIds', 'posts');
    expect(value(charged, 'u1、u2，u1')).toEqual(['u1', 'u2']);
    expect(value(charged, '无')).toEqual([]);
    expect(value(charged, null)).toBeNull();
    expect(value(charged, 'u1、a b')).toEqual(['u1', 'a', 'b']);
    expect(value(charged, 'u1、x\u0000')).toMatch(/^ERR 编号 x/);
    expect(formatField(charged, [])).toBe('无');
    expect(formatField(charged, ['u1', 'u2'])).toBe('u1、u2');
    expect(formatField(charged, null)).toBeNull();
  });

  it('takes vote counts as non-negative integers only', () => {
    const votes = col('votesBasic', 'cadreAssessments');
    expect(value(votes, 0)).toBe(0);
    expect(value(votes, '12')).toBe(12);
    expect(value(votes, -1)).toMatch(/负数/);
    expect(value(votes, 2.5)).toMatch(/整数/);
    expect(value(votes, '三')).toMatch(/整数/);
  });

  it('accepts a vocabulary word as code, label or short label, and exports the label', () => {
    const role = col('role', 'posts');
    expect(value(role, 'principal')).toBe('principal');
    expect(value(role, '党政正职（主要负责人）')).toBe('principal');
    expect(value(role, '党政正职(主要负责人)')).toBe('principal');
    expect(value(role, '党政正职')).toBe('principal');
    expect(value(role, '分管领导')).toBe('deputy');
    expect(value(role, '正职')).toMatch(/不是可选的职务类别/);
    expect(formatField(role, 'principal')).toBe('党政正职（主要负责人）');
    const kind = col('kind', 'units');
    expect(value(kind, '设区市')).toBe('city');
    expect(value(kind, '县级市')).toBe('county');
    expect(formatField(kind, 'city')).toBe('设区市');
  });

  it('checks the grade word against the scheme', () => {
    const check = KIND_SPECS.unitAssessments.check!;
    expect(check({ scheme: 'comprehensive', grade: '一' })).toEqual([]);
    expect(check({ scheme: 'comprehensive', grade: '优秀' })[0]!.reason).toMatch(/一、二、三、四/);
    expect(check({ scheme: 'national_ranking', grade: '好' })[0]!.reason).toMatch(/不评等次/);
    expect(check({ scheme: 'poverty', grade: null })).toEqual([]);
  });

  it('checks the severity scale against the incident category', () => {
    const check = KIND_SPECS.incidents.check!;
    expect(check({ category: 'food_drug', severity: '三级' })).toEqual([]);
    expect(check({ category: 'food_drug', severity: '较大' })).toHaveLength(1);
    expect(check({ category: 'production_safety', severity: '三级' })).toHaveLength(1);
  });

  it('reads 是/否, blank as 否; areas split on 、 with labels mapped to the rule areas', () => {
    const ps = col('partySecretary', 'posts');
    expect(value(ps, '是')).toBe(true);
    expect(value(ps, null)).toBe(false);
    expect(value(ps, '对')).toMatch(/是 或 否/);
    const areas = col('inCharge', 'posts');
    expect(value(areas, '安全生产、教育，stability')).toEqual(['production_safety', '教育', 'stability']);
    expect(value(areas, null)).toEqual([]);
    expect(formatField(areas, ['production_safety', '教育'])).toBe('安全生产、教育');
    expect(formatField(areas, [])).toBeNull();
  });

  it('reads a findings flag as 是/否 with blank meaning not established, kept apart from 否', () => {
    const spec = KIND_SPECS.toleranceRequests;
    const remedied = spec.columns.find((c) => c.header === '主动挽回损失')!;
    expect(remedied.field).toBe('findings.remedied');
    expect(value(remedied, '是')).toBe(true);
    expect(value(remedied, '否')).toBe(false);
    expect(value(remedied, null)).toBeNull();
    expect(value(remedied, '未知')).toMatch(/是 或 否/);
    const row = nestFields({
      id: 't1',
      'findings.remedied': true,
      'findings.knowingly': false,
      'findings.criminal': null,
    });
    expect(row).toEqual({ id: 't1', findings: { remedied: true, knowingly: false } });
    // and back: a flag not established exports as a blank cell, not 否
    const cells = recordToCells(spec, { ...row, subjectType: 'cadre', subjectId: 'c1', situation: '6.4' });
    const at = (h: string) => cells[spec.columns.findIndex((c) => c.header === h)];
    expect([at('主动挽回损失'), at('明知故犯'), at('应承担刑事责任')]).toEqual(['是', '否', null]);
  });

  it('wants ID numbers as text with a real birth date', () => {
    const idn = col('idNumber', 'cadres');
    expect(value(idn, '32062319750506002x')).toBe('32062319750506002X');
    expect(value(idn, '320623197502300021')).toMatch(/出生日期/);
    expect(value(idn, Number('320623197505060020'))).toMatch(/文本格式/);
    expect(value(idn, '12345')).toMatch(/18位/);
  });

  it('reads ids as text, integer ids as their digits', () => {
    const id = col('id', 'units');
    expect(value(id, 1001)).toBe('1001');
    expect(value(id, 'U 1')).toMatch(/空格/);
    expect(value(id, null)).toMatch(/必填/);
    expect(value(col('id', 'posts'), null)).toBeNull();
  });
});

describe('kind names and headers', () => {
  it('knows every kind by key and by Chinese label', () => {
    for (const k of RECORD_KINDS) {
      expect(kindByName(k)).toBe(k);
      expect(kindByName(KIND_SPECS[k].sheetName)).toBe(k);
    }
    expect(kindByName('单位考核')).toBe('unitAssessments');
    expect(kindByName('nonsense')).toBeUndefined();
  });

  it('ignores required markers and spaces in headers', () => {
    expect(normalHeader(' 单位 名称* ')).toBe('单位名称');
    expect(normalHeader('单位名称（必填）')).toBe('单位名称');
  });

  it('labels round-trip through codeOf for every vocabulary', () => {
    for (const v of Object.values(V)) for (const c of v.codes) expect(codeOf(v, labelOf(v, c))).toBe(c);
  });
});
