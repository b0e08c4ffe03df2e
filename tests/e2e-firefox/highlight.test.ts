import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countPixels, near } from '../e2e/pixels';
import {
  clickRole,
  launchExtension,
  openExtensionPage,
  openFixture,
  phraseBox,
  pressKeys,
  reload,
  screenshotRegion,
  selectPhrase,
  tabIdOf,
  waitForRole,
  type ExtensionSession,
} from './harness';
import { CASE_YELLOW, FACT_GREEN, PERSON_PINK } from '../support/colours';

// The heart of the product in Firefox ESR, as a researcher meets it: select a name, click "Person",
// see it painted; tag an article with the keyboard; reload and see both again; open a highlight's
// card, change its kind, delete it and undo; write its note in the side panel (Firefox's sidebar,
// opened here as a tab); and the page, whose own script looks, finds no trace of any of it.

const PAGE = '/release-digest.html';
const NAME = 'Zinaida Mikhniuk';
const NAME_IN_TEXT = 1; // the second occurrence: the running text, not the heading
const ARTICLE = 'Part 1 of Article 368 of the Criminal Code';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

async function paintedPixels(page: Page, phrase: string, occurrence: number, colour: typeof PERSON_PINK) {
  const box = await phraseBox(page, phrase, occurrence);
  return countPixels(await screenshotRegion(page, box), near(colour));
}
const paints = (page: Page, phrase: string, occurrence: number, colour: typeof PERSON_PINK) =>
  expect.poll(() => paintedPixels(page, phrase, occurrence, colour), { timeout: 5_000 });

/** What the page's own script can see of the extension. */
const pageSees = (page: Page) =>
  page.evaluate(() => ({
    hosts: [...document.querySelectorAll('source-annotator-ui')].map((h) => h.attributes.length + h.childNodes.length),
    marks: document.querySelectorAll('mark').length,
    registry: 'highlights' in CSS ? CSS.highlights.size : 0,
    sheets: document.adoptedStyleSheets.length,
    open: document.querySelector('source-annotator-ui')?.shadowRoot ?? null,
  }));

describe('highlighting in Firefox', () => {
  let page: Page;

  it('tags a selected name as a person in one click and paints it at once', async () => {
    page = await openFixture(session, PAGE);
    expect(await paintedPixels(page, NAME, NAME_IN_TEXT, PERSON_PINK)).toBe(0);
    await selectPhrase(page, NAME, NAME_IN_TEXT);
    await waitForRole(page, 'toolbar', 'Annotate selection');
    await clickRole(page, 'button', 'Person');
    await paints(page, NAME, NAME_IN_TEXT, PERSON_PINK).toBeGreaterThan(150);
    expect(await paintedPixels(page, NAME, 0, PERSON_PINK)).toBe(0);
  });

  it('tags a legal article as a fact from the keyboard: Tab to the toolbar, then its number', async () => {
    await selectPhrase(page, ARTICLE);
    await waitForRole(page, 'toolbar', 'Annotate selection');
    await pressKeys(page, 'Tab', '3');
    await paints(page, ARTICLE, 0, FACT_GREEN).toBeGreaterThan(300);
  });

  it('leaves nothing the page can read: one empty host, a closed root, no registry, no sheets, no marks', async () => {
    expect(await pageSees(page)).toEqual({ hosts: [0], marks: 0, registry: 0, sheets: 0, open: null });
  });

  it('paints both again after a reload', async () => {
    await reload(page);
    await paints(page, NAME, NAME_IN_TEXT, PERSON_PINK).toBeGreaterThan(150);
    await paints(page, ARTICLE, 0, FACT_GREEN).toBeGreaterThan(300);
  });

  it('opens a card by clicking a highlight, changes its kind, deletes it and undoes', async () => {
    const box = await phraseBox(page, NAME, NAME_IN_TEXT);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await waitForRole(page, 'dialog', 'Highlight');
    // The kind selector has focus: the next kind in the list is "Case", painted yellow.
    await pressKeys(page, 'ArrowDown');
    await paints(page, NAME, NAME_IN_TEXT, CASE_YELLOW).toBeGreaterThan(150);
    await pressKeys(page, 'ArrowUp');
    await paints(page, NAME, NAME_IN_TEXT, PERSON_PINK).toBeGreaterThan(150);
    await clickRole(page, 'button', 'Delete');
    await waitForRole(page, 'button', 'Undo');
    await paints(page, NAME, NAME_IN_TEXT, PERSON_PINK).toBe(0);
    await clickRole(page, 'button', 'Undo');
    await paints(page, NAME, NAME_IN_TEXT, PERSON_PINK).toBeGreaterThan(150);
  });

  it('lists the highlights in the side panel, writes a note there, and shows one on the page', async () => {
    const panel = await openExtensionPage(session, `sidepanel.html?tab=${await tabIdOf(session, page)}`);
    const items = async () =>
      panel.$$eval('[aria-label="Highlights on this page"] > li', (lis) => lis.map((li) => li.textContent ?? ''));
    await expect.poll(items, { timeout: 10_000 }).toHaveLength(2);
    expect((await items()).join(' ')).toContain(NAME);
    const rows = await panel.$$('[aria-label="Highlights on this page"] > li');
    const texts = await Promise.all(rows.map((row) => row.evaluate((li) => li.textContent ?? '')));
    const item = rows[texts.findIndex((t) => t.includes(NAME))]!;
    await (await item.$('aria/Note…[role="button"]'))!.click();
    const note = (await panel.waitForSelector('aria/Note[role="textbox"]'))!;
    await note.type('Released on 29 January; confirmed by her lawyer.');
    await (await panel.waitForSelector('aria/Save note[role="button"]'))!.click();
    await expect.poll(async () => (await items()).join(' ')).toContain('confirmed by her lawyer');
    // Clicking the quote scrolls the page to it and flashes it there.
    await page.evaluate(() => scrollTo(0, 0));
    await (await item.$('button.quote'))!.click();
    await page.bringToFront();
    const flash = { r: 0xff, g: 0xe0, b: 0x66 };
    await expect
      .poll(async () => countPixels(await screenshotRegion(page, await phraseBox(page, NAME, 1)), near(flash, 24)), {
        timeout: 3_000,
        interval: 100,
      })
      .toBeGreaterThan(0);
    await panel.close();
  });
});

describe('a highlight inside a scrolling box, in Firefox', () => {
  it('is not drawn outside the box when its words scroll out of it', async () => {
    const page = await openFixture(session, '/scroll-box.html');
    const name = 'Volha Zalatar';
    await selectPhrase(page, name);
    await clickRole(page, 'button', 'Person');
    const words = await phraseBox(page, name);
    const pink = async (region: typeof words) => countPixels(await screenshotRegion(page, region), near(PERSON_PINK));
    await expect.poll(() => pink(words)).toBeGreaterThan(100);
    const box = (await (await page.$('#log'))!.boundingBox())!;
    const shift = words.y + words.height - box.y + 30;
    await page.$eval('#log', (log, by) => log.scrollBy(0, by), shift);
    const wouldBe = { ...words, y: Math.max(0, Math.floor(words.y - shift)) };
    expect(wouldBe.y + wouldBe.height).toBeLessThan(box.y);
    await expect.poll(() => pink(wouldBe)).toBe(0);
    await page.$eval('#log', (log, by) => log.scrollBy(0, -by), shift);
    await expect.poll(() => pink(words)).toBeGreaterThan(100);
    await page.close();
  });
});
