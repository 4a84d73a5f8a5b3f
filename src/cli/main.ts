// The `sanxiang` command. Each group of commands registers itself from its own module.
import { Command, CommanderError } from 'commander';
import { registerPolicyCommands } from './commands/policy.js';
import { registerIoCommands } from './commands/io.js';
import { registerRecordCommands } from './commands/record.js';
import { registerDemoCommands } from './commands/demo.js';
import { registerExplainCommands } from './commands/explain.js';
import { registerOpsCommands } from './commands/ops.js';
import { registerServeCommands } from './commands/serve.js';
import { registerAccountCommands } from './commands/account.js';
import { registerProcedureCommands } from './commands/procedures.js';
import { CliError } from './errors.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('sanxiang')
    .description('三项机制：鼓励激励、容错纠错、能上能下（Sanxiang: the three cadre mechanisms）')
    .option('--data <dir>', '数据目录 data directory (SQLite file, keys)', './data')
    .showHelpAfterError()
    .exitOverride();
  registerPolicyCommands(program);
  registerIoCommands(program);
  registerRecordCommands(program);
  registerDemoCommands(program);
  registerExplainCommands(program);
  registerOpsCommands(program);
  registerServeCommands(program);
  registerAccountCommands(program);
  registerProcedureCommands(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; usage errors were already printed by commander
      process.exitCode = e.exitCode;
      return;
    }
    const msg = e instanceof Error ? e.message : String(e);
    process.stderr.write(`错误 error: ${msg}\n`);
    process.exitCode = e instanceof CliError ? 2 : 1;
  }
}
