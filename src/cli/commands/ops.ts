// Operations: audit verify, key rotate/generate, backup, restore.
import type { Command } from 'commander';
import { openStore, storeOptionsFromEnv, type OpenedStore } from '../../store/index.js';
import type { KyselyStore } from '../../store/kysely-store.js';
import { verifyAudit } from '../../server/audit/trail.js';
import { formatKey, generateKey, KeyError } from '../../crypto/fields.js';
import { rotateKey } from '../../server/ops/key-rotate.js';
import { sql, type Kysely } from 'kysely';
import {
  BackupError,
  backupPostgres,
  backupSqlite,
  restorePostgres,
  restoreSqlite,
  sqliteInUse,
} from '../../server/ops/backup.js';
import { CliError } from '../errors.js';

const IN_USE =
  '数据库正在被其他进程使用（服务是否仍在运行？），请先停止服务再更换密钥 (the database is in use — stop the server before rotating the key)';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function otherPostgresClients(db: Kysely<any>): Promise<number> {
  const { rows } = await sql<{ n: number | string }>`select count(*) as n from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

function dataDir(program: Command): string {
  return program.opts<{ data: string }>().data;
}

async function withStore<T>(program: Command, fn: (store: OpenedStore & KyselyStore) => Promise<T>): Promise<T> {
  let store: OpenedStore;
  try {
    store = await openStore(storeOptionsFromEnv(dataDir(program)));
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  try {
    return await fn(store as OpenedStore & KyselyStore);
  } finally {
    await store.close();
  }
}

/** Known operational failures become one clear line (CliError); anything else stays a bug with its stack. */
function asCliError(e: unknown): never {
  if (e instanceof KeyError || e instanceof BackupError) throw new CliError(e.message);
  throw e;
}

export function registerOpsCommands(program: Command): void {
  const audit = program.command('audit').description('审计日志（audit trail）');
  audit
    .command('verify')
    .description(
      '校验审计日志的 SM3 哈希链（verify the SM3 hash chain; exit 0 if intact, 1 naming the first bad entry）',
    )
    .option(
      '--expect-head <seq:hash>',
      '此前记下的链头（检查链尾未被截断 / a head recorded earlier: detects truncation）',
    )
    .option('--json', '输出 JSON')
    .action(async (opts: { expectHead?: string; json?: boolean }) => {
      await withStore(program, async (store) => {
        let v = await verifyAudit(store.db);
        if (v.ok && opts.expectHead) {
          const m = /^(\d+):([0-9a-f]{64})$/.exec(opts.expectHead.trim());
          if (!m) throw new CliError('--expect-head 应为 序号:哈希 (expected SEQ:HASH)');
          const seq = Number(m[1]);
          const row = (await store.db
            .selectFrom('audit_log')
            .select('hash')
            .where('seq', '=', seq)
            .executeTakeFirst()) as { hash: string } | undefined;
          if (!row)
            v = {
              ok: false,
              seq,
              count: v.count,
              reason: `entry ${seq} deleted: the chain ends at ${v.headSeq} (truncated)`,
              reason_zh: `第 ${seq} 条审计记录被删除（链尾被截断，现止于第 ${v.headSeq} 条）`,
            };
          else if (row.hash !== m[2])
            v = {
              ok: false,
              seq,
              count: v.count,
              reason: `entry ${seq} altered: the chain was rewritten since this head was recorded`,
              reason_zh: `第 ${seq} 条审计记录被篡改（链被重写，与记下的链头不符）`,
            };
        }
        if (opts.json) process.stdout.write(JSON.stringify(v) + '\n');
        else if (v.ok)
          process.stdout.write(
            `审计日志完好 audit trail intact: ${v.count} 条 entries` +
              (v.count ? `; 链头 head ${v.headSeq}:${v.headHash}` : '') +
              '\n',
          );
        else
          process.stdout.write(`审计日志校验失败 audit trail BROKEN at seq ${v.seq}: ${v.reason_zh} (${v.reason})\n`);
        process.exitCode = v.ok ? 0 : 1;
      });
    });

  const key = program.command('key').description('字段加密密钥（the field encryption key）');
  key
    .command('generate')
    .description('生成新密钥并输出（print a new random key, e.g. for SANXIANG_KEY / SANXIANG_NEW_KEY）')
    .action(() => {
      process.stdout.write(formatKey(generateKey()) + '\n');
    });
  key
    .command('rotate')
    .description(
      '更换密钥：在一个事务中用新密钥重新加密所有加密字段（re-encrypt every field under a new key, one transaction; stop the server first）',
    )
    .action(async () => {
      // A server running meanwhile would go on encrypting under the old key, which the rotation then removes:
      // those fields would be lost. So the rotation runs only with the database to itself.
      const inUse = process.env.SANXIANG_DATABASE_URL ? false : sqliteInUse(dataDir(program));
      if (inUse) throw new CliError(IN_USE);
      await withStore(program, async (store) => {
        if (store.dialect === 'postgres' && (await otherPostgresClients(store.db)) > 0) throw new CliError(IN_USE);
        try {
          const r = await rotateKey({
            dataDir: dataDir(program),
            env: process.env,
            db: store.db,
            dialect: store.dialect,
            sqlite: store.conn.sqlite,
            actor: process.env.USER,
          });
          process.stdout.write(
            `${r.resumed ? '已完成中断的轮换 resumed an interrupted rotation; ' : ''}` +
              `已用新密钥 ${r.toKey} 重新加密 ${r.fields} 个字段 (re-encrypted ${r.fields} fields under key ${r.toKey}; was ${r.fromKeys.join(', ')})\n`,
          );
          if (r.envKeyToSet)
            process.stdout.write(
              `请把 SANXIANG_KEY 设为 SANXIANG_NEW_KEY 的值并去掉 SANXIANG_NEW_KEY 后再启动服务 ` +
                `(now set SANXIANG_KEY to the value of SANXIANG_NEW_KEY and unset SANXIANG_NEW_KEY)\n`,
            );
        } catch (e) {
          asCliError(e);
        }
      });
    });

  program
    .command('backup <file>')
    .description(
      '在线备份数据库（服务运行时亦可），并写出 FILE.sha256（consistent online backup plus a sha256 checksum）',
    )
    .action(async (file: string) => {
      try {
        const url = process.env.SANXIANG_DATABASE_URL;
        const r = url ? await backupPostgres(url, file) : await backupSqlite(dataDir(program), file);
        process.stdout.write(
          `已备份 backup written: ${r.file} (${r.bytes} bytes, ${r.engine})\nsha256 ${r.sha256} → ${r.file}.sha256\n` +
            `注意：密钥（sanxiang.key 或 SANXIANG_KEY）不在备份中，请另行保管 ` +
            `(the key is not in the backup: keep it separately, 身份证号 cannot be read without it)\n`,
        );
      } catch (e) {
        asCliError(e);
      }
    });

  program
    .command('restore <file>')
    .description(
      '从备份恢复（校验和不符则拒绝；请先停止服务）（restore a backup; refuses a bad checksum; stop the server first）',
    )
    .action(async (file: string) => {
      try {
        const url = process.env.SANXIANG_DATABASE_URL;
        const r = url ? await restorePostgres(url, file) : await restoreSqlite(dataDir(program), file);
        process.stdout.write(
          `已恢复 restored: ${r.file} (sha256 ${r.sha256} 校验通过 verified)\n` +
            (r.previous ? `原数据库保留在 previous database kept at ${r.previous}\n` : ''),
        );
      } catch (e) {
        asCliError(e);
      }
    });
}
