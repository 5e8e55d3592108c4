#!/usr/bin/env bash
# Signup turns/s and p99 by storage provider and instance count (issue 15): one instance on Memory, SQLite and
# PostgreSQL, and three instances on one PostgreSQL with every turn routed to an instance of its own (no sticky
# routing). The load is bench/peer/load/driver.js (the peer harness's driver, copied so it can spread turns over
# several URLs), 4-turn newsletter signups with a fresh reader per conversation, as compare.sh runs them.
#
# Usage (from the repo root):
#   bench/peer/scale.sh                                    # RUNS=1 CONCURRENCY=32 DURATION=15 WARMUP=5 ROUTE=random
#   TARGETS="postgres postgres3" RUNS=2 bench/peer/scale.sh
#   APP_DIR=Bot/bin/Release/net10.0 bench/peer/scale.sh    # an existing Release build instead of a fresh publish
# Env: WAIT_MODEL=1 (0: start measuring without waiting for each instance's first recommender model),
# TARGETS (memory sqlite postgres postgres3), INSTANCES (3, for postgres3), SYNCHRONOUS_COMMIT (on; off skips the
# wait for the WAL flush at commit, as SQLite's synchronous=NORMAL does), PIN=1 (bots and PostgreSQL on CPU 0,
# the driver on CPU 1, via taskset; PIN=0 lets everything float), POSTGRES_BIN (default: newest /usr/lib/postgresql/*/bin).
# PostgreSQL is a throwaway cluster: initdb into a temporary folder (as the postgres user when run as root, since
# initdb refuses root), a free loopback port, no Unix socket, stopped by its process id at the end; a fresh database
# per run. Every bot is stopped by its process id. Only loopback traffic.
# stdout: one JSON line per run (the driver's summary plus load averages), then a Markdown table.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
runs=${RUNS:-1}
targets=${TARGETS:-memory sqlite postgres postgres3}
instances=${INSTANCES:-3}
concurrency=${CONCURRENCY:-32}
duration=${DURATION:-15}
warmup=${WARMUP:-5}
route=${ROUTE:-random}
pin=${PIN:-1}
synchronous_commit=${SYNCHRONOUS_COMMIT:-on}
out=${OUT:-$repo/bench/peer/results-scale-$(date -u +%Y%m%dT%H%M%SZ).jsonl}
driver=$repo/bench/peer/load/driver.js
work=$(mktemp -d)
log() { echo "[scale.sh] $*" >&2; }

server_pin=(); driver_pin=()
if [ "$pin" = 1 ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  server_pin=(taskset -c 0); driver_pin=(taskset -c 1)
fi

bot_pids=()
pg_pid=""
pg_folder=""
stop_bots() {
  local pid
  for pid in "${bot_pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${bot_pids[@]}"; do
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  bot_pids=()
}
stop_postgres() {
  [ -n "$pg_pid" ] || return 0
  kill -INT "$pg_pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pg_pid" 2>/dev/null || true
  pg_pid=""
}
cleanup() { stop_bots; stop_postgres; rm -rf "$work" ${pg_folder:+"$pg_folder"}; }
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(String(s.address().port));s.close();});'; }

if [ -n "${APP_DIR:-}" ]; then
  app=$(cd "$APP_DIR" && pwd)
else
  app=$work/app
  log "publishing Bot (Release)"
  dotnet publish "$repo/Bot/AuthorBot.Bot.csproj" -c Release -o "$app" --nologo -v quiet >&2
fi

pg_port=""
pg_bin=""
start_postgres() {
  pg_bin=${POSTGRES_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}
  [ -x "$pg_bin/initdb" ] || { log "PostgreSQL not found (apt-get install -y postgresql, or set POSTGRES_BIN)"; exit 1; }
  # Its own temporary folder: the scratch folder is root's alone, and the postgres user must own this one.
  local as=()
  pg_folder=$(mktemp -d -t authorbot-bench-postgres.XXXXXX)
  local folder=$pg_folder
  if [ "$(id -u)" = 0 ]; then chown postgres "$folder"; as=(runuser -u postgres --); fi
  "${as[@]}" "$pg_bin/initdb" -D "$folder/data" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
  pg_port=$(free_port)
  # fsync stays on; SYNCHRONOUS_COMMIT=off is the closer match to the SQLite store's WAL with synchronous=NORMAL (a
  # commit survives the bot's crash at once, a power loss may drop the last ones), on waits for the WAL flush.
  printf "listen_addresses = '127.0.0.1'\nport = %s\nunix_socket_directories = ''\nmax_connections = 300\nsynchronous_commit = %s\n" \
    "$pg_port" "$synchronous_commit" >> "$folder/data/postgresql.conf"
  "${server_pin[@]}" "${as[@]}" "$pg_bin/pg_ctl" start -w -t 60 -D "$folder/data" -l "$folder/server.log" >/dev/null
  pg_pid=$(head -n 1 "$folder/data/postmaster.pid")
  log "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') pid $pg_pid on 127.0.0.1:$pg_port"
}

