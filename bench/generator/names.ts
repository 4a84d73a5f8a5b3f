// Plausible Chinese personal names and 身份证号. Surnames are weighted by their frequency in the population
// (rounded shares from the 2020 census tables, per mille); given names are one or two characters drawn from the
// characters common in names of people born 1960–2000.
import { Weighted, type Rng } from './prng.js';

// prettier-ignore
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 70], ['张', 64], ['刘', 54], ['陈', 46], ['杨', 31], ['黄', 21], ['赵', 20], ['吴', 18],
  ['周', 17], ['徐', 15], ['孙', 15], ['马', 13], ['朱', 12], ['胡', 12], ['郭', 11], ['何', 10], ['高', 9],
  ['林', 9], ['罗', 9], ['郑', 8], ['梁', 8], ['谢', 7], ['宋', 6], ['唐', 6], ['许', 6], ['韩', 6], ['冯', 6],
  ['邓', 6], ['曹', 5], ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 5], ['袁', 4], ['潘', 4], ['于', 4],
  ['蒋', 4], ['蔡', 4], ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3],
  ['任', 3], ['沈', 3], ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3],
  ['范', 3], ['金', 3], ['石', 3], ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2],
  ['邹', 2], ['孟', 2], ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2],
  ['雷', 2], ['侯', 2], ['龙', 2], ['史', 2], ['陶', 1], ['黎', 1], ['贺', 1], ['顾', 1], ['毛', 1], ['郝', 1],
  ['龚', 1], ['邵', 1], ['万', 1], ['钱', 1], ['严', 1], ['覃', 1], ['武', 1], ['戴', 1], ['莫', 1], ['孔', 1],
  ['向', 1], ['汤', 1], ['葛', 1], ['殷', 1], ['缪', 1], ['季', 1], ['欧阳', 0.3], ['司马', 0.05], ['诸葛', 0.05],
  ['上官', 0.05],
];

const MALE = [
  ...'伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳建国峰亮成志海东文新荣德庆春晓振兴永立家忠正云江卫清远博毅晨嘉鸿睿泽宏彬斐昊松涵锋瑞祥',
];
const FEMALE = [
  ...'芳娜敏静丽艳娟霞秀玲燕婷雪琳晶颖倩慧洁莉萍红梅琴云丹蕾薇欣悦怡佳露瑶璐婧妍茜岚莹雯菲娅婉萱彤月凤兰英',
];

const surnameTable = new Weighted(SURNAMES);

export type Gender = '男' | '女';

export function personName(rng: Rng, gender: Gender): string {
  const pool = gender === '男' ? MALE : FEMALE;
  const surname = surnameTable.sample(rng);
  const given = rng.chance(0.72) ? rng.pick(pool) + rng.pick(pool) : rng.pick(pool);
  return surname + given;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/**
 * A 身份证号 of the GB 11643 form: area code (province prefix + four digits), birth date, sequence (odd for men),
 * check character. Not a real person's number: the area digits are random.
 */
export function idNumber(rng: Rng, provincePrefix: string, birthDate: string, gender: Gender): string {
  const area = provincePrefix + String(rng.int(1, 13)).padStart(2, '0') + String(rng.int(1, 29)).padStart(2, '0');
  let seq = rng.int(0, 99) * 10 + rng.int(0, 9);
  if ((seq % 2 === 1) !== (gender === '男')) seq = (seq + 1) % 1000;
  const body = area + birthDate.replaceAll('-', '') + String(seq).padStart(3, '0');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * (ID_WEIGHTS[i] as number);
  return body + ID_CHECK[sum % 11];
}
