#!/usr/bin/env node
// A copy of ../shared/bench/peer-js/load/driver.js (read-only there) that can drive several bot instances at once:
// --url takes a comma-separated list and --route round-robin|random picks the instance for EACH TURN (no sticky
// routing: one conversation's four turns land on different instances), and --pid takes a comma-separated list whose
// CPU time is summed. With one URL it behaves as the original.
//
// Protocol-generic load driver for Bot Framework bots (POST {base}/api/messages, deliveryMode
// "expectReplies", replies read from the HTTP response body {"activities":[...]}).
//
// Each virtual user (VU) runs the 4-turn "signup" conversation over and over, one request in
// flight at a time, a fresh conversation id per conversation and a fixed user id per VU:
//   turn 1  "hi" (or --first-text / FIRST_TEXT) -> reply must contain "name"
//   --fresh-user (FRESH_USER=1): a new user id for every conversation, so no reader is already subscribed
//   turn 2  NAME                    -> reply must contain "email"
//   turn 3  EMAIL                   -> reply must contain "newsletter"
//   turn 4  "yes"                   -> reply must contain NAME and "subscribed" (not "not subscribed")
// A failed turn (HTTP status != 200, timeout, socket error, unparsable body, unexpected reply)
// is counted and aborts that conversation; the VU starts a new one.
//
// Only Node built-ins are used (http with a keep-alive agent). Only loopback targets are accepted.
// Everything is bounded: warm-up + duration (each capped), a hard deadline, and a request cap.
//
// Usage: node driver.js [--url http://127.0.0.1:3978] [--concurrency 32] [--duration 20]
//          [--warmup 5] [--pid SERVER_PID] [--channel emulator] [--timeout-ms 10000]
//          [--max-requests 20000000] [--label TEXT] [--extra JSON] [--client raw|http]
//          [--url URL1,URL2,URL3 --route round-robin|random] [--pid PID1,PID2,PID3]
//        node driver.js --probe [--url ...] [--since-ms EPOCH_MS] [--probe-timeout 60]
//        node driver.js --once [--url ...]   one conversation, printed as a request/response
//                                            transcript (pretty JSON); exit 0 iff all 4 checks pass
// Prints progress on stderr and ONE line of JSON on stdout.
'use strict';

const http = require('http');
const net = require('net');
const fs = require('fs');
const os = require('os');
const { execFileSync } = require('child_process');