# Starts one bot; appends its pid to bot_pids and its URL to urls.
start_bot() { # provider folder [connection string]
  local provider=$1 folder=$2 cs=${3:-} port
  port=$(free_port)
  mkdir -p "$folder"
  local args=(--urls "http://127.0.0.1:$port" "--Storage:Provider=$provider" --Logging:LogLevel:Default=Warning
    "--Storage:Sqlite:Path=$folder/state.db" "--Proactive:DatabasePath=$folder/proactive.db"
    "--Recommendations:DataDirectory=$folder/recommender" "--DirectLine:DataDirectory=$folder/directline")
  [ -n "$cs" ] && args+=("--ConnectionStrings:Postgres=$cs")
  (cd "$app" && ASPNETCORE_ENVIRONMENT=Production exec "${server_pin[@]}" dotnet AuthorBot.Bot.dll "${args[@]}") >"$folder/bot.log" 2>&1 &
  bot_pids+=($!)
  urls+=("http://127.0.0.1:$port")
}

: > "$out"
for run in $(seq 1 "$runs"); do
  for target in $targets; do
    urls=()
    folder=$work/run-$target-$run
    case $target in
      memory) start_bot Memory "$folder/i0" ;;
      sqlite) start_bot Sqlite "$folder/i0" ;;
      postgres|postgres3)
        [ -n "$pg_pid" ] || start_postgres
        db=bench_${target}_${run}_$$
        "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -q -c "CREATE DATABASE $db" >/dev/null
        cs="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=$db;Maximum Pool Size=30"
        n=1; [ "$target" = postgres3 ] && n=$instances
        # The first instance migrates alone; the others start once it answers (they would wait on the advisory lock anyway).
        start_bot Postgres "$folder/i0" "$cs"
        node "$driver" --probe --url "${urls[0]}" --probe-timeout 180 --first-text "subscribe to the newsletter" >/dev/null \
          || { log "$target instance 0 did not answer"; tail -n 20 "$folder/i0/bot.log" >&2; exit 1; }
        for i in $(seq 1 $((n - 1))); do start_bot Postgres "$folder/i$i" "$cs"; done ;;
      *) log "unknown target $target"; exit 64 ;;
    esac
    for i in "${!urls[@]}"; do
      node "$driver" --probe --url "${urls[$i]}" --probe-timeout 180 --first-text "subscribe to the newsletter" >/dev/null \
        || { log "$target instance $i did not answer"; tail -n 20 "$folder/i$i/bot.log" >&2; exit 1; }
    done
    # Each fresh instance trains its first recommender model in the background (ready says so while it does); the
    # measurement starts once every instance reports its model loaded, so the training is not charged to the signups.
    for i in "${!urls[@]}"; do
      [ "${WAIT_MODEL:-1}" = 1 ] || break
      loaded=""
      for _ in $(seq 1 600); do
        curl -s "${urls[$i]}/healthz/ready" | grep -q "is loaded" && { loaded=1; break; }
        sleep 0.5
      done
      [ -n "$loaded" ] || { log "$target instance $i has no recommender model after 300 s"; tail -n 20 "$folder/i$i/bot.log" >&2; exit 1; }
    done
    sleep 2
    load_before=$(cut -d' ' -f1-3 /proc/loadavg)
    log "$target: ${#urls[@]} instance(s), pids ${bot_pids[*]}, load $load_before"
    label=$target; [ "$target" = postgres3 ] && label=postgres-x$instances
    case $target in postgres*) label="$label (synchronous_commit=$synchronous_commit)" ;; esac
    pids=$(IFS=,; echo "${bot_pids[*]}")
    joined=$(IFS=,; echo "${urls[*]}")
    set +e
    "${driver_pin[@]}" node "$driver" --url "$joined" --route "$route" --concurrency "$concurrency" --duration "$duration" \
      --warmup "$warmup" --pid "$pids" --first-text "subscribe to the newsletter" --fresh-user --label "$label" \
      --extra "{\"run\":$run,\"instances\":${#urls[@]},\"load_before\":\"$load_before\",\"pinned\":$([ ${#server_pin[@]} -gt 0 ] && echo true || echo false)}" \
      > "$work/line.json"
    rc=$?
    set -e
    [ $rc -eq 0 ] || log "driver exited $rc"
    node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"));r.load_after=process.argv[2];console.log(JSON.stringify(r))' \
      "$work/line.json" "$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out"
    stop_bots
  done
done

node - "$out" <<'JS'
const fs = require('fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').filter(Boolean).map(JSON.parse);
console.log('\n| target | instances | run | turns/s | p50 ms | p99 ms | errors | bots CPU ms/turn | load before | load after |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|---|');
for (const r of rows) {
  console.log(`| ${r.label} | ${r.instances} | ${r.run} | ${r.turns_per_s} | ${r.latency_ms.p50} | ${r.latency_ms.p99} | ${r.errors} | ${r.server_cpu_ms_per_turn} | ${r.load_before} | ${r.load_after} |`);
}
JS
