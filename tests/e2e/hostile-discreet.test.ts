import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureChromium, extensionArgs } from '../../scripts/chromium.mjs';
import { clickRole, queryRole } from './accessibility';
import {
  EXTENSION_DIR,
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
import { observed, type Observed } from './observer';
import { countPixels, near } from './pixels';
import { storedQuotes } from './records-store';
import { PERSON_PINK, SUGGESTION_VIOLET } from '../support/colours';

// Issue 11, discreet mode: on a regime's site the page must not even learn that the extension is
// installed until the researcher acts there. The same hostile page (its own script records all it
// can observe) is opened with the extension in discreet mode, on a page with a highlight and
// registered names, and in the same Chromium without the extension: the page observes the same.
// Then one click in the side panel shows the highlight on the page.

const STORY = '/hostile-story.html';
const REGISTRY = resolve('tests/fixtures/records/hostile-registry.v1.json');
const PHRASE = 'Halina Krasnova';
/** How long the extension is given to do whatever it does on a page after it has started there. */
const SETTLE_MS = 3_000;

let session: ExtensionSession;
/** The same Chromium, the same flags and viewport, without the extension. */
let bare: { context: BrowserContext; profile: string };
beforeAll(async () => {
  session = await launchExtension();
  const panel = await openExtensionPage(session, 'sidepanel.html');
  await importFile(panel, REGISTRY);
  await panel.getByLabel('Import report').filter({ hasText: '5 added' }).waitFor();
  await panel.close();
  const profile = await mkdtemp(join(tmpdir(), 'source-annotator-bare-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    args: extensionArgs(EXTENSION_DIR).filter((arg) => !/^--(load-extension|disable-extensions-except)=/.test(arg)),
    viewport: { width: 1280, height: 900 },
  });
  bare = { context, profile };
});
afterAll(async () => {
  // The browser without the extension first: the fixture server closes once its connections have.
  await bare?.context.close();
  if (bare) await rm(bare.profile, { recursive: true, force: true });
  await session?.close();
});

async function pixels(page: Page, phrase: string, colour: typeof PERSON_PINK) {
  const box = await phraseBox(page, phrase);
  const shot = await screenshotRegion(page, { ...box, height: box.height + 6 });
  return countPixels(shot, near(colour, colour === SUGGESTION_VIOLET ? 48 : 8));
}

/** What the content script says of the page: discreet, and whether it has shown anything on it. */
async function pageState(page: Page) {
  const tabId = await tabIdOf(session, page);
  return session.serviceWorker.evaluate(
    (tabId) =>
      chrome.tabs
        .sendMessage(tabId, { type: 'page/state', payload: {} }, { frameId: 0 })
        .catch((error: unknown) => ({ ok: false, error: String(error) })),
    tabId,
  );
}

/**
 * The log with each run of selectionchange events written once: the browser coalesces them by
 * timing (a mouse drag gives ten or eleven), which is not something the extension does.
 */
function coalesced(log: Observed): Observed {
  return {
    ...log,
    events: log.events.filter((e, i) => e.type !== 'selectionchange' || log.events[i - 1]?.type !== 'selectionchange'),
  };
}

/** Opens the story as the only tab, lets the extension do its work, selects a phrase, and reads the log. */
async function visit(context: BrowserContext, url: string, started: (page: Page) => Promise<void>) {
  for (const tab of context.pages()) await tab.close();
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await started(page);
  await page.waitForTimeout(SETTLE_MS);
  // A selection, which outside discreet mode shows the toolbar.
  await selectPhrase(page, 'Marfa Rabkova');
  await page.waitForTimeout(500);
  return { page, log: await observed(page) };
}

describe('discreet mode on a hostile page', () => {
  it('annotates the story, then switches discreet mode on for every site in the options', async () => {
    const page = await openFixture(session, STORY);
    await page.waitForSelector('source-annotator-ui', { state: 'attached' });
    await expect.poll(() => pixels(page, 'Marfa Rabkova', SUGGESTION_VIOLET), { timeout: 10_000 }).toBeGreaterThan(10);
    await selectPhrase(page, PHRASE);
    await clickRole(page, 'button', 'Person');
    await expect.poll(() => pixels(page, PHRASE, PERSON_PINK), { timeout: 5_000 }).toBeGreaterThan(100);

    const options = await openExtensionPage(session, 'options.html');
    const form = options.getByRole('form', { name: 'Discreet mode' });
    await form.getByRole('checkbox', { name: 'Discreet mode on every site' }).check();
    await form.getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    const stored = await options.evaluate(
      async () =>
        ((await chrome.storage.local.get('settings')).settings as { discreetEverywhere?: boolean }).discreetEverywhere,
    );
    expect(stored).toBe(true);
  });

  let discreet: { page: Page; log: Observed };
  it('lets the page observe exactly what it observes in a browser without the extension', async () => {
    const url = session.server.url(STORY);
    discreet = await visit(session.context, url, async (page) => {
      // The content script runs there and knows the page is discreet.
      await expect
        .poll(() => pageState(page), { timeout: 10_000 })
        .toEqual({ ok: true, data: { discreet: true, shown: false } });
    });
    expect(await queryRole(discreet.page, 'toolbar', 'Annotate selection')).toEqual([]);
    const without = await visit(bare.context, url, async (page) => {
      expect(await page.evaluate(() => typeof (window as unknown as { __snapshot?: unknown }).__snapshot)).toBe(
        'function',
      );
    });

    expect(discreet.log.hosts).toEqual([]);
    expect(discreet.log.mutations).toEqual([]);
    expect(coalesced(discreet.log)).toEqual(coalesced(without.log));
  });

  it('lists the highlight in the side panel, and "Show on this page" paints it there', async () => {
    const { page } = discreet;
    const panel = await openExtensionPage(session, `sidepanel.html?tab=${await tabIdOf(session, page)}`);
    const list = panel.getByRole('list', { name: 'Highlights on this page' });
    await expect.poll(() => list.textContent({ timeout: 5_000 })).toContain(PHRASE);
    // The panel read the page's records and asked the page's state: still nothing on the page.
    expect((await observed(page)).mutations).toEqual([]);
    expect(await pixels(page, PHRASE, PERSON_PINK)).toBe(0);

    await panel.getByRole('button', { name: 'Show on this page' }).click();
    await page.bringToFront();
    await expect.poll(() => pixels(page, PHRASE, PERSON_PINK), { timeout: 5_000 }).toBeGreaterThan(100);
    expect((await observed(page)).hosts).toHaveLength(1);
    await expect.poll(() => pageState(page)).toEqual({ ok: true, data: { discreet: true, shown: true } });
  });

  it('annotates from the context menu in discreet mode, and then shows the page', async () => {
    for (const tab of session.context.pages()) await tab.close();
    const page = await openFixture(session, STORY);
    await expect.poll(() => pageState(page), { timeout: 10_000 }).toMatchObject({ data: { shown: false } });
    await selectPhrase(page, 'Andrei Chapiuk');
    const tabId = await tabIdOf(session, page);
    const reply = await session.serviceWorker.evaluate(
      (tabId) =>
        chrome.tabs.sendMessage(
          tabId,
          { type: 'selection/annotate', payload: { kind: 'person', selectionText: 'Andrei Chapiuk' } },
          { frameId: 0 },
        ),
      tabId,
    );
    expect(reply).toEqual({ ok: true, data: { created: true } });
    expect(await storedQuotes(session)).toEqual(expect.arrayContaining([PHRASE, 'Andrei Chapiuk']));
    await expect.poll(() => pixels(page, 'Andrei Chapiuk', PERSON_PINK), { timeout: 5_000 }).toBeGreaterThan(100);
    expect(await queryRole(page, 'toolbar', 'Annotate selection')).toEqual([]);
  });
});
