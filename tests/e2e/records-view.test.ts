import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation } from '@/lib/schema/annotation';
import { makeAnnotation, makeSource, uuid } from '../support/records';
import { clickRole, queryRole, waitForRole } from './accessibility';
import {
  type ExtensionSession,
  importFile,
  launchExtension,
  openExtensionPage,
  openFixture,
  phraseBox,
  screenshotRegion,
  selectPhrase,
  tabIdOf,
} from './harness';
import { countPixels, near } from './pixels';
import { PERSON_PINK } from '../support/colours';

// A researcher with an archive: finds records by words and filters in the side panel's "All
// records" list and opens one with the keyboard; sees a page's highlights counted by kind in the
// popup; changes the kinds vocabulary in the options and sees it on the page at once.

const FIXTURE = resolve('tests/fixtures/records/release-digest.v1.json');
const FILLERS = 400;
const NEW_PERSON_BLUE = { r: 0x33, g: 0x66, b: 0xff };
const NAME = 'Zinaida Mikhniuk';
const NAME_IN_TEXT = 1; // the running text, where the imported highlight stands

let session: ExtensionSession;
let panel: Page;

/** The release-digest records (their source moved to this server) plus a second site full of highlights. */
function archive(server: ExtensionSession['server']) {
  const file = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  file.sources[0].url = server.url('/release-digest.html?utm_source=feed');
  const review = makeSource({
    id: uuid(9_000_001),
    url: server.url('/monthly-review.html'),
    canonicalUrl: null,
    title: 'Monthly review',
    siteName: 'Viasna',
    publishedTime: '2024-03-10',
  });
  const quote = (exact: string): Annotation['selectors'] => [{ type: 'TextQuoteSelector', exact }];
  const fillers = Array.from({ length: FILLERS }, (_, i) =>
    makeAnnotation(review.id, {
      id: uuid(9_100_000 + i),
      kind: 'place',
      tags: [],
      selectors: quote(`Pretrial detention centre number ${i + 1}`),
      modified: new Date(Date.UTC(2024, 2, 11) + i * 60_000).toISOString(),
    }),
  );
  const organization = makeAnnotation(review.id, {
    id: uuid(9_200_000),
    kind: 'organization',
    tags: ['designation'],
    selectors: quote('Viasna Human Rights Centre'),
    modified: '2024-01-01T00:00:00.000Z',
  });
  file.sources.push(review);
  file.annotations.push(...fillers, organization);
  return file;
}

async function importArchive() {
  const dir = await mkdtemp(join(tmpdir(), 'records-view-'));
  const path = join(dir, 'archive.json');
  await writeFile(path, JSON.stringify(archive(session.server)));
  await importFile(panel, path);
  await expect(panel.getByLabel('Import report').textContent()).resolves.toMatch(/ 0 conflicts/);
}

const records = () => panel.getByRole('listbox', { name: 'Records' });
const countText = () => panel.locator('.records-count').first().textContent();
const shownQuotes = () => records().locator('.record-quote').allTextContents();

beforeAll(async () => {
  session = await launchExtension();
  panel = await openExtensionPage(session, 'sidepanel.html');
  await importArchive();
  await panel.getByRole('tab', { name: 'All records' }).click();
});
afterAll(async () => {
  await session?.close();
});

