// What a case attachment (材料) may be: the kinds of file case material comes as (scans and documents: 书面申请,
// 证据材料, 调查报告 …), each known by its extension and checked against its first bytes, so a file named .pdf that is
// not a PDF is refused rather than stored and later opened by someone's reader; and the largest file taken. The
// stored type is the one the extension names, never the one the uploading browser claims.

/** The largest attachment taken, in bytes (a scanned report of a few dozen pages fits). */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** The longest file name kept. */
export const MAX_NAME_LENGTH = 200;

interface FileKind {
  type: string;
  label: string;
  /** true when the first bytes are those of this kind */
  looks(b: Buffer): boolean;
}

const starts = (sig: number[]) => (b: Buffer) => b.length >= sig.length && sig.every((x, i) => b[i] === x);
const ZIP = starts([0x50, 0x4b, 0x03, 0x04]);
const OLE = starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const PDF = starts([0x25, 0x50, 0x44, 0x46, 0x2d]); // %PDF-
const JPEG = starts([0xff, 0xd8, 0xff]);
const PNG = starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Plain text: UTF-8 that decodes cleanly and holds no NUL (a binary renamed .txt does not pass). */
const TEXT = (b: Buffer) => {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};

const KINDS: Record<string, FileKind> = {
  pdf: { type: 'application/pdf', label: 'PDF', looks: PDF },
  ofd: { type: 'application/ofd', label: 'OFD 版式文件', looks: ZIP },
  docx: {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    label: 'Word 文档',
    looks: ZIP,
  },
  doc: { type: 'application/msword', label: 'Word 文档', looks: OLE },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', label: 'Excel 表格', looks: ZIP },
  xls: { type: 'application/vnd.ms-excel', label: 'Excel 表格', looks: OLE },
  jpg: { type: 'image/jpeg', label: '图片', looks: JPEG },
  jpeg: { type: 'image/jpeg', label: '图片', looks: JPEG },
  png: { type: 'image/png', label: '图片', looks: PNG },
  txt: { type: 'text/plain; charset=utf-8', label: '文本', looks: TEXT },
};

/** The extensions taken, as people read them in a refusal or beside the upload button. */
export const ACCEPTED_EXTENSIONS = Object.keys(KINDS).map((e) => `.${e}`);

export type FileCheck = { ok: true; name: string; type: string } | { ok: false; reason_zh: string; reason: string };

/** The name as stored: the last path component, control characters removed, trimmed. */
export function cleanName(raw: string): string {
  const last = raw.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return last.replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

/** Whether a file may be attached, and the name and type it is stored under. */
export function checkFile(rawName: string, content: Buffer): FileCheck {
  const name = cleanName(rawName);
  if (!name) return { ok: false, reason_zh: '文件名不能为空', reason: 'the file has no name' };
  if (name.length > MAX_NAME_LENGTH)
    return {
      ok: false,
      reason_zh: `文件名不能超过${MAX_NAME_LENGTH}个字`,
      reason: `the file name is longer than ${MAX_NAME_LENGTH} characters`,
    };
  if (content.length === 0) return { ok: false, reason_zh: '文件为空', reason: 'the file is empty' };
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  const kind = ext ? KINDS[ext] : undefined;
  if (!kind)
    return {
      ok: false,
      reason_zh: `不支持此类文件，可上传：${ACCEPTED_EXTENSIONS.join('、')}`,
      reason: `file type not accepted; accepted: ${ACCEPTED_EXTENSIONS.join(', ')}`,
    };
  if (!kind.looks(content))
    return {
      ok: false,
      reason_zh: `文件内容与扩展名不符：不是有效的${kind.label}`,
      reason: `the contents are not a .${ext} file`,
    };
  return { ok: true, name, type: kind.type };
}
