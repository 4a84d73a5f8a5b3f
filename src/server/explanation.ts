// The explanation of a cadre (GET /explain/cadre/:id): the rulebooks' findings and values about one cadre, with the
// article texts, shown only as far as the reader may see the record they rest on.
//   - Only the subject's part of the record is evaluated (loadSubjectFacts: the subtree of its top-level unit),
//     which gives the subject the same findings as evaluating the whole record, at a fraction of the cost.
//   - Tolerance conclusions rest on case files (容错申请); a finding or value resting on a case file the reader
//     does not take part in (case-files.ts) is withheld, and the answer says that something was withheld
//     without saying what: an official must know the picture is incomplete, and whom to ask, but not the case.
//   - Open questions (gaps) name units and cadres; those outside the reader's scope are not named.
import { sql } from 'kysely';
import type { PackRegistry } from '../policy/engine.js';
import { evaluateIndexed } from '../policy/engine.js';
import { explainSubject } from '../policy/explain.js';
import { FactIndex } from '../policy/fact-index.js';
import type { Evaluation, Finding, Value } from '../policy/types.js';
import { loadSubjectFacts } from '../store/facts-loader.js';
import type { KyselyStore } from '../store/kysely-store.js';
import { chineseDate } from '../domain/dates.js';
import { localParamsFor } from '../mechanisms/params/in-force.js';
import { namer } from './plain-names.js';
import type { AnyDb } from './context.js';
import { cadreCond, kindCond, scopeOf, unitCond } from './scope.js';
import type { User } from './accounts/users.js';

type Reader = Pick<User, 'role' | 'unitId' | 'cadreId'> & Partial<Pick<User, 'id'>>;

export interface Explanation {
  subject: string;
  asOf: string;
  chain: string[];
  findings: Finding[];
  values: Record<string, Value>;
  gaps: string[];
  /** true when findings or values resting on case files the reader does not take part in were left out */
  withheld: boolean;
  /** ids and keys in the findings, values, chain and gaps → the names people read (units, cadres, articles) */
  names: Record<string, string>;
  /** rule → its title */
  titles: Record<string, string>;
  text: string;
}

const WITHHELD_NOTE = '说明：部分结论所依据的容错纠错案卷不在您的查阅范围内，未予列出；如需了解，请向承办部门查询。';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Words of a text that could be ids (units, cadres, case files). */
const tokens = (s: string): string[] => s.match(/[A-Za-z0-9_-]+/g) ?? [];

const isToleranceRule = (rule: string) => rule.split('/')[1] === 'tolerance';
const isToleranceValue = (name: string) => name.startsWith('tolerance:') || name.split(/[./]/)[1] === 'tolerance';

