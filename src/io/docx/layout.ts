// The 党政机关公文格式 (GB/T 9704-2012) as a .docx: the page, the fonts and the order of the parts, so that every
// document the procedures produce (tolerance-documents.ts) is laid out the same way. Measures are in twips
// (1/20 pt; 1 mm = 56.69 twips) and run sizes in half-points, as Word stores them.
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IBorderOptions,
  type IParagraphOptions,
} from 'docx';
import { chineseDate } from '../../domain/dates.js';
import { fontTableXml, runFont, type FontKey } from './fonts.js';

const mm = (v: number): number => Math.round((v * 1440) / 25.4);

/** GB/T 9704-2012 §5.2.1–5.2.2: A4, 天头 37 mm, 订口 28 mm, 版心 156 mm × 225 mm (so bottom 35 mm, right 26 mm). */
export const PAGE = {
  width: mm(210),
  height: mm(297),
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
} as const;

/** The 版心 holds 22 lines of 28 characters in 3号 (16 pt) type (§5.2.3). */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
const BODY_PT = 16;
/**
 * Twips per line: 225 mm / 22 lines is 579.8 twips, but 22 lines of 580 overflow the 版心 by a fraction, and
 * Word then sets only 21; 579 keeps all 22.
 */
export const LINE_PITCH = Math.floor(mm(225) / LINES_PER_PAGE);
/**
 * 28 characters of 3号 fill the 156 mm line when each is set 0.2 pt tighter (156 mm / 28 = 15.79 pt). Set on the
 * runs as character spacing (in twips) rather than as Word's character grid: LibreOffice and WPS snap each glyph
 * of a character grid to whole cells, and a 16 pt glyph in a 15.79 pt cell then takes two.
 */
export const CHAR_SPACING = Math.round((((156 / 25.4) * 72) / CHARS_PER_LINE - BODY_PT) * 20);

/** Type sizes by their Chinese names, in half-points (2号 22 pt, 3号 16 pt, 4号 14 pt). */
export const SIZE = { 小初: 72, 一号: 52, 二号: 44, 三号: 32, 四号: 28 } as const;

const RED = 'FF0000';
/** 发文机关标志: its top edge 35 mm below the top of the 版心 (§7.2.3). */
export const MARK_TOP = mm(35);
/** One character of 3号 text, the unit the standard counts indents in (左空二字, 右空四字). */
const CHAR = BODY_PT * 20;

/** 发文字号: 机关代字, 年份 and 发文顺序号, written 如纪发〔2026〕3号 (§7.2.4: 六角括号, no 虚位 and no 第). */
export interface DocumentNumber {
  prefix: string;
  year: number;
  seq: number;
}

export function documentNumberText(n: DocumentNumber): string {
  return `${n.prefix}〔${n.year}〕${n.seq}号`;
}

/** A block of the 正文: a paragraph, or a heading of the first (一、) or second (（一）) level. */
export type Block = string | { heading: 1 | 2; text: string };

export interface OfficialDocument {
  /** 发文机关全称 (署名) */
  issuer: string;
  /** 发文机关标志; the issuer's name followed by 文件 when absent */
  issuerMark?: string;
  /** 发文字号; no 版头 number when absent (an application or a report by a person has none) */
  number?: DocumentNumber;
  /** whether the 版头 (机关标志, 字号 and the red line) is printed: off for letters from a person */
  letterhead?: boolean;
  title: string;
  /** 主送机关 */
  recipients?: readonly string[];
  body: readonly Block[];
  /** 附件说明: the attachments' names, in order */
  attachments?: readonly string[];
  /** 成文日期, YYYY-MM-DD */
  date: string;
  /** 附注, without its parentheses, e.g. 此件公开发布 */
  note?: string;
  /** 版记: 抄送机关 */
  copyTo?: readonly string[];
  /** 版记: 印发机关 and 印发日期 (YYYY-MM-DD) */
  printedBy?: string;
  printedOn?: string;
}

const run = (text: string, font: FontKey, size: number, extra: { color?: string } = {}) =>
  new TextRun({
    text,
    font: runFont(font),
    size,
    ...(size === SIZE.三号 ? { characterSpacing: CHAR_SPACING } : {}),
    ...extra,
  });

