// init, stats: creating the record's database and counting what is in it.
import type { Command } from 'commander';
import { JURISDICTION_PACKS } from '../../domain/vocabulary.js';
import { openStore, storeOptionsFromEnv, type OpenedStore } from '../../store/index.js';
import { CliError } from '../errors.js';

const PACK_NAMES: Record<string, string> = {
  jiangsu: '江苏省',
  shaanxi: '陕西省',
  rudong: '如东县',
  anhui: '安徽省',
  jiaozuo: '焦作市',
  national: '全国',
};

async function open(program: Command): Promise<OpenedStore> {
  const { data } = program.opts<{ data: string }>();
  try {
    return await openStore(storeOptionsFromEnv(data));
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

export function registerRecordCommands(program: Command): void {
  program
    .command('init')
    .description('创建或升级数据库（create the database or migrate it to the latest schema）')
    .action(async () => {
      const store = await open(program);
      try {
        const applied = store.migrationsApplied;
        const kind = store.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
        process.stdout.write(`数据库 database (${kind}): ${store.location}\n`);
        process.stdout.write(
          applied.length
            ? `已执行迁移 migrations applied: ${applied.join(', ')}\n`
            : '数据库结构已是最新 schema already up to date\n',
        );
      } finally {
        await store.close();
      }
    });

  program
    .command('stats')
    .description('各规则包的单位数和干部数（units and cadres per jurisdiction pack）')
    .option('--json', '输出 JSON: {"packs": {"jiangsu": {"units": n, "cadres": n}, …}}')
    .action(async (opts: { json?: boolean }) => {
      const store = await open(program);
      try {
        const stats = await store.stats();
        // the five jurisdiction packs first, in their usual order, then any other binding found in the record
        const packs: Record<string, { units: number; cadres: number }> = {};
        for (const p of JURISDICTION_PACKS) packs[p] = stats[p] ?? { units: 0, cadres: 0 };
        for (const [p, v] of Object.entries(stats)) packs[p] ??= v;
        if (opts.json) {
          // spaced like the documented form: {"packs": {"jiangsu": {"units": n, "cadres": n}, …}}
          const body = Object.entries(packs)
            .map(([p, v]) => `${JSON.stringify(p)}: {"units": ${v.units}, "cadres": ${v.cadres}}`)
            .join(', ');
          process.stdout.write(`{"packs": {${body}}}\n`);
          return;
        }
        const rows = Object.entries(packs).map(([p, v]) => [
          `${PACK_NAMES[p] ?? p}（${p}）`,
          String(v.units),
          String(v.cadres),
        ]);
        const total = Object.values(packs).reduce(
          (a, v) => ({ units: a.units + v.units, cadres: a.cadres + v.cadres }),
          { units: 0, cadres: 0 },
        );
        rows.push(['合计', String(total.units), String(total.cadres)]);
        process.stdout.write(`数据库 database: ${store.location}\n`);
        process.stdout.write(table(['规则包', '单位数', '干部数'], rows));
      } finally {
        await store.close();
      }
    });
}

/** Display width: CJK and full-width forms take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

function table(head: string[], rows: string[][]): string {
  const all = [head, ...rows];
  const widths = head.map((_, i) => Math.max(...all.map((r) => width(r[i]!))));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 ? c + ' '.repeat(widths[i]! - width(c)) : ' '.repeat(widths[i]! - width(c)) + c))
      .join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}
