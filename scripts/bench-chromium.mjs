// @ts-check
// `npm run bench` (second half): the records store at the scale in real Chromium IndexedDB.
// Builds tests/bench/chromium/ with Vite into .output/bench/, serves it from 127.0.0.1, runs it in
// headless Chromium and prints a markdown table. Missed targets are reported, not asserted: the
// script fails only when the benchmark itself cannot run.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildBenchPage, ROOT, targetTable } from './bench-page.mjs';
import { ensureChromium } from './chromium.mjs';
import { startFixtureServer } from './fixture-server.mjs';

const PAGE_DIR = join(ROOT, 'tests/bench/chromium');
const OUT_DIR = join(ROOT, '.output/bench');
const PHASE_TIMEOUT_MS = 10 * 60_000;
// `--store-only` skips the baseline phase, to iterate on the store's own figures faster.
const STORE_ONLY = process.argv.includes('--store-only');
// The order sections are printed in (tests/bench/chromium/report.ts).
const SECTIONS = ['import', 'baseline', 'export', 'lookup', 'search', 'memory'];

/**
 * @typedef {{ section: string, case: string, figure: string, target: string, pass: boolean | null }} Row
 * @typedef {{ ok: true, phase: string, userAgent: string, cores: number, heapAfterForcedGc: boolean,
 *   crossOriginIsolated: boolean, rows: Row[], details: Record<string, any> }} PhaseResults
 */

/**
 * Runs one phase of the page and returns what it measured.
 * @param {import('playwright-core').BrowserContext} context
 * @param {string} url
 * @returns {Promise<PhaseResults>}
 */
async function runPhase(context, url) {
  const page = await context.newPage();
  try {
    page.on('console', (message) => {
      if (message.text().startsWith('[bench]')) console.log(`  ${message.text()}`);
    });
    /** @type {Error | null} */
    let failure = null;
    page.on('pageerror', (error) => (failure = error));
    page.on('crash', () => (failure = new Error('the benchmark page crashed (out of memory?)')));
    await page.goto(url, { waitUntil: 'load' });
    const handle = await page.waitForFunction(() => /** @type {any} */ (globalThis).__benchResults, undefined, {
      timeout: PHASE_TIMEOUT_MS,
      polling: 1_000,
    });
    if (failure) throw failure;
    const results = await handle.jsonValue();
    if (!results.ok) throw new Error(`the benchmark page failed: ${results.error}`);
    return results;
  } finally {
    await page.close();
  }
}

async function main() {
  const started = Date.now();
  console.log('Chromium bench: building the page…');
  await buildBenchPage(PAGE_DIR, OUT_DIR);
  // Two servers, so two origins: the baseline writes into its own, empty LevelDB as the import did.
  const storeServer = await startFixtureServer({ root: OUT_DIR });
  const baselineServer = await startFixtureServer({ root: OUT_DIR });
  // A profile on disk: Playwright's default contexts are incognito-like, and Chromium keeps an
  // incognito profile's IndexedDB in memory, which is not the store the extension gets.
  const profile = await mkdtemp(join(tmpdir(), 'source-annotator-bench-'));
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    args: [
      '--enable-precise-memory-info',
      // Lets the page force a garbage collection before each heap reading, so figures are live data.
      '--js-flags=--expose-gc',
      ...(isRoot ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    // The user agent string is reduced (156.0.0.0); the browser reports its full version.
    const version = context.browser()?.version() ?? 'unknown';
    console.log(`Chromium ${version}: store phase…`);
    const store = await runPhase(context, storeServer.url('/index.html?phase=store'));
    console.log(STORE_ONLY ? 'Baseline phase skipped (--store-only).' : 'Baseline phase, in a second origin…');
    const baseline = STORE_ONLY
      ? { rows: [] }
      : await runPhase(context, baselineServer.url('/index.html?phase=baseline'));
    const importMs = store.details.import?.totalMs;
    const rows = [...store.rows, ...baseline.rows]
      .map((row, i) => ({ row, i }))
      .sort((a, b) => SECTIONS.indexOf(a.row.section) - SECTIONS.indexOf(b.row.section) || a.i - b.i)
      .map(({ row }) =>
        row.section === 'baseline' && row.target && typeof importMs === 'number'
          ? { ...row, target: `import: ${(importMs / 1000).toFixed(2)} s` }
          : row,
      );
    const results = { chromium: version, date: new Date().toISOString(), store, baseline, rows };
    await writeFile(join(OUT_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    console.log(
      `\nRecords store in Chromium ${version} IndexedDB, ${store.cores} cores, JS heap ${
        store.heapAfterForcedGc ? 'after a forced GC' : 'without a forced GC'
      }; ${((Date.now() - started) / 1000).toFixed(0)} s in all.\n`,
    );
    console.log(targetTable(rows));
    console.log(`\nDetails (splits, slowest lookups and queries): ${join(OUT_DIR, 'results.json')}`);
    const missed = rows.filter((row) => row.pass === false).length;
    if (missed) console.log(`${missed} target(s) missed: reported, not asserted.`);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
    await storeServer.close();
    await baselineServer.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
