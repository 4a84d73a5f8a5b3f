// test-procedures: procedure scenarios (DESIGN §4b) from the command line, through the same mechanism code as the
// server. One line per failure, then `N passed, M failed`; non-zero exit on any failure or malformed file.
import type { Command } from 'commander';
import { findScenarioFiles } from '../../io/scenario-files.js';
import {
  ProcedureScenarioError,
  readProcedureScenario,
  runProcedureScenario,
} from '../../mechanisms/tolerance/scenarios.js';
import { readRunScenario, runRunScenario, RunScenarioError } from '../../mechanisms/incentive/scenarios.js';
import { CliError } from '../errors.js';

export function registerProcedureCommands(program: Command): void {
  program
    .command('test-procedures')
    .description('运行程序情景测试（run every procedure scenario under the folders）')
    .argument('<paths...>', '文件夹或文件 folders or files')
    .action(async (paths: string[]) => {
      let files: string[];
      try {
        files = findScenarioFiles(paths);
      } catch (e) {
        throw new CliError(`找不到情景 cannot read procedure scenarios: ${(e as Error).message}`);
      }
      let passed = 0;
      let failed = 0;
      for (const file of files) {
        let failures: string[];
        try {
          // an annual incentive run (`procedure: incentive`) or a case
          const run = readRunScenario(file);
          failures = run ? await runRunScenario(run) : await runProcedureScenario(readProcedureScenario(file));
        } catch (e) {
          failures = [
            e instanceof ProcedureScenarioError || e instanceof RunScenarioError
              ? `malformed: ${e.field}: ${e.reason}`
              : `error: ${(e as Error).message}`,
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
}
