import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { ensureFirefox } from '../../scripts/firefox.mjs';
import { startFixtureServer } from '../../scripts/fixture-server.mjs';
import { phraseEndsInPage } from '../support/phrase-ends';

// The Firefox twin of tests/e2e/harness.ts, with the same helper names: Debian's firefox-esr driven
// by puppeteer-core over WebDriver BiDi, the built Firefox extension installed as a temporary add-on,
// the fixture site on 127.0.0.1, and a user's gestures. Firefox's quirks, handled here once:
// - extension pages emit no BiDi navigation events (bug 1755014): navigate without waiting, then
//   poll `readyState`;
// - the extension's id is fixed by `extensions.webextensions.uuids`, so its pages have known URLs;
// - the in-page UI is in a closed shadow root: BiDi serialises a host's closed root, so ARIA
//   queries run from it, as a screen reader reads it (there is no CDP accessibility tree);
// - `tabs.query({ url })` does not match a pattern with a port: tabs are found by their URL.

export const EXTENSION_DIR = resolve('.output/firefox-mv3');
const GECKO_ID = 'source-annotator@rights-tools.example';
const UUID = '5a0c2f9e-4d1b-4c6a-9e3f-0b7d8c1a2e4f';

export type FixtureServer = Awaited<ReturnType<typeof startFixtureServer>>;

/** One Firefox with the extension installed, and the fixture server. */
export interface ExtensionSession {
  browser: Browser;
  /** The moz-extension:// origin's host: the fixed UUID. */
  extensionId: string;
  server: FixtureServer;
  /** Where downloads (exports) land. */
  downloads: string;
  close(): Promise<void>;
}

/** Launches Firefox with the built extension in a fresh profile; fails if the extension does not install. */
export async function launchExtension(): Promise<ExtensionSession> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const downloads = await mkdtemp(join(tmpdir(), 'source-annotator-ff-downloads-'));
  const server = await startFixtureServer();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: ensureFirefox(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
      'browser.download.dir': downloads,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    },
  });
  await browser.installExtension(EXTENSION_DIR);
  return {
    browser,
    extensionId: UUID,
    server,
    downloads,
    async close() {
      await browser.close();
      await server.close();
      await rm(downloads, { recursive: true, force: true });
    },
  };
}

async function newPage(session: ExtensionSession): Promise<Page> {
  const page = await session.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  return page;
}

/** Opens a fixture page, waits until it has loaded and the extension's host is in it. */
export async function openFixture(session: ExtensionSession, path: string, host = true): Promise<Page> {
  const page = await newPage(session);
  await page.goto(session.server.url(path), { waitUntil: 'load' });
  if (host) await page.waitForSelector('source-annotator-ui', { timeout: 10_000 });
  return page;
}

/** Waits until the document of `page` has loaded (extension pages send Firefox's BiDi no events). */
export async function waitForLoad(page: Page, timeout = 10_000): Promise<void> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const state = await page.evaluate(() => document.readyState).catch(() => 'navigating');
    if (state === 'complete') return;
    if (Date.now() > deadline) throw new Error(`${page.url()} did not load`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Opens one of the extension's own pages (e.g. `sidepanel.html?tab=3`) in a tab. */
export async function openExtensionPage(session: ExtensionSession, file: string): Promise<Page> {
  const page = await newPage(session);
  void page.goto(`moz-extension://${session.extensionId}/${file}`).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 200));
  await waitForLoad(page);
  return page;
}

/** Reloads a web page and waits for the extension's host again. */
export async function reload(page: Page): Promise<void> {
  await page.reload({ waitUntil: 'load' });
  await page.waitForSelector('source-annotator-ui', { timeout: 10_000 });
}

/** The browser's tab id of a page, as the extension sees it (asked from one of its pages). */
export async function tabIdOf(session: ExtensionSession, page: Page): Promise<number> {
  const probe = await openExtensionPage(session, 'popup.html');
  try {
    const id = await probe.evaluate(
      async (url) =>
        (await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({})).find((t) => t.url === url)
          ?.id,
      page.url(),
    );
    if (id === undefined) throw new Error(`no tab shows ${page.url()}`);
    return id;
  } finally {
    await probe.close();
  }
}

/** The closed shadow root of the extension's host, as BiDi hands it to the test. */
export async function uiRoot(page: Page): Promise<ElementHandle<Node>> {
  const host = await page.waitForSelector('source-annotator-ui', { timeout: 10_000 });
  if (!host) throw new Error('the extension is not on the page');
  const value = (host as unknown as { remoteValue(): { value?: { shadowRoot?: unknown } } }).remoteValue();
  const root = value.value?.shadowRoot;
  if (!root) throw new Error('Firefox did not hand over the closed shadow root');
  const from = (host.constructor as unknown as { from(v: unknown, realm: unknown): ElementHandle<Node> }).from;
  return from(root, (host as unknown as { realm: unknown }).realm);
}

