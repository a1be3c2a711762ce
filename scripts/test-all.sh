#!/usr/bin/env bash
# The one test command (README, .ci/run): installs what the tests need on a fresh Debian
# machine, starts a throwaway PostgreSQL cluster and Redis on loopback, runs every check, cleans up.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_apt+=(postgresql)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
command -v redis-server >/dev/null 2>&1 || need_apt+=(redis-server)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi

# shellcheck source=scripts/postgres-throwaway.sh
source scripts/postgres-throwaway.sh
# shellcheck source=scripts/redis-throwaway.sh
source scripts/redis-throwaway.sh
trap 'stop_throwaway_redis; stop_throwaway_postgres' EXIT
start_throwaway_postgres
export TEST_DATABASE_URL="$THROWAWAY_PG_URL"
echo "== PostgreSQL on $TEST_DATABASE_URL"
start_throwaway_redis
export TEST_REDIS_URL="$THROWAWAY_REDIS_URL"
echo "== Redis on $TEST_REDIS_URL"

echo "== typecheck (server, web app, widget)"
npx tsc --noEmit -p tsconfig.json
npx tsc --noEmit -p web/tsconfig.json
npx tsc --noEmit -p widget/tsconfig.json
npx tsc --noEmit -p widget/tsconfig.node.json
echo "== build (web app and widget, for the browser tests)"
npm run -s build
echo "== module boundaries"
npx tsx scripts/check-boundaries.ts
echo "== tests (SQLite and PostgreSQL; browser tests in Chromium)"
npx vitest run "$@"
