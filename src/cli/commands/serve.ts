// serve: the API and the web app over HTTP. `--demo` fills an empty database with the demo record and one
// account per role (passwords printed once). SIGTERM/SIGINT stop it gracefully: no new connections, in-flight
// requests finish, then the database is closed.
//
// The server always runs under a supervisor (workers.ts), even as one process: the primary forks the serving
// process and starts a new one if it dies (an upload that exhausts memory, a native crash), so one bad request
// cannot leave the service down. `--single-process` serves from the process itself, for a debugger or profiler.
import type { Command } from 'commander';
import { openStore, storeOptionsFromEnv } from '../../store/index.js';
import { buildServer, DEFAULT_LOGIN_RATE_LIMIT } from '../../server/app.js';
import { ensureDemo } from '../../server/demo.js';
import type { FieldCipher } from '../../crypto/fields.js';
import { ROLE_LABELS } from '../../server/roles.js';
import { announceWorker, isWorker, runPrimary, runsScheduledJobs, WORKER_PORT_ENV } from '../../server/workers.js';
import { CliError } from '../errors.js';

interface ServeOptions {
  port: string;
  host: string;
  demo?: boolean;
  demoCadres: string;
  workers: string;
  singleProcess?: boolean;
}

export function registerServeCommands(program: Command): void {
  program
    .command('serve')
    .description('启动服务（API 在 /api，网页在 /）start the server')
    .option('--port <port>', '端口 port (SANXIANG_PORT)', process.env.SANXIANG_PORT ?? '8080')
    .option('--host <host>', '监听地址 address to listen on (SANXIANG_HOST)', process.env.SANXIANG_HOST ?? '127.0.0.1')
    .option('--demo', '空数据库时载入演示记录与演示账号 load the demo record and accounts into an empty database')
    .option('--demo-cadres <n>', '演示记录的干部人数 cadres in the demo record', '5000')
    .option(
      '--workers <n>',
      '服务进程数（一般取 CPU 核数）server processes, usually one per core (SANXIANG_WORKERS)',
      process.env.SANXIANG_WORKERS ?? '1',
    )
    .option('--single-process', '不启用守护进程，由本进程直接服务（调试、性能分析用）serve without a supervisor')
    .action(async (opts: ServeOptions) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new CliError(`无效端口 invalid port: ${opts.port}`);
      const workers = Number(opts.workers);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64)
        throw new CliError(`无效进程数 invalid --workers (1–64): ${opts.workers}`);
      const { data } = program.opts<{ data: string }>();
      const so = storeOptionsFromEnv(data);
      let store;
      try {
        store = await openStore(so);
      } catch (e) {
        throw new CliError((e as Error).message);
      }
      // With several workers the primary prepares the database (migrations, demo) once, then only forks.
      if (opts.demo && !isWorker()) {
        const result = await ensureDemo(store, {
          cadres: Number(opts.demoCadres) || 5000,
          password: process.env.SANXIANG_DEMO_PASSWORD || undefined,
          onProgress: (m) => process.stderr.write(m + '\n'),
        });
        if (result.accounts.length) {
          const lines = ['演示账号（密码仅显示这一次）demo accounts (passwords shown once):'];
          for (const a of result.accounts)
            lines.push(
              `  ${a.username.padEnd(24)} ${a.password}   ${ROLE_LABELS[a.role]}${a.scope ? `（${a.scope}）` : ''}`,
            );
          process.stdout.write(lines.join('\n') + '\n');
        }
      }
      if (!opts.singleProcess && !isWorker()) {
        await store.close();
        let address: string;
        try {
          address = await runPrimary(workers, (line) => process.stderr.write(line + '\n'));
        } catch (e) {
          throw new CliError((e as Error).message);
        }
        process.stdout.write(
          `Sanxiang 已启动 listening on ${address}（${workers} 个服务进程 workers；API 文档 ${address}/api/docs）\n`,
        );
        await new Promise<void>(() => {});
      }
      const app = await buildServer({
        dataDir: data,
        store,
        cipher: so.cipher as FieldCipher | undefined,
        // one process scans the alert list on schedule, not every worker (each still refreshes after its own writes)
        ...(runsScheduledJobs() ? {} : { alertScan: { hours: 0, atStart: false } }),
        // the limit is kept per process and connections are spread evenly over the workers
        ...(workers > 1
          ? {
              loginRateLimit: {
                ...DEFAULT_LOGIN_RATE_LIMIT,
                max: Math.ceil(DEFAULT_LOGIN_RATE_LIMIT.max / workers),
              },
            }
          : {}),
      });
      app.addHook('onClose', async () => store.close());
      let stopping = false;
      const stop = (signal: string) => {
        if (stopping) return;
        stopping = true;
        app.log.info({ signal }, 'shutting down');
        // a request that never finishes must not keep the process alive forever
        const force = setTimeout(() => {
          app.log.error('shutdown timed out; exiting');
          process.exit(1);
        }, 15_000);
        force.unref();
        app.close().then(
          () => process.exit(0),
          (err: unknown) => {
            app.log.error({ err }, 'error while shutting down');
            process.exit(1);
          },
        );
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
      const address = await app.listen({
        port: isWorker() && process.env[WORKER_PORT_ENV] ? Number(process.env[WORKER_PORT_ENV]) : port,
        host: opts.host,
      });
      if (isWorker()) {
        announceWorker(address, (reason) => stop(reason));
        await new Promise<void>(() => {});
      }
      process.stdout.write(`Sanxiang 已启动 listening on ${address}（API 文档 ${address}/api/docs）\n`);
      // keep running until a signal arrives
      await new Promise<void>(() => {});
    });
}