// ---------------------------------------------------------------- options
function parseArgs(argv) {
    const o = {
        url: process.env.TARGET_URL || 'http://127.0.0.1:3978',
        concurrency: 32,
        duration: 20,
        warmup: 5,
        pid: 0,
        pids: [],
        route: 'round-robin',
        channel: 'emulator',
        timeoutMs: 10000,
        maxRequests: 20000000,
        label: '',
        extra: null,
        probe: false,
        sinceMs: 0,
        probeTimeout: 60,
        client: 'raw',
        once: false,
        firstText: process.env.FIRST_TEXT || 'hi',
        freshUser: process.env.FRESH_USER === '1'
    };
    for (let i = 2; i < argv.length; i++) {
        const a = argv[i];
        const next = () => {
            if (i + 1 >= argv.length) throw new Error(`missing value for ${ a }`);
            return argv[++i];
        };
        switch (a) {
        case '--url': o.url = next(); break;
        case '--concurrency': case '-c': o.concurrency = Number(next()); break;
        case '--duration': case '-d': o.duration = Number(next()); break;
        case '--warmup': case '-w': o.warmup = Number(next()); break;
        case '--pid': o.pids = next().split(',').filter(Boolean).map(Number); o.pid = o.pids[0] || 0; break;
        case '--route': o.route = next(); break;
        case '--channel': o.channel = next(); break;
        case '--timeout-ms': o.timeoutMs = Number(next()); break;
        case '--max-requests': o.maxRequests = Number(next()); break;
        case '--label': o.label = next(); break;
        case '--extra': o.extra = JSON.parse(next()); break;
        case '--probe': o.probe = true; break;
        case '--once': o.once = true; break;
        case '--since-ms': o.sinceMs = Number(next()); break;
        case '--probe-timeout': o.probeTimeout = Number(next()); break;
        case '--client': o.client = next(); break;
        case '--first-text': o.firstText = next(); break;
        case '--fresh-user': o.freshUser = true; break;
        case '-h': case '--help':
            process.stdout.write(fs.readFileSync(__filename, 'utf8').split('\n').filter((l) => l.startsWith('//')).join('\n') + '\n');
            process.exit(0);
            break;
        default: throw new Error(`unknown option ${ a }`);
        }
    }
    const bad = (cond, msg) => { if (cond) throw new Error(msg); };
    bad(!(o.concurrency >= 1 && o.concurrency <= 1024), '--concurrency must be 1..1024');
    bad(!(o.duration > 0 && o.duration <= 600), '--duration must be in (0, 600] seconds');
    bad(!(o.warmup >= 0 && o.warmup <= 120), '--warmup must be in [0, 120] seconds');
    bad(!(o.timeoutMs >= 100 && o.timeoutMs <= 60000), '--timeout-ms must be 100..60000');
    bad(!(o.maxRequests >= 1 && o.maxRequests <= 100000000), '--max-requests must be 1..1e8');
    bad(!(o.probeTimeout > 0 && o.probeTimeout <= 300), '--probe-timeout must be in (0, 300]');
    bad(!['raw', 'http'].includes(o.client), "--client must be 'raw' or 'http'");
    bad(!['round-robin', 'random'].includes(o.route), "--route must be 'round-robin' or 'random'");
    return o;
}

function usageError(msg) {
    process.stderr.write(`[driver] error: ${ msg }\n`);
    process.exit(64);
}
let opts;
try { opts = parseArgs(process.argv); } catch (e) { usageError(e.message); }
const targets = opts.url.split(',').filter(Boolean).map((u) => {
    let t;
    try { t = new URL(u); } catch { usageError(`bad --url ${ u }`); }
    if (t.protocol !== 'http:') usageError('only http:// targets are supported');
    const h = t.hostname.replace(/^\[|\]$/g, '');
    if (!(/^127\.\d+\.\d+\.\d+$/.test(h) || h === 'localhost' || h === '::1')) {
        usageError(`refusing non-loopback target ${ h }: this driver only sends traffic to 127.0.0.0/8 or ::1`);
    }
    const p = (t.pathname.replace(/\/+$/, '') || '') + '/api/messages';
    return { url: t, host: h, port: Number(t.port || 80), path: p,
        headPrefix: `POST ${ p } HTTP/1.1\r\nHost: ${ t.host }\r\nContent-Type: application/json; charset=utf-8\r\nAccept: application/json\r\nConnection: keep-alive\r\nContent-Length: ` };
});
if (!targets.length) usageError('--url names no target');
const target = targets[0].url;
const path = targets[0].path;
let routeNext = 0;
// The instance for the next turn: the next in turn, or any at random.
function pickTarget() {
    if (targets.length === 1) return 0;
    return opts.route === 'random' ? Math.floor(Math.random() * targets.length) : (routeNext++ % targets.length);
}

const agent = new http.Agent({
    keepAlive: true,
    maxSockets: opts.concurrency,
    maxFreeSockets: opts.concurrency,
    scheduling: 'lifo'
});

const log = (msg) => process.stderr.write(`[driver] ${ msg }\n`);

// ---------------------------------------------------------------- wire format
const runTag = `${ Date.now().toString(36) }${ process.pid.toString(36) }`;
let activitySeq = 0;

