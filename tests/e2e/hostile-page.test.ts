import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOST_ADDED,
  NAMES,
  NOTE,
  PERSON_PINK,
  PHRASE,
  PLAIN,
  REGISTRY,
  STORY,
  SUGGESTION_VIOLET,
  VISIBLE_NAME,
} from '../support/hostile-story';
import { clickRole, waitForRole } from './accessibility';
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
import { leakedIn, normalised, observed, secretsOf, TYPING_EVENTS, withoutPageText, type Observed } from './observer';
import { countPixels, near } from './pixels';
import { storedRecords } from './records-store';

// Issue 11, "the page is the adversary": a state outlet's page runs its own script that records
// everything it can observe (tests/fixtures/pages/observer.js). The researcher has a registry whose
// names stand on the page, in the story and in text hidden off-screen, transparent and zero-size;
// they highlight a phrase, write a note in the side panel and come back. The page must learn none
// of it: no name, no quote, no note, no key, no message; only that one empty element is there.

/** Registered names the page hides, and the persons they would be suggested as. */
const HIDDEN_NAMES = ['Nasta Loika', 'Valiantsin Stefanovich', 'Uladzimir Labkovich', 'Марфа Рабкова', 'Андрэй Чапюк'];

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
  const panel = await openExtensionPage(session, 'sidepanel.html');
  await importFile(panel, REGISTRY);
  await panel.getByLabel('Import report').filter({ hasText: '5 added' }).waitFor();
  await panel.close();
});
afterAll(async () => {
  await session?.close();
});

async function open(path: string): Promise<Page> {
  const page = await openFixture(session, path);
  await page.waitForSelector('source-annotator-ui', { state: 'attached' });
  return page;
}

async function pixels(page: Page, phrase: string, colour: typeof PERSON_PINK) {
  const box = await phraseBox(page, phrase);
  const shot = await screenshotRegion(page, { ...box, height: box.height + 6 });
  return countPixels(shot, near(colour, colour === SUGGESTION_VIOLET ? 48 : 8));
}

/** Waits until the registered name in the story is underlined: the registry is at work on this page. */
const suggests = (page: Page) =>
  expect.poll(() => pixels(page, VISIBLE_NAME, SUGGESTION_VIOLET), { timeout: 10_000 }).toBeGreaterThan(10);
const paints = (page: Page) =>
  expect.poll(() => pixels(page, PHRASE, PERSON_PINK), { timeout: 5_000 }).toBeGreaterThan(100);

const item = (panel: Page, quote: string): Locator =>
  panel.getByRole('list', { name: 'Highlights on this page' }).locator(':scope > li').filter({ hasText: quote });

/** Every assertion of issue 11 about one observer log of an annotated page. */
function expectNothingLearnt(log: Observed, typed: string) {
  const secrets = secretsOf(...NAMES, PHRASE, NOTE, typed);
  // The parser's mutations carry the page's own text; the rest must not hold a word of it.
  expect(leakedIn({ ...log, parsing: [] }, secrets)).toEqual([]);
  expect(JSON.stringify(log.parsing)).not.toMatch(/source-annotator/i);
  expect(log.messages).toEqual([]);
  expect(log.events.filter((e) => TYPING_EVENTS.includes(e.type))).toEqual([]);
  // Only the researcher's own gestures on the page: no event made up by a script, no custom type.
  expect(log.events.filter((e) => !e.trusted || /[:]|wxt/i.test(e.type))).toEqual([]);
  expect(log.mutations).toEqual([HOST_ADDED]);
  const hosts = log.elements.filter((e) => e.tag === 'source-annotator-ui');
  expect(hosts).toEqual([{ tag: 'source-annotator-ui', attributes: [] }]);
  expect(log.elements.at(-1)).toEqual(hosts[0]);
  expect(log.hosts).toEqual([
    { parent: 'HTML', attributes: [], childNodes: 0, openShadowRoot: false, display: 'contents', box: [0, 0, 0, 0] },
  ]);
  expect(log.highlightCount).toBe(0);
  expect(log.highlights).toEqual([]);
  expect(log.adoptedStyleSheets).toEqual([]);
  expect(log.styleSheets.map((s) => s.owner)).toEqual(['STYLE']); // the page's own
  expect(log.marks).toBe(0);
  expect(log.animations).toBe(0);
  expect(log.fonts).toBe(0);
  expect(log.frames).toBe(0);
  expect(log.newGlobals).toEqual([]);
}

