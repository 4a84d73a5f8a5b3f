// The tolerance documents as the office receives them: each .docx is unzipped and its XML read, to check the
// parts of a 公文 (GB/T 9704-2012) and the layout values the standard fixes.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CHARS_PER_LINE, LINES_PER_PAGE, documentNumberText, textWidth } from './layout.js';
import {
  TOLERANCE_DOCUMENTS,
  clarificationNotice,
  consultationOpinion,
  determinationOpinion,
  escalationRequest,
  exemptionDecision,
  filingReport,
  investigationReport,
  preliminaryOpinion,
  refusalDecision,
  toleranceConclusion,
  toleranceDecision,
  toleranceRecommendation,
  writtenApplication,
  writtenReply,
  type CaseSubject,
  type Issuing,
} from './tolerance-documents.js';

const require = createRequire(import.meta.url);
const unzipper = require('unzipper') as {
  Open: { buffer(b: Buffer): Promise<{ files: { path: string; buffer(): Promise<Buffer> }[] }> };
};

async function parts(buf: Buffer): Promise<Map<string, string>> {
  const dir = await unzipper.Open.buffer(buf);
  const out = new Map<string, string>();
  for (const f of dir.files) if (f.path.endsWith('.xml')) out.set(f.path, (await f.buffer()).toString('utf8'));
  return out;
}

/** Each paragraph of document.xml: its text, the XML of its properties and of its runs. */
function paragraphs(xml: string): { text: string; xml: string }[] {
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)].map((m) => ({
    xml: m[1]!,
    text: [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  }));
}

const attr = (xml: string, el: string, name: string): number =>
  Number(new RegExp(`<${el}\\b[^>]*\\b${name}="(-?\\d+)"`).exec(xml)?.[1]);

const cadre: CaseSubject = {
  cadreName: '李明',
  cadrePost: '副局长',
  unitName: '焦作市自然资源和规划局',
  matter: '土地收储改革试点',
};
const organ: Issuing = {
  issuer: '中共焦作市纪律检查委员会',
  number: { prefix: '焦纪发', year: 2026, seq: 3 },
  date: '2026-03-01',
  copyTo: ['市委组织部', '市自然资源和规划局'],
  printedBy: '中共焦作市纪律检查委员会办公室',
  printedOn: '2026-03-02',
};
const basis = ['《焦作市支持改革创新激励干部担当有为容错纠错办法（试行）》程序（四）'];

const decision = () =>
  toleranceDecision({
    ...organ,
    attachments: ['调查报告', '会商意见'],
    subject: cadre,
    recipients: ['焦作市自然资源和规划局党组'],
    outcome: 'exempt',
    decidedBy: '经市委常委会集体研究',
    findings: ['试点方案经局党组集体研究决定', '失误发生后主动采取补救措施，挽回损失'],
    reasons: ['其失误属于在改革创新中先行先试出现的探索性失误。'],
    basis,
    effects: ['该同志年度考核、评优评先、选拔任用不受影响。'],
  });

