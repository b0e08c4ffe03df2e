// @ts-check
// `npm run bench` (this part alone: `node scripts/bench-suggestions.mjs`): the page-side steps of a
// known-entity suggestion scan on a 1 MB page, in headless Chromium, with the extension's own lib/
// code. Builds tests/bench/matching/page/ with Vite, serves it from 127.0.0.1, prints a markdown
// table. Missed targets are reported, not asserted.
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { buildBenchPage, ROOT, targetTable } from './bench-page.mjs';
import { ensureChromium } from './chromium.mjs';
import { startFixtureServer } from './fixture-server.mjs';

const PAGE_DIR = join(ROOT, 'tests/bench/matching/page');
const OUT_DIR = join(ROOT, '.output/bench-suggestions');

async function main() {
  console.log('Suggestions bench: building the page…');
  await buildBenchPage(PAGE_DIR, OUT_DIR);
  const server = await startFixtureServer({ root: OUT_DIR });
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await chromium.launch({
    executablePath: ensureChromium(),
    headless: true,
    args: [...(isRoot ? ['--no-sandbox'] : []), '--disable-gpu', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(server.url('/index.html'), { waitUntil: 'load' });
    const handle = await page.waitForFunction(() => /** @type {any} */ (globalThis).__suggestionsBench, undefined, {
      timeout: 5 * 60_000,
      polling: 500,
    });
    const results = await handle.jsonValue();
    if (!results.ok) throw new Error(`the benchmark page failed: ${results.error}`);
    console.log(
      `\nSuggestions on a page of ${results.text.toLocaleString('en')} characters in ${results.nodes.toLocaleString('en')} text nodes, ` +
        `${results.found} mentions found, ${results.suggestions} sent to the page (the cap); Chromium ${browser.version()}:\n`,
    );
    console.log(targetTable(results.rows));
    console.log('');
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