function activityJson(conversationId, userId, userName, text) {
    return JSON.stringify({
        type: 'message',
        id: `${ runTag }-${ ++activitySeq }`,
        timestamp: new Date().toISOString(),
        channelId: opts.channel,
        serviceUrl: 'http://127.0.0.1:1',
        from: { id: userId, name: userName, role: 'user' },
        recipient: { id: 'bot', name: 'bot', role: 'bot' },
        conversation: { id: conversationId },
        text,
        locale: 'en-US',
        deliveryMode: 'expectReplies'
    });
}

// POST one activity; resolves {status, body} or rejects with an Error whose .kind is set.
function post(payload, t) {
    return new Promise((resolve, reject) => {
        const req = http.request({
            host: t.host,
            port: t.port,
            path: t.path,
            method: 'POST',
            agent,
            headers: {
                'Content-Type': 'application/json; charset=utf-8',
                'Content-Length': Buffer.byteLength(payload)
            }
        }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', (e) => { e.kind = 'conn-error'; reject(e); });
        });
        req.setTimeout(opts.timeoutMs, () => {
            const e = new Error('timeout');
            e.kind = 'timeout';
            req.destroy(e);
        });
        req.on('error', (e) => { if (!e.kind) e.kind = 'conn-error'; reject(e); });
        req.end(payload);
    });
}

// ---- "raw" client (default): one persistent HTTP/1.1 connection per VU over node:net, a
// pre-formatted request head, and a minimal response parser (status line, Content-Length or
// chunked body, Connection: close). It does the same protocol work as node:http at a fraction
// of the CPU, so the driver stays well below one core while the server is saturated.
const CRLF2 = Buffer.from('\r\n\r\n');

class RawConn {
    constructor(t) {
        this.target = t;
        this.sock = null;
        this.buf = null;
        this.pending = null; // { resolve, reject }
        this.head = null; // parsed head of the response being read
    }

    request(payload) {
        return new Promise((resolve, reject) => {
            this.pending = { resolve, reject };
            this.buf = null;
            this.head = null;
            if (!this.sock) this.open();
            this.sock.write(`${ this.target.headPrefix }${ Buffer.byteLength(payload) }\r\n\r\n${ payload }`);
        });
    }

    open() {
        const sock = net.connect({ host: this.target.host, port: this.target.port });
        sock.setNoDelay(true);
        sock.setTimeout(opts.timeoutMs);
        sock.on('data', (chunk) => this.onData(chunk));
        sock.on('timeout', () => this.fail(sock, 'timeout', new Error('timeout')));
        sock.on('error', (e) => this.fail(sock, 'conn-error', e));
        sock.on('end', () => {
            // Server closed. A body delimited by close is complete now; otherwise it's an error.
            if (this.pending && this.head && this.head.untilClose) this.finish(this.buf ? this.buf.subarray(this.head.bodyStart) : Buffer.alloc(0), true);
            else this.fail(sock, 'conn-error', new Error('connection closed by server'));
        });
        sock.on('close', () => this.fail(sock, 'conn-error', new Error('connection closed')));
        this.sock = sock;
    }

    fail(sock, kind, err) {
        if (sock !== this.sock) return; // stale socket
        this.sock = null;
        sock.destroy();
        const p = this.pending;
        this.pending = null;
        if (p) { err.kind = kind; p.reject(err); }
    }

    close() {
        const sock = this.sock;
        this.sock = null;
        if (sock) sock.destroy();
    }

