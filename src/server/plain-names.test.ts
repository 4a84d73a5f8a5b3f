import { describe, expect, test } from 'vitest';
import { packRegistry } from '../packs/index.js';
import { namer, paramName } from './plain-names.js';

const units: Record<string, string> = { u000139: '渭南市', u0001: '不应匹配' };
const n = namer(packRegistry(), (id) => units[id]);

describe('names instead of ids and keys', () => {
  test('a rule id becomes its document and article; a parameter key its Chinese name; a unit id its name', () => {
    const c = packRegistry().rules.get('shaanxi/incentive/5.2')!.citation;
    expect(n.plain('并列待定：shaanxi/incentive/5.2 2025 u000139')).toBe(
      `并列待定：《${c.document}》${c.article} 2025 渭南市`,
    );
    expect(n.plain('未配置：jiangsu.incentive.bonusByGrade')).toBe('未配置：“按年度综合考核等次核发的奖金（元）”');
  });

  test('a sentence-ending full stop stays, and an id is matched whole, never inside a longer one', () => {
    expect(n.plain('见 u000139。')).toBe('见 渭南市。');
    expect(n.plain('见 u000139.')).toBe('见 渭南市.');
    expect(n.plain('u0001390 与 xu000139')).toBe('u0001390 与 xu000139');
  });

  test('a date written 2023-10-31 reads 2023年10月31日; longer digit runs are left alone', () => {
    expect(n.plain('（2023-10-31，附第八条释义）')).toBe('（2023年10月31日，附第八条释义）');
    expect(n.plain('编号 12023-10-311')).toBe('编号 12023-10-311');
  });

  test('namesIn lists only the tokens that have names', () => {
    expect(n.namesIn(['u000139 与 u999999，jiangsu/incentive/7.2'])).toEqual({
      u000139: '渭南市',
      'jiangsu/incentive/7.2': expect.stringMatching(/^《.+》第七条/),
    });
  });

  test('a parameter’s short name is its description’s first clause, without the example', () => {
    expect(paramName('按年度综合考核等次核发的奖金（元），形如 {一: n}。第九条……')).toBe(
      '按年度综合考核等次核发的奖金（元）',
    );
    expect(paramName('“按照35％的比例”计算名额时的取整方式（floor | round | ceil）；默认向下取整')).toBe(
      '“按照35％的比例”计算名额时的取整方式（floor | round | ceil）',
    );
  });
});
