// explain: every finding about one cadre or unit on a date, with its article text and the facts behind it.
import type { Command } from 'commander';
import { chinaDate, isDate } from '../../domain/dates.js';
import { packRegistry } from '../../packs/index.js';
import { evaluateIndexed } from '../../policy/engine.js';
import { explainSubject } from '../../policy/explain.js';
import { FactIndex } from '../../policy/fact-index.js';
import { openStore, storeOptionsFromEnv } from '../../store/index.js';
import { CliError } from '../errors.js';

function today(): string {
  return chinaDate(new Date());
}

export function registerExplainCommands(program: Command): void {
  program
    .command('explain')
    .description('说明某干部或单位的全部结论及条文依据（explain every finding about a cadre or a unit）')
    .option('--cadre <id>', '干部编号 cadre id')
    .option('--unit <id>', '单位编号 unit id')
    .option('--as-of <date>', '评估日期 YYYY-MM-DD（默认今天）')
    .option('--json', '输出 JSON（the subject’s findings and values）')
    .action(async (opts: { cadre?: string; unit?: string; asOf?: string; json?: boolean }) => {
      const subject = opts.cadre ?? opts.unit;
      if (!subject || (opts.cadre && opts.unit))
        throw new CliError('请指定 --cadre 或 --unit 之一 (give exactly one of --cadre ID or --unit ID)');
      const asOf = opts.asOf ?? today();
      if (!isDate(asOf)) throw new CliError(`--as-of 应为有效日期 YYYY-MM-DD (invalid date): ${asOf}`);
      const { data } = program.opts<{ data: string }>();
      let store;
      try {
        store = await openStore(storeOptionsFromEnv(data));
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      try {
        const idx = new FactIndex(await store.loadFacts(asOf));
        const found = opts.cadre ? idx.cadre(subject) : idx.unit(subject);
        if (!found)
          throw new CliError(
            `${opts.cadre ? '干部' : '单位'} ${subject} 不存在（或在 ${asOf} 无记录） (no ${opts.cadre ? 'cadre' : 'unit'} ${subject} on record)`,
          );
        const registry = packRegistry();
        // Rules compare subjects (quotas, rankings), so the whole record is evaluated and the subject's part shown.
        const ev = evaluateIndexed(registry, idx, { asOf });
        const unitId = opts.cadre ? idx.cadre(subject)!.unit : subject;
        const bound = idx.ancestry(unitId).find((u) => u.pack);
        const chain = bound?.pack ? registry.chain(bound.pack) : [];
        if (opts.json) {
          const out = {
            subject,
            asOf,
            chain,
            findings: ev.findings.filter((f) => f.subject === subject),
            values: ev.values[subject] ?? {},
            gaps: ev.gaps,
          };
          process.stdout.write(JSON.stringify(out, null, 2) + '\n');
        } else process.stdout.write(explainSubject(ev, idx, subject, chain) + '\n');
      } finally {
        await store.close();
      }
    });
}