/** Body paragraphs: 3号仿宋 on the exact line pitch, so 22 lines fill the 版心. */
function para(
  children: TextRun[],
  opts: Omit<IParagraphOptions, 'children' | 'spacing'> & { before?: number } = {},
): Paragraph {
  const { before, ...rest } = opts;
  return new Paragraph({
    ...rest,
    spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: before ?? 0, after: 0 },
    children,
  });
}

const blank = (): Paragraph => para([run('', 'fangsong', SIZE.三号)]);

/** Width of a line of text in characters of its own size: CJK and full-width forms 1, ASCII ½. */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) < 0x2000 ? 0.5 : 1;
  return w;
}

/** 版记 rules: 粗线 0.35 mm (1 pt) and 细线 0.25 mm (¾ pt), in eighths of a point */
const thick: IBorderOptions = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

function header(d: OfficialDocument): Paragraph[] {
  if (d.letterhead === false) return [];
  const mark = d.issuerMark ?? `${d.issuer}文件`;
  // 发文机关标志 (§7.2.3): red 小标宋, centred; the size is the largest that keeps it on one line of the 版心,
  // and never above 小初
  const fit = Math.floor(((156 / 25.4) * 72 * 2) / Math.max(1, textWidth(mark)));
  const markSize = Math.max(SIZE.二号, Math.min(SIZE.小初, fit - (fit % 2)));
  // its top edge 35 mm below the top of the 版心: the space before the line, less the leading above the glyphs
  const markLine = Math.max(LINE_PITCH, markSize * 10 + 120);
  const out: Paragraph[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: {
        before: MARK_TOP - Math.round((markLine - markSize * 10) / 2),
        after: 0,
        line: markLine,
        lineRule: LineRuleType.EXACT,
      },
      children: [run(mark, 'xiaobiaosong', markSize, { color: RED })],
    }),
    blank(),
    blank(),
  ];
  // 发文字号 (§7.2.4): two lines below the mark, centred, with the red 分隔线 4 mm below it
  out.push(
    para([run(d.number ? documentNumberText(d.number) : '', 'fangsong', SIZE.三号)], {
      alignment: AlignmentType.CENTER,
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 11 } },
    }),
  );
  return out;
}

function bodyBlocks(blocks: readonly Block[]): Paragraph[] {
  // 正文 (§7.3.3): each paragraph 左空二字, continued lines 顶格; headings: 一、 in 黑体, （一） in 楷体
  return blocks.map((b) =>
    typeof b === 'string'
      ? para([run(b, 'fangsong', SIZE.三号)], { indent: { firstLine: 2 * CHAR } })
      : para([run(b.text, b.heading === 1 ? 'heiti' : 'kaiti', SIZE.三号)], { indent: { firstLine: 2 * CHAR } }),
  );
}

function signature(d: OfficialDocument): Paragraph[] {
  // 成文日期 (§7.3.5.1): 年月日 in full with Arabic numerals, no 虚位 (2026年3月1日); 右空四字. The 署名 is centred
  // on the date above it (the seal, added on paper, covers both).
  const dateText = chineseDate(d.date);
  const dateRight = 4;
  const nameRight = Math.max(0, dateRight + (textWidth(dateText) - textWidth(d.issuer)) / 2);
  return [
    blank(),
    blank(),
    para([run(d.issuer, 'fangsong', SIZE.三号)], {
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(nameRight * CHAR) },
    }),
    para([run(dateText, 'fangsong', SIZE.三号)], {
      alignment: AlignmentType.RIGHT,
      indent: { right: dateRight * CHAR },
    }),
  ];
}

function attachmentNote(list: readonly string[] | undefined): Paragraph[] {
  // 附件说明 (§7.3.4): below the 正文 after a blank line, 左空二字, 附件：1. name; later lines aligned on the name
  if (!list || list.length === 0) return [];
  const label = '附件：';
  const items = list.map((a, i) => (list.length > 1 ? `${i + 1}. ${a}` : a));
  return [
    blank(),
    ...items.map((text, i) =>
      para([run(i === 0 ? label + text : text, 'fangsong', SIZE.三号)], {
        indent: { left: i === 0 ? 2 * CHAR : 5 * CHAR },
      }),
    ),
  ];
}