    onData(chunk) {
        if (!this.pending) return; // unsolicited bytes; ignore
        this.buf = this.buf ? Buffer.concat([this.buf, chunk]) : chunk;
        const buf = this.buf;
        if (!this.head) {
            const he = buf.indexOf(CRLF2);
            if (he < 0) {
                if (buf.length > 65536) this.fail(this.sock, 'bad-response', new Error('response head too large'));
                return;
            }
            const lines = buf.toString('latin1', 0, he).split('\r\n');
            const m = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]);
            if (!m) { this.fail(this.sock, 'bad-response', new Error(`bad status line: ${ lines[0] }`)); return; }
            const h = { status: Number(m[1]), bodyStart: he + 4, contentLength: -1, chunked: false, close: /^HTTP\/1\.0/.test(lines[0]), untilClose: false };
            for (let i = 1; i < lines.length; i++) {
                const line = lines[i];
                const c = line.indexOf(':');
                if (c < 0) continue;
                const k = line.slice(0, c).trim().toLowerCase();
                const v = line.slice(c + 1).trim().toLowerCase();
                if (k === 'content-length') h.contentLength = Number(v);
                else if (k === 'transfer-encoding') h.chunked = v.split(',').map((x) => x.trim()).includes('chunked');
                else if (k === 'connection') h.close = v.split(',').map((x) => x.trim()).includes('close') ? true : (v.includes('keep-alive') ? false : h.close);
            }
            if (h.chunked) h.contentLength = -1;
            if (!h.chunked && h.contentLength < 0) {
                if (h.status === 204 || h.status === 304 || (h.status >= 100 && h.status < 200)) h.contentLength = 0;
                else h.untilClose = true;
            }
            this.head = h;
        }
        const h = this.head;
        if (h.contentLength >= 0) {
            if (buf.length - h.bodyStart >= h.contentLength) this.finish(buf.subarray(h.bodyStart, h.bodyStart + h.contentLength), h.close);
        } else if (h.chunked) {
            const body = decodeChunked(buf, h.bodyStart);
            if (body === false) this.fail(this.sock, 'bad-response', new Error('bad chunked encoding'));
            else if (body) this.finish(body, h.close);
        }
        // untilClose: wait for 'end'
    }

    finish(bodyBuf, closeAfter) {
        const p = this.pending;
        const status = this.head.status;
        this.pending = null;
        this.buf = null;
        this.head = null;
        if (closeAfter) this.close();
        p.resolve({ status, body: bodyBuf.toString('utf8') });
    }
}

// Returns the decoded body (Buffer) when the chunked body is complete, null if more bytes are
// needed, false if malformed.
function decodeChunked(buf, start) {
    const parts = [];
    let pos = start;
    for (;;) {
        const le = buf.indexOf('\r\n', pos, 'latin1');
        if (le < 0) return null;
        const size = parseInt(buf.toString('latin1', pos, le).split(';')[0].trim(), 16);
        if (Number.isNaN(size) || size < 0) return false;
        if (size === 0) {
            // trailers (usually none) end with an empty line
            if (buf.indexOf(CRLF2, le) === le) return Buffer.concat(parts);
            const te = buf.indexOf(CRLF2, le);
            return te < 0 ? null : Buffer.concat(parts);
        }
        if (buf.length < le + 2 + size + 2) return null;
        parts.push(buf.subarray(le + 2, le + 2 + size));
        pos = le + 2 + size + 2;
    }
}

// ---- "http" client (--client http): node:http with a keep-alive Agent, for cross-checking.
// One connection per instance per VU; each request goes to the instance pickTarget() names.
function makeClient() {
    if (opts.client === 'raw') {
        const conns = targets.map((t) => new RawConn(t));
        return { post: (payload) => conns[pickTarget()].request(payload), close: () => conns.forEach((c) => c.close()) };
    }
    return { post: (payload) => post(payload, targets[pickTarget()]), close: () => {} };
}

// Concatenated text of the message activities in an expectReplies response body.
function replyText(body) {
    let parsed;
    try { parsed = JSON.parse(body); } catch { return null; }
    if (!parsed || !Array.isArray(parsed.activities)) return null;
    let text = '';
    for (const a of parsed.activities) {
        if (a && (a.type === undefined || a.type === 'message') && typeof a.text === 'string') {
            text += (text ? '\n' : '') + a.text;
        }
    }
    return text;
}

const CHECKS = [
    (t) => /name/i.test(t),
    (t) => /e-?mail/i.test(t),
    (t) => /newsletter/i.test(t),
    (t, name) => t.includes(name) && /subscribed/i.test(t) && !/not subscribed/i.test(t)
];

