#!/usr/bin/env bash
# The test command (`npm test`): install the Debian packages the tests need (PostgreSQL for the store tests on a real
# server, Chromium for the browser tests) when missing, then build, typecheck, lint and run the whole suite.
# The PostgreSQL cluster itself is created, started and removed by the Vitest global set-up (test/pg-harness.ts).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
if ! command -v initdb >/dev/null 2>&1 && ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  need+=(postgresql)
fi
if [ ! -x /usr/bin/chromium ]; then need+=(chromium); fi
# Chinese pages in the browser tests' screenshots need a CJK font
if ! dpkg -s fonts-noto-cjk >/dev/null 2>&1; then need+=(fonts-noto-cjk); fi
if [ ${#need[@]} -gt 0 ]; then
  echo "安装测试所需的 Debian 软件包 installing Debian packages for the tests: ${need[*]}"
  sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

npm run build
npx tsc -p tsconfig.json --noEmit
npx eslint .
npx vitest run
