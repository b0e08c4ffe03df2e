// @vitest-environment happy-dom
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { indexText, rangeFromOffsets } from '@/lib/anchoring/dom-text';
import { backgroundApi } from '@/lib/annotator/background-api';
import { captureOnce } from '@/lib/annotator/capture-source';
import { createPageAnnotator, type Lifecycle, type PageAnnotator } from '@/lib/annotator/page-annotator';
import { describeStorageError, explainFailures } from '@/lib/db/errors';
import { readAll } from '@/lib/db/records';
import { createMessageHandler } from '@/lib/messaging/handler';
import { listen } from '@/lib/messaging/listen';
import { canonicalUrlOf } from '@/lib/page/describe-page';
import { createAnnotation, pageRecords, recordAnchoring, type ServiceContext } from '@/lib/records/annotation-service';
import type { RecordsDatabase } from '@/lib/db/database';
import { openTestDb } from '../../support/test-db';

// Issue 4: "If saving fails, the highlight is not painted and the user sees why." The real page
// annotator runs on a small page with the content script's real background API and source capture;
// the background side is the real annotation service on an in-memory IndexedDB, answering through
// fakeBrowser's runtime messaging. Failures are the browser's: a closed database, a full disk, a
// background that does not answer. happy-dom has no CSS Highlight API, so the painter's <mark>
// fallback paints, and no `isTrusted`, so the researcher's own input is marked trusted here.

const PAGE = '<h1>Released</h1><p>The court in Brest sentenced <b>Zinaida</b> Mikhniuk to two years.</p>';
const WORDS = 'Zinaida Mikhniuk';

/** An event as the browser delivers the researcher's own input (happy-dom leaves isTrusted unset). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** Selects `words` on the page as a mouse drag would, and releases the button. */
function selectWords(words: string): void {
  const index = indexText(document.body);
  const at = index.text.indexOf(words);
  if (at < 0) throw new Error(`"${words}" not on the page`);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(rangeFromOffsets(index, at, at + words.length));
  document.dispatchEvent(trusted(new MouseEvent('mouseup', { button: 0, bubbles: true, clientX: 5, clientY: 5 })));
}

/** The background's handlers for the page's messages, with its wording of storage failures. */
function startBackground(db: RecordsDatabase): () => void {
  const ctx: ServiceContext = {
    db,
    now: () => '2026-11-22T10:00:00.000Z',
    newId: () => crypto.randomUUID(),
    creator: async () => null,
    lastKind: async () => 'person',
    rememberKind: async () => undefined,
  };
  const handler = createMessageHandler(
    { runtimeId: fakeBrowser.runtime.id, extensionOrigin: fakeBrowser.runtime.getURL('/') },
    {
      'annotations/for-page': ({ url, canonicalUrl }) => explainFailures(pageRecords(ctx, url, canonicalUrl)),
      'annotation/create': (input, sender) => explainFailures(createAnnotation(ctx, input, sender.url ?? '')),
      'annotations/anchoring': async ({ changes }, sender) => ({
        updated: await explainFailures(recordAnchoring(ctx, changes, sender.url ?? '')),
      }),
    },
    { answerUnknown: true },
  );
  // fakeBrowser does not say who sent a message; the browser says: this page's content script in tab 1.
  const fromPage = { id: fakeBrowser.runtime.id, url: document.URL, tab: { id: 1 } };
  return listen(fakeBrowser.runtime.onMessage, (raw) => handler(raw, fromPage));
}

const cleanups: (() => void)[] = [];

/** The annotator as content.ts builds it, with its UI in an open shadow root the test can read. */
async function startAnnotator(): Promise<{ annotator: PageAnnotator; ui: ShadowRoot }> {
  const host = document.createElement('div');
  host.setAttribute('data-source-annotator-ui', '');
  document.documentElement.append(host);
  const ui = host.attachShadow({ mode: 'open' });
  const layer = document.createElement('div');
  ui.append(layer);
  const life: Lifecycle = {
    addEventListener(target, type, listener, options) {
      target.addEventListener(type, listener, options);
      cleanups.push(() => target.removeEventListener(type, listener, options));
    },
    setTimeout: (handler, ms) => window.setTimeout(handler, ms),
    onInvalidated: (callback) => void cleanups.push(callback),
  };
  cleanups.push(() => host.remove());
  const annotator = createPageAnnotator(document, layer, life, backgroundApi, captureOnce(document), () =>
    canonicalUrlOf(document),
  );
  await annotator.refresh();
  return { annotator, ui };
}

/** What the researcher sees: the toolbar, its message, and the words painted on the page. */
function seen(ui: ShadowRoot) {
  const toolbar = ui.querySelector<HTMLElement>('[role="toolbar"]')!;
  return {
    toolbarShown: !toolbar.closest<HTMLElement>('.sa-panel')!.hidden,
    busy: toolbar.getAttribute('aria-busy'),
    message: ui.querySelector('[role="alert"]')!.textContent,
    painted: [...document.querySelectorAll('mark[data-source-annotator-mark]')].map((m) => m.textContent).join(''),
    selected: window.getSelection()!.toString(),
  };
}