describe('the All records view', () => {
  it('lists every record but renders only the rows in view', async () => {
    await expect.poll(countText).toMatch(/^403 records/);
    const rendered = await records().getByRole('option').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(60);
    // Scrolling to the end renders the oldest record, and still only a window of rows.
    await records().evaluate((list) => (list.scrollTop = list.scrollHeight));
    await expect.poll(shownQuotes).toContain('Viasna Human Rights Centre');
    expect(await records().getByRole('option').count()).toBeLessThan(60);
  });

  it('finds records by a Cyrillic alias of the person they are linked to', async () => {
    await panel.getByLabel('Search records').fill('Міхнюк');
    await expect.poll(countText).toMatch(/^2 records/);
    await expect
      .poll(async () => (await shownQuotes()).sort())
      .toEqual([NAME, 'Part 1 of Article 368 of the Criminal Code'].sort());
    await expect(records().getByRole('option').first().textContent()).resolves.toMatch(/Person: Zinaida Mikhniuk/);
  });

  it('narrows by kind, site, tag and publication date', async () => {
    await panel.getByLabel('Search records').fill('');
    await panel.getByLabel('Kind', { exact: true }).selectOption({ label: 'Fact' });
    await expect.poll(countText).toMatch(/^1 record\b/);
    await expect.poll(shownQuotes).toEqual(['Part 1 of Article 368 of the Criminal Code']);
    await panel.getByRole('button', { name: 'Clear filters' }).click();
    await panel.getByLabel('Site', { exact: true }).selectOption('Viasna');
    await expect.poll(countText).toMatch(/^401 records/);
    await panel.getByLabel('Tag', { exact: true }).selectOption('designation');
    await expect.poll(shownQuotes).toEqual(['Viasna Human Rights Centre']);
    await panel.getByRole('button', { name: 'Clear filters' }).click();
    await panel.getByLabel('From', { exact: true }).fill('2024-02-01');
    await panel.getByLabel('To', { exact: true }).fill('2024-02-29');
    await expect.poll(countText).toMatch(/^2 records/);
    await panel.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(countText).toMatch(/^403 records/);
  });

  it('walks the results with the arrow keys and opens the page at the highlight with Enter', async () => {
    await panel.getByLabel('Search records').fill('Mikhniuk');
    await expect.poll(countText).toMatch(/^2 records/);
    await panel.getByLabel('Search records').press('ArrowDown');
    await expect(records().evaluate((list) => list === document.activeElement)).resolves.toBe(true);
    await panel.keyboard.press('ArrowDown');
    await panel.keyboard.press('ArrowUp');
    const active = records().locator('[aria-selected="true"]');
    await expect(active.getAttribute('id')).resolves.toBe(await records().getAttribute('aria-activedescendant'));
    const quote = await active.locator('.record-quote').textContent();
    const opened = session.context.waitForEvent('page');
    await panel.keyboard.press('Enter');
    const page = await opened;
    await page.waitForLoadState('load');
    // The visited address without its tracking parameters (issue 11: they are not replayed to the site).
    expect(page.url()).toContain('/release-digest.html#:~:text=');
    expect(page.url()).not.toContain('utm_source');
    expect(decodeURIComponent(page.url().split('#:~:text=')[1]!)).toContain(quote!.split(' ')[0]);
    await page.close();
  });
});

describe('the popup', () => {
  it("counts the page's highlights by kind", async () => {
    const page = await openFixture(session, '/release-digest.html');
    const popup = await openExtensionPage(session, `popup.html?tab=${await tabIdOf(session, page)}`);
    const list = popup.getByRole('list', { name: 'Highlights by kind' });
    await expect.poll(() => list.getByRole('listitem').allTextContents()).toEqual(['Person1', 'Fact1']);
    await expect(popup.getByText('2 highlights on this page').isVisible()).resolves.toBe(true);
    await expect(popup.getByRole('button', { name: 'Open side panel' }).isEnabled()).resolves.toBe(true);
  });
});

describe('the kinds vocabulary in the options', () => {
  it('adds a kind and recolours one; the open page shows both without a reload', async () => {
    const page = await openFixture(session, '/release-digest.html');
    await page.waitForSelector('source-annotator-ui', { state: 'attached' });
    const painted = async (colour: typeof PERSON_PINK) =>
      countPixels(await screenshotRegion(page, await phraseBox(page, NAME, NAME_IN_TEXT)), near(colour));
    await expect.poll(() => painted(PERSON_PINK), { timeout: 5_000 }).toBeGreaterThan(150);

    const options = await openExtensionPage(session, 'options.html');
    await options.getByLabel('New kind').fill('Witness');
    await options.getByRole('button', { name: 'Add kind' }).click();
    await expect(options.getByRole('status').textContent()).resolves.toBe('Added "Witness".');
    await options.getByLabel('Colour of Person').fill('#3366ff');
    await expect.poll(() => options.getByRole('status').textContent()).toBe('Recoloured "Person".');

    await expect.poll(() => painted(NEW_PERSON_BLUE), { timeout: 5_000 }).toBeGreaterThan(150);
    expect(await painted(PERSON_PINK)).toBe(0);
    await selectPhrase(page, 'Homieĺ colony No. 4');
    await waitForRole(page, 'toolbar', 'Annotate selection');
    expect((await queryRole(page, 'button', 'Witness')).length).toBe(1);
    await clickRole(page, 'button', 'Witness');
    // The new kind is stored like any other: the popup counts it under its name.
    const popup = await openExtensionPage(session, `popup.html?tab=${await tabIdOf(session, page)}`);
    await expect
      .poll(() => popup.getByRole('list', { name: 'Highlights by kind' }).getByRole('listitem').allTextContents())
      .toEqual(['Person1', 'Fact1', 'Witness1']);
  });

  it('refuses to delete a kind in use, saying how many highlights use it', async () => {
    const options = await openExtensionPage(session, 'options.html');
    await options.getByRole('button', { name: 'Delete Witness' }).click();
    await expect(options.getByRole('alert').textContent()).resolves.toMatch(/1 highlight uses "Witness"/);
    await expect(options.getByLabel('Name of Witness').isVisible()).resolves.toBe(true);
  });
});
