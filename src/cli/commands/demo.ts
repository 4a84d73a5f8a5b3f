// demo: builds the demo record (a seeded, realistic province-scale record for all five jurisdictions) into the
// database and prints what it holds. `--cadres N` scales it: the generator streams into the store in batches, so
// a million cadres fit in well under a gigabyte of memory.
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { RECORD_KINDS, RECORD_KIND_LABELS } from '../../domain/entities.js';
import { JURISDICTION_PACKS } from '../../domain/vocabulary.js';
import { openStore, storeOptionsFromEnv, type OpenedStore } from '../../store/index.js';
import {
  AS_OF,
  DEFAULT_DEMO_CADRES,
  DEFAULT_SEED,
  FIRST_YEAR,
  LAST_YEAR,
  writeRecord,
  type GenerateSummary,
  type Progress,
} from '../../../bench/generator/index.js';
import { recordIsEmpty, wipeRecord } from '../../../bench/generator/store-utils.js';
import { CliError } from '../errors.js';

const PACK_NAMES: Record<string, string> = {
  jiangsu: '江苏省',
  shaanxi: '陕西省',
  rudong: '如东县人民检察院',
  anhui: '安徽省',
  jiaozuo: '焦作市',
};

function positiveInt(name: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1)
    throw new CliError(`${name} 应为正整数 (${name} must be a positive integer): ${value}`);
  return Number(value);
}

/** A bar on a terminal; plain lines (every tenth) when the output is a file or a pipe. */
function progressReporter(total: number): { update(p: Progress): void; stop(): void } {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: '生成 generating |{bar}| {percentage}% {value}/{total} 名干部 cadres | {eta_formatted}',
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { update: (p) => bar.update(p.cadresDone), stop: () => bar.stop() };
  }
  let lastTenth = 0;
  return {
    update(p) {
      const tenth = Math.floor((p.cadresDone * 10) / total);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        process.stderr.write(
          `生成 generating: ${p.cadresDone}/${total} 名干部 cadres (${Math.round((p.cadresDone * 100) / total)}%)\n`,
        );
      }
    },
    stop() {},
  };
}

export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('生成演示记录并输出概况（build the demo record into the database and print a summary）')
    .option('--cadres <n>', '干部人数 number of cadres', String(DEFAULT_DEMO_CADRES))
    .option(
      '--seed <s>',
      '随机种子（同一种子得到同一记录） seed: the same seed gives the same record',
      String(DEFAULT_SEED),
    )
    .option('--units <n>', '单位数（默认每50名干部一个，不少于真实的核心单位树） number of units')
    .option('--force', '清空已有记录后重建 wipe the existing record first')
    .action(async (opts: { cadres: string; seed: string; units?: string; force?: boolean }) => {
      const cadres = positiveInt('--cadres', opts.cadres);
      const seed = positiveInt('--seed', opts.seed);
      const units = opts.units === undefined ? undefined : positiveInt('--units', opts.units);
      const { data } = program.opts<{ data: string }>();
      let store: OpenedStore;
      try {
        store = await openStore(storeOptionsFromEnv(data));
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      try {
        if (!(await recordIsEmpty(store))) {
          if (!opts.force)
            throw new CliError(
              `数据库已有记录，未作改动；如需重建请加 --force (the database at ${store.location} already holds a record; nothing was changed; pass --force to wipe and rebuild)`,
            );
          process.stderr.write(`清空已有记录 wiping the existing record…\n`);
          await wipeRecord(store);
        }
        const t0 = performance.now();
        const progress = progressReporter(cadres);
        let summary: GenerateSummary;
        try {
          summary = await writeRecord(store, { cadres, seed, ...(units ? { units } : {}) }, (p) => progress.update(p));
        } finally {
          progress.stop();
        }
        const seconds = (performance.now() - t0) / 1000;
        const stats = await store.stats();
        process.stdout.write(report(store, summary, stats, seconds));
      } finally {
        await store.close();
      }
    });
}

function report(
  store: OpenedStore,
  s: GenerateSummary,
  stats: Record<string, { units: number; cadres: number }>,
  seconds: number,
): string {
  const lines: string[] = [];
  const engine = store.dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  lines.push(`演示记录已生成 demo record built（${engine}：${store.location}）`);
  lines.push(
    `种子 seed ${s.seed}；考核年度 ${FIRST_YEAR}–${LAST_YEAR}；记录截至 ${AS_OF}（按此日期评估可见全部植入案例）；用时 ${seconds.toFixed(1)} 秒`,
  );
  lines.push(`单位 ${s.units} 个，干部 ${s.cadres} 名`);
  lines.push('');
  lines.push('各规则包（干部按干部管理权限所在单位计） per pack:');
  for (const p of JURISDICTION_PACKS) {
    const v = stats[p] ?? { units: 0, cadres: 0 };
    lines.push(`  ${PACK_NAMES[p] ?? p}（${p}）：单位 ${v.units} 个，干部 ${v.cadres} 名`);
  }
  lines.push('');
  lines.push('各类记录 records per kind:');
  for (const k of RECORD_KINDS) lines.push(`  ${RECORD_KIND_LABELS[k]}（${k}）：${s.rows[k]}`);
  lines.push('');
  lines.push(
    `植入案例 planted cases: 干部 ${s.plantedCadreCases.length} 例，单位考核走势 ${s.plantedUnits.length} 例，单位事件与认定 ${s.plantedUnitEvents.length} 例` +
      (s.unplaced.length ? `；记录太小未能安排 ${s.unplaced.length} 例 (too small for ${s.unplaced.length})` : ''),
  );
  return lines.join('\n') + '\n';
}
