#!/usr/bin/env bash
# Runs AuthorBot (Memory and SQLite storage) and the official JS SDK peer bot under the same load driver,
# alternating, with the same CPU pinning, and prints one JSON line per run plus a ratio summary.
#
# Usage (from the repo root, with ../shared beside it):
#   bench/peer/compare.sh                 # RUNS=2 CONCURRENCY=32 DURATION=20 WARMUP=5
#   RUNS=3 CONCURRENCY="8 32" bench/peer/compare.sh
# The peer harness is copied to a scratch folder so its npm install never writes into ../shared.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=${SHARED_DIR:-$repo/../shared}
runs=${RUNS:-2}
out=${OUT:-$repo/bench/peer/results-$(date -u +%Y%m%dT%H%M%SZ).jsonl}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp -r "$shared/bench/peer-js" "$work/peer-js"
chmod -R u+w "$work/peer-js"
dotnet publish "$repo/Bot/AuthorBot.Bot.csproj" -c Release -o "$work/app" --nologo -v quiet >&2

export FIRST_TEXT="subscribe to the newsletter" FRESH_USER=1
: > "$out"
for run in $(seq 1 "$runs"); do
  for target in memory sqlite peer; do
    case $target in
      memory) RUNS=1 LABEL=authorbot-memory SERVER_DIR="$work/app" \
                SERVER_CMD="dotnet AuthorBot.Bot.dll --Storage:Provider=Memory --Logging:LogLevel:Default=Warning" \
                "$work/peer-js/run.sh" --cmd ;;
      sqlite) rm -rf "$work/app/App_Data"
              RUNS=1 LABEL=authorbot-sqlite SERVER_DIR="$work/app" \
                SERVER_CMD="dotnet AuthorBot.Bot.dll --Storage:Provider=Sqlite --Logging:LogLevel:Default=Warning" \
                "$work/peer-js/run.sh" --cmd ;;
      peer)   RUNS=1 LABEL=peer-js "$work/peer-js/run.sh" ;;
    esac | tee -a "$out"
  done
done

node - "$out" <<'JS'
const fs = require('fs');
const rows = fs.readFileSync(process.argv[2], 'utf8').trim().split('\n').filter(Boolean).map(JSON.parse);
const med = a => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const by = {};
for (const r of rows) (by[r.label] ??= []).push(r);
const sum = {};
for (const [label, rs] of Object.entries(by)) {
  sum[label] = {
    runs: rs.length,
    errors: rs.reduce((a, r) => a + (r.errors || 0), 0),
    turns_per_s: med(rs.map(r => r.turns_per_s)),
    p99_ms: med(rs.map(r => r.latency_ms.p99)),
    idle_rss_mib: med(rs.map(r => r.idle_rss_kb / 1024)),
    cpu_ms_per_turn: med(rs.map(r => r.server_cpu_ms_per_turn)),
  };
}
const peer = sum['peer-js'];
for (const label of ['authorbot-memory', 'authorbot-sqlite']) {
  const s = sum[label];
  if (!s || !peer) continue;
  s.throughput_ratio = +(s.turns_per_s / peer.turns_per_s).toFixed(2);
  s.p99_ratio = +(s.p99_ms / peer.p99_ms).toFixed(3);
  s.idle_rss_ratio = +(s.idle_rss_mib / peer.idle_rss_mib).toFixed(3);
}
console.log(JSON.stringify(sum, null, 2));
JS