const ariaSelector = (role: string, name?: string) => (name ? `aria/${name}[role="${role}"]` : `aria/[role="${role}"]`);

/** Finds an element by role and accessible name: in the in-page UI on web pages, in the document on extension pages. */
export async function findRole(page: Page, role: string, name?: string): Promise<ElementHandle<Element> | null> {
  // page.url() is not updated for extension pages (no BiDi navigation events): ask the document.
  const extensionPage = await page.evaluate(() => location.protocol === 'moz-extension:');
  const scope = extensionPage ? page : await uiRoot(page);
  return (await scope.$(ariaSelector(role, name))) as ElementHandle<Element> | null;
}

/** Waits until an element with `role` (and `name`) is there and shown; returns it. */
export async function waitForRole(page: Page, role: string, name?: string, timeout = 5_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const found = await findRole(page, role, name);
    if (found && (await found.isVisible())) return found;
    if (Date.now() > deadline) throw new Error(`no ${role} ${name ?? ''} shown`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Clicks an element by role and name with the mouse, where it is drawn. */
export async function clickRole(page: Page, role: string, name?: string): Promise<void> {
  await (await waitForRole(page, role, name)).click();
}

/** The viewport rectangles of the first and last characters of `phrase` (its `occurrence`-th match). */
async function phraseEnds(page: Page, phrase: string, occurrence: number) {
  return page.evaluate(phraseEndsInPage, { phrase, occurrence });
}

/** Selects `phrase` with the mouse (press, drag, release); throws if the selection is not the phrase. */
export async function selectPhrase(page: Page, phrase: string, occurrence = 0): Promise<void> {
  const same = (a: string) => a.replace(/\s+/g, ' ').trim() === phrase.replace(/\s+/g, ' ').trim();
  let selected = '';
  // A page still laying out (late text, a font) can move the words under the pointer mid-drag; a
  // person would drag again, and so does this, twice at most.
  for (let attempt = 0; attempt < 3 && !same(selected); attempt++) {
    if (attempt) await new Promise((r) => setTimeout(r, 300));
    await dragAcross(page, phrase, occurrence);
    selected = await page.evaluate(() => window.getSelection()?.toString() ?? '');
  }
  if (!same(selected)) throw new Error(`selected "${selected}" instead of "${phrase}"`);
}

/** The researcher's drag across `phrase`, whatever the page then does with the selection. */
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

/** Presses keys in order, as a user would (`'Tab'`, `'3'`). */
export async function pressKeys(page: Page, ...keys: Parameters<Page['keyboard']['press']>[0][]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

/** A PNG screenshot of a region of the page, in viewport pixels. */
export async function screenshotRegion(
  page: Page,
  region: { x: number; y: number; width: number; height: number },
): Promise<Buffer> {
  // Puppeteer's clip is in page coordinates; the region is in the viewport's, where the user looks.
  const [left, top] = await page.evaluate(() => [window.scrollX, window.scrollY]);
  const clip = { ...region, x: region.x + left!, y: region.y + top! };
  return Buffer.from(await page.screenshot({ clip, type: 'png', captureBeyondViewport: false }));
}

/** Imports a records file through the panel's Import control (Firefox's chooser is a GTK dialog: the input gets the file). */
export async function importFile(panel: Page, path: string): Promise<void> {
  const input = (await panel.waitForSelector('input[type="file"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

/** The quotes of every stored highlight, read from the extension's own IndexedDB by one of its pages. */
export async function storedQuotes(session: ExtensionSession): Promise<string[]> {
  const probe = await openExtensionPage(session, 'popup.html');
  try {
    return await probe.evaluate(
      () =>
        new Promise<string[]>((done, fail) => {
          const open = indexedDB.open('source-annotator');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const db = open.result;
            // Highlights are stored in blocks per source (lib/db/annotation-blocks.ts).
            const read = db.transaction('annotationBlocks').objectStore('annotationBlocks').getAll();
            read.onerror = () => (db.close(), fail(read.error));
            read.onsuccess = () => {
              db.close();
              type Block = { annotations: { selectors: { type: string; exact?: string }[] }[] };
              done(
                (read.result as Block[])
                  .flatMap((block) => block.annotations)
                  .map((a) => a.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact ?? ''),
              );
            };
          };
        }),
    );
  } finally {
    await probe.close();
  }
}