// ---------------------------------------------------------------- /proc helpers
let clkTck = 100;
try { clkTck = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100; } catch { /* keep 100 */ }

function procCpuSeconds(pid) {
    try {
        const s = fs.readFileSync(`/proc/${ pid }/stat`, 'utf8');
        const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
        // fields after "(comm)": state=0 ... utime=11 stime=12 (stat fields 14/15)
        return (Number(f[11]) + Number(f[12])) / clkTck;
    } catch { return null; }
}
function sumCpu(pids) {
    let total = 0;
    for (const p of pids) {
        const v = procCpuSeconds(p);
        if (v === null) return null;
        total += v;
    }
    return total;
}
function procStatus(pid) {
    try {
        const s = fs.readFileSync(`/proc/${ pid }/status`, 'utf8');
        const get = (k) => { const m = s.match(new RegExp(`^${ k }:\\s+(.+)$`, 'm')); return m ? m[1].trim() : null; };
        const kb = (k) => { const v = get(k); return v ? Number(v.split(/\s+/)[0]) : null; };
        return { vmhwm_kb: kb('VmHWM'), vmrss_kb: kb('VmRSS'), threads: Number(get('Threads')), cpus: get('Cpus_allowed_list'), name: get('Name') };
    } catch { return null; }
}
function machineCpu() {
    const line = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal guest guest_nice (guest* are inside user/nice)
    const idle = line[3] + (line[4] || 0);
    const steal = line[7] || 0;
    const total = line.slice(0, 8).reduce((a, b) => a + b, 0);
    return { idle, steal, total };
}

// ---------------------------------------------------------------- stats
class Samples {
    constructor() { this.buf = new Float64Array(1 << 16); this.n = 0; }
    push(v) {
        if (this.n === this.buf.length) { const b = new Float64Array(this.buf.length * 2); b.set(this.buf); this.buf = b; }
        this.buf[this.n++] = v;
    }
    summary() {
        const a = this.buf.slice(0, this.n).sort();
        const q = (p) => (a.length ? a[Math.min(a.length - 1, Math.max(0, Math.ceil(p * a.length) - 1))] : null);
        const r = (v) => (v === null ? null : Math.round(v * 1000) / 1000);
        let sum = 0;
        for (let i = 0; i < a.length; i++) sum += a[i];
        return { n: a.length, mean: r(a.length ? sum / a.length : null), p50: r(q(0.5)), p90: r(q(0.9)), p99: r(q(0.99)), max: r(a.length ? a[a.length - 1] : null) };
    }
}

// ---------------------------------------------------------------- probe mode
async function probe() {
    const started = Date.now();
    const deadline = started + opts.probeTimeout * 1000;
    let attempts = 0;
    let lastErr = '';
    while (Date.now() < deadline) {
        attempts++;
        const client = makeClient(); // a fresh connection per attempt
        try {
            const res = await client.post(activityJson(`probe-${ runTag }-${ attempts }`, `probe-user-${ attempts }`, 'Probe', opts.firstText));
            const t = res.status === 200 ? replyText(res.body) : null;
            if (t !== null && CHECKS[0](t)) {
                const now = Date.now();
                const out = { ready: true, attempts, probe_ms: now - started };
                if (opts.sinceMs) out.startup_ms = now - opts.sinceMs;
                process.stdout.write(JSON.stringify(out) + '\n');
                agent.destroy();
                return 0;
            }
            lastErr = `status ${ res.status }: ${ res.body.slice(0, 200) }`;
        } catch (e) {
            lastErr = e.code || e.message;
        } finally {
            client.close();
        }
        await new Promise((r) => setTimeout(r, 20));
    }
    process.stdout.write(JSON.stringify({ ready: false, attempts, last_error: lastErr }) + '\n');
    agent.destroy();
    return 1;
}

