// Opens N Direct Line conversations, each with its WebSocket stream, and reports the bench host's
// memory per idle conversation (managed heap and working set, from its /stats route).
//
//   node --experimental-websocket idle-sockets.mjs
//   env: DL_DOMAIN (http://127.0.0.1:5000/v3/directline), DL_SECRET, N (1000), PARALLEL (50),
//        SETTLE_MS (12000: idle rate-limit buckets are dropped after 10 s, so idle means idle)
// Loopback only; needs the host started with --open (one address creates N conversations quickly).

const domain = (process.env.DL_DOMAIN || 'http://127.0.0.1:5000/v3/directline').replace(/\/+$/, '');
const secret = process.env.DL_SECRET || 'bench-secret-not-for-production-0123456789';
const total = Math.min(Number(process.env.N || 1000), 20000);
const settleMs = Math.max(0, Math.min(Number(process.env.SETTLE_MS ?? 12000), 60000));
const parallel = Math.max(1, Math.min(Number(process.env.PARALLEL || 50), 500));
const origin = new URL(domain);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(origin.hostname)) {
  console.error('DL_DOMAIN must be loopback');
  process.exit(2);
}
const statsUrl = `${origin.protocol}//${origin.host}/stats`;

async function post(path, bearer, body) {
  const response = await fetch(`${domain}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${bearer}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body)
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

async function stats() {
  const response = await fetch(statsUrl);
  return response.json();
}

const sockets = [];
async function openOne(i) {
  const generated = await post('/tokens/generate', secret, { user: { id: `dl_idle_${i}` } });
  const started = await post('/conversations', generated.token, { user: {} });
  const socket = new WebSocket(started.streamUrl);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket ${i}: no replay within 20 s`)), 20000);
    socket.onmessage = (event) => {
      if (event.data) {
        clearTimeout(timer);
        resolve();
      }
    };
    socket.onerror = () => reject(new Error(`socket ${i} failed`));
  });
  socket.onmessage = null;
  sockets.push({ socket, conversationId: started.conversationId, token: started.token });
}

async function openMany(from, count) {
  let next = from;
  const end = from + count;
  const workers = Array.from({ length: parallel }, async () => {
    while (next < end) {
      const i = next++;
      await openOne(i);
    }
  });
  await Promise.all(workers);
}

// Warm up (JIT, pools) with a few conversations, then take the baseline.
await openMany(0, Math.min(20, total));
await new Promise((r) => setTimeout(r, settleMs));
const before = await stats();
const warm = sockets.length;
const started = Date.now();
await openMany(warm, total - warm);
const openMs = Date.now() - started;
await new Promise((r) => setTimeout(r, settleMs));
const after = await stats();
const open = sockets.filter((s) => s.socket.readyState === 1).length;
const added = total - warm;
const perManaged = (after.managedBytes - before.managedBytes) / added;
const perWorkingSet = (after.workingSetBytes - before.workingSetBytes) / added;
console.log(`opened ${added} conversations with sockets in ${openMs} ms; ${open}/${total} sockets open`);
console.log(`managed heap: ${(before.managedBytes / 1048576).toFixed(1)} -> ${(after.managedBytes / 1048576).toFixed(1)} MiB = ${(perManaged / 1024).toFixed(2)} KiB per idle conversation`);
console.log(`working set : ${(before.workingSetBytes / 1048576).toFixed(1)} -> ${(after.workingSetBytes / 1048576).toFixed(1)} MiB = ${(perWorkingSet / 1024).toFixed(2)} KiB per idle conversation`);
for (const { socket } of sockets) socket.close(1000);
process.exit(open === total ? 0 : 1);
