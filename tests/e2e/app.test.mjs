// End-to-end tests of the release build served under /journey-sim/ (issue 4, "Tests"). Run by run.mjs.

import {
  CHARTS, tid, openApp, waitForCharts, waitForStatus, runState, kpiValue, setField, reveal, browserCpuSeconds,
} from './lib.mjs';

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Waits until a long run (100,000 runs) is under way with some batches done. */
async function startLongRun(page) {
  await setField(page, 'meta-runs', '100000');
  // The app re-runs shortly after an edit; also press Run in case it does not.
  await page.waitForFunction(() => !document.querySelector('[data-testid="run-button"]').disabled, null, { timeout: 10_000 });
  try {
    await page.waitForFunction(() => {
      const p = document.querySelector('[data-testid="progress"]');
      return p.dataset.status === 'running' && Number(p.dataset.total) >= 1000;
    }, null, { timeout: 3_000, polling: 25 });
  } catch {
    await page.click(tid('run-button'));
  }
  await page.waitForFunction(() => {
    const p = document.querySelector('[data-testid="progress"]');
    return p.dataset.status === 'running' && Number(p.dataset.total) >= 1000 && Number(p.dataset.done) > 0;
  }, null, { timeout: 30_000, polling: 25 })
    .catch(async () => { throw new Error(`a 100,000-run job did not start making progress: ${JSON.stringify(await runState(page))}`); });
}