describe('the 公文 layout (GB/T 9704-2012)', () => {
  it('A4 with margins 37/35/28/26 mm: a 156 × 225 mm 版心 of 22 lines × 28 characters', async () => {
    const doc = (await parts(await decision())).get('word/document.xml')!;
    const twipsToMm = (t: number) => (t * 25.4) / 1440;
    expect([attr(doc, 'w:pgSz', 'w:w'), attr(doc, 'w:pgSz', 'w:h')]).toEqual([11906, 16838]); // 210 × 297 mm
    const [top, bottom, left, right] = ['top', 'bottom', 'left', 'right'].map((s) =>
      twipsToMm(attr(doc, 'w:pgMar', `w:${s}`)),
    );
    expect(top).toBeCloseTo(37, 1);
    expect(bottom).toBeCloseTo(35, 1);
    expect(left).toBeCloseTo(28, 1);
    expect(right).toBeCloseTo(26, 1);
    expect(twipsToMm(11906) - left! - right!).toBeCloseTo(156, 0);
    expect(twipsToMm(16838) - top! - bottom!).toBeCloseTo(225, 0);
    // 22 lines fit the 版心 and a 23rd does not
    const pitch = attr(doc, 'w:docGrid', 'w:linePitch');
    const height = 16838 - attr(doc, 'w:pgMar', 'w:top') - attr(doc, 'w:pgMar', 'w:bottom');
    expect(LINES_PER_PAGE * pitch).toBeLessThanOrEqual(height);
    expect((LINES_PER_PAGE + 1) * pitch).toBeGreaterThan(height);
    // body paragraphs keep exactly that pitch
    const body = paragraphs(doc).find((p) => p.text.startsWith('1. 试点方案'))!;
    expect(body.xml).toContain(`w:line="${pitch}" w:lineRule="exact"`);
    // 28 characters of 3号 (16 pt), each set tighter by the run's character spacing, fill the 156 mm line
    expect(/<w:docGrid w:type="lines"/.test(doc)).toBe(true);
    expect(attr(body.xml, 'w:sz', 'w:val')).toBe(32);
    const charPt = 16 + attr(body.xml, 'w:spacing', 'w:val') / 20;
    expect(twipsToMm(charPt * 20 * CHARS_PER_LINE)).toBeCloseTo(156, 0);
    expect(twipsToMm(charPt * 20 * (CHARS_PER_LINE + 1))).toBeGreaterThan(156);
  });

  it('版头: the red issuer mark in 小标宋 on one line, the 发文字号 with 六角括号, the red rule under it', async () => {
    const ps = paragraphs((await parts(await decision())).get('word/document.xml')!);
    expect(ps[0]!.text).toBe('中共焦作市纪律检查委员会文件');
    expect(ps[0]!.xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(ps[0]!.xml).toContain('<w:color w:val="FF0000"/>');
    const markSize = attr(ps[0]!.xml, 'w:sz', 'w:val') / 2;
    expect(textWidth(ps[0]!.text) * markSize).toBeLessThanOrEqual((156 / 25.4) * 72); // fits the 156 mm line
    // the mark's top edge 35 mm into the 版心: the space before it plus the leading above the glyphs
    const line = attr(ps[0]!.xml, 'w:spacing', 'w:line');
    const before = attr(ps[0]!.xml, 'w:spacing', 'w:before');
    expect(((before + (line - markSize * 20) / 2) * 25.4) / 1440).toBeCloseTo(35, 1);
    // the 发文字号 two lines below the mark, the title two lines below the red rule
    expect(ps.slice(1, 4).map((p) => p.text)).toEqual(['', '', '焦纪发〔2026〕3号']);
    expect(ps.slice(4, 7).map((p) => p.text)).toEqual(['', '', '关于对李明同志予以容错的决定']);
    const number = ps.find((p) => p.text === '焦纪发〔2026〕3号')!;
    expect(number.xml).toMatch(/<w:jc w:val="center"\/>/);
    expect(number.xml).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    expect(documentNumberText({ prefix: '陕纪', year: 2019, seq: 12 })).toBe('陕纪〔2019〕12号');
  });

  it('主体: 2号小标宋 title, 主送机关 with a colon, 3号仿宋 text indented two characters, 附件说明, 署名 and the date in 汉字 form', async () => {
    const xml = (await parts(await decision())).get('word/document.xml')!;
    const ps = paragraphs(xml);
    const texts = ps.map((p) => p.text);
    const title = ps.find((p) => p.text === '关于对李明同志予以容错的决定')!;
    expect(title.xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(attr(title.xml, 'w:sz', 'w:val')).toBe(44); // 2号 = 22 pt
    expect(texts.indexOf('焦作市自然资源和规划局党组：')).toBeGreaterThan(texts.indexOf(title.text));
    const decided = ps.find((p) => p.text.includes('决定对李明同志予以容错，免除相关责任'))!;
    expect(decided.text).toContain(basis[0]);
    expect(decided.xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(attr(decided.xml, 'w:sz', 'w:val')).toBe(32); // 3号 = 16 pt
    expect(attr(decided.xml, 'w:ind', 'w:firstLine')).toBe(2 * 16 * 20); // 左空二字
    expect(texts).toContain('附件：1. 调查报告');
    expect(texts).toContain('2. 会商意见');
    // 成文日期: 年月日 in full with Arabic numerals, no leading zeros, 右空四字, under the 署名
    const date = ps.findIndex((p) => p.text === '2026年3月1日');
    expect(date).toBeGreaterThan(0);
    expect(texts[date - 1]).toBe('中共焦作市纪律检查委员会');
    expect(attr(ps[date]!.xml, 'w:ind', 'w:right')).toBe(4 * 16 * 20);
    expect(xml).not.toContain('2026-03-01');
    expect(xml).not.toContain('03月');
  });

  it('版记: 抄送 and 印发 in 4号仿宋 between rules; page numbers in 4号宋体 with 一字线, odd right and even left', async () => {
    const files = await parts(await decision());
    const ps = paragraphs(files.get('word/document.xml')!);
    const copy = ps.find((p) => p.text === '抄送：市委组织部，市自然资源和规划局。')!;
    expect(attr(copy.xml, 'w:sz', 'w:val')).toBe(28);
    expect(copy.xml).toContain('w:eastAsia="仿宋_GB2312"');
    const texts = ps.map((p) => p.text);
    const printer = texts.indexOf('中共焦作市纪律检查委员会办公室');
    expect(texts.slice(printer, printer + 2)).toEqual(['中共焦作市纪律检查委员会办公室', '2026年3月2日印发']);
    // a table floating at the foot of the 版心, with a thick first and last rule and a thin one between
    const table = /<w:tbl>(.*?)<\/w:tbl>/s.exec(files.get('word/document.xml')!)![1]!;
    expect(table).toContain('抄送：');
    expect(table).toMatch(/<w:tblpPr[^>]*w:tblpYSpec="bottom"[^>]*w:vertAnchor="margin"/);
    expect(attr(table, 'w:top', 'w:sz')).toBe(8);
    expect(attr(table, 'w:bottom', 'w:sz')).toBe(8);
    expect(attr(table, 'w:insideH', 'w:sz')).toBe(6);
    expect(/<w:left w:val="none"/.test(table)).toBe(true);
    expect(files.get('word/settings.xml')).toContain('<w:evenAndOddHeaders');
    const footers = [...files.entries()].filter(([p]) => /word\/footer\d\.xml/.test(p)).map(([, x]) => x);
    expect(footers).toHaveLength(2);
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(paragraphs(f)[0]!.text).toBe('—  —'); // the number is a field between the two 一字线
      expect(f).toContain('w:eastAsia="宋体"');
      expect(attr(f, 'w:sz', 'w:val')).toBe(28);
    }
    expect(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)![1]).sort()).toEqual(['left', 'right']);
  });

  it('names a substitute for each 公文 font a reader may lack: 方正小标宋简体 → 宋体, 仿宋_GB2312 → 仿宋', async () => {
    const table = (await parts(await decision())).get('word/fontTable.xml')!;
    expect(table).toMatch(/<w:font w:name="方正小标宋简体"><w:altName w:val="宋体"\/><w:charset w:val="86"\/>/);
    expect(table).toMatch(/<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"\/>/);
  });
});

describe('each document of a tolerance case', () => {
  const unit: CaseSubject = { unitName: '西安市某区城市管理局', matter: '背街小巷改造项目' };
  const docs: [string, () => Promise<Buffer>, string, string[]][] = [
    [
      'writtenApplication',
      () =>
        writtenApplication({
          subject: cadre,
          recipient: '中共焦作市纪律检查委员会',
          situation: '《焦作市支持改革创新激励干部担当有为容错纠错办法（试行）》规定的容错情形',
          facts: ['试点中按照集体研究确定的方案推进，因政策调整出现偏差。'],
          remedies: ['主动报告', '及时纠正'],
          appliedOn: '2026-01-10',
        }),
      '关于对李明同志予以容错的申请',
      ['中共焦作市纪律检查委员会：', '特此申请。', '李明', '2026年1月10日'],
    ],
    [
      'investigationReport',
      () =>
        investigationReport({
          ...organ,
          issuer: '中共陕西省某市纪律检查委员会',
          subject: unit,
          startedBy: { application: '2026-01-10' },
          findings: ['改造方案经局党组集体研究'],
          statements: ['该局说明：工期受汛期影响'],
          analysis: ['符合《陕西省党政干部容错纠错办法（试行）》第六条（四）'],
          proposal: 'mitigated',
        }),
      '关于西安市某区城市管理局容错申请的调查报告',
      ['一、基本情况', '三、当事人的说明和申诉意见', '五、调查结论和建议', '特此报告。'],
    ],
    [
      'preliminaryOpinion',
      () =>
        preliminaryOpinion({
          ...organ,
          subject: cadre,
          findings: ['事实一'],
          analysis: ['分析一'],
          outcome: 'lighter',
          basis: ['《江苏省进一步健全容错纠错机制的办法》四（一）'],
          corrections: ['完善审批流程'],
        }),
      '关于李明同志的初步容错纠错意见',
      ['以上意见，提请会商。', '同时提出以下纠错要求：完善审批流程。'],
    ],
    [
      'toleranceRecommendation',
      () =>
        toleranceRecommendation({
          ...organ,
          subject: cadre,
          findings: ['事实一'],
          analysis: ['分析一'],
          outcome: 'exempt',
          basis: ['四（二）'],
        }),
      '关于李明同志的容错纠错建议',
      ['妥否，请审核。'],
    ],
    [
      'determinationOpinion',
      () =>
        determinationOpinion({
          ...organ,
          subject: cadre,
          findings: ['事实一'],
          analysis: ['六个要件逐项分析'],
          outcome: 'exempt',
          basis: ['《关于进一步激励广大干部新时代新担当新作为的实施意见》第11项'],
        }),
      '关于李明同志的容错认定意见',
      ['特此提出认定意见。'],
    ],
    [
      'consultationOpinion',
      () =>
        consultationOpinion({
          ...organ,
          subject: cadre,
          participants: ['市纪委监委', '市委组织部'],
          heldOn: '2026-02-01',
          agreed: false,
          opinion: 'lighter',
          reasons: ['理由一'],
          dissent: ['市委组织部认为应当免责'],
          escalateTo: ['市委'],
        }),
      '关于李明同志容错纠错的会商意见',
      ['不同意见：市委组织部认为应当免责', '根据有关规定，拟报请市委研究。'],
    ],
    [
      'escalationRequest',
      () =>
        escalationRequest({
          ...organ,
          subject: cadre,
          recipient: '中共焦作市委',
          participants: ['市委组织部'],
          views: ['意见一'],
        }),
      '关于李明同志容错纠错有关问题的请示',
      ['中共焦作市委：', '妥否，请批示。'],
    ],
    [
      'toleranceConclusion',
      () =>
        toleranceConclusion({
          ...organ,
          subject: cadre,
          outcome: 'exempt',
          findings: ['事实一'],
          reasons: [],
          basis: ['《陕西省党政干部容错纠错办法（试行）》第八条（三）'],
        }),
      '关于李明同志容错认定结论的通知',
      [],
    ],
    ['toleranceDecision', decision, '关于对李明同志予以容错的决定', []],
    [
      'refusalDecision',
      () =>
        refusalDecision({
          ...organ,
          subject: cadre,
          outcome: 'not_tolerated',
          findings: ['事实一'],
          reasons: ['属于明知故犯。'],
          basis,
          effects: ['按照问责决定予以问责，并记录在案。'],
          appeal: '如对本决定不服，可以提出申诉。',
        }),
      '关于对李明同志不予容错的决定',
      ['按照问责决定予以问责，并记录在案。', '如对本决定不服，可以提出申诉。'],
    ],
    [
      'exemptionDecision',
      () =>
        exemptionDecision({
          ...organ,
          subject: cadre,
          outcome: 'exempt',
          findings: ['事实一'],
          reasons: [],
          basis: ['第12项'],
          corrections: ['完善制度'],
          rectifyBy: '2026-06-30',
        }),
      '关于对李明同志容错免责的决定',
      ['纠错要求：完善制度。请于2026年6月30日前完成整改，并报告整改情况。'],
    ],
    [
      'writtenReply',
      () =>
        writtenReply({
          ...organ,
          subject: unit,
          recipient: '西安市某区城市管理局',
          appliedOn: '2026-01-10',
          reasons: ['理由一'],
          basis: ['第五条'],
        }),
      '关于西安市某区城市管理局容错申请的答复',
      ['西安市某区城市管理局：', '特此答复。'],
    ],
    [
      'filingReport',
      () =>
        filingReport({
          ...organ,
          subject: cadre,
          filedWith: ['中共陕西省某市纪律检查委员会', '中共陕西省某市委组织部'],
          outcome: 'exempt',
          concludedOn: '2026-02-20',
          summary: ['情况一'],
        }),
      '关于李明同志容错纠错情况的备案报告',
      ['中共陕西省某市纪律检查委员会，中共陕西省某市委组织部：', '特此报备。'],
    ],
    [
      'clarificationNotice',
      () =>
        clarificationNotice({
          ...organ,
          subject: cadre,
          complaint: '在项目招标中违规干预',
          explanation: '招标由交易中心依法组织',
          findings: ['反映问题查无实据'],
          falseAccusation: true,
        }),
      '关于为李明同志澄清正名的通报',
      ['经核查：', '反映的问题不属实，现予以澄清，消除影响。对捏造事实、诬告陷害的行为，依纪依法移送查处。'],
    ],
  ];

  it('the register lists exactly the documents written here', () => {
    expect(TOLERANCE_DOCUMENTS.map((d) => d.key).sort()).toEqual(docs.map((d) => d[0]).sort());
  });

  it.each(docs)('%s: a 公文 with its title and parts, the dates in 汉字 form', async (_key, make, title, lines) => {
    const files = await parts(await make());
    const xml = files.get('word/document.xml')!;
    const texts = paragraphs(xml).map((p) => p.text);
    expect(texts).toContain(title);
    for (const l of lines) expect(texts, l).toContain(l);
    expect(xml).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(attr(xml, 'w:pgMar', 'w:top')).toBe(2098);
  });

  it('a letter from the applicant has no 版头, and a unit signs for itself', async () => {
    const xml = (
      await parts(
        await writtenApplication({
          subject: unit,
          recipient: '中共西安市某区纪律检查委员会',
          situation: '第六条（四）规定的情形',
          facts: [],
          appliedOn: '2026-01-10',
        }),
      )
    ).get('word/document.xml')!;
    const texts = paragraphs(xml).map((p) => p.text);
    expect(texts[0]).toBe('关于对西安市某区城市管理局予以容错的申请');
    expect(xml).not.toContain('FF0000');
    expect(texts).toContain('我单位认为，上述情况符合第六条（四）规定的情形，特申请予以容错。');
    expect(texts.slice(-2)).toEqual(['西安市某区城市管理局', '2026年1月10日']);
  });
});
