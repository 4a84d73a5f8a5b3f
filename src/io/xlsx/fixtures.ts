// A small, complete record in spreadsheet form (every kind, every column type, labels as export writes them,
// rows in id order as export writes them): a good import file that must export back cell for cell.
import type { SheetData } from './testing.js';
import { KIND_SPECS } from './columns.js';
import type { RecordKind } from '../../domain/entities.js';
import { TOLERANCE_FLAGS, type ToleranceFlag } from '../../domain/vocabulary.js';

const sheet = (kind: RecordKind, rows: unknown[][]): SheetData => ({
  name: KIND_SPECS[kind].sheetName,
  rows: [KIND_SPECS[kind].columns.map((c) => c.header), ...rows],
});

/** The findings cells of a tolerance request, in column order: 是/否 for the flags given, blank for the rest. */
const findings = (f: Partial<Record<ToleranceFlag, boolean>>): (string | null)[] =>
  TOLERANCE_FLAGS.map((k) => (f[k] === undefined ? null : f[k] ? '是' : '否'));

export const GOOD_SHEETS: SheetData[] = [
  sheet('units', [
    ['U01', '江苏省', '省', null, '江苏省'],
    ['U02', '南通市', '设区市', 'U01', null],
    ['U03', '如东县', '县（县级市）', 'U02', null],
    ['U04', '如东县人民检察院', '检察院', 'U03', '如东县人民检察院'],
    ['U05', '陕西省', '省', null, '陕西省'],
  ]),
  sheet('cadres', [
    ['C01', '张建国', '男', '1968-03-01', '320623196803010018', '公务员', 'U03'],
    ['C02', '李秀英', '女', '1975-05-06', null, '参公', 'U03'],
    ['C03', '王磊', null, null, null, '聘用制书记员', 'U04'],
  ]),
  sheet('posts', [
    ['P01', 'C01', 'U03', '党政正职（主要负责人）', '县委书记', '是', null, '正处', '2016-06-01', null, null],
    [
      'P02',
      'C02',
      'U03',
      '副职（分管领导）',
      '副县长',
      '否',
      '安全生产、教育',
      '副处',
      '2017-01-15',
      '2020-12-31',
      '换届',
    ],
  ]),
  sheet('unitAssessments', [
    ['UA01', 'U03', 2018, '年度综合考核', '二', 88.5, 12],
    ['UA02', 'U03', 2019, '年度综合考核', '一', 95, 3],
    ['UA03', 'U05', 2019, '全国排名', null, null, 40],
  ]),
  sheet('cadreAssessments', [
    ['CA01', 'C01', 2018, '优秀', 30, 10, 0, 0],
    ['CA02', 'C02', 2018, '基本称职', 5, 20, 12, 3],
    ['CA03', 'C03', 2019, null, null, null, null, null],
  ]),
  sheet('regularAssessments', [
    ['R01', 'C01', '2019Q1', '好'],
    ['R02', 'C01', '2019Q2', '较好'],
  ]),
  sheet('honors', [
    ['H01', '单位', 'U03', '2019-01-10', '省委、省政府', '全省高质量发展先进县'],
    ['H02', '干部', 'C01', '2019-02-01', '本单位', '优秀共产党员'],
  ]),
  sheet('incidents', [
    ['I01', 'U03', '2018-07-01', '安全生产事故', '较大', '某化工厂爆炸'],
    ['I02', 'U03', '2018-08-01', '食品药品安全事故', '三级', null],
  ]),
  sheet('determinations', [
    ['D01', '干部', 'C02', '2019-05-01', '不担当不作为', '第八条（三）', null],
    ['D02', '单位', 'U03', '2019-05-02', '维护稳定', 'shaanxi/adjustment/13.2', '信访问题突出'],
  ]),
  sheet('sanctions', [['S01', 'C02', '2019-06-01', '记过', '违规决策']]),
  sheet('accountability', [['A01', 'C02', '2019-06-01', '诫勉', null]]),
  sheet('adjustments', [['J01', 'C02', '2019-07-01', '调离岗位', 'shaanxi/adjustment/8.1', null]]),
  sheet('toleranceRequests', [
    [
      'T01',
      '干部',
      'C01',
      '2019-08-01',
      '1.3',
      ...findings({ soughtPrivateGain: false, collectiveDecision: true, remedied: true }),
      '园区审批改革先行先试出现失误',
    ],
    ['T02', '单位', 'U03', '2019-09-01', '6.4', ...findings({ knowingly: true, seriousConsequence: false })],
  ]),
  sheet('accountabilityMatters', [
    [
      'M01',
      'C01',
      null,
      '园区审批改革中违规审批',
      'U02',
      '2019-07-01',
      '2019-10-08',
      '免予问责',
      '经认定予以容错，免予问责',
    ],
    ['M02', null, 'U03', '安全生产责任落实不力', 'U02', '2019-07-15'],
  ]),
];