// ---------------------------------------------------------------- once mode (conformance)
async function once() {
    const client = makeClient();
    const name = 'Alice';
    const texts = [opts.firstText, name, 'alice@example.com', 'yes'];
    const conversationId = `once-${ runTag }`;
    const transcript = [];
    let ok = true;
    try {
        for (let turn = 0; turn < 4 && ok; turn++) {
            const payload = activityJson(conversationId, 'user-1', 'User One', texts[turn]);
            const res = await client.post(payload);
            const text = res.status === 200 ? replyText(res.body) : null;
            const pass = text !== null && CHECKS[turn](text, name);
            let body;
            try { body = JSON.parse(res.body); } catch { body = res.body; }
            transcript.push({ turn: turn + 1, pass, request: JSON.parse(payload), response_status: res.status, response: body });
            ok = pass;
        }
    } catch (e) {
        transcript.push({ error: e.kind || 'error', detail: e.code || e.message });
        ok = false;
    } finally {
        client.close();
        agent.destroy();
    }
    process.stdout.write(JSON.stringify({ ok, target: `${ target.origin }${ path }`, transcript }, null, 2) + '\n');
    return ok ? 0 : 1;
}

// ---------------------------------------------------------------- load mode
async function load() {
    const startedAt = new Date().toISOString();
    const t0 = process.hrtime.bigint();
    const ns = (s) => BigInt(Math.round(s * 1e9));
    const measureStart = t0 + ns(opts.warmup);
    const measureEnd = measureStart + ns(opts.duration);

    const turnLat = new Samples();
    const perTurnLat = [new Samples(), new Samples(), new Samples(), new Samples()];
    const convLat = new Samples();
    const errors = {};
    const errorSamples = [];
    let turnsOk = 0;
    let convsOk = 0;
    let errCount = 0;
    let warmupTurns = 0;
    let warmupErrors = 0;
    let requests = 0;
    let inWindow = false;
    let snapStart = null;

    const snapshot = () => ({
        hr: process.hrtime.bigint(),
        driverCpu: process.cpuUsage(),
        serverCpu: opts.pid ? sumCpu(opts.pids) : null,
        machine: machineCpu()
    });

    const serverBefore = opts.pid ? procStatus(opts.pid) : null;
    if (opts.pid && !serverBefore) throw new Error(`no such process ${ opts.pid }`);
    if (serverBefore && ['sh', 'bash', 'dash', 'npm', 'npx', 'timeout', 'taskset', 'env'].includes(serverBefore.name)) {
        log(`WARNING: --pid ${ opts.pid } is '${ serverBefore.name }', probably a wrapper; server CPU/RSS will be wrong`);
    }

    // Switch into the measurement window exactly at measureStart.
    const windowTimer = setTimeout(() => { snapStart = snapshot(); inWindow = true; }, opts.warmup * 1000);
    const progress = setInterval(() => {
        const el = Number(process.hrtime.bigint() - t0) / 1e9;
        log(`t=${ el.toFixed(0) }s ${ inWindow ? 'measuring' : 'warm-up' } turns_ok=${ turnsOk } errors=${ errCount } warmup_turns=${ warmupTurns }`);
    }, 5000);

    function recordError(kind, turn, detail) {
        const now = process.hrtime.bigint();
        if (now >= measureStart && now < measureEnd) {
            errCount++;
            const key = `${ kind }@turn${ turn }`;
            errors[key] = (errors[key] || 0) + 1;
            if (errorSamples.length < 5) errorSamples.push({ kind, turn, detail: String(detail).slice(0, 300) });
        } else if (now < measureStart) {
            warmupErrors++;
            if (errorSamples.length < 5) errorSamples.push({ warmup: true, kind, turn, detail: String(detail).slice(0, 300) });
        }
    }

    async function vu(i) {
        const userId = `bench-user-${ i }`;
        const userName = `Bench User ${ i }`;
        const client = makeClient();
        let convNo = 0;
        while (process.hrtime.bigint() < measureEnd && requests < opts.maxRequests) {
            convNo++;
            const conversationId = `bench-${ runTag }-vu${ i }-c${ convNo }`;
            const name = `Vu${ i }n${ convNo }`;
            const texts = [opts.firstText, name, `vu${ i }.c${ convNo }@example.com`, 'yes'];
            const convUserId = opts.freshUser ? `${ userId }-c${ convNo }` : userId;
            const convStart = process.hrtime.bigint();
            let ok = true;
            for (let turn = 0; turn < 4; turn++) {
                if (process.hrtime.bigint() >= measureEnd || requests >= opts.maxRequests) { ok = false; break; }
                requests++;
                const payload = activityJson(conversationId, convUserId, userName, texts[turn]);
                const start = process.hrtime.bigint();
                let res;
                try {
                    res = await client.post(payload);
                } catch (e) {
                    recordError(e.kind || 'conn-error', turn + 1, e.code || e.message);
                    ok = false;
                    break;
                }
                const end = process.hrtime.bigint();
                if (res.status !== 200) {
                    recordError(`http-${ res.status }`, turn + 1, res.body);
                    ok = false;
                    break;
                }
                const text = replyText(res.body);
                if (text === null) {
                    recordError('bad-body', turn + 1, res.body);
                    ok = false;
                    break;
                }
                if (!CHECKS[turn](text, name)) {
                    recordError('unexpected-reply', turn + 1, text);
                    ok = false;
                    break;
                }
                if (end >= measureStart && end < measureEnd) {
                    const ms = Number(end - start) / 1e6;
                    turnsOk++;
                    turnLat.push(ms);
                    perTurnLat[turn].push(ms);
                    if (turn === 3) {
                        convsOk++;
                        convLat.push(Number(end - convStart) / 1e6);
                    }
                } else if (end < measureStart) {
                    warmupTurns++;
                }
            }
            if (!ok && process.hrtime.bigint() < measureEnd) {
                // brief back-off after a failure so a broken target does not turn into a tight loop
                await new Promise((r) => setTimeout(r, 10));
            }
        }
        client.close();
    }

    // Hard deadline: never run past warm-up + duration + request timeout + 15 s.
    const hardDeadline = setTimeout(() => {
        log('hard deadline reached; exiting');
        process.exit(3);
    }, (opts.warmup + opts.duration + 15) * 1000 + opts.timeoutMs);
    hardDeadline.unref();

    log(`target ${ target.origin }${ path } concurrency=${ opts.concurrency } warmup=${ opts.warmup }s duration=${ opts.duration }s channel=${ opts.channel }${ opts.pid ? ` server_pid=${ opts.pid }` : '' }`);
    const vus = [];
    for (let i = 0; i < opts.concurrency; i++) vus.push(vu(i + 1));

    // Take the end-of-window snapshot exactly at measureEnd, not when the last VU returns.
    const endSnap = await new Promise((resolve) => {
        const wait = () => {
            const left = Number(measureEnd - process.hrtime.bigint()) / 1e6;
            if (left <= 0) resolve(snapshot());
            else setTimeout(wait, Math.min(left, 250));
        };
        wait();
    });
    await Promise.all(vus);
    clearTimeout(windowTimer);
    clearInterval(progress);
    agent.destroy();

    if (!snapStart) throw new Error('measurement window never started');
    const windowS = Number(endSnap.hr - snapStart.hr) / 1e9;
    const driverCpuS = ((endSnap.driverCpu.user - snapStart.driverCpu.user) + (endSnap.driverCpu.system - snapStart.driverCpu.system)) / 1e6;
    const serverCpuS = (endSnap.serverCpu !== null && snapStart.serverCpu !== null) ? endSnap.serverCpu - snapStart.serverCpu : null;
    const mTotal = endSnap.machine.total - snapStart.machine.total;
    const mIdle = endSnap.machine.idle - snapStart.machine.idle;
    const mSteal = endSnap.machine.steal - snapStart.machine.steal;
    const serverAfter = opts.pid ? procStatus(opts.pid) : null;
    const r2 = (v) => (v === null || v === undefined ? null : Math.round(v * 100) / 100);
    const lat = turnLat.summary();
    const driverCpuPct = (driverCpuS / windowS) * 100;

    const summary = {
        label: opts.label || undefined,
        started_at: startedAt,
        target: targets.map((t) => `${ t.url.origin }${ t.path }`).join(','),
        route: targets.length > 1 ? opts.route : undefined,
        channel: opts.channel,
        client: opts.client,
        concurrency: opts.concurrency,
        warmup_s: opts.warmup,
        duration_s: opts.duration,
        turns_ok: turnsOk,
        conversations_ok: convsOk,
        // turns are counted by completion time inside [warm-up end, warm-up end + duration]
        turns_per_s: r2(turnsOk / opts.duration),
        conversations_per_s: r2(convsOk / opts.duration),
        errors: errCount,
        error_kinds: errors,
        warmup_turns_ok: warmupTurns,
        warmup_errors: warmupErrors,
        latency_ms: { p50: lat.p50, p90: lat.p90, p99: lat.p99, max: lat.max, mean: lat.mean },
        latency_ms_by_turn: perTurnLat.map((s) => { const x = s.summary(); return { p50: x.p50, p99: x.p99 }; }),
        conversation_ms: (() => { const x = convLat.summary(); return { p50: x.p50, p99: x.p99 }; })(),
        server_pid: opts.pid || null,
        server_process: serverAfter ? serverAfter.name : null,
        server_cpu_s: r2(serverCpuS),
        // CPU figures use the snapshots taken at the window's edges (timer-accurate to a few ms)
        server_cpu_pct: serverCpuS === null ? null : r2((serverCpuS / windowS) * 100),
        server_cpu_ms_per_turn: serverCpuS === null || !turnsOk ? null : Math.round((serverCpuS * 1e6) / turnsOk) / 1000,
        server_cpus_allowed: serverAfter ? serverAfter.cpus : null,
        server_threads: serverAfter ? serverAfter.threads : null,
        server_rss_before_kb: serverBefore ? serverBefore.vmrss_kb : null,
        server_rss_end_kb: serverAfter ? serverAfter.vmrss_kb : null,
        server_peak_rss_kb: serverAfter ? serverAfter.vmhwm_kb : null,
        driver_cpu_s: r2(driverCpuS),
        driver_cpu_pct: r2(driverCpuPct),
        driver_cpu_us_per_turn: turnsOk ? r2((driverCpuS * 1e6) / turnsOk) : null,
        driver_cpus_allowed: (procStatus(process.pid) || {}).cpus || null,
        driver_peak_rss_kb: process.resourceUsage().maxRSS,
        driver_saturated: driverCpuPct > 85,
        machine_cpu_busy_pct: mTotal > 0 ? r2(((mTotal - mIdle - mSteal) / mTotal) * 100) : null,
        machine_cpu_steal_pct: mTotal > 0 ? r2((mSteal / mTotal) * 100) : null,
        nproc: os.cpus().length,
        node: process.version,
        requests_sent: requests,
        error_samples: errorSamples.length ? errorSamples : undefined,
        ...(opts.extra || {})
    };
    if (summary.driver_saturated) log(`WARNING: driver used ${ driverCpuPct.toFixed(0) }% of a core; it may be the bottleneck`);
    process.stdout.write(JSON.stringify(summary) + '\n');
    return turnsOk > 0 ? 0 : 1; // 1: not a single good turn in the window
}

(opts.probe ? probe() : opts.once ? once() : load()).then((code) => { process.exitCode = code; }, (e) => {
    log(`fatal: ${ e && e.stack ? e.stack : e }`);
    process.exitCode = 2;
});
