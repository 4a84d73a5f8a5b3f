// The adjustment documents as the office receives them: the words of each .docx, in the order the texts give.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { adjustmentDecision, adjustmentRecord, adjustmentReport } from './adjustment-documents.js';

const unzipper = createRequire(import.meta.url)('unzipper') as {
  Open: { buffer(b: Buffer): Promise<{ files: { path: string; buffer(): Promise<Buffer> }[] }> };
};

async function words(buf: Buffer): Promise<string[]> {
  const dir = await unzipper.Open.buffer(buf);
  const doc = dir.files.find((f) => f.path === 'word/document.xml')!;
  const xml = (await doc.buffer()).toString('utf8');
  return [...xml.matchAll(/<w:p>(.*?)<\/w:p>/gs)]
    .map((m) => [...m[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .filter(Boolean);
}

const cadre = { name: '王五', unitName: '南通市发展和改革委员会', post: '主任' };

describe('adjustment documents', () => {
  it('书面报告 holds what the text lists, in its order, to the organisation department', async () => {
    const p = await words(
      await adjustmentReport({
        cadre,
        issuer: '中共南通市委',
        recipient: '省委组织部',
        date: '2024-03-01',
        basis: ['《江苏省推进党政领导干部能上能下办法》第十一条'],
        contents: [
          ['具体情形', '连续两年被确定为第四等次。'],
          ['认定结果', '经组织认定不适宜担任现职。'],
          ['相关建议', '建议调离岗位。'],
        ],
      }),
    );
    expect(p).toContain('关于王五同志不适宜担任现职情况的报告');
    expect(p).toContain('省委组织部：');
    const i = (s: string) => p.findIndex((x) => x.startsWith(s));
    expect(i('一、具体情形')).toBeLessThan(i('二、认定结果'));
    expect(i('二、认定结果')).toBeLessThan(i('三、相关建议'));
    expect(p).toContain('2024年3月1日');
  });

  it('调整决定 states the method, the period with its end and the appeal rule where the text has one', async () => {
    const p = await words(
      await adjustmentDecision({
        cadre,
        issuer: '中共如东县人民检察院党组',
        date: '2024-03-08',
        basis: ['《如东县人民检察院推进党员干部能上能下实施细则》第十条（3）'],
        method: '免职',
        period: '自2024年3月8日起一年内不得提拔（至2025年3月8日止）。',
        appealNote: '复核、申诉期间不停止调整决定的执行。',
      }),
    );
    expect(p).toContain('关于对王五同志予以免职的决定');
    expect(p).toContain('经研究，决定对南通市发展和改革委员会主任王五同志予以免职。');
    expect(p).toContain('复核、申诉期间不停止调整决定的执行。');
  });

  it('a step without a form of its own is a record titled by its name', async () => {
    const p = await words(
      await adjustmentRecord({
        cadre,
        issuer: '省委组织部',
        date: '2024-03-03',
        basis: [],
        name: '本人说明',
        step: '听取干部本人说明',
        written: ['本人对考核结果的说明。'],
      }),
    );
    expect(p).toContain('王五同志本人说明');
    expect(p).toContain('本人对考核结果的说明。');
  });
});