describe('a page that watches everything it can', () => {
  it('learns nothing of the registry, the highlight, its note or the typing', async () => {
    const page = await open(STORY);
    await suggests(page);
    await selectPhrase(page, PHRASE);
    expect(await waitForRole(page, 'toolbar', 'Annotate selection')).toContain('Person');
    await clickRole(page, 'button', 'Person');
    await paints(page);
    const annotated = await observed(page);

    const panel = await openExtensionPage(session, `sidepanel.html?tab=${await tabIdOf(session, page)}`);
    // Names the researcher can see are suggested; the hidden ones (off-screen, transparent, zero-size) are not.
    const suggested = panel.getByRole('list', { name: 'Suggestions on this page' });
    await expect.poll(() => suggested.textContent({ timeout: 5_000 }), { timeout: 10_000 }).toContain('Andrei Chapiuk');
    const listed = (await suggested.textContent())!;
    expect(listed).toContain(VISIBLE_NAME);
    for (const hidden of HIDDEN_NAMES) expect(listed).not.toContain(hidden);

    // The note is written in the side panel, with the keyboard.
    await item(panel, PHRASE).getByRole('button', { name: 'Note…' }).click();
    const field = panel.getByRole('textbox', { name: 'Note' });
    await expect.poll(() => field.evaluate((el) => el === document.activeElement)).toBe(true);
    await panel.keyboard.type(NOTE);
    await panel.keyboard.press('Control+Enter');
    await expect.poll(() => item(panel, PHRASE).textContent()).toContain(NOTE);
    const { highlights } = await storedRecords(session);
    expect(highlights).toEqual([expect.objectContaining({ quote: PHRASE, kind: 'person', note: NOTE })]);
    const noted = await observed(page);

    // A revisit: painted again, the note in the card, the names underlined again.
    await page.bringToFront();
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('source-annotator-ui', { state: 'attached' });
    await paints(page);
    await suggests(page);
    const box = await phraseBox(page, PHRASE);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    expect(await waitForRole(page, 'dialog', 'Highlight')).toContain(NOTE);
    const revisited = await observed(page);

    for (const log of [annotated, noted, revisited]) expectNothingLearnt(log, NOTE);
    // The researcher's own gestures on the page are the page's to see; they are there.
    expect(annotated.events.some((e) => e.type === 'mouseup')).toBe(true);
  });

  it('observes the same before any gesture on an annotated page with registered names as on a page without', async () => {
    for (const tab of session.context.pages()) await tab.close();
    const story = await open(STORY);
    // The extension has done all it does on load: the highlight and the suggestion are painted.
    await paints(story);
    await suggests(story);
    await story.waitForTimeout(2_000);
    const annotated = await observed(story);
    const plain = await open(PLAIN);
    await plain.waitForTimeout(4_000);
    const blank = await observed(plain);
    await expect(storedRecords(session)).resolves.toMatchObject({ highlights: [expect.anything()] });

    expect(annotated.mutations).toEqual([HOST_ADDED]);
    // What differs between the pages is their own: their address and canonical path.
    const pageOwn = {
      '/news/courts/volunteers-appeal/': '<canonical>',
      '/news/city/tram-timetable/': '<canonical>',
      [STORY]: '<page>',
      [PLAIN]: '<page>',
    };
    expect(normalised(withoutPageText(annotated), pageOwn)).toEqual(normalised(withoutPageText(blank), pageOwn));
  });

  it('would have seen them: the observer records what a page can observe', async () => {
    // A control for the assertions above: the same observer catches each channel when it is used.
    const page = await open(PLAIN);
    const words = await page.evaluate(() => {
      const text = document.querySelector('#story h1')!.firstChild!;
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 12);
      CSS.highlights.set('sa-person', new Highlight(range));
      const sheet = new CSSStyleSheet();
      sheet.replaceSync('::highlight(sa-person) { background: pink; }');
      document.adoptedStyleSheets = [sheet];
      window.postMessage({ type: 'content-script-started' }, '*');
      document.dispatchEvent(new CustomEvent('wxt:locationchange', { detail: { to: 'x' } }));
      (window as unknown as Record<string, unknown>).leakedGlobal = 1;
      // Text entry in a closed shadow root: its keys and input still reach the page's listeners.
      const host = document.createElement('div');
      const root = host.attachShadow({ mode: 'closed' });
      const field = document.createElement('textarea');
      root.append(field);
      document.body.append(host);
      field.focus();
      return range.toString();
    });
    await page.keyboard.type('Loika');
    const log = await observed(page);
    expect(log.highlights).toEqual([{ name: 'sa-person', priority: 0, type: 'highlight', ranges: [words] }]);
    expect(log.adoptedStyleSheets).toEqual([expect.stringContaining('sa-person')]);
    expect(log.messages).toEqual([
      { data: '{"type":"content-script-started"}', origin: expect.any(String), source: true },
    ]);
    expect(log.events.filter((e) => e.type === 'wxt:locationchange')).toHaveLength(1);
    expect(log.newGlobals).toEqual(['leakedGlobal']);
    expect(log.mutations).toContainEqual(
      expect.objectContaining({ added: [expect.objectContaining({ name: 'DIV' })] }),
    );
    expect(log.events.filter((e) => e.type === 'keydown').map((e) => e.key)).toEqual(['L', 'o', 'i', 'k', 'a']);
    expect(log.events.filter((e) => e.type === 'input').map((e) => e.data)).toEqual(['L', 'o', 'i', 'k', 'a']);
  });
});
