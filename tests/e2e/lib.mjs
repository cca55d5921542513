// Shared by run.mjs (the end-to-end runner) and bench.mjs: static servers, the browser, app helpers.
// Zero dependencies besides playwright-core, which drives Debian's /usr/bin/chromium (never a downloaded
// browser).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { readFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { extname, join, normalize, resolve, sep, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '..', '..');
/** The sub-path the app is served under, as on GitHub Pages (`https://<user>.github.io/journey-sim/`). */
export const BASE = '/journey-sim/';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

function listen(server, host) {
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, host, () => ok(server.address().port));
  });
}

/**
 * Serves `dist` under BASE on 127.0.0.1 (a free port), like GitHub Pages: files only, `index.html` for
 * directories, `404.html` (if any) with status 404 otherwise. Every request outside BASE and every 404 is
 * recorded in `misses` — an absolute path in the build shows up there.
 */
export async function startAppServer(dist = join(ROOT, 'dist')) {
  const root = resolve(dist);
  const misses = [];
  const requests = [];
  const onMiss = new Set();
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    requests.push(path);
    const notFound = async () => {
      if (path !== '/favicon.ico') {
        misses.push(`${req.method} ${url.pathname}`);
        for (const f of onMiss) f(url.pathname);
      }
      let body = 'not found';
      try { body = await readFile(join(root, '404.html')); } catch { /* none */ }
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    };
    if (path === BASE.slice(0, -1)) { // /journey-sim -> /journey-sim/
      res.writeHead(301, { location: BASE + url.search });
      return res.end();
    }
    if (!path.startsWith(BASE)) return notFound();
    let file = normalize(join(root, path.slice(BASE.length)));
    if (file !== root && !file.startsWith(root + sep)) return notFound();
    try {
      let st = await stat(file);
      if (st.isDirectory()) { file = join(file, 'index.html'); st = await stat(file); }
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
        // As GitHub Pages does: a sandboxed iframe without allow-same-origin has an opaque origin, so its
        // module scripts and wasm are cross-origin fetches that need CORS.
        'access-control-allow-origin': '*',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      return notFound();
    }
  });
  const port = await listen(server, '127.0.0.1');
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: origin + BASE,
    misses,
    requests,
    /** Calls `f(path)` on every miss until the returned function is called. */
    watchMisses(f) { onMiss.add(f); return () => onMiss.delete(f); },
    /** Takes (and clears) the recorded misses. */
    takeMisses() { return misses.splice(0); },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

const escapeHtml = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A second server acting as a foreign site that embeds the app: `http://localhost:<port>/embed.html` is a
 * different site from `http://127.0.0.1:<app port>` (so storage is partitioned as for a real embed), and
 * still a secure context. Query: `src` (the URL framed; must be on the app's origin), optional `sandbox`
 * (the iframe's sandbox attribute; `sandbox=` alone gives an empty, fully restrictive sandbox), `allow`,
 * `width`, `height`, `title`.
 */
export async function startForeignServer(appOrigin) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname !== '/embed.html') {
      res.writeHead(404, { 'content-type': 'text/plain' });
      return res.end('not found');
    }
    const q = url.searchParams;
    const src = q.get('src') ?? '';
    if (!src.startsWith(appOrigin + '/')) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      return res.end('src must be on the app origin');
    }
    const attrs = [
      `src="${escapeHtml(src)}"`,
      `title="${escapeHtml(q.get('title') ?? 'Journey simulator')}"`,
      `width="${escapeHtml(q.get('width') ?? '1100')}"`,
      `height="${escapeHtml(q.get('height') ?? '800')}"`,
      'id="app-frame"',
      'data-testid="app-frame"',
    ];
    if (q.has('sandbox')) attrs.push(`sandbox="${escapeHtml(q.get('sandbox'))}"`);
    if (q.has('allow')) attrs.push(`allow="${escapeHtml(q.get('allow'))}"`);
    const html = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Foreign site</title><link rel="icon" href="data:,">
<style>body{margin:0;font:16px sans-serif}iframe{border:1px solid #999;display:block}</style></head>
<body><h1>A foreign site embedding the simulator</h1><iframe ${attrs.join(' ')}></iframe></body></html>`;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  });
  const port = await listen(server, '127.0.0.1');
  const origin = `http://localhost:${port}`;
  return {
    origin,
    /** The URL of a foreign page framing `src` (default: the app) with the given iframe options. */
    embedUrl(src, { sandbox, allow, width, height, title } = {}) {
      const q = new URLSearchParams({ src });
      if (sandbox !== undefined) q.set('sandbox', sandbox);
      if (allow !== undefined) q.set('allow', allow);
      if (width !== undefined) q.set('width', String(width));
      if (height !== undefined) q.set('height', String(height));
      if (title !== undefined) q.set('title', title);
      return `${origin}/embed.html?${q}`;
    },
    close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(() => ok()); }),
  };
}

