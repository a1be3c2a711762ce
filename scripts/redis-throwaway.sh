#!/usr/bin/env bash
# Starts a Redis server in a temporary folder on a random 127.0.0.1 port (no persistence) and
# sets THROWAWAY_REDIS_URL; stop_throwaway_redis stops it and removes the folder.
start_throwaway_redis() {
  local port
  command -v redis-server >/dev/null || { echo "redis-server not found (apt-get install redis-server)" >&2; return 1; }
  THROWAWAY_REDIS_DIR=$(mktemp -d /tmp/centraal-redis.XXXXXX)
  port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
  redis-server --bind 127.0.0.1 --port "$port" --dir "$THROWAWAY_REDIS_DIR" --save '' --appendonly no \
    --daemonize yes --pidfile "$THROWAWAY_REDIS_DIR/redis.pid" --logfile "$THROWAWAY_REDIS_DIR/log" >/dev/null
  for _ in $(seq 1 50); do
    redis-cli -h 127.0.0.1 -p "$port" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  THROWAWAY_REDIS_URL="redis://127.0.0.1:$port"
  export THROWAWAY_REDIS_DIR THROWAWAY_REDIS_URL
}

stop_throwaway_redis() {
  [ -n "${THROWAWAY_REDIS_DIR:-}" ] || return 0
  local pid=""
  [ -f "$THROWAWAY_REDIS_DIR/redis.pid" ] && pid=$(cat "$THROWAWAY_REDIS_DIR/redis.pid" 2>/dev/null)
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    # Redis writes its log while it shuts down: wait for it, or removing the folder races with it.
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$THROWAWAY_REDIS_DIR" 2>/dev/null || true
}