function colophon(d: OfficialDocument): Table[] {
  // 版记 (§7.4): at the foot of the last page, its last line on the last line of the 版心: a table floating at the
  // bottom of the margin. 4号仿宋; 抄送 左右各空一字; 印发机关 左空一字 and 印发日期 右空一字 on one line; a thick
  // first and last rule with thin ones between
  if (!d.copyTo?.length && !d.printedBy) return [];
  const four = SIZE.四号;
  const fourChar = 14 * 20;
  const width = PAGE.width - PAGE.left - PAGE.right;
  const line = (
    children: TextRun[],
    align: (typeof AlignmentType)[keyof typeof AlignmentType],
    side: 'left' | 'right',
  ) =>
    new Paragraph({
      alignment: align,
      indent: side === 'left' ? { left: fourChar, right: fourChar } : { right: fourChar },
      spacing: { line: LINE_PITCH, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      children,
    });
  const rows: TableRow[] = [];
  if (d.copyTo?.length)
    rows.push(
      new TableRow({
        children: [
          new TableCell({
            columnSpan: 2,
            children: [line([run(`抄送：${d.copyTo.join('，')}。`, 'fangsong', four)], AlignmentType.LEFT, 'left')],
          }),
        ],
      }),
    );
  if (d.printedBy)
    rows.push(
      new TableRow({
        children: [
          new TableCell({ children: [line([run(d.printedBy, 'fangsong', four)], AlignmentType.LEFT, 'left')] }),
          new TableCell({
            children: [
              line([run(`${chineseDate(d.printedOn ?? d.date)}印发`, 'fangsong', four)], AlignmentType.RIGHT, 'right'),
            ],
          }),
        ],
      }),
    );
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return [
    new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: [Math.round(width * 0.6), width - Math.round(width * 0.6)],
      layout: TableLayoutType.FIXED,
      float: {
        horizontalAnchor: TableAnchorType.MARGIN,
        verticalAnchor: TableAnchorType.MARGIN,
        relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
        relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      },
      margins: { left: 0, right: 0, top: 0, bottom: 0 },
      borders: {
        top: thick,
        bottom: thick,
        insideHorizontal: thin,
        left: none,
        right: none,
        insideVertical: none,
      },
      rows,
    }),
  ];
}

/** 页码 (§7.5): 4号半角宋体 Arabic numerals with a 一字线 each side; odd pages 居右空一字, even pages 居左空一字. */
function pageFooter(side: 'odd' | 'even'): Footer {
  const size = SIZE.四号;
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 14 * 20 } : { left: 14 * 20 },
        children: [new TextRun({ font: runFont('songti'), size, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/** The document as .docx bytes. */
export async function renderOfficialDocument(d: OfficialDocument): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    ...header(d),
    // 标题 (§7.3.1): 2号小标宋, centred, two lines below the red line
    ...(d.letterhead === false ? [] : [blank(), blank()]),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: 0, line: LINE_PITCH + 120, lineRule: LineRuleType.AT_LEAST },
      children: [run(d.title, 'xiaobiaosong', SIZE.二号)],
    }),
    blank(),
  ];
  // 主送机关 (§7.3.2): 顶格, the last name followed by a full-width colon
  if (d.recipients?.length) children.push(para([run(`${d.recipients.join('，')}：`, 'fangsong', SIZE.三号)]));
  children.push(...bodyBlocks(d.body), ...attachmentNote(d.attachments), ...signature(d));
  // 附注 (§7.3.6): under the date, 左空二字, in parentheses
  if (d.note) children.push(para([run(`（${d.note}）`, 'fangsong', SIZE.三号)], { indent: { left: 2 * CHAR } }));
  // a document may not end on a table: the paragraph the floating 版记 is anchored to, one point high
  const bottom = colophon(d);
  if (bottom.length)
    children.push(
      ...bottom,
      new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] }),
    );

  const doc = new Document({
    creator: d.issuer,
    title: d.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: { document: { run: { font: runFont('fangsong'), size: SIZE.三号 } } },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.top,
              bottom: PAGE.bottom,
              left: PAGE.left,
              right: PAGE.right,
              header: mm(15),
              // the 一字线 of the page number sits 7 mm below the 版心 (§7.5)
              footer: mm(35 - 7) - SIZE.四号 * 10,
            },
          },
          grid: { type: DocumentGridType.LINES, linePitch: LINE_PITCH },
        },
        footers: { default: pageFooter('odd'), even: pageFooter('even') },
        children,
      },
    ],
  });
  // the font table names a common substitute for each 公文 font a reader's machine may lack (fonts.ts)
  return Packer.toBuffer(doc, false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
