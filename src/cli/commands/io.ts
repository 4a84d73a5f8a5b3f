// import, export, template: the record to and from Excel (.xlsx) from the command line.
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { RECORD_KINDS, RECORD_KIND_LABELS, type RecordKind } from '../../domain/entities.js';
import { openStore, storeOptionsFromEnv, type OpenedStore } from '../../store/index.js';
import { kindByName, kindNamesText } from '../../io/xlsx/columns.js';
import { exportKind } from '../../io/xlsx/export.js';
import { formatIssues, importXlsx, type ImportProgress } from '../../io/xlsx/import.js';
import { writeTemplate } from '../../io/xlsx/template.js';
import { CliError } from '../errors.js';

function parseKind(name: string, allowAll = false): RecordKind[] {
  if (allowAll && (name === 'all' || name === '全部')) return [...RECORD_KINDS];
  const k = kindByName(name);
  if (!k)
    throw new CliError(
      `未知的记录类别 unknown kind: ${name}（可选 ${kindNamesText()}${allowAll ? '、all（全部）' : ''}）`,
    );
  return [k];
}

async function withStore<T>(program: Command, fn: (store: OpenedStore) => Promise<T>): Promise<T> {
  const { data } = program.opts<{ data: string }>();
  const store = await openStore(storeOptionsFromEnv(data));
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

type Phase = ImportProgress['phase'] | 'export';

/** Progress on stderr: a bar on a terminal, a plain line every so often otherwise (logs, pipes, tests). */
function progressReporter(label: string) {
  const tty = Boolean(process.stderr.isTTY);
  let bar: cliProgress.SingleBar | undefined;
  let phase: Phase | undefined;
  const names = {
    validate: '检查 validating',
    check: '比对数据库 checking',
    write: '写入 writing',
    export: '导出 exporting',
  } as const;
  return {
    update(p: { phase: Phase; rows: number; total?: number }) {
      if (tty) {
        if (p.phase !== phase) {
          bar?.stop();
          phase = p.phase;
          bar = new cliProgress.SingleBar(
            {
              stream: process.stderr,
              format: p.total ? `${names[p.phase]} |{bar}| {value}/{total} 行` : `${names[p.phase]} {value} 行`,
              hideCursor: true,
            },
            cliProgress.Presets.shades_classic,
          );
          bar.start(p.total ?? 0, p.rows);
        }
        if (p.total) bar!.setTotal(p.total);
        bar!.update(p.rows);
      } else {
        process.stderr.write(`${label} ${names[p.phase]}: ${p.rows}${p.total ? `/${p.total}` : ''} 行\n`);
      }
    },
    stop() {
      bar?.stop();
    },
  };
}

export function registerIoCommands(program: Command): void {
  program
    .command('import')
    .description(
      '从 Excel 文件导入记录：先检查整个文件，有任何错误则全部不导入并逐行报告（import an .xlsx file, all or nothing）',
    )
    .argument('<file>', 'Excel 文件 (.xlsx)，格式见 template 命令生成的模板')
    .option('--kind <kind>', `按此类别读取所有工作表（默认按工作表名或列名识别） ${kindNamesText()}`)
    .action(async (file: string, opts: { kind?: string }) => {
      if (!existsSync(file)) throw new CliError(`文件不存在 file not found: ${file}`);
      const forced = opts.kind ? parseKind(opts.kind)[0] : undefined;
      await withStore(program, async (store) => {
        const progress = progressReporter('导入 import');
        let report;
        try {
          report = await importXlsx(store, file, {
            ...(forced ? { kind: forced } : {}),
            onProgress: (p) => progress.update(p),
          });
        } catch (e) {
          throw new CliError(`导入失败，未导入任何内容 (import failed, nothing imported): ${(e as Error).message}`);
        } finally {
          progress.stop();
        }
        if (!report.ok) {
          for (const line of formatIssues(report)) process.stdout.write(line + '\n');
          const badRows = new Set(report.errors.map((e) => `${e.sheet}\u0000${e.row}`)).size;
          throw new CliError(
            `文件有 ${report.errorCount} 处错误（${badRows} 行），未导入任何记录 (${report.errorCount} problems; nothing imported)`,
          );
        }
        const parts = report.sheets.map((s) => `${RECORD_KIND_LABELS[s.kind]} ${s.rows}`);
        process.stdout.write(
          `已导入 ${report.inserted} 条记录${parts.length ? `：${parts.join('，')}` : ''} (imported ${report.inserted} rows)\n`,
        );
      });
    });

  program
    .command('export')
    .description('把某类记录导出为 Excel 文件（export every record of a kind to .xlsx）')
    .argument('<kind>', `记录类别 ${kindNamesText()}`)
    .argument('<file>', '输出文件 (.xlsx)')
    .action(async (kindName: string, file: string) => {
      const [kind] = parseKind(kindName) as [RecordKind];
      await withStore(program, async (store) => {
        const progress = progressReporter('导出 export');
        const total = await store.repo(kind).count();
        let n: number;
        try {
          n = await exportKind(
            store,
            kind,
            { filename: file },
            { onProgress: (rows) => progress.update({ phase: 'export', rows, total }) },
          );
        } catch (e) {
          throw new CliError(`导出失败 (export failed): ${(e as Error).message}`);
        } finally {
          progress.stop();
        }
        process.stdout.write(`已导出 ${n} 条${RECORD_KIND_LABELS[kind]}记录到 ${file} (exported ${n} rows)\n`);
      });
    });

  program
    .command('template')
    .description('生成某类记录的导入模板，含填写说明（write the import template of a kind; all = every kind）')
    .argument('<kind>', `记录类别 ${kindNamesText()}，或 all`)
    .argument('<file>', '输出文件 (.xlsx)')
    .action(async (kindName: string, file: string) => {
      const kinds = parseKind(kindName, true);
      try {
        await writeTemplate(kinds, file);
      } catch (e) {
        throw new CliError(`无法写入 cannot write ${file}: ${(e as Error).message}`);
      }
      process.stdout.write(
        `已生成模板 ${file}：${kinds.map((k) => RECORD_KIND_LABELS[k]).join('、')} (template written)\n`,
      );
    });
}
