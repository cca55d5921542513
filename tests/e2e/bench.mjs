#!/usr/bin/env node
// Performance figures of the release build (README, "Performance"), measured in headless Chromium with the
// app served under /journey-sim/. Not part of the test command: `bash .ci/bench.sh` (builds first) or
// `node tests/e2e/bench.mjs` (uses dist/ as it is). Prints figures, not pass/fail; BENCH_REPEAT runs of the
// default scenario (default 3). With BENCH_NATIVE=<path of a release journey-sim binary> each browser run is
// paired with a native run of the same scenario on as many threads as the browser has compute workers, and
// the ratio is printed pair by pair (the machine's speed drifts; pairs taken together compare fairly).

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { cpus } from 'node:os';
import { spawnSync } from 'node:child_process';
import { ROOT, startAppServer, launchBrowser, within, tid, waitForCharts, waitForStatus, setField } from './lib.mjs';

const DIST = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, 'dist');
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);
const NATIVE = process.env.BENCH_NATIVE;

/** Wall time (ms) of the native runner on the default scenario with `threads` threads, as it prints it. */
function nativeMs(threads) {
  const r = spawnSync(NATIVE, ['bench', 'default six-stage', '--threads', String(threads)], { encoding: 'utf8' });
  const m = r.stdout?.match(/in ([\d.]+) s =/);
  if (r.status !== 0 || !m) throw new Error(`native runner failed: ${r.stderr || r.stdout}`);
  return Number(m[1]) * 1000;
}

const hardKill = setTimeout(() => { console.error('benchmark exceeded 10 minutes; aborting'); process.exit(1); }, 600_000);
hardKill.unref();

// Installed before any page script: long tasks, when all four charts first exist, and every change of the
// run status with its time (ms since navigation start).
const INIT = () => {
  const b = (window.__bench = { longtasks: [], firstCharts: null, statuses: [], clicks: [], inputs: [], kpis: [], funnels: [] });
  addEventListener('input', () => b.inputs.push(performance.now()), true);
  let kpi = null, funnel = null;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch { b.noLongtask = true; }
  const ids = ['funnel', 'retention', 'advocacy', 'histogram'];
  let last = null;
  const check = () => {
    const now = performance.now();
    if (b.firstCharts === null && ids.every((id) => document.querySelector(`[data-testid="chart-${id}"] svg`))) {
      b.firstCharts = now;
    }
    const k = document.querySelector('[data-testid="kpi-purchased"]')?.dataset.value ?? null;
    if (k !== kpi) { kpi = k; b.kpis.push({ t: now, v: k }); }
    const f = document.querySelector('[data-testid="chart-funnel"] svg');
    if (f && f !== funnel) { funnel = f; b.funnels.push(now); }
    const p = document.querySelector('[data-testid="progress"]');
    if (p) {
      const s = `${p.dataset.status}|${p.dataset.done}|${p.dataset.total}`;
      if (s !== last) {
        last = s;
        b.statuses.push({ t: now, status: p.dataset.status, done: Number(p.dataset.done), total: Number(p.dataset.total) });
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  addEventListener('click', (e) => {
    if (e.target.closest?.('[data-testid="run-button"]')) b.clicks.push(performance.now());
  }, true);
};

function sizes() {
  const files = [];
  const walk = (dir) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(wasm|js|mjs)$/.test(f)) {
        const raw = readFileSync(p);
        files.push({ file: relative(DIST, p), raw: raw.length, gz: gzipSync(raw, { level: 9 }).length });
      }
    }
  };
  walk(DIST);
  return files.sort((a, b) => b.gz - a.gz);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };

/**
 * Clicks `button` REPEAT times, each time once it is enabled, and waits for a new answer in `result`
 * (its data-answer grows). Per answer: `ms`, the result's data-elapsed-ms (request to answer, measured in
 * the page), `wall`, click to answer shown, and the result's data attribute `extra`.
 */
async function timeAnswers(page, button, result, extra) {
  const out = [];
  for (let i = 0; i < REPEAT; i++) {
    await page.waitForFunction((s) => !document.querySelector(s)?.disabled, tid(button));
    const n = await page.$eval(tid(result), (el) => Number(el.dataset.answer)).catch(() => 0);
    const t0 = await page.evaluate(() => performance.now());
    await page.click(tid(button));
    await page.waitForFunction(([s, n]) => Number(document.querySelector(s)?.dataset.answer) > n,
      [tid(result), n], { timeout: 120_000, polling: 20 });
    const t1 = await page.evaluate(() => performance.now());
    const info = await page.$eval(tid(result), (el, key) => ({ ms: Number(el.dataset.elapsedMs), [key]: el.dataset[key] }), extra);
    out.push({ ...info, wall: t1 - t0 });
  }
  return out;
}

