import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureChromium, extensionArgs } from '../../scripts/chromium.mjs';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { phraseEndsInPage } from '../support/phrase-ends';

// Everything an end-to-end test needs to act as a researcher would: the built extension in a real
// Chromium with a fresh profile, the fixture site on 127.0.0.1, and a user's gestures.

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

export type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>;

/** One Chromium with the extension loaded, its id, and the fixture server. */
export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  server: FixtureServer;
  /** Closes Chromium, the server, and deletes the profile. */
  close(): Promise<void>;
}

/** Launches Chromium with the built extension in a new profile; fails if the extension does not start. */
export async function launchExtension(): Promise<ExtensionSession> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'source-annotator-e2e-'));
  const server = await startFixtureServer();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: true,
    args: extensionArgs(EXTENSION_DIR),
    viewport: { width: 1280, height: 900 },
  });
  // An action that waits for an element (a click, a fill) fails after 20 s with what it waited for,
  // instead of hanging until the test's own timeout says nothing of where.
  context.setDefaultTimeout(20_000);
  const serviceWorker =
    context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://')) ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(serviceWorker.url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    server,
    async close() {
      await context.close();
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a fixture page and waits until it has loaded. */
export async function openFixture(session: ExtensionSession, path: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(session.server.url(path), { waitUntil: 'load' });
  return page;
}

/** The browser's tab id of a page, as the extension sees it. */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  const id = await session.serviceWorker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, page.url());
  if (id === undefined) throw new Error(`no tab shows ${page.url()}`);
  return id;
}

/** Opens one of the extension's own pages (e.g. `sidepanel.html`) in a tab. */
export async function openExtensionPage(session: ExtensionSession, file: string): Promise<Page> {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/${file}`, { waitUntil: 'load' });
  return page;
}

/** The viewport rectangles of the first and last characters of `phrase` (its `occurrence`-th match). */
async function phraseEnds(page: Page, phrase: string, occurrence: number) {
  return page.evaluate(phraseEndsInPage, { phrase, occurrence });
}

/**
 * Drags the mouse across `phrase` as a user selects it: press at the left edge of its first
 * character, drag to the right edge of its last, release. Checks nothing afterwards (the page's
 * script may have changed the selection at the release).
 */
export async function dragAcross(page: Page, phrase: string, occurrence = 0): Promise<void> {
  const ends = await phraseEnds(page, phrase, occurrence);
  if (!ends) throw new Error(`"${phrase}" is not on the page`);
  const y = (r: { top: number; bottom: number }) => (r.top + r.bottom) / 2;
  await page.mouse.move(ends.first.left + 0.5, y(ends.first));
  await page.mouse.down();
  await page.mouse.move((ends.first.left + ends.last.right) / 2, y(ends.last), { steps: 5 });
  await page.mouse.move(ends.last.right - 0.5, y(ends.last), { steps: 5 });
  await page.mouse.up();
}

/** Selects `phrase` with the mouse (see dragAcross). Throws if the browser's selection is not the phrase. */
export async function selectPhrase(page: Page, phrase: string, occurrence = 0): Promise<void> {
  await dragAcross(page, phrase, occurrence);
  const selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  if (selected.replace(/\s+/g, ' ').trim() !== phrase.replace(/\s+/g, ' ').trim()) {
    throw new Error(`selected "${selected}" instead of "${phrase}"`);
  }
}

/** The viewport box around a phrase on the page (scrolled into view), for screenshots and clicks. */
export async function phraseBox(page: Page, phrase: string, occurrence = 0) {
  const ends = await phraseEnds(page, phrase, occurrence);
  if (!ends) throw new Error(`"${phrase}" is not on the page`);
  const left = Math.min(ends.first.left, ends.last.left);
  const right = Math.max(ends.first.right, ends.last.right);
  return {
    x: Math.floor(left),
    y: Math.floor(ends.first.top),
    width: Math.ceil(right - left),
    height: Math.ceil(ends.last.bottom - ends.first.top),
  };
}

/** Presses keys in order, as a user would (e.g. `pressKeys(page, 'Shift+ArrowRight', '1')`). */
export async function pressKeys(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

/** A PNG screenshot of a region of the page, in viewport pixels. */
export async function screenshotRegion(
  page: Page,
  region: { x: number; y: number; width: number; height: number },
): Promise<Buffer> {
  return page.screenshot({ clip: region });
}

/** Imports a records file through the panel's Import button and file chooser, as a researcher does. */
export async function importFile(panel: Page, path: string): Promise<void> {
  const chooser = panel.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(path);
}
