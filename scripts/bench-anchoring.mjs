// @ts-check
// `npm run bench:anchoring` (and part of `npm run bench`): re-anchoring on a page of about 1 MB of
// text in real headless Chromium, the extension's anchoring beside dom-anchor-text-quote,
// @apache-annotator/dom and a Hypothesis-style matcher. Builds tests/bench/anchoring/ with Vite into
// .output/bench-anchoring/, serves it from 127.0.0.1, runs it and prints two markdown tables. Missed
// targets are reported, not asserted: the script fails only when the benchmark itself cannot run.
// Afterwards it makes sure a Chrome build exists for scripts/report-sizes.mjs, which runs next.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildBenchPage, markdownTable, ROOT, targetTable } from './bench-page.mjs';
import { ensureChromium } from './chromium.mjs';
import { startFixtureServer } from './fixture-server.mjs';

const PAGE_DIR = join(ROOT, 'tests/bench/anchoring');
const OUT_DIR = join(ROOT, '.output/bench-anchoring');
const CONTENT_SCRIPT = join(ROOT, '.output/chrome-mv3/page-annotator.js');
const PAGE_TIMEOUT_MS = 6 * 60_000;
// `--ours-only`: the extension alone on the same sets, for a quick look while working on the
// matcher (no size report, results in results-ours-only.json); never for recorded figures.
const OURS_ONLY = process.argv.includes('--ours-only');

/**
 * @typedef {{ case: string, figure: string, target: string, pass: boolean | null }} TargetRow
 * @typedef {{ ok: true, userAgent: string, cores: number, page: Record<string, unknown>,
 *   targets: TargetRow[], comparison: string[][], notes: string[], details: Record<string, unknown> }} Results
 */

async function main() {
  const started = Date.now();
  console.log('Anchoring bench: building the page…');
  // @apache-annotator/dom's dependency optimal-select 4.0.1 names a "module" entry (src/) it does not
  // ship; its lib/ entry is the same code.
  await buildBenchPage(PAGE_DIR, OUT_DIR, { 'optimal-select': join(ROOT, 'node_modules/optimal-select/lib/index.js') });
  const server = await startFixtureServer({ root: OUT_DIR });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: [
      // Lets the page collect garbage between libraries, so one's garbage is not another's pause.
      '--js-flags=--expose-gc',
      ...(isRoot ? ['--no-sandbox'] : []),
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  /** @type {Results} */
  let results;
  const version = browser.version();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('console', (message) => {
      if (message.text().startsWith('[bench]')) console.log(`  ${message.text()}`);
    });
    /** @type {Error | null} */
    let failure = null;
    page.on('pageerror', (error) => (failure = error));
    page.on('crash', () => (failure = new Error('the benchmark page crashed (out of memory?)')));
    console.log(`Chromium ${version}, headless…`);
    await page.goto(server.url(OURS_ONLY ? '/index.html?ours-only' : '/index.html'), { waitUntil: 'load' });
    const handle = await page.waitForFunction(() => /** @type {any} */ (globalThis).__anchoringBench, undefined, {
      timeout: PAGE_TIMEOUT_MS,
      polling: 1_000,
    });
    if (failure) throw failure;
    const value = await handle.jsonValue();
    if (!value.ok) throw new Error(`the benchmark page failed: ${value.error}`);
    results = value;
  } finally {
    await browser.close();
    await server.close();
  }
  await writeFile(
    join(OUT_DIR, OURS_ONLY ? 'results-ours-only.json' : 'results.json'),
    `${JSON.stringify({ chromium: version, date: new Date().toISOString(), ...results }, null, 2)}\n`,
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`\nAnchoring in Chromium ${version}, ${results.cores} cores; ${seconds} s in all.\n`);
  console.log('The extension against its targets:\n');
  console.log(targetTable(results.targets));
  console.log('\nThe same cases with each library (right / wrong / orphaned are shares of the annotations):\n');
  console.log(markdownTable(results.comparison));
  console.log('');
  for (const note of results.notes) console.log(`- ${note}`);
  console.log(
    `\nDetails (splits, wrong anchors, per category): ${join(OUT_DIR, OURS_ONLY ? 'results-ours-only.json' : 'results.json')}`,
  );
  const missed = results.targets.filter((row) => row.pass === false).length;
  if (missed) console.log(`${missed} target(s) missed: reported, not asserted.`);
  if (OURS_ONLY) return;

  // scripts/report-sizes.mjs runs next and needs a Chrome build.
  if (!existsSync(CONTENT_SCRIPT)) {
    console.log('\nNo Chrome build in .output/chrome-mv3: running `npx wxt build` for the size report…');
    const built = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('`npx wxt build` failed: no size report');
  }
  // The existing build is reused, so say how old it is: sources may have changed since.
  console.log(`\nSizes below: the Chrome build of ${statSync(CONTENT_SCRIPT).mtime.toISOString()}.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