/** The ids of the subject's case files the reader may open (the same condition as the case-file routes). */
async function visibleRequests(db: AnyDb, reader: Reader, subject: string): Promise<Set<string>> {
  const rows = (await db
    .selectFrom('tolerance_requests')
    .select('id')
    .where('subject_id', '=', subject)
    .where(kindCond('toleranceRequests', scopeOf(reader)))
    .execute()) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

/**
 * The subject's findings and values without those resting on case files the reader may not open. A finding rests
 * on a case file when its reasons name it; a tolerance finding naming no visible case file is withheld too when
 * the subject has any hidden one (it cannot be told apart).
 */
function withoutHiddenCases(
  findings: Finding[],
  values: Record<string, Value>,
  hidden: ReadonlySet<string>,
  visible: ReadonlySet<string>,
): { findings: Finding[]; values: Record<string, Value>; withheld: boolean } {
  if (hidden.size === 0) return { findings, values, withheld: false };
  const names = (words: string[], ids: ReadonlySet<string>) => words.some((w) => ids.has(w));
  const keptFindings = findings.filter((f) => {
    const words = f.because.flatMap(tokens);
    if (names(words, hidden)) return false;
    return !isToleranceRule(f.rule) || names(words, visible);
  });
  const keptValues = Object.fromEntries(
    Object.entries(values).filter(([name]) => {
      const words = tokens(name);
      if (names(words, hidden)) return false;
      return !isToleranceValue(name) || names(words, visible);
    }),
  );
  const withheld =
    keptFindings.length !== findings.length || Object.keys(keptValues).length !== Object.keys(values).length;
  return { findings: keptFindings, values: keptValues, withheld };
}

/** Of these unit and cadre ids, those in the reader's scope. */
async function inScope(db: AnyDb, reader: Reader, units: string[], cadres: string[]): Promise<Set<string>> {
  const scope = scopeOf(reader);
  const out = new Set<string>();
  if (units.length) {
    const rows = (await db
      .selectFrom('units')
      .select('id')
      .where('id', 'in', units)
      .where(unitCond(scope, sql.ref('id')))
      .execute()) as { id: string }[];
    for (const r of rows) out.add(r.id);
  }
  if (cadres.length) {
    const rows = (await db
      .selectFrom('cadres')
      .select('id')
      .where('id', 'in', cadres)
      .where(cadreCond(scope, sql.ref('id')))
      .execute()) as { id: string }[];
    for (const r of rows) out.add(r.id);
  }
  return out;
}

/**
 * The open questions as the reader may read them: a unit or cadre outside the reader's scope is not named (a list
 * keeps those in scope and counts the others); a question that names only such units is left out.
 */
async function gapsInScope(db: AnyDb, reader: Reader, idx: FactIndex, gaps: string[]): Promise<string[]> {
  const named = new Set(gaps.flatMap(tokens).filter((w) => idx.unit(w) || idx.cadre(w)));
  const units = [...named].filter((w) => idx.unit(w));
  const cadres = [...named].filter((w) => !idx.unit(w));
  const seen = await inScope(db, reader, units, cadres);
  const out: string[] = [];
  for (const g of gaps) {
    const ids = tokens(g).filter((w) => named.has(w));
    if (ids.length === 0) {
      out.push(g);
      continue;
    }
    if (!ids.some((w) => seen.has(w))) continue;
    // a list of ids (u1、u2、u3) keeps those in scope, in their order, and counts the others after them
    out.push(
      g.replace(/[A-Za-z0-9_-]+(?:、[A-Za-z0-9_-]+)*/g, (run) => {
        const list = run.split('、');
        if (!list.some((w) => named.has(w))) return run;
        const kept = list.filter((w) => !named.has(w) || seen.has(w));
        const hidden = list.length - kept.length;
        if (hidden === 0) return run;
        return `${kept.join('、')}${kept.length ? '及' : ''}范围外单位${hidden}个`;
      }),
    );
  }
  return out;
}

/** The explanation of a cadre already known to be in the reader's data scope. */
export async function explainCadre(
  store: KyselyStore,
  registry: PackRegistry,
  reader: Reader,
  subject: string,
  asOf: string,
): Promise<Explanation> {
  const { facts } = await loadSubjectFacts(store, asOf, { cadre: subject });
  // Loading and evaluating run on this thread; between the steps other requests (a health check, another user's
  // page) get their turn instead of waiting for the whole explanation.
  await turn();
  const idx = new FactIndex(facts);
  const cadre = idx.cadre(subject);
  await turn();
  // the numbers the subject's jurisdiction set by its 具体办法, as in force on the evaluation date
  const params = await localParamsFor(store.db, registry, cadre?.unit, asOf);
  const ev = evaluateIndexed(registry, idx, { asOf, params });
  await turn();
  const visible = await visibleRequests(store.db, reader, subject);
  const hidden = new Set(
    idx
      .requests(subject)
      .map((r) => r.id)
      .filter((id) => !visible.has(id)),
  );
  const shown = withoutHiddenCases(
    ev.findings.filter((f) => f.subject === subject),
    ev.values[subject] ?? {},
    hidden,
    visible,
  );
  const gaps = await gapsInScope(store.db, reader, idx, ev.gaps);
  const bound = cadre ? idx.ancestry(cadre.unit).find((u) => u.pack) : undefined;
  const chain = bound?.pack ? registry.chain(bound.pack) : [];
  const seen: Evaluation = { ...ev, findings: shown.findings, values: { [subject]: shown.values }, gaps };
  let text = cadre ? explainSubject(seen, idx, subject, chain) : `${subject} 在 ${asOf} 无任职记录`;
  if (shown.withheld) text += `\n\n${WITHHELD_NOTE}`;
  // the page shows names, not the ids and keys the rules write into their reasons and gaps; the subject's tolerance
  // requests are named by their date. Only what is shown is named (the hidden cases and out-of-scope gaps are gone).
  const requests = new Map(
    idx
      .requests(subject)
      .filter((r) => !hidden.has(r.id))
      .map((r) => [r.id, `${chineseDate(r.date)}的容错申请`] as const),
  );
  const names = namer(registry, (id) => idx.unit(id)?.name ?? idx.cadre(id)?.name ?? requests.get(id)).namesIn([
    ...Object.keys(shown.values).flatMap((k) => k.split(':')),
    ...chain,
    ...shown.findings.flatMap((f) => [f.rule, ...f.because, f.conclusion ?? '']),
    ...gaps,
  ]);
  const titles = Object.fromEntries(shown.findings.map((f) => [f.rule, registry.rules.get(f.rule)?.title ?? '']));
  return {
    subject,
    asOf,
    chain,
    findings: shown.findings,
    values: shown.values,
    gaps,
    withheld: shown.withheld,
    names,
    titles,
    text,
  };
}