export const CHROMIUM = process.env.CHROME_BIN || '/usr/bin/chromium';

/**
 * Launches headless Chromium once. Playwright gives every launch a fresh temporary --user-data-dir
 * (it refuses one in `args`); the flags keep Chromium from stalling on this closed network.
 */
export async function launchBrowser() {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    // Make localhost resolve to the IPv4 loopback the foreign server listens on.
    '--host-resolver-rules=MAP localhost 127.0.0.1',
  ];
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    chromiumSandbox: false,
    args,
    timeout: 60_000,
  });
}

/** Rejects after `ms` with `what` unless `promise` settles first. */
export function within(ms, what, promise) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, fail) => { timer = setTimeout(() => fail(new Error(`timed out after ${ms} ms: ${what}`)), ms); }),
  ]).finally(() => clearTimeout(timer));
}

// ---------------------------------------------------------------------------------------------------------
// App helpers (the data-testid hooks of issue 4).

export const CHARTS = ['funnel', 'retention', 'advocacy', 'histogram'];
export const tid = (id) => `[data-testid="${id}"]`;

/** Waits until every chart holds an SVG. */
export async function waitForCharts(page, timeout = 60_000) {
  await page.waitForFunction(
    (ids) => ids.every((id) => document.querySelector(`[data-testid="chart-${id}"] svg`)),
    CHARTS, { timeout, polling: 50 },
  ).catch((e) => { throw new Error(`charts did not all appear within ${timeout} ms (${e.message.split('\n')[0]})`); });
}

/** The run state from the progress bar's data attributes: {status, done, total}. */
export async function runState(page) {
  return page.$eval(tid('progress'), (p) => ({
    status: p.dataset.status ?? '',
    done: Number(p.dataset.done ?? p.value),
    total: Number(p.dataset.total ?? p.max),
  }));
}

/** Waits until the progress bar's status is one of `statuses`. */
export async function waitForStatus(page, statuses, timeout = 60_000) {
  const want = [].concat(statuses);
  try {
    await page.waitForFunction((want) => {
      const p = document.querySelector('[data-testid="progress"]');
      return p && want.includes(p.dataset.status);
    }, want, { timeout, polling: 25 });
  } catch (e) {
    const now = await runState(page).catch(() => null);
    throw new Error(`run status did not become ${want.join('/')} within ${timeout} ms; now ${JSON.stringify(now)}`);
  }
}

/** Reads a KPI median: the element's data-value, else the first number in its text. */
export async function kpiValue(page, id) {
  const raw = await page.$eval(tid(`kpi-${id}`), (el) => el.dataset.value ?? el.textContent);
  const m = String(raw).replace(/,/g, '').match(/-?\d+(\.\d+)?(e-?\d+)?/i);
  if (!m) throw new Error(`kpi-${id} shows no number: ${JSON.stringify(raw)}`);
  return Number(m[0]);
}

/** Opens any closed <details> around an element so it can be typed into. */
export async function reveal(page, selector) {
  await page.$eval(selector, (el) => {
    for (let d = el.closest('details'); d; d = d.parentElement?.closest('details')) d.open = true;
    el.scrollIntoView({ block: 'center' });
  });
}

/** Types `text` into the input with test id `id` (replacing its value), like a planner would. */
export async function setField(page, id, text) {
  await page.waitForSelector(tid(id), { state: 'attached', timeout: 15_000 });
  await reveal(page, tid(id));
  await page.fill(tid(id), String(text), { timeout: 15_000 });
}

/** Loads the app and waits for the first complete run of the default journey with all charts drawn. */
export async function openApp(page, url, timeout = 90_000) {
  await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  await page.waitForSelector(tid('run-button'), { timeout: 30_000 });
  await waitForStatus(page, 'done', timeout);
  await waitForCharts(page, 10_000);
}

// ---------------------------------------------------------------------------------------------------------
// CPU time of this process's descendants (the browser and its renderers/workers), from /proc.

let ticks = 100;
try { ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100; } catch { /* default */ }

/** Seconds of CPU used so far by every live descendant process of this Node process (Linux only). */
export function browserCpuSeconds() {
  const parent = new Map();
  const cpu = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const s = readFileSync(`/proc/${name}/stat`, 'utf8');
      const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(name), Number(f[1]));
      cpu.set(Number(name), (Number(f[11]) + Number(f[12])) / ticks);
    } catch { /* gone */ }
  }
  let total = 0;
  for (const [pid, t] of cpu) {
    for (let p = parent.get(pid); p; p = parent.get(p)) {
      if (p === process.pid) { total += t; break; }
    }
  }
  return total;
}
