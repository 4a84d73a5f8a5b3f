#!/usr/bin/env node
// The installed command runs the compiled CLI (built by `npm ci` through the `prepare` script).
import { main } from '../dist/src/cli/main.js';

main(process.argv).catch((err) => {
  process.stderr.write(`错误 error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
