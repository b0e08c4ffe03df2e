// The "All records" view at the issue's scale, as a researcher meets it in the built extension in
// real Chromium: 100,000 highlights imported through the side panel, then the time from opening
// the panel to the count and the first rows, from a filter or a search to the new list, and how
// many rows the list renders. Run with `npm run bench:records-view`
// (several minutes: most of it is the import). Figures go in docs/benchmarks.md.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildEnvelope, serializeEnvelope } from '../lib/export/native';
import { BUILT_IN_KINDS } from '../lib/schema/kinds';
import { generateStore, ISSUE_SIZE } from '../tests/bench/chromium/generate';
import { launchExtension, openExtensionPage } from '../tests/e2e/harness';
import { markdownTable } from './bench-page.mjs';

const SEED = 20_261_122;
const RUNS = 5;

const status = (panel: Page) => panel.locator('.records-count').first();
const firstQuote = (panel: Page) => panel.locator('[role="listbox"] .record-quote').first();

/** Milliseconds from `act` until the count reads `expected` and the first row shows a quote. */
async function timeUntil(panel: Page, act: () => Promise<unknown>, expected: RegExp): Promise<number> {
  await panel.evaluate(() => ((window as unknown as { __t: number }).__t = performance.now()));
  await act();
  await panel.waitForFunction(
    (pattern) => {
      const text = document.querySelector('.records-count')?.textContent ?? '';
      return new RegExp(pattern).test(text) && document.querySelector('[role="listbox"] .record-quote');
    },
    expected.source,
    { timeout: 120_000, polling: 'raf' },
  );
  return panel.evaluate(() => performance.now() - (window as unknown as { __t: number }).__t);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${Math.round(value)} ms`;

async function main() {
  const { set } = generateStore(SEED, ISSUE_SIZE);
  const dir = await mkdtemp(join(tmpdir(), 'bench-records-view-'));
  const file = join(dir, 'records.json');
  await writeFile(
    file,
    serializeEnvelope(
      buildEnvelope(set, {
        exportedAt: '2026-11-22T12:00:00.000Z',
        generator: { name: 'Source Annotator', version: '0.1.0' },
        creator: 'Benchmark',
        scope: { kind: 'all' },
        kinds: BUILT_IN_KINDS,
      }),
    ),
  );
  const personName = set.persons[0]!.name.split(' ').at(-1)!;
  const total = set.annotations.length.toLocaleString('en');
  const session = await launchExtension();
  try {
    const panel = await openExtensionPage(session, 'sidepanel.html');
    console.error('importing…');
    const chooser = panel.waitForEvent('filechooser');
    await panel.getByRole('button', { name: 'Import' }).click();
    const started = Date.now();
    await (await chooser).setFiles(file);
    await panel.getByLabel('Import report').waitFor({ timeout: 600_000 });
    const imported = Date.now() - started;
    console.error(`import through the panel: ${ms(imported)}`);

    const rows: string[][] = [['case', 'median of ' + RUNS, 'runs']];
    rows.push([
      `import the ${total}-highlight file with the panel's Import button, until its report shows`,
      ms(imported),
      'once',
    ]);
    const measure = async (label: string, run: () => Promise<number>) => {
      const runs: number[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await run());
      rows.push([label, ms(median(runs)), runs.map(ms).join(', ')]);
      console.error(label, runs.map(ms).join(', '));
    };
    await measure(`open the side panel on All records: ${total} records counted, first rows shown`, async () => {
      await panel.reload();
      // The panel opens on "This page"; the time runs from navigation start through the tab switch.
      await panel.getByRole('tab', { name: 'All records' }).click();
      await panel.waitForFunction(
        (total) =>
          (document.querySelector('.records-count')?.textContent ?? '').startsWith(`${total} records`) &&
          document.querySelector('[role="listbox"] .record-quote'),
        total,
        { timeout: 120_000, polling: 'raf' },
      );
      // performance.now() counts from the start of the page's navigation.
      return panel.evaluate(() => performance.now());
    });
    const kind = panel.getByLabel('Kind', { exact: true });
    await measure('filter by kind (Fact), then back to all', async () => {
      const t = await timeUntil(panel, () => kind.selectOption('fact'), /^[\d,]+ records?/);
      await timeUntil(panel, () => kind.selectOption(''), new RegExp(`^${total} records`));
      return t;
    });
    const search = panel.getByLabel('Search records');
    await measure(`search a surname ("${personName}"), then clear (includes the 200 ms typing pause)`, async () => {
      const t = await timeUntil(panel, () => search.fill(personName), /^(?!100,000)[\d,]+ records?/);
      await timeUntil(panel, () => search.fill(''), new RegExp(`^${total} records`));
      return t;
    });
    await measure('search a common word ("court"), then clear (includes the typing pause)', async () => {
      const t = await timeUntil(panel, () => search.fill('court'), /^(?!100,000)[\d,]+ records?/);
      await timeUntil(panel, () => search.fill(''), new RegExp(`^${total} records`));
      return t;
    });
    const list = panel.getByRole('listbox', { name: 'Records' });
    await list.evaluate((element) => (element.scrollTop = element.scrollHeight));
    await firstQuote(panel).waitFor();
    const rendered = await list.getByRole('option').count();
    rows.push(['rows rendered after scrolling to the end of the list', String(rendered), '']);
    rows.push(['count line at the end', (await status(panel).textContent()) ?? '', '']);
    console.log(markdownTable(rows));
  } finally {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
