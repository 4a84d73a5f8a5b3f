// One upload must never take the service down. A decompression bomb (a shared-string part inflating to more than
// a gigabyte in a file of about a megabyte) is uploaded to the real server while /api/health is polled: every
// health answer comes within a second, the upload is refused naming the limit, and the same serving process
// answers afterwards. And should the serving process die anyway, its supervisor starts another: kill -9 the
// process that serves, and the service answers again.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workbookEntries, sheetXml, writeRawZip } from '../../src/io/xlsx/raw-zip.js';
import { removeTempDirs, tempDir } from './helpers.js';
import { killHard, login, servingPids, startServer, type ServerProcess } from './server-process.js';

const PASSWORD = 'Supervisor#Test2026';
let server: ServerProcess;

beforeAll(async () => {
  server = await startServer(tempDir('sanxiang-supervisor-'), ['--demo', '--demo-cadres', '50'], {
    SANXIANG_DEMO_PASSWORD: PASSWORD,
  });
}, 180_000);
afterAll(() => {
  if (server) killHard(server);
  removeTempDirs();
});

/** The one process serving: the supervisor's only child running the CLI, and the one that said it is listening. */
function servingPid(): number {
  const pids = servingPids(server.child.pid!);
  expect(pids, server.output()).toHaveLength(1);
  const pid = pids[0]!;
  expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8')).toContain('serve');
  expect(server.output()).toContain(`服务进程 ${pid} 已就绪`);
  return pid;
}

async function health(timeoutMs = 1000): Promise<number> {
  const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
  return res.status;
}

describe('a decompression bomb uploaded to the running server', () => {
  it('is refused while /api/health keeps answering within a second, and the same process serves on', async () => {
    const before = servingPid();
    const file = path.join(tempDir('sanxiang-bomb-'), 'bomb.xlsx');
    const sharedXml = { before: '<sst>', chunk: `<si><t>${'A'.repeat(1000)}</t></si>`.repeat(1000), times: 1100 };
    const bytes = await writeRawZip(
      file,
      workbookEntries(sheetXml([{ r: 1, cells: [{ r: 'A1', text: '干部编号' }] }]), [
        // inflates to 1.1 GB; the zip claims a kilobyte, so only counting while inflating can catch it
        { name: 'xl/sharedStrings.xml', data: { ...sharedXml, after: '</sst>' }, claimedSize: 1024 },
      ]),
    );
    expect(bytes).toBeLessThan(4 * 1024 * 1024);

    const cookie = await login(server.url, 'org_officer', PASSWORD);
    let polling = true;
    const answers: (number | string)[] = [];
    const poller = (async () => {
      while (polling) {
        answers.push(await health().catch((e: Error) => `no answer within 1 s: ${e.message}`));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const form = new FormData();
    form.append('file', new Blob([readFileSync(file)]), 'bomb.xlsx');
    const res = await fetch(`${server.url}/api/io/import`, { method: 'POST', headers: { cookie }, body: form });
    const body = (await res.json()) as { reason_zh: string; reason: string };
    polling = false;
    await poller;

    expect(res.status, JSON.stringify(body)).toBe(413);
    expect(body.reason_zh).toContain('64 MB');
    expect(answers.length).toBeGreaterThan(0);
    expect(answers.filter((a) => a !== 200)).toEqual([]);
    expect(await health()).toBe(200);
    expect(servingPid()).toBe(before); // not crashed and restarted: the same process answered throughout
    expect(server.output()).not.toContain('意外退出');
  }, 120_000);
});

describe('the serving process killed outright (kill -9)', () => {
  it('is replaced by its supervisor and the service answers again', async () => {
    const victim = servingPid();
    process.kill(victim, 'SIGKILL');
    const deadline = Date.now() + 60_000;
    let status: number | string = 'none';
    while (Date.now() < deadline) {
      status = await health(2000).catch((e: Error) => e.message);
      const now = servingPids(server.child.pid!);
      if (status === 200 && now.length === 1 && now[0] !== victim) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(status, server.output()).toBe(200);
    const replacement = servingPid();
    expect(replacement).not.toBe(victim);
    expect(server.output()).toContain(`服务进程 ${victim} 意外退出`);
    const cookie = await login(server.url, 'org_officer', PASSWORD);
    expect((await fetch(`${server.url}/api/cadres?limit=1`, { headers: { cookie } })).status).toBe(200);
  }, 90_000);
});
