#!/usr/bin/env node
// End-to-end runner: `node tests/e2e/run.mjs [name filter]` (after the release build into dist/).
//
// Serves dist/ under /journey-sim/ on 127.0.0.1, plus a foreign site on localhost that can frame the app;
// launches Chromium once; runs every test of tests/e2e/*.test.mjs (each module's default export, or
// `tests`: an array of {name, fn, timeout?, allowConsoleErrors?}) in a fresh browser context; prints
// `ok - name` / `not ok - name` and a final `N passed, N failed` line; exits 1 on any failure.
//
// A test fails when its fn throws, when it exceeds its timeout, when the page or a worker logs a console
// error or throws (unless allowConsoleErrors), or when the app requested a file that is not served under
// /journey-sim/ (an absolute path in the build).
//
// Environment: E2E_DIST (default dist/), E2E_TEST_TIMEOUT ms per test (default 120000), E2E_TOTAL_TIMEOUT
// ms for the whole run (default 900000). A failing test leaves a screenshot in tests/e2e/test-results/.

import { readdirSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HERE, ROOT, startAppServer, startForeignServer, launchBrowser, within } from './lib.mjs';

const DIST = process.env.E2E_DIST ? resolve(process.env.E2E_DIST) : join(ROOT, 'dist');
const TEST_TIMEOUT = Number(process.env.E2E_TEST_TIMEOUT ?? 120_000);
const TOTAL_TIMEOUT = Number(process.env.E2E_TOTAL_TIMEOUT ?? 900_000);
const filter = process.argv[2] ?? '';

let passed = 0;
let failed = 0;
let browser;
const servers = [];

const totalTimer = setTimeout(() => {
  console.log(`not ok - the whole end-to-end run exceeded ${TOTAL_TIMEOUT} ms; aborting`);
  console.log(`${passed} passed, ${failed + 1} failed`);
  process.exit(1);
}, TOTAL_TIMEOUT);
totalTimer.unref();

function indent(text) {
  return String(text).split('\n').map((l) => `    ${l}`).join('\n');
}

async function loadTests() {
  const files = readdirSync(HERE).filter((f) => f.endsWith('.test.mjs')).sort();
  const all = [];
  for (const f of files) {
    const mod = await import(pathToFileURL(join(HERE, f)).href);
    const list = mod.default ?? mod.tests;
    if (!Array.isArray(list)) throw new Error(`${f} exports no array of tests (default export or \`tests\`)`);
    for (const t of list) {
      if (typeof t?.name !== 'string' || typeof t?.fn !== 'function') throw new Error(`${f}: a test needs {name, fn}`);
      all.push({ ...t, file: f });
    }
  }
  return all.filter((t) => t.name.includes(filter) || t.file.includes(filter));
}

async function runOne(test, env) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  const errors = [];
  const where = (msg) => {
    const loc = msg.location?.();
    return loc?.url ? ` (${loc.url}:${loc.lineNumber})` : '';
  };
  const watchPage = (page) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.worker?.()) errors.push(`console error: ${msg.text()}${where(msg)}`);
    });
    page.on('pageerror', (err) => errors.push(`page error: ${err.stack || err.message}`));
    page.on('crash', () => errors.push('page crashed'));
    page.on('worker', (worker) => {
      worker.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`worker console error: ${msg.text()}${where(msg)}`);
      });
    });
  };
  context.on('page', watchPage);
  const page = await context.newPage();
  env.app.takeMisses();
  const firstRequest = env.app.requests.length;
  const t = {
    page,
    context,
    browser,
    /** The app's URL (served under /journey-sim/). */
    url: env.app.url,
    appOrigin: env.app.origin,
    /** Paths the app server was asked for during this test, in order. */
    requests: () => env.app.requests.slice(firstRequest),
    /** Console and page errors so far in this test (the runner fails the test on any, at the end). */
    errors,
    /** The foreign site: `t.foreign.embedUrl(src, {sandbox, allow})`. */
    foreign: env.foreign,
    /** Opens a foreign page that frames the app (or `src`); returns the iframe's Frame once loaded. */
    async embed({ src = env.app.url, page: p = page, ...opts } = {}) {
      await p.goto(env.foreign.embedUrl(src, opts), { waitUntil: 'load' });
      const handle = await p.waitForSelector('#app-frame', { state: 'attached' });
      const frame = await handle.contentFrame();
      if (!frame) throw new Error('the iframe has no frame');
      return frame;
    },
    log: (...a) => console.log('    #', ...a),
  };
  const timeout = test.timeout ?? TEST_TIMEOUT;
  let failure = null;
  // A request the server cannot answer or an uncaught page error fails the test at once (a broken build
  // would otherwise only show as a long wait for a result that never comes).
  let stopWatching = () => {};
  const fatal = new Promise((_, fail) => {
    const later = (why) => setTimeout(() => fail(new Error(why)), 500);
    stopWatching = env.app.watchMisses((path) => later(`the app requested ${path}, which is not served`));
    if (!test.allowConsoleErrors) page.on('pageerror', (e) => later(`uncaught error in the page: ${e.message}`));
  });
  fatal.catch(() => {});
  try {
    await within(timeout, `test "${test.name}"`, Promise.race([test.fn(t), fatal]));
  } catch (e) {
    failure = e?.stack || String(e);
  }
  stopWatching();
  const misses = env.app.takeMisses();
  if (misses.length) {
    failure = `${failure ? `${failure}\n` : ''}requests the /journey-sim/ server could not answer (absolute paths?):\n${misses.join('\n')}`;
  }
  if (errors.length && (failure || !test.allowConsoleErrors)) {
    failure = `${failure ? `${failure}\n` : ''}console/page errors:\n${errors.join('\n')}`;
  }
  if (failure) {
    try {
      const dir = join(HERE, 'test-results');
      mkdirSync(dir, { recursive: true });
      const shot = join(dir, `${test.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}.png`);
      await within(5_000, 'screenshot', page.screenshot({ path: shot, fullPage: true }));
      failure += `\n(screenshot: ${shot})`;
    } catch { /* page unusable */ }
  }
  await within(10_000, 'closing the context', context.close()).catch(() => {});
  return failure;
}

async function main() {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.log(`not ok - no release build at ${DIST} (run: bash .ci/build.sh /journey-sim/)`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const tests = await loadTests();
  if (tests.length === 0) {
    console.log(`not ok - no end-to-end tests match "${filter}"`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  const app = await startAppServer(DIST);
  servers.push(app);
  const foreign = await startForeignServer(app.origin);
  servers.push(foreign);
  console.log(`# serving ${DIST} at ${app.url}; foreign site at ${foreign.origin}`);
  browser = await within(60_000, 'launching Chromium', launchBrowser());
  console.log(`# ${browser.browserType().name()} ${browser.version()}; ${tests.length} tests`);
  for (const test of tests) {
    const started = Date.now();
    const failure = await runOne(test, { app, foreign });
    const ms = Date.now() - started;
    if (failure) {
      failed += 1;
      console.log(`not ok - ${test.name} (${ms} ms)`);
      console.log(indent(failure));
    } else {
      passed += 1;
      console.log(`ok - ${test.name} (${ms} ms)`);
    }
  }
}

let code = 0;
try {
  await main();
} catch (e) {
  console.log(`not ok - the runner failed: ${e?.stack || e}`);
  failed += 1;
}
await within(15_000, 'closing Chromium', browser?.close() ?? Promise.resolve()).catch(() => {});
await Promise.all(servers.map((s) => s.close()));
console.log(`${passed} passed, ${failed} failed`);
if (failed > 0) code = 1;
clearTimeout(totalTimer);
process.exit(code);