export default [
  {
    name: 'the page loads under /journey-sim/ with no console errors',
    async fn(t) {
      const res = await t.page.goto(t.url, { waitUntil: 'load' });
      assert(res.ok(), `GET ${t.url} answered ${res.status()}`);
      await t.page.waitForSelector(tid('run-button'), { timeout: 30_000 });
      // Let the automatic first run of the default journey finish: workers, charts and all.
      await waitForStatus(t.page, 'done', 90_000);
      const title = await t.page.title();
      assert(/journey/i.test(title), `unexpected title ${JSON.stringify(title)}`);
      assert(t.page.workers().length > 0, 'no web worker was started');
      // One wasm for the page and every worker: the glue and the wasm (content-hashed names) come from
      // under /journey-sim/ (the runner separately fails any request outside it), no other wasm is
      // requested, and each worker fetched that same wasm.
      const served = t.requests();
      for (const f of [/^\/journey-sim\/app-[0-9a-f]+\.js$/, /^\/journey-sim\/app-[0-9a-f]+_bg\.wasm$/]) {
        assert(served.some((p) => f.test(p)), `not loaded from under /journey-sim/: ${f}; requests: ${served.join(', ')}`);
      }
      const wasm = [...new Set(served.filter((p) => /\.wasm$/.test(p)))];
      assert(wasm.length === 1, `more than one wasm was requested: ${wasm.join(', ')}`);
      const pageWasm = wasm[0];
      for (const w of t.page.workers()) {
        // A worker spawned ahead of use (the what-if lanes) may still be loading: wait for its wasm.
        let fetched = [];
        for (let i = 0; i < 100; i++) {
          fetched = await w.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
          if (fetched.includes(pageWasm)) break;
          await new Promise((r) => setTimeout(r, 200));
        }
        assert(fetched.includes(pageWasm), `worker ${w.url()} did not load the page's ${pageWasm}: ${fetched.join(', ')}`);
        assert(fetched.every((p) => !p.endsWith('.wasm') || p === pageWasm), `worker ${w.url()} loaded another wasm: ${fetched.join(', ')}`);
      }
      // Without an icon link Chrome fetches /favicon.ico from the site root: a 404, logged as a console error,
      // on a GitHub Pages project site (https://<user>.github.io/favicon.ico).
      assert(await t.page.$('link[rel~="icon"]'),
        'index.html has no <link rel="icon">: Chrome then requests /favicon.ico from the site root, a 404 and a console error');
      assert(t.errors.length === 0, `errors while loading:\n${t.errors.join('\n')}`);
    },
  },
  {
    name: 'charts and KPI cards appear for the default journey',
    async fn(t) {
      await t.page.goto(t.url);
      await waitForCharts(t.page, 90_000);
      await waitForStatus(t.page, 'done', 90_000);
      // One evaluate for all charts: partial results re-render them while a run is going on.
      const infos = await t.page.evaluate((ids) => ids.map((id) => {
        const svg = document.querySelector(`[data-testid="chart-${id}"] svg`);
        if (!svg) return { id, missing: true };
        const r = svg.getBoundingClientRect();
        return { id, shapes: svg.querySelectorAll('path, rect, line, polyline, polygon, circle').length,
          texts: svg.querySelectorAll('text').length, width: r.width, height: r.height };
      }), CHARTS);
      for (const info of infos) {
        const id = info.id;
        assert(!info.missing, `chart-${id} has no SVG after the run finished`);
        assert(info.shapes >= 3, `chart-${id}: only ${info.shapes} shapes drawn`);
        assert(info.texts >= 2, `chart-${id}: no axis labels (${info.texts} text elements)`);
        assert(info.width > 100 && info.height > 50, `chart-${id}: drawn at ${info.width}×${info.height} px`);
      }
      for (const k of ['purchased', 'retained', 'advocates', 'viral', 'revenue', 'clv', 'roi']) {
        const v = await kpiValue(t.page, k);
        assert(Number.isFinite(v), `kpi-${k} is not a number: ${v}`);
      }
      const purchased = await kpiValue(t.page, 'purchased');
      assert(purchased > 0, `the default journey purchases nothing (kpi-purchased ${purchased})`);
    },
  },
  {
    name: "raising a stage's conversion raises the purchased KPI",
    async fn(t) {
      const { page } = t;
      await openApp(page, t.url);
      const before = await kpiValue(page, 'purchased');
      // The stage with the lowest plain-percentage conversion.
      const stages = await page.$$eval('input[data-testid^="stage-"][data-testid$="-conversion"]',
        (els) => els.map((e) => ({ id: e.dataset.testid, text: e.value })));
      assert(stages.length >= 2, `expected the stages table, found conversion inputs ${JSON.stringify(stages)}`);
      const plain = stages.filter((s) => /^\s*\d+(\.\d+)?\s*%?\s*$/.test(s.text))
        .map((s) => ({ ...s, pct: parseFloat(s.text) })).sort((a, b) => a.pct - b.pct);
      assert(plain.length > 0, `no stage has a plain percentage conversion: ${JSON.stringify(stages)}`);
      const stage = plain[0];
      const raised = Math.min(100, Math.max(stage.pct * 1.5, stage.pct + 10));
      t.log(`${stage.id}: ${stage.pct}% -> ${raised}%; purchased median before ${before}`);
      await setField(page, stage.id, String(raised));
      // A new run starts after the edit; wait for it to finish with a different median.
      try {
        await page.waitForFunction((before) => {
          const p = document.querySelector('[data-testid="progress"]');
          const k = document.querySelector('[data-testid="kpi-purchased"]');
          if (!p || !k || p.dataset.status !== 'done') return false;
          const raw = k.dataset.value ?? k.textContent;
          const m = String(raw).replace(/,/g, '').match(/-?\d+(\.\d+)?/);
          return m && Number(m[0]) !== before;
        }, before, { timeout: 60_000, polling: 50 });
      } catch {
        throw new Error(`kpi-purchased stayed at ${before} after ${stage.id} went to ${raised}% ` +
          `(run ${JSON.stringify(await runState(page))})`);
      }
      const after = await kpiValue(page, 'purchased');
      t.log(`purchased median after ${after}`);
      assert(after > before, `purchased went from ${before} to ${after} when ${stage.id} rose to ${raised}%`);
      await waitForCharts(page, 5_000);
    },
  },
  {
    name: 'an invalid conversion shows the engine message next to the field and disables Run',
    async fn(t) {
      const { page } = t;
      await openApp(page, t.url);
      const run = tid('run-button');
      assert(!(await page.$eval(run, (b) => b.disabled)), 'Run is disabled for the valid default journey');
      await setField(page, 'stage-0-conversion', '140');
      const message = 'must be between 0% and 100%, got 140%';
      // The message next to the field: the element the input's aria-describedby points at, else the
      // nearest field wrapper.
      await page.waitForFunction((msg) => {
        const input = document.querySelector('[data-testid="stage-0-conversion"]');
        const ids = (input.getAttribute('aria-describedby') || '').split(/\s+/).filter(Boolean);
        const near = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
        const wrap = input.closest('.field, td, label, div')?.textContent ?? '';
        return near.includes(msg) || wrap.includes(msg);
      }, message, { timeout: 10_000 })
        .catch(() => { throw new Error(`"${message}" did not appear next to stage-0-conversion`); });
      assert(await page.$eval('[data-testid="stage-0-conversion"]', (i) => i.getAttribute('aria-invalid') === 'true'),
        'stage-0-conversion is not marked aria-invalid');
      await page.waitForFunction(() => document.querySelector('[data-testid="run-button"]').disabled, null, { timeout: 5_000 })
        .catch(() => { throw new Error('Run stayed enabled with conversion 140%'); });
      const list = await page.$eval(tid('problems'), (el) => el.textContent);
      assert(list.includes(message), `the problem list does not say why: ${JSON.stringify(list)}`);
      // Clicking the disabled button starts nothing.
      const { status } = await runState(page);
      await page.click(run, { force: true, timeout: 2_000 }).catch(() => {});
      await sleep(600); // longer than the automatic re-run delay (400 ms): nothing may start
      const now = await runState(page);
      assert(now.status === status, `a run started while invalid: ${status} -> ${now.status}`);
      // Fixing it clears the message and enables Run again.
      await setField(page, 'stage-0-conversion', '40');
      await page.waitForFunction(() => !document.querySelector('[data-testid="run-button"]').disabled, null, { timeout: 5_000 })
        .catch(() => { throw new Error('Run stayed disabled after the value was fixed'); });
      const body = await page.textContent('body');
      assert(!body.includes(message), 'the message stayed after the value was fixed');
    },
  },
  {
    name: 'Cancel stops a long run',
    async fn(t) {
      const { page } = t;
      await openApp(page, t.url);
      await startLongRun(page);
      const cpuBusy0 = browserCpuSeconds();
      await sleep(1_000); // sample how busy a run keeps the machine
      const busy = browserCpuSeconds() - cpuBusy0;
      await page.click(tid('cancel-button'));
      await waitForStatus(page, ['cancelled'], 5_000);
      const at = await runState(page);
      t.log(`cancelled at ${at.done} of ${at.total} batches; CPU while running ${busy.toFixed(2)} s/s`);
      assert(at.done < at.total, `the run had finished before Cancel took effect: ${JSON.stringify(at)}`);
      await page.waitForFunction(() => {
        const run = document.querySelector('[data-testid="run-button"]');
        const cancel = document.querySelector('[data-testid="cancel-button"]');
        return !run.disabled && (cancel.disabled || cancel.hidden || !cancel.offsetParent);
      }, null, { timeout: 5_000 }).catch(() => { throw new Error('after Cancel, Run is not enabled or Cancel still active'); });
      // The workers must really stop: no progress in the page, and the browser's CPU use drops to idle.
      await sleep(500);
      const cpu0 = browserCpuSeconds();
      await sleep(1_500);
      const idle = (browserCpuSeconds() - cpu0) / 1.5;
      const later = await runState(page);
      t.log(`after Cancel: ${later.done} batches, CPU ${idle.toFixed(2)} s/s`);
      assert(later.status === 'cancelled' && later.done === at.done,
        `progress went on after Cancel: ${JSON.stringify(at)} -> ${JSON.stringify(later)}`);
      assert(idle < Math.max(0.35, busy / 3),
        `the browser still burns ${idle.toFixed(2)} CPU-s/s after Cancel (${busy.toFixed(2)} while running): workers still computing?`);
      // The partial result stays on screen.
      await waitForCharts(page, 5_000);
    },
  },
  {
    name: 'the page answers input within 250 ms during a run',
    async fn(t) {
      const { page } = t;
      await openApp(page, t.url);
      await startLongRun(page);
      // Type into a stage name; the app re-renders its labels from the state ("Move <name> up").
      const input = tid('stage-1-name');
      await reveal(page, input);
      await page.focus(input);
      await page.press(input, 'End');
      const latencies = [];
      let typed = await page.$eval(input, (i) => i.value);
      for (const ch of 'Xyzzy-Plugh') {
        const running = (await runState(page)).status === 'running';
        assert(running, 'the run ended before the typing test; raise the runs');
        typed += ch;
        // Record, in the page, when the rendered DOM first shows the new name.
        await page.evaluate((name) => {
          window.__seen = undefined;
          const check = () => {
            const b = document.querySelector('[data-testid="stage-1-up"]');
            const label = b && (b.getAttribute('aria-label') || '');
            const value = document.querySelector('[data-testid="stage-1-name"]')?.value;
            return label.includes(name) && value === name;
          };
          const obs = new MutationObserver(() => {
            if (window.__seen === undefined && check()) { window.__seen = performance.timeOrigin + performance.now(); obs.disconnect(); }
          });
          obs.observe(document.body, { subtree: true, attributes: true, childList: true, characterData: true });
          window.__stop = () => obs.disconnect();
        }, typed);
        // Press at a random moment, not just after the evaluate above got its turn on the main thread.
        await sleep(50 + Math.random() * 400);
        const t0 = Date.now();
        await page.keyboard.press(ch);
        await page.waitForFunction(() => window.__seen !== undefined, null, { timeout: 5_000, polling: 10 })
          .catch(() => { throw new Error(`typing "${ch}" never showed up in the rendered stage label`); });
        const seen = await page.evaluate(() => window.__seen);
        latencies.push(Math.round(seen - t0));
        await page.evaluate(() => window.__stop?.());
      }
      const worst = Math.max(...latencies);
      t.log(`input-to-DOM latencies during a run: ${latencies.join(', ')} ms (worst ${worst} ms)`);
      assert(worst < 250, `the page took ${worst} ms to reflect typing during a run (latencies ${latencies.join(', ')} ms)`);
      assert((await runState(page)).status === 'running', 'no run was in progress at the end of the typing');
      await page.click(tid('cancel-button'));
    },
  },
];
