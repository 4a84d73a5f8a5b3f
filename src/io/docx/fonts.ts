// The fonts of the 公文格式 and what stands in for each where a machine lacks it. GB/T 9704-2012 names 小标宋 for
// titles, 仿宋 for the text, 黑体 and 楷体 for headings and 宋体 for page numbers; offices install the 方正 and
// _GB2312 faces, other machines have Windows' SimSun, FangSong, SimHei and KaiTi. The runs name the 公文 face; the
// font table (word/fontTable.xml) gives each an alternative name (w:altName) and the GB2312 character set, which
// Word and LibreOffice use to pick the substitute instead of a face of their own choosing.

export type FontKey = 'xiaobiaosong' | 'fangsong' | 'heiti' | 'kaiti' | 'songti';

interface FontEntry {
  name: string;
  altName: string;
  family: 'roman' | 'modern';
  pitch: 'fixed' | 'variable';
}

/** As Word's own font table describes these faces (charset 86 = GB2312). */
export const FONTS: Readonly<Record<FontKey, FontEntry>> = {
  xiaobiaosong: { name: '方正小标宋简体', altName: '宋体', family: 'roman', pitch: 'variable' },
  fangsong: { name: '仿宋_GB2312', altName: '仿宋', family: 'modern', pitch: 'fixed' },
  heiti: { name: '黑体', altName: 'SimHei', family: 'modern', pitch: 'fixed' },
  kaiti: { name: '楷体_GB2312', altName: '楷体', family: 'modern', pitch: 'fixed' },
  songti: { name: '宋体', altName: 'SimSun', family: 'roman', pitch: 'variable' },
};

/** A run's fonts: the same face for Chinese, Latin and digits, as the 公文 sets them. */
export function runFont(key: FontKey): { ascii: string; eastAsia: string; hAnsi: string; cs: string } {
  const { name } = FONTS[key];
  return { ascii: name, eastAsia: name, hAnsi: name, cs: name };
}

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** word/fontTable.xml naming every 公文 face with its substitute (charset 86 = GB2312). */
export function fontTableXml(): string {
  const fonts = Object.values(FONTS)
    .map(
      (f) =>
        `<w:font w:name="${escape(f.name)}"><w:altName w:val="${escape(f.altName)}"/><w:charset w:val="86"/>` +
        `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    fonts +
    '</w:fonts>'
  );
}
