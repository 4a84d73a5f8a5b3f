// Several server processes on one port (`serve --workers N`): Node's cluster module hands incoming connections
// to the workers in turn. One Node process runs JavaScript on one core, so on a machine with more cores one
// process leaves them idle while its requests queue; N processes use N cores.
//
// Nothing a worker keeps in memory may matter to another: sessions, lockouts and the audit chain are in the
// database (the chain's appends are serialised by SQLite's write lock or PostgreSQL's advisory lock, see
// audit/trail.ts), and SQLite in WAL mode lets every process read while one writes. The one in-memory state is
// the per-address login rate limit, which the caller divides among the workers.
//
// The primary only forks, restarts a worker that dies unexpectedly, and relays a stop signal; it serves nothing.
// `serve` runs under it with one worker too, so a crash of the one serving process (out of memory, a native
// fault) is followed by a fresh process on the same port instead of an outage.
// A worker whose primary is gone (killed with SIGKILL, which cannot be relayed) stops by itself, so no orphan
// keeps the port or the database.
import cluster, { type Worker } from 'node:cluster';

export interface WorkerMessage {
  listening: string;
}

function isListening(m: unknown): m is WorkerMessage {
  return typeof m === 'object' && m !== null && typeof (m as WorkerMessage).listening === 'string';
}

/**
 * The port a replacement worker listens on. Asked for port 0 (any free port), the workers share the one the
 * first of them was given only while one of them holds it: the last one dying releases it, and its replacement
 * would be given another. So a replacement is told the port the service is known by.
 */
export const WORKER_PORT_ENV = 'SANXIANG_WORKER_PORT';

export function isWorker(): boolean {
  return cluster.isWorker;
}

/** Whether this process runs the server's scheduled jobs (the alert scan): a single process, or the first worker. */
export function runsScheduledJobs(): boolean {
  return !cluster.isWorker || cluster.worker?.id === 1;
}

/**
 * Runs in the primary: forks `count` workers, resolves with the address once every one of them is listening,
 * re-forks any that exits while the cluster is running, and on SIGTERM/SIGINT stops them all and exits.
 */
export function runPrimary(count: number, log: (line: string) => void): Promise<string> {
  let stopping = false;
  const listening = new Set<number>();
  return new Promise<string>((resolve, reject) => {
    let address: string | undefined;
    const fork = (): Worker => {
      const w = cluster.fork(address ? { [WORKER_PORT_ENV]: new URL(address).port } : {});
      w.on('message', (m: unknown) => {
        if (!isListening(m)) return;
        listening.add(w.id);
        address = m.listening;
        log(`服务进程 ${w.process.pid} 已就绪 worker ${w.process.pid} listening`);
        if (listening.size === count) resolve(address);
      });
      w.on('exit', (code, signal) => {
        listening.delete(w.id);
        if (stopping) return;
        if (!address) {
          // dying before ever listening (bad port, unreadable database): restarting would only repeat it
          stopping = true;
          for (const o of Object.values(cluster.workers ?? {})) o?.process.kill('SIGTERM');
          reject(new Error(`服务进程启动失败 a worker failed to start (code ${code}, signal ${signal})`));
          return;
        }
        log(`服务进程 ${w.process.pid} 意外退出（${signal ?? code}），重新启动 worker exited unexpectedly; restarting`);
        fork();
      });
      return w;
    };
    for (let i = 0; i < count; i++) fork();
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      const workers = Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w));
      let left = workers.length;
      if (left === 0) process.exit(0);
      let failed = false;
      for (const w of workers) {
        w.once('exit', (code) => {
          if (code !== 0) failed = true;
          if (--left === 0) process.exit(failed ? 1 : 0);
        });
        w.process.kill(signal);
      }
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
  });
}

/** Runs in a worker: tells the primary it listens, and stops (via `stop`) when the primary goes away. */
export function announceWorker(address: string, stop: (reason: string) => void): void {
  process.send?.({ listening: address } satisfies WorkerMessage);
  process.once('disconnect', () => stop('primary gone'));
}
