// evaluate, test-scenarios, rules: the rulebooks from the command line (DESIGN §4 contract).
import type { Command } from 'commander';
import { packRegistry } from '../../packs/index.js';
import { evaluate } from '../../policy/engine.js';
import { checkExpectations } from '../../policy/scenario.js';
import { findScenarioFiles, readScenario, ScenarioFileError } from '../../io/scenario-files.js';
import { CliError } from '../errors.js';

export function registerPolicyCommands(program: Command): void {
  program
    .command('evaluate')
    .description('按情景文件评估规则，输出 JSON（evaluate a scenario file; JSON to stdout）')
    .argument('<file>', '情景文件 scenario YAML')
    .action((file: string) => {
      const s = loadOrFail(file);
      const ev = evaluate(packRegistry(), s.facts, { asOf: s.asOf, pack: s.pack, params: s.params });
      process.stdout.write(JSON.stringify(ev, null, 2) + '\n');
    });

  program
    .command('test-scenarios')
    .description('运行情景测试（run every scenario under the folders and check its expectations）')
    .argument('<paths...>', '文件夹或文件 folders or files')
    .action((paths: string[]) => {
      let passed = 0;
      let failed = 0;
      let files: string[];
      try {
        files = findScenarioFiles(paths, ['procedures']);
      } catch (e) {
        throw new CliError(`找不到情景 cannot read scenarios: ${(e as Error).message}`);
      }
      const registry = packRegistry();
      for (const file of files) {
        let failures: string[];
        try {
          const s = readScenario(file);
          const ev = evaluate(registry, s.facts, { asOf: s.asOf, pack: s.pack, params: s.params });
          failures = checkExpectations(s, ev);
        } catch (e) {
          failures = [
            e instanceof ScenarioFileError ? `malformed: ${e.field}: ${e.reason}` : `error: ${(e as Error).message}`,
          ];
        }
        if (failures.length === 0) passed++;
        else {
          failed++;
          for (const f of failures) process.stdout.write(`FAIL ${file}: ${f}\n`);
        }
      }
      process.stdout.write(`${passed} passed, ${failed} failed\n`);
      if (failed > 0 || files.length === 0) process.exitCode = 1;
    });

  program
    .command('rules')
    .description('列出规则及其条文（list rules with their citations）')
    .option('--pack <pack>', '只列出某一规则包 only this pack')
    .option('--json', '输出 JSON')
    .action((opts: { pack?: string; json?: boolean }) => {
      const registry = packRegistry();
      if (opts.pack && !registry.packs.has(opts.pack))
        throw new CliError(`未知规则包 unknown pack: ${opts.pack}（可选 ${[...registry.packs.keys()].join('/')}）`);
      const rules = registry.allRules().filter((r) => !opts.pack || r.pack === opts.pack);
      if (opts.json) {
        const out = rules.map((r) => ({ id: r.id, kind: r.kind, citation: r.citation }));
        process.stdout.write(JSON.stringify(out, null, 2) + '\n');
        return;
      }
      const kindZh = { computable: '可计算', procedure: '程序', principle: '原则' } as const;
      for (const r of rules)
        process.stdout.write(
          `${r.id}\t[${kindZh[r.kind]}]\t${r.citation.document} ${r.citation.article}${r.title ? ` ${r.title}` : ''}\n`,
        );
      process.stdout.write(`共 ${rules.length} 条规则 (${rules.length} rules)\n`);
    });
}

function loadOrFail(file: string) {
  try {
    return readScenario(file);
  } catch (e) {
    if (e instanceof ScenarioFileError) throw new CliError(e.message);
    throw new CliError(`无法读取 cannot read ${file}: ${(e as Error).message}`);
  }
}
