// End-to-end tests of scenarios that last and travel (issue 5): library and autosave, undo/redo, share
// links, files, result downloads, the embed and presentation views. Run by run.mjs.

import { readFile } from 'node:fs/promises';
import { tid, openApp, waitForStatus, waitForCharts, kpiValue, setField } from './lib.mjs';

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Records the type of every Blob turned into an object URL (the content type of downloads). */
async function recordBlobTypes(page) {
  await page.addInitScript(() => {
    window.__blobTypes = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = function (blob) {
      window.__blobTypes.push(blob?.type ?? '');
      return original.call(URL, blob);
    };
  });
}

/** Clicks `id` and returns {name, body (Buffer)} of the download it starts. */
async function download(page, id) {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), page.click(tid(id))]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), body: await readFile(path) };
}

/** The names listed in the library panel. */
const libraryNames = (page) => page.$$eval('[data-testid="library-name"]', (els) => els.map((e) => e.textContent));

/** The share link of the current scenario (after the Copy link button). */
async function shareLink(page) {
  await page.click(tid('share-button'));
  await page.waitForSelector(tid('share-link'));
  return page.$eval(tid('share-link'), (i) => i.value);
}

/** The scenario part (`s1.…`) of a share link. */
const encoded = (link) => link.split('#')[1];

/** Waits for a finished run in `frame` (an embed or presentation, page or iframe) with the KPI drawn. */
async function waitForKpi(frame, timeout = 90_000) {
  await frame.waitForFunction(() => {
    const k = document.querySelector('[data-testid="kpi-purchased"]');
    const view = document.querySelector('[data-status]');
    return k && k.dataset.value && k.dataset.value !== 'NaN' && view?.dataset.status === 'done';
  }, null, { timeout, polling: 100 });
}

