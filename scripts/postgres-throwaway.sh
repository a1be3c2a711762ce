#!/usr/bin/env bash
# Starts a PostgreSQL cluster in a temporary folder on 127.0.0.1 as the postgres user
# (initdb refuses root) and sets THROWAWAY_PG_URL; stop_throwaway_postgres removes it.
pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] || { echo "PostgreSQL binaries not found (apt-get install postgresql)" >&2; return 1; }
  echo "$dir"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_throwaway_postgres() {
  local bin port
  bin=$(pg_bin)
  THROWAWAY_PG_DIR=$(mktemp -d /tmp/centraal-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$THROWAWAY_PG_DIR"
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  as_postgres "$bin/initdb" -D "$THROWAWAY_PG_DIR/data" -U centraal --auth=trust -E UTF8 >/dev/null
  as_postgres "$bin/pg_ctl" -D "$THROWAWAY_PG_DIR/data" -l "$THROWAWAY_PG_DIR/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $THROWAWAY_PG_DIR -c fsync=on -c max_connections=200" start >/dev/null
  THROWAWAY_PG_URL="postgres://centraal@127.0.0.1:$port/postgres"
  export THROWAWAY_PG_DIR THROWAWAY_PG_URL
}

stop_throwaway_postgres() {
  [ -n "${THROWAWAY_PG_DIR:-}" ] || return 0
  as_postgres "$(pg_bin)/pg_ctl" -D "$THROWAWAY_PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$THROWAWAY_PG_DIR" 2>/dev/null || true
}
