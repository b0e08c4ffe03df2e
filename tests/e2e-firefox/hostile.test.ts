import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  HOST_ADDED,
  NAMES,
  NOTE,
  PERSON_PINK,
  PHRASE,
  REGISTRY,
  STORY,
  SUGGESTION_VIOLET,
  VISIBLE_NAME,
} from '../support/hostile-story';
import { ensureFirefox } from '../../scripts/firefox.mjs';
import { leakedIn, secretsOf, TYPING_EVENTS, type Observed } from '../e2e/observer';
import { countPixels, near } from '../e2e/pixels';
import {
  clickRole,
  importFile,
  launchExtension,
  openExtensionPage,
  openFixture,
  phraseBox,
  reload,
  screenshotRegion,
  selectPhrase,
  tabIdOf,
  type ExtensionSession,
} from './harness';

// Issue 11 in Firefox ESR: the hostile story's own script (tests/fixtures/pages/observer.js)
// records all it can observe. With a registry naming people on the page, a highlight and its note
// (typed in the side panel), the page learns nothing but that one empty element is there; in
// discreet mode it observes what it observes in the same Firefox without the extension, until the
// researcher clicks "Show on this page".

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
  const panel = await openExtensionPage(session, 'sidepanel.html');
  await importFile(panel, REGISTRY);
  await panel.waitForFunction(
    () => document.querySelector('[aria-label="Import report"]')?.textContent?.includes('5 added'),
    { timeout: 10_000 },
  );
  await panel.close();
});
afterAll(async () => {
  await session?.close();
});

const observed = (page: Page) => page.evaluate(() => (window as unknown as { __snapshot(): Observed }).__snapshot());

async function pixels(page: Page, phrase: string, colour: typeof PERSON_PINK) {
  const box = await phraseBox(page, phrase);
  const shot = await screenshotRegion(page, { ...box, height: box.height + 6 });
  return countPixels(shot, near(colour, colour === SUGGESTION_VIOLET ? 48 : 8));
}
const paints = (page: Page) =>
  expect.poll(() => pixels(page, PHRASE, PERSON_PINK), { timeout: 5_000 }).toBeGreaterThan(100);

/** The content script's answer about the page: discreet, and whether it has shown anything. */
async function pageState(page: Page) {
  const tabId = await tabIdOf(session, page);
  const probe = await openExtensionPage(session, 'popup.html');
  try {
    return await probe.evaluate(
      (tabId) =>
        (globalThis as unknown as { browser: typeof chrome }).browser.tabs
          .sendMessage(tabId, { type: 'page/state', payload: {} }, { frameId: 0 })
          .catch((error: unknown) => ({ ok: false, error: String(error) })),
      tabId,
    );
  } finally {
    await probe.close();
  }
}

describe('a hostile page in Firefox', () => {
  it('learns nothing of the registry, the highlight, its note or the typing', async () => {
    const page = await openFixture(session, STORY);
    await expect.poll(() => pixels(page, VISIBLE_NAME, SUGGESTION_VIOLET), { timeout: 10_000 }).toBeGreaterThan(10);
    await selectPhrase(page, PHRASE);
    await clickRole(page, 'button', 'Person');
    await paints(page);

    const panel = await openExtensionPage(session, `sidepanel.html?tab=${await tabIdOf(session, page)}`);
    const rows = await panel.$$('[aria-label="Highlights on this page"] > li');
    expect(rows).toHaveLength(1);
    await (await rows[0]!.$('aria/Note…[role="button"]'))!.click();
    await (await panel.waitForSelector('aria/Note[role="textbox"]'))!.type(NOTE);
    await panel.keyboard.down('Control');
    await panel.keyboard.press('Enter');
    await panel.keyboard.up('Control');
    await expect
      .poll(() => panel.$eval('[aria-label="Highlights on this page"]', (el) => el.textContent ?? ''))
      .toContain(NOTE);
    await panel.close();

    await reload(page);
    await paints(page);
    for (const log of [await observed(page)]) {
      expect(leakedIn({ ...log, parsing: [] }, secretsOf(...NAMES, PHRASE, NOTE))).toEqual([]);
      expect(log.messages).toEqual([]);
      expect(log.events.filter((e) => TYPING_EVENTS.includes(e.type))).toEqual([]);
      expect(log.events.filter((e) => !e.trusted || /[:]|wxt/i.test(e.type))).toEqual([]);
      expect(log.mutations).toEqual([HOST_ADDED]);
      expect(log.highlightCount).toBe(0);
      expect(log.adoptedStyleSheets).toEqual([]);
      expect(log.marks).toBe(0);
      expect(log.animations).toBe(0);
      expect(log.newGlobals).toEqual([]);
      expect(log.hosts).toEqual([expect.objectContaining({ attributes: [], childNodes: 0, openShadowRoot: false })]);
    }
    await page.close(); // the discreet visit below opens the same address: one tab shows it
  });

  describe('in discreet mode', () => {
    let bare: Browser;
    beforeAll(async () => {
      bare = await puppeteer.launch({
        browser: 'firefox',
        executablePath: ensureFirefox(),
        headless: true,
        args: ['--remote-allow-system-access'],
      });
    });
    afterAll(async () => {
      await bare?.close();
    });

    /** Opens the story, waits, selects a name, and returns what the page's script saw. */
    async function visit(page: Page) {
      await page.setViewport({ width: 1280, height: 900 });
      await page.goto(session.server.url(STORY), { waitUntil: 'load' });
      await new Promise((r) => setTimeout(r, 3_000));
      await selectPhrase(page, VISIBLE_NAME);
      await new Promise((r) => setTimeout(r, 500));
      const log = await observed(page);
      // Browsers coalesce selectionchange by timing; one per run is what the gesture means.
      return {
        ...log,
        events: log.events.filter(
          (e, i) => e.type !== 'selectionchange' || log.events[i - 1]?.type !== 'selectionchange',
        ),
      };
    }

    it('lets the page observe what it observes without the extension, until "Show on this page"', async () => {
      const options = await openExtensionPage(session, 'options.html');
      await (await options.waitForSelector('aria/Discreet mode on every site[role="checkbox"]'))!.click();
      const form = (await options.waitForSelector('form[aria-label="Discreet mode"]'))!;
      await (await form.$('aria/Save[role="button"]'))!.click();
      await expect
        .poll(() =>
          options.evaluate(
            async () =>
              (
                (await (globalThis as unknown as { browser: typeof chrome }).browser.storage.local.get('settings'))
                  .settings as { discreetEverywhere?: boolean }
              ).discreetEverywhere,
          ),
        )
        .toBe(true);
      await options.close();

      const page = await session.browser.newPage();
      // Nothing else is opened while the page is watched: a new tab would blur it, and it would see that.
      const discreet = await visit(page);
      const plain = await bare.newPage();
      const without = await visit(plain);
      // The content script was there all along, and knew the page is discreet.
      expect(await pageState(page)).toEqual({ ok: true, data: { discreet: true, shown: false } });
      expect(discreet.mutations).toEqual([]);
      expect(discreet.hosts).toEqual([]);
      expect(discreet).toEqual(without);
      expect(await pixels(page, PHRASE, PERSON_PINK)).toBe(0);

      const panel = await openExtensionPage(session, `sidepanel.html?tab=${await tabIdOf(session, page)}`);
      await clickRole(panel, 'button', 'Show on this page');
      await page.bringToFront();
      await paints(page);
      expect((await observed(page)).mutations).toEqual([HOST_ADDED]);
      await panel.close();
    });
  });
});
