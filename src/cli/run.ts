// Development entry: `npx tsx src/cli/run.ts <command>` runs the CLI from source without a build.
import { main } from './main.js';

main(process.argv).catch((err) => {
  process.stderr.write(`错误 error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
