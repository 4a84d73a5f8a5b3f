// Text for people names things: where the server hands over a reason or a gap written with ids and keys (a unit's
// id, a rule's id, a parameter's key) together with a table of their names, the page shows the names.

export const PACK_LABELS: Record<string, string> = {
  national: '国家法规',
  jiangsu: '江苏省',
  shaanxi: '陕西省',
  rudong: '如东县人民检察院',
  anhui: '安徽省',
  jiaozuo: '焦作市',
};

export const MECHANISM_LABELS: Record<string, string> = {
  incentive: '鼓励激励',
  tolerance: '容错纠错',
  adjustment: '能上能下',
  opinion: '实施意见',
};

const TOKEN = /[A-Za-z0-9_][A-Za-z0-9_./-]*/g;

const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/g;

/**
 * `text` with each token that `names` knows replaced by its name (a trailing full stop stays), and dates the
 * server wrote as 2025-08-15 written the way people write them (2025年8月15日, DESIGN §8).
 */
export function plainText(text: string, names: Record<string, string> | undefined): string {
  return text.replace(TOKEN, (token) => {
    if (names)
      for (let t = token; t; t = t.replace(/[./-]$/, '')) {
        const n = names[t];
        if (n !== undefined) return n + token.slice(t.length);
        if (!/[./-]$/.test(t)) break;
      }
    return token.replace(
      ISO_DATE,
      (_, y: string, m: string, d: string) => `${Number(y)}年${Number(m)}月${Number(d)}日`,
    );
  });
}

/** A rule id (`jiangsu/incentive/7.2`) in words when nothing better is known: the rulebook and mechanism. */
export function ruleInWords(id: string): string {
  const [pack, mechanism] = id.split('/');
  return `${PACK_LABELS[pack ?? ''] ?? ''}${MECHANISM_LABELS[mechanism ?? ''] ?? ''}规则`;
}