async function main() {
  const app = await startAppServer(DIST);
  const browser = await within(60_000, 'launching Chromium', launchBrowser());
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(30_000);
  await context.addInitScript(INIT);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });

  console.log(`journey-sim benchmark — ${browser.version()} headless, ${cpus().length} cores, app at ${app.url}`);
  await page.goto(app.url, { waitUntil: 'load' });
  await waitForCharts(page, 120_000);
  await waitForStatus(page, 'done', 120_000);
  const first = await page.evaluate(() => window.__bench);
  const firstDone = first.statuses.find((s) => s.status === 'done');
  const workers = await page.evaluate(() => navigator.hardwareConcurrency);

  // Runs of the default scenario started with the Run button: click -> status "done".
  const computers = Math.min(Math.max(workers, 1), 4);
  const runs = [];
  for (let i = 0; i < REPEAT; i++) {
    const native = NATIVE ? nativeMs(computers) : null;
    const n0 = await page.evaluate(() => window.__bench.statuses.length);
    await page.click(tid('run-button'));
    await page.waitForFunction((n0) => {
      const s = window.__bench.statuses.slice(n0);
      const r = s.findIndex((x) => x.status === 'running');
      return r >= 0 && s.slice(r).some((x) => x.status === 'done');
    }, n0, { timeout: 120_000, polling: 20 });
    const b = await page.evaluate(() => window.__bench);
    const click = b.clicks[b.clicks.length - 1];
    const after = b.statuses.slice(n0);
    const done = after.find((x, j) => x.status === 'done' && after.slice(0, j).some((y) => y.status === 'running'));
    const tasks = b.longtasks.filter((lt) => lt.start + lt.duration >= click && lt.start <= done.t);
    const statusText = await page.textContent(tid('run-status'));
    const reported = statusText.match(/([\d,]+) runs in ([\d.]+) s/);
    runs.push({
      native,
      ms: done.t - click,
      batches: done.total,
      reported: reported ? { runs: reported[1], s: Number(reported[2]) } : null,
      longest: tasks.reduce((m, lt) => Math.max(m, lt.duration), 0),
      longCount: tasks.length,
    });
    await waitForCharts(page, 10_000);
  }
  // Edits: the initial cohort typed alternately one customer up and back, REPEAT times; from the
  // input event to the first partial result drawn (the purchased KPI card and the funnel chart both
  // redrawn) and to the final result drawn (status done, and the funnel's last redraw by then).
  const edits = [];
  const field = 'market-initial-cohort';
  const start = Number(await page.$eval(tid(field), (el) => el.value));
  for (let i = 0; i < REPEAT; i++) {
    const n0 = await page.evaluate(() => ({ s: window.__bench.statuses.length, i: window.__bench.inputs.length }));
    await setField(page, field, String(i % 2 === 0 ? start + 1 : start));
    await page.waitForFunction((n0) => {
      const b = window.__bench;
      const t = b.inputs[b.inputs.length - 1];
      const s = b.statuses.slice(n0.s).filter((x) => x.t >= t);
      const r = s.findIndex((x) => x.status === 'running');
      return b.inputs.length > n0.i && r >= 0 && s.slice(r).some((x) => x.status === 'done');
    }, n0, { timeout: 120_000, polling: 20 });
    await page.waitForTimeout(600);
    const b = await page.evaluate(() => window.__bench);
    const t = b.inputs[b.inputs.length - 1];
    const after = b.statuses.filter((x) => x.t >= t);
    const running = after.findIndex((x) => x.status === 'running');
    const done = after.slice(running).find((x) => x.status === 'done');
    const kpi = b.kpis.find((x) => x.t >= t);
    const funnel = b.funnels.find((x) => x >= t);
    const lastFunnel = b.funnels.filter((x) => x >= t && x <= done.t + 600).pop();
    edits.push({
      first: Math.max(kpi?.t ?? Infinity, funnel ?? Infinity) - t,
      final: Math.max(done.t, lastFunnel ?? done.t) - t,
    });
  }
  // What-if: compare the journey with two variants (stage 2 conversion +10 and +20 points), REPEAT times:
  // the panel's data-elapsed-ms (request to answer, measured in the page) and Run -> answer shown.
  await page.click(tid('whatif-tab-compare'));
  for (const v of [0, 1]) {
    await page.click(tid('whatif-add-variant'));
    const field = tid(`whatif-v${v}-conv-1`);
    await page.waitForSelector(field);
    const before = Number(await page.$eval(field, (el) => el.value));
    await setField(page, `whatif-v${v}-conv-1`, String(Math.min(99, before + 10 * (v + 1))));
  }
  const compares = await timeAnswers(page, 'whatif-run-compare', 'compare-view', 'runs');
  // What-if: the full tornado over every uncertain input of the journey, REPEAT times (same measures).
  await page.click(tid('whatif-tab-sensitivity'));
  const tornados = await timeAnswers(page, 'whatif-run-tornado', 'tornado', 'bars');
  const all = await page.evaluate(() => window.__bench);
  const longestLoad = all.longtasks.filter((lt) => lt.start < (firstDone?.t ?? 0)).reduce((m, lt) => Math.max(m, lt.duration), 0);
  await context.close();
  await browser.close();
  await app.close();

  const files = sizes();
  const total = files.reduce((a, f) => a + f.gz, 0);
  const run = median(runs.map((r) => r.ms));
  const longest = Math.max(...runs.map((r) => r.longest));
  const rep = runs[runs.length - 1].reported;

  const line = (label, value, target) => console.log(`${label.padEnd(62)} ${value.padStart(12)}   ${target}`);
  console.log('');
  line('navigation -> first complete chart set', `${first.firstCharts?.toFixed(0) ?? '—'} ms`, '(figure; no target)');
  line('navigation -> first run done (incl. worker start)', `${firstDone ? firstDone.t.toFixed(0) : '—'} ms`, '(figure)');
  line(`worker time, default scenario (Run -> done, median of ${REPEAT})`, `${run.toFixed(0)} ms`,
    `(figure; ${runs[0].batches} batches, ${Math.min(Math.max(workers, 1), 4)} compute workers; each: ${runs.map((r) => r.ms.toFixed(0)).join(', ')} ms)`);
  if (rep) line('  as the app reports it', `${rep.s.toFixed(1)} s`, `(${rep.runs} runs)`);
  if (NATIVE) {
    const ratios = runs.map((r) => r.ms / r.native);
    line(`native runner, same scenario, ${computers} threads (median of ${REPEAT})`, `${median(runs.map((r) => r.native)).toFixed(0)} ms`,
      `(each: ${runs.map((r) => r.native.toFixed(0)).join(', ')} ms)`);
    const ratio = median(ratios);
    line('browser / native, pair by pair (median)', ratio.toFixed(2),
      `target ≤ 1.30 ${ratio <= 1.3 ? 'OK' : 'OVER'} (each: ${ratios.map((x) => x.toFixed(2)).join(', ')})`);
  }
  const firsts = edits.map((e) => e.first), finals = edits.map((e) => e.final);
  line(`edit -> first partial result drawn (median of ${REPEAT})`, `${median(firsts).toFixed(0)} ms`,
    `target < 250 ms ${median(firsts) < 250 ? 'OK' : 'OVER'} (each: ${firsts.map((x) => x.toFixed(0)).join(', ')} ms; debounce included)`);
  line(`edit -> final result drawn (median of ${REPEAT})`, `${median(finals).toFixed(0)} ms`,
    `target < 1000 ms ${median(finals) < 1000 ? 'OK' : 'OVER'} (each: ${finals.map((x) => x.toFixed(0)).join(', ')} ms)`);
  const cmp = median(compares.map((c) => c.ms));
  line(`what-if compare, journey + 2 variants (median of ${REPEAT})`, `${cmp.toFixed(0)} ms`,
    `target < 3000 ms ${cmp < 3000 ? 'OK' : 'OVER'} (${compares[0].runs} runs each; in-page ${compares.map((c) => c.ms.toFixed(0)).join(', ')} ms; click -> shown ${compares.map((c) => c.wall.toFixed(0)).join(', ')} ms)`);
  const tor = median(tornados.map((c) => c.ms));
  line(`what-if tornado over every input (median of ${REPEAT})`, `${tor.toFixed(0)} ms`,
    `target < 3000 ms ${tor < 3000 ? 'OK' : 'OVER'} (${tornados[0].bars} bars; in-page ${tornados.map((c) => c.ms.toFixed(0)).join(', ')} ms; click -> shown ${tornados.map((c) => c.wall.toFixed(0)).join(', ')} ms)`);
  line('longest main-thread task during a run', `${longest.toFixed(0)} ms`,
    `target < 50 ms ${all.noLongtask ? '(longtask API unavailable!)' : longest === 0 ? '(no task ≥ 50 ms was reported)' : longest < 50 ? 'OK' : 'OVER'}`);
  line('longest main-thread task during load + first run', `${longestLoad.toFixed(0)} ms`, '(figure; long tasks are ≥ 50 ms)');
  line('gzipped size of all wasm + js in dist/', kb(total), `ceiling 650 KB ${total < 650 * 1024 ? 'OK' : 'OVER'}`);
  for (const f of files) console.log(`    ${f.file.padEnd(46)} ${kb(f.raw).padStart(10)} raw ${kb(f.gz).padStart(10)} gzipped`);
  if (errors.length) console.log(`\nconsole/page errors during the benchmark:\n  ${errors.join('\n  ')}`);
}

try {
  await main();
  process.exit(0);
} catch (e) {
  console.error(`benchmark failed: ${e?.stack || e}`);
  process.exit(1);
}
