// The DESIGN §3 checklist, expanded into rule ids: every id here must exist in `sanxiang rules --json`.
const range = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);

const ids = (pack: string, mechanism: string, locators: string[]) => locators.map((l) => `${pack}/${mechanism}/${l}`);

export const CHECKLIST: readonly string[] = [
  ...ids('jiangsu', 'incentive', ['4', '7.1', '7.2', '7.3', '8.2', '8.3', '8.4', '8.5', ...range('9.', 1, 4), '10.2']),
  ...ids('jiangsu', 'tolerance', [
    ...range('1.', 1, 3),
    '2',
    ...range('2.', 1, 6),
    ...range('3.', 1, 3),
    '4',
    ...range('4.', 1, 3),
    ...range('5.', 1, 3),
    ...range('6.', 1, 3),
  ]),
  ...ids('jiangsu', 'adjustment', [
    '4',
    ...range('6.', 1, 5),
    ...range('7.', 1, 3),
    ...range('8.', 1, 2),
    ...range('9.', 1, 7),
    ...range('10.', 1, 5),
    '11',
    '12',
    '13',
  ]),
  ...ids('shaanxi', 'incentive', [
    ...range('5.', 1, 3),
    ...range('6.', 1, 3),
    ...range('7.', 1, 4),
    ...range('8.', 1, 3),
  ]),
  ...ids('shaanxi', 'tolerance', [
    '3',
    '4',
    ...range('6.', 1, 11),
    '7',
    ...range('8.', 1, 5),
    ...range('9.', 1, 5),
    ...range('10.', 1, 3),
    ...range('11.', 1, 3),
  ]),
  ...ids('shaanxi', 'adjustment', [
    '4',
    ...range('6.', 1, 4),
    '7',
    ...range('8.', 1, 4),
    ...range('9.', 1, 2),
    ...range('10.', 1, 4),
    ...range('11.', 1, 2),
    ...range('12.', 1, 2),
    ...range('13.', 1, 2),
    ...range('15.', 1, 5),
    '16',
  ]),
  ...ids('rudong', 'incentive', ['6.1', '6.2', ...range('7.', 1, 3), '8.1', '8.2', ...range('9.', 1, 5)]),
  ...ids('rudong', 'tolerance', [
    '1.1',
    '2',
    ...range('3.1.', 1, 6),
    ...range('3.2.', 1, 9),
    ...range('3.3.', 1, 6),
    '4',
    '5',
    '6',
    '7',
    '8',
  ]),
  ...ids('rudong', 'adjustment', [
    '5',
    ...range('6.', 1, 6),
    '7.1',
    '7.2',
    ...range('8.', 1, 5),
    ...range('9.', 1, 5),
    '10',
    '11',
    '14',
  ]),
  ...ids('anhui', 'opinion', ['6', '9', '11', '12', '15', '16', '18']),
  ...ids('jiaozuo', 'tolerance', [
    ...range('principle.', 1, 3),
    'condition',
    'condition.reform-filing',
    'condition.special-measure',
    ...range('situation.', 1, 9),
    ...range('exclusion.', 1, 4),
    ...range('procedure.', 1, 5),
    ...range('outcome.', 1, 3),
  ]),
  ...ids('jiaozuo', 'incentive', [
    ...range('standard1.', 1, 9),
    ...range('standard2.', 1, 6),
    ...range('standard3.', 1, 3),
    ...range('measure.', 1, 6),
  ]),
];

/** Seed file of each pack whose text is not OCR'd newspaper columns (citations must be verbatim in it). */
export const VERBATIM_SEEDS: Record<string, string> = {
  jiangsu: 'seeds/000_2705b41455aeb921.txt',
  shaanxi: 'seeds/001_e40aa16ba0615095.txt',
  rudong: 'seeds/002_e15b13a7c5d5554b.txt',
  anhui: 'seeds/003_d045ccc2ef85509a.txt',
};