export default [
  {
    name: 'store: a saved scenario and the autosave survive a reload',
    async fn(t) {
      await openApp(t.page, t.url);
      await t.page.waitForSelector(tid('library'));
      await setField(t.page, 'meta-name', 'Spring launch');
      await setField(t.page, 'stage-0-conversion', '0.61');
      await t.page.fill(tid('save-name'), 'Spring launch');
      await t.page.click(tid('save-button'));
      await t.page.waitForFunction(() => [...document.querySelectorAll('[data-testid="library-name"]')]
        .some((e) => e.textContent === 'Spring launch'));
      await sleep(1500); // the autosave is debounced
      await t.page.goto(t.url, { waitUntil: 'load' }); // no fragment: the autosave is opened
      await t.page.waitForSelector(tid('meta-name'));
      const name = await t.page.$eval(tid('meta-name'), (i) => i.value);
      assert(name === 'Spring launch', `after reload the scenario is called ${JSON.stringify(name)}`);
      const conv = await t.page.$eval(tid('stage-0-conversion'), (i) => i.value);
      assert(/61/.test(conv), `after reload stage 1 converts ${JSON.stringify(conv)}`);
      assert((await libraryNames(t.page)).includes('Spring launch'), 'the saved scenario is not in the library after reload');
      // Duplicate, rename, open and delete.
      await t.page.click(tid('library-duplicate'));
      await t.page.waitForFunction(() => document.querySelectorAll('[data-testid="library-item"]').length === 2);
      const copy = t.page.locator(tid('library-item'), { hasText: 'Copy of' });
      await copy.locator(tid('library-rename')).click();
      await t.page.fill(tid('library-rename-input'), 'Autumn');
      await t.page.click(tid('library-rename-ok'));
      await t.page.waitForFunction(() => [...document.querySelectorAll('[data-testid="library-name"]')].some((e) => e.textContent === 'Autumn'));
      const autumn = t.page.locator(tid('library-item'), { hasText: 'Autumn' });
      await autumn.locator(tid('library-open')).click();
      await t.page.waitForFunction(() => document.querySelector('[data-testid="meta-name"]').value === 'Autumn');
      await autumn.locator(tid('library-delete')).click();
      await autumn.locator(tid('library-delete')).click(); // confirm
      await t.page.waitForFunction(() => document.querySelectorAll('[data-testid="library-item"]').length === 1);
    },
  },
  {
    name: 'store: undo and redo over many edits, with buttons and keys',
    async fn(t) {
      await openApp(t.page, t.url);
      const runs = await t.page.$eval(tid('meta-runs'), (i) => i.value);
      for (let i = 1; i <= 3; i += 1) {
        await setField(t.page, 'meta-seed', String(1000 + i));
        await sleep(1100); // separate steps (edits of one field within a second are one step)
      }
      assert(await t.page.$eval(tid('meta-seed'), (i) => i.value) === '1003', 'seed not typed');
      await t.page.click(tid('undo-button'));
      await t.page.waitForFunction(() => document.querySelector('[data-testid="meta-seed"]').value === '1002');
      await t.page.keyboard.press('Control+z');
      await t.page.waitForFunction(() => document.querySelector('[data-testid="meta-seed"]').value === '1001');
      await t.page.keyboard.press('Control+Shift+z');
      await t.page.waitForFunction(() => document.querySelector('[data-testid="meta-seed"]').value === '1002');
      await t.page.click(tid('redo-button'));
      await t.page.waitForFunction(() => document.querySelector('[data-testid="meta-seed"]').value === '1003');
      assert(await t.page.$eval(tid('meta-runs'), (i) => i.value) === runs, 'undo changed another field');
    },
  },
  {
    name: 'store: a share link opened in a fresh browser context shows the same numbers',
    async fn(t) {
      await openApp(t.page, t.url);
      await setField(t.page, 'meta-seed', '4242');
      await setField(t.page, 'stage-0-conversion', '0.55');
      await sleep(600);
      await waitForStatus(t.page, 'done', 90_000);
      const here = await kpiValue(t.page, 'purchased');
      const link = await shareLink(t.page);
      assert(/#s1\./.test(link), `the share link has no scenario: ${link}`);
      const other = await t.browser.newContext();
      try {
        const page = await other.newPage();
        await page.goto(link, { waitUntil: 'load' });
        await waitForStatus(page, 'done', 90_000);
        const there = await kpiValue(page, 'purchased');
        assert(there === here, `the link shows ${there} customers, the original ${here}`);
        assert(await page.$eval(tid('meta-seed'), (i) => i.value) === '4242', 'the seed did not travel');
      } finally {
        await other.close();
      }
    },
  },
  {
    name: 'store: a damaged link opens the default journey with a message',
    async fn(t) {
      await t.page.goto(`${t.url}#s1.AAAAthis-is-not-a-link`, { waitUntil: 'load' });
      await t.page.waitForSelector(tid('notice'));
      const text = await t.page.textContent(tid('notice'));
      assert(/damaged|cannot/i.test(text) && /default journey/.test(text), `unclear message: ${text}`);
      await waitForStatus(t.page, 'done', 90_000);
      await waitForCharts(t.page, 10_000);
    },
  },
  {
    name: 'store: importing a malformed or future file shows the error and leaves the library alone',
    async fn(t) {
      await openApp(t.page, t.url);
      await t.page.click(tid('save-button'));
      await t.page.waitForSelector(tid('library-item'));
      const before = await libraryNames(t.page);
      const name = await t.page.$eval(tid('meta-name'), (i) => i.value);
      await t.page.setInputFiles(tid('import-input'), {
        name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 1, "meta": {"name": "x",'),
      });
      await t.page.waitForSelector('[data-testid="notice"][data-tone="error"]');
      const text = await t.page.textContent(tid('notice'));
      assert(/broken\.json/.test(text) && /not a valid scenario file/.test(text) && /line \d+/.test(text),
        `the message does not say what and where: ${text}`);
      await t.page.setInputFiles(tid('import-input'), {
        name: 'future.json', mimeType: 'application/json', buffer: Buffer.from('{"schema_version": 99}'),
      });
      await t.page.waitForFunction(() => /newer journey-sim/.test(document.querySelector('[data-testid="notice"]').textContent));
      assert(JSON.stringify(await libraryNames(t.page)) === JSON.stringify(before), 'the library changed');
      assert(await t.page.$eval(tid('meta-name'), (i) => i.value) === name, 'the scenario changed');
      // A good file round-trips through export-json.
      await recordBlobTypes(t.page);
      const file = await download(t.page, 'export-json');
      assert(file.name.endsWith('.json'), `exported as ${file.name}`);
      const json = JSON.parse(file.body.toString('utf8'));
      json.meta.name = 'Imported';
      await t.page.setInputFiles(tid('import-input'), {
        name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(json)),
      });
      await t.page.waitForFunction(() => document.querySelector('[data-testid="meta-name"]').value === 'Imported');
    },
  },
  {
    name: 'store: CSV, SVG and PNG downloads have the right type and content',
    async fn(t) {
      await recordBlobTypes(t.page);
      await openApp(t.page, t.url);
      const csv = await download(t.page, 'export-csv');
      assert(/^period,/.test(csv.body.toString('utf8')), `bands CSV starts ${csv.body.toString('utf8').slice(0, 40)}`);
      const runsCsv = await download(t.page, 'export-runs-csv');
      const lines = runsCsv.body.toString('utf8').trim().split('\r\n');
      const runs = Number(await t.page.$eval(tid('meta-runs'), (i) => i.value.replace(/,/g, '')));
      assert(lines[0].startsWith('run,purchased') && lines.length === runs + 1, `runs CSV: ${lines.length} lines for ${runs} runs`);
      const summary = JSON.parse((await download(t.page, 'export-summary')).body.toString('utf8'));
      assert(summary.kpis?.purchased, 'the summary JSON has no KPIs');
      const svg = await download(t.page, 'chart-funnel-svg');
      assert(svg.name.endsWith('.svg') && /<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/.test(svg.body.toString('utf8')), 'not an SVG file');
      const png = await download(t.page, 'chart-retention-png');
      assert(png.body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'not a PNG');
      const width = png.body.readUInt32BE(16);
      assert(width === 1600, `the PNG is ${width} px wide, not 2 × 800`);
      const types = await t.page.evaluate(() => window.__blobTypes);
      for (const want of ['text/csv', 'application/json', 'image/svg+xml', 'image/png']) {
        assert(types.includes(want), `no download of type ${want}: ${types.join(', ')}`);
      }
    },
  },
  {
    name: 'store: the embed renders in a cross-origin iframe, with and without sandbox="allow-scripts"',
    async fn(t) {
      await openApp(t.page, t.url);
      await t.page.click(tid('embed-button'));
      const code = await t.page.$eval(tid('embed-code'), (e) => e.value);
      const src = code.match(/src="([^"]+)"/)?.[1].replace(/&quot;/g, '"');
      assert(src && /#embed\/funnel,retention\/purchased,revenue,roi\/s1\./.test(src), `unexpected embed code: ${code}`);
      // "Copy embed code" puts exactly the code shown on the clipboard; a changed choice clears the status.
      await t.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(t.url).origin });
      await t.page.click(tid('embed-copy'));
      await t.page.waitForFunction((s) => document.querySelector(s)?.textContent !== '', tid('embed-status'));
      const status = await t.page.$eval(tid('embed-status'), (e) => e.textContent);
      assert(status === 'Copied to the clipboard.', `copy status: ${status}`);
      const pasted = await t.page.evaluate(() => navigator.clipboard.readText());
      assert(pasted === code, `clipboard holds ${pasted}, the popover shows ${code}`);
      await t.page.click(tid('embed-pick-histogram'));
      const after = await t.page.$eval(tid('embed-status'), (e) => e.textContent);
      assert(after === '', `the status still says "${after}" after the choice changed`);
      await t.page.click(tid('embed-pick-histogram'));
      const value = await kpiValue(t.page, 'purchased');
      for (const sandbox of [undefined, 'allow-scripts']) {
        const frame = await t.embed({ src, sandbox, width: 900, height: 640 });
        await waitForKpi(frame);
        await frame.waitForSelector('[data-testid="chart-funnel"] svg', { timeout: 30_000 });
        const info = await frame.evaluate(() => ({
          editor: !!document.querySelector('[data-testid="library"], [data-testid="run-button"]'),
          histogram: !!document.querySelector('[data-testid="chart-histogram"]'),
          purchased: Number(document.querySelector('[data-testid="kpi-purchased"]').dataset.value),
          clv: !!document.querySelector('[data-testid="kpi-clv"]'),
          width: document.documentElement.clientWidth,
        }));
        const where = sandbox ? `sandbox="${sandbox}"` : 'no sandbox';
        assert(!info.editor && !info.histogram && !info.clv, `${where}: the embed shows more than it was asked to`);
        assert(info.purchased === value, `${where}: the embed shows ${info.purchased}, the app ${value}`);
        assert(info.width <= 900, `${where}: the embed is ${info.width} px wide in a 900 px iframe`);
      }
    },
  },
  {
    name: 'store: the presentation view steps through the stages with the arrow keys',
    async fn(t) {
      await openApp(t.page, t.url);
      const link = await shareLink(t.page);
      await t.page.goto(`${t.url}#present/${encoded(link)}`, { waitUntil: 'load' });
      await t.page.waitForSelector(tid('present-view'));
      const steps = Number(await t.page.$eval(tid('present-view'), (e) => e.dataset.steps));
      assert(steps >= 3, `only ${steps} steps`);
      await t.page.keyboard.press('ArrowRight');
      await t.page.waitForSelector('[data-testid="present-stage-0"].shown');
      assert(!(await t.page.$('[data-testid="present-stage-1"].shown')), 'the second stage shows too early');
      for (let i = 1; i < steps; i += 1) await t.page.keyboard.press('ArrowRight');
      await t.page.waitForSelector(tid('present-outcomes'));
      await waitForKpi(t.page);
      await t.page.keyboard.press('ArrowLeft');
      await t.page.waitForSelector(tid('present-outcomes'), { state: 'detached' });
      // Inside a sandboxed cross-origin iframe too (no storage there).
      const frame = await t.embed({ src: `${t.url}#present/${encoded(link)}`, sandbox: 'allow-scripts' });
      await frame.waitForSelector(tid('present-view'));
      await frame.click(tid('present-next'));
      await frame.waitForSelector('[data-testid="present-stage-0"].shown');
    },
  },
];