const button = (ui: ShadowRoot, label: string) => ui.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;

interface Row {
  name: string;
  /** Makes the next save fail; returns what undoes it. */
  fail: (db: RecordsDatabase, stopBackground: () => void) => Promise<() => unknown>;
  reason: string;
}

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState({}, '', '/news/released.html');
  document.title = 'Released';
  document.body.innerHTML = PAGE; // the test's own fixture, not page data
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  window.getSelection()?.removeAllRanges();
  vi.restoreAllMocks();
});

describe('the page annotator when saving fails', () => {
  it.each<Row>([
    {
      name: 'the records database was closed',
      fail: async (db) => {
        db.close();
        return () => db.open();
      },
      reason: describeStorageError({ name: 'DatabaseClosedError' }),
    },
    {
      name: 'the disk is full',
      fail: async () => {
        const full = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
        const spies = [vi.spyOn(IDBObjectStore.prototype, 'put'), vi.spyOn(IDBObjectStore.prototype, 'add')];
        spies.forEach((spy) => spy.mockImplementation(full));
        return () => spies.forEach((spy) => spy.mockRestore());
      },
      reason: describeStorageError({ name: 'QuotaExceededError' }),
    },
    {
      name: 'the background does not answer',
      fail: async (db, stopBackground) => {
        stopBackground();
        return () => cleanups.push(startBackground(db));
      },
      reason: 'No listeners available',
    },
  ])('paints nothing and says why when $name; the same click paints once it works', async ({ fail, reason }) => {
    const db = openTestDb();
    const stop = startBackground(db);
    cleanups.push(() => stop());
    const { ui } = await startAnnotator();
    const before = document.body.innerHTML;

    selectWords(WORDS);
    await vi.waitFor(() => expect(seen(ui).toolbarShown).toBe(true));
    const undo = await fail(db, stop);
    button(ui, 'Person').dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await vi.waitFor(() => expect(seen(ui).message).not.toBe(''));

    expect(seen(ui)).toEqual({
      toolbarShown: true,
      busy: 'false',
      message: `Not saved: ${reason}`,
      painted: '',
      selected: WORDS,
    });
    expect(document.body.innerHTML).toBe(before);
    await undo();
    expect((await readAll(db)).annotations).toEqual([]);

    // The researcher clicks again once storage works: the record is saved, then painted.
    button(ui, 'Person').dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await vi.waitFor(() => expect(seen(ui).painted).toBe(WORDS));
    expect(seen(ui)).toMatchObject({ toolbarShown: false, message: '', selected: '' });
    const { annotations } = await readAll(db);
    expect(annotations.map((a) => [a.kind, a.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact])).toEqual([
      ['person', WORDS],
    ]);
  });

  it('shows the reason in the toolbar when the context menu or the shortcut asks, and saves nothing', async () => {
    const db = openTestDb();
    cleanups.push(startBackground(db));
    const { annotator, ui } = await startAnnotator();
    selectWords(WORDS);
    await vi.waitFor(() => expect(seen(ui).toolbarShown).toBe(true));
    db.close();
    expect(await annotator.annotateSelection('fact')).toBe(false);
    expect(seen(ui)).toMatchObject({
      toolbarShown: true,
      message: `Not saved: ${describeStorageError({ name: 'DatabaseClosedError' })}`,
      painted: '',
    });
    await db.open();
    expect(await annotator.annotateSelection('fact')).toBe(true);
    expect(seen(ui).painted).toBe(WORDS);
    expect((await readAll(db)).annotations.map((a) => a.kind)).toEqual(['fact']);
  });

  it('shows the toolbar with the reason when the menu or shortcut fails while it is hidden', async () => {
    const db = openTestDb();
    cleanups.push(startBackground(db));
    const { annotator, ui } = await startAnnotator();
    selectWords(WORDS);
    await vi.waitFor(() => expect(seen(ui).toolbarShown).toBe(true));
    document.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await vi.waitFor(() => expect(seen(ui).toolbarShown).toBe(false));
    db.close();
    expect(await annotator.annotateSelection('fact')).toBe(false);
    expect(seen(ui)).toMatchObject({
      toolbarShown: true,
      message: `Not saved: ${describeStorageError({ name: 'DatabaseClosedError' })}`,
      painted: '',
    });
  });

  it('ignores a click the page synthesises on the toolbar', async () => {
    const db = openTestDb();
    cleanups.push(startBackground(db));
    const { ui } = await startAnnotator();
    selectWords(WORDS);
    await vi.waitFor(() => expect(seen(ui).toolbarShown).toBe(true));
    button(ui, 'Person').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen(ui)).toMatchObject({ toolbarShown: true, message: '', painted: '' });
    expect((await readAll(db)).annotations).toEqual([]);
  });
});
