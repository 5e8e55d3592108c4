#!/usr/bin/env bash
# Compares two builds of AuthorBot on the signup conversation: a given commit ("before") and the
# repository's HEAD ("after"). Both are published from clean detached worktrees of those commits and
# driven by the same peer-js load driver, with the same CPU pinning as compare.sh, in short runs that
# alternate before/after (the order flips every round), for Memory and SQLite storage. On a loaded,
# shared machine the absolute figures move a lot between runs; the ratio of two runs taken back to
# back moves much less, so the summary is the median of the per-pair ratios (with min and max).
#
# Usage (from the repo root, with ../shared beside it):
#   bench/peer/compare-builds.sh 4f83ecf                # RUNS=5 DURATION=10 WARMUP=5 CONCURRENCY=32
#   RUNS=3 STORAGE=memory bench/peer/compare-builds.sh <commit> [<after-commit>]
# The peer harness is copied to a scratch folder so its npm install never writes into ../shared.
set -euo pipefail
[ $# -ge 1 ] || { echo "usage: $0 <before-commit> [<after-commit, default HEAD>]" >&2; exit 64; }
repo=$(cd "$(dirname "$0")/../.." && pwd)
shared=$(cd "${SHARED_DIR:-$repo/../shared}" && pwd)
before=$(git -C "$repo" rev-parse --verify "$1^{commit}")
after=$(git -C "$repo" rev-parse --verify "${2:-HEAD}^{commit}")
runs=${RUNS:-5}
storages=${STORAGE:-memory sqlite}
export DURATION=${DURATION:-10} WARMUP=${WARMUP:-5} CONCURRENCY=${CONCURRENCY:-32}
out=${OUT:-$repo/bench/peer/results-builds-$(date -u +%Y%m%dT%H%M%SZ).jsonl}
work=$(mktemp -d)
cleanup() {
  for b in before after; do
    [ -d "$work/$b" ] && git -C "$repo" worktree remove --force "$work/$b" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

cp -r "$shared/bench/peer-js" "$work/peer-js"
chmod -R u+w "$work/peer-js"
# Each worktree sits in $work, so its ../shared is this link, as it is for the repository itself.
ln -s "$shared" "$work/shared"
for b in before after; do
  commit=$([ $b = before ] && echo "$before" || echo "$after")
  git -C "$repo" worktree add --detach "$work/$b" "$commit" >/dev/null 2>&1
  echo "[compare-builds] publishing $b = $(git -C "$repo" log -1 --format='%h %s' "$commit")" >&2
  dotnet publish "$work/$b/Bot/AuthorBot.Bot.csproj" -c Release -o "$work/app-$b" --nologo -v quiet >&2
done

export FIRST_TEXT="subscribe to the newsletter" FRESH_USER=1
run_one() { # build storage round
  local provider=Memory
  [ "$2" = sqlite ] && provider=Sqlite && rm -rf "$work/app-$1/App_Data"
  RUNS=1 LABEL="$1-$2" SERVER_DIR="$work/app-$1" \
    SERVER_CMD="dotnet AuthorBot.Bot.dll --Storage:Provider=$provider --Logging:LogLevel:Default=Warning" \
    "$work/peer-js/run.sh" --cmd \
    | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{for(const l of s.trim().split("\n").filter(Boolean)){const r=JSON.parse(l);r.round=+process.argv[1];r.load_avg=require("os").loadavg().map(x=>+x.toFixed(2));console.log(JSON.stringify(r));}})' "$3" \
    | tee -a "$out"
}

: > "$out"
echo "[compare-builds] load average before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
for round in $(seq 1 "$runs"); do
  for storage in $storages; do
    if [ $((round % 2)) = 1 ]; then order="before after"; else order="after before"; fi
    for b in $order; do run_one "$b" "$storage" "$round"; done
  done
done
echo "[compare-builds] load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

node - "$out" "$(git -C "$repo" rev-parse --short "$before")" "$(git -C "$repo" rev-parse --short "$after")" <<'JS'
const fs = require('fs');
const [file, beforeSha, afterSha] = process.argv.slice(2);
const rows = fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map(JSON.parse);
const med = a => { const s = [...a].sort((x, y) => x - y); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f = (x, d = 3) => +x.toFixed(d);
console.log(`before ${beforeSha}, after ${afterSha}; ratio = after / before, per round (back-to-back pair)`);
const summary = {};
for (const storage of [...new Set(rows.map(r => r.label.split('-')[1]))]) {
  const pairs = [];
  for (const round of [...new Set(rows.map(r => r.round))]) {
    const b = rows.find(r => r.round === round && r.label === `before-${storage}`);
    const a = rows.find(r => r.round === round && r.label === `after-${storage}`);
    if (!a || !b) continue;
    const p = {
      round, storage,
      before_turns_per_s: f(b.turns_per_s, 0), after_turns_per_s: f(a.turns_per_s, 0),
      before_p99_ms: b.latency_ms.p99, after_p99_ms: a.latency_ms.p99,
      before_cpu_ms_per_turn: b.server_cpu_ms_per_turn, after_cpu_ms_per_turn: a.server_cpu_ms_per_turn,
      errors: (a.errors || 0) + (b.errors || 0),
      throughput_ratio: f(a.turns_per_s / b.turns_per_s), p99_ratio: f(a.latency_ms.p99 / b.latency_ms.p99),
      cpu_per_turn_ratio: f(a.server_cpu_ms_per_turn / b.server_cpu_ms_per_turn),
    };
    pairs.push(p);
    console.log(JSON.stringify(p));
  }
  const stat = k => ({ median: f(med(pairs.map(p => p[k]))), min: f(Math.min(...pairs.map(p => p[k]))), max: f(Math.max(...pairs.map(p => p[k]))) });
  summary[storage] = {
    pairs: pairs.length, errors: pairs.reduce((s, p) => s + p.errors, 0),
    throughput_ratio: stat('throughput_ratio'), p99_ratio: stat('p99_ratio'), cpu_per_turn_ratio: stat('cpu_per_turn_ratio'),
  };
}
console.log(JSON.stringify(summary, null, 2));
JS
