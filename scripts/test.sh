#!/usr/bin/env bash
# The test command (`npm test`): build, lint, then the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build
npx tsc -p tsconfig.json --noEmit
npx eslint .
npx vitest run
