import { fakeBrowser } from 'wxt/testing/fake-browser';
import { indexText, rangeFromOffsets } from '@/lib/anchoring/dom-text';
import { backgroundApi } from '@/lib/annotator/background-api';
import { captureOnce } from '@/lib/annotator/capture-source';
import { createPageAnnotator, type Lifecycle, type PageAnnotator } from '@/lib/annotator/page-annotator';
import type { RecordsDatabase } from '@/lib/db/database';
import { explainFailures } from '@/lib/db/errors';
import { createMessageHandler } from '@/lib/messaging/handler';
import { listen } from '@/lib/messaging/listen';
import { canonicalUrlOf } from '@/lib/page/describe-page';
import { createAnnotation, pageRecords, recordAnchoring, type ServiceContext } from '@/lib/records/annotation-service';
import { fakeOverlay, openUiHost } from './fake-overlay';

// The real page annotator on a small happy-dom page, with the content script's real background API
// and source capture, answered by the real annotation service on an in-memory IndexedDB through
// fakeBrowser's runtime messaging. happy-dom lays nothing out, so what is painted is read from the
// overlay's layers, and it has no `isTrusted`, so the researcher's own input is marked trusted.
// Test files using it mock '@/lib/annotator/text-rects' (no layout, so nothing would be visible).

export const PAGE =
  '<h1>Released</h1><p>The court in Brest sentenced <b>Zinaida</b> Mikhniuk to two years.</p><p id="bait">Bait words here.</p>';
export const WORDS = 'Zinaida Mikhniuk';

/** Undone after each test, newest first. */
export const cleanups: (() => void)[] = [];

/** An event as the browser delivers the researcher's own input (happy-dom leaves isTrusted unset). */
export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** Selects `words` on the page as a script or a drag would, without releasing the button. */
export function selectOnly(words: string): void {
  const index = indexText(document.body);
  const at = index.text.indexOf(words);
  if (at < 0) throw new Error(`"${words}" not on the page`);
  const selection = window.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(rangeFromOffsets(index, at, at + words.length));
}

/** Selects `words` on the page as a mouse drag would, and releases the button. */
export function selectWords(words: string): void {
  selectOnly(words);
  document.dispatchEvent(trusted(new MouseEvent('mouseup', { button: 0, bubbles: true, clientX: 5, clientY: 5 })));
}

/** The background's handlers for the page's messages, with its wording of storage failures. */
export function startBackground(db: RecordsDatabase): () => void {
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
      'annotations/for-page': ({ canonicalUrl }, sender) =>
        explainFailures(pageRecords(ctx, sender.url ?? '', canonicalUrl)),
      'annotation/create': (input, sender) => explainFailures(createAnnotation(ctx, input, sender.url ?? '')),
      'annotations/anchoring': async ({ changes }, sender) => ({
        updated: await explainFailures(recordAnchoring(ctx, changes, sender.url ?? '')),
      }),
    },
    { answerUnknown: true },
  );
  // fakeBrowser does not say who sent a message; the browser says: this page's content script in tab 1.
  const fromPage = { id: fakeBrowser.runtime.id, url: document.URL, tab: { id: 1 }, frameId: 0 };
  return listen(fakeBrowser.runtime.onMessage, (raw) => handler(raw, fromPage));
}

export const overlay = fakeOverlay();

/** The annotator as the content script builds it; `shown` says whether the page left the toolbar alone. */
export async function startAnnotator(shown = () => true): Promise<{ annotator: PageAnnotator; ui: ShadowRoot }> {
  const host = openUiHost(document, shown);
  host.attach();
  const life: Lifecycle = {
    addEventListener(target, type, listener, options) {
      target.addEventListener(type, listener, options);
      cleanups.push(() => target.removeEventListener(type, listener, options));
    },
    setTimeout: (handler, ms) => window.setTimeout(handler, ms),
    onInvalidated: (callback) => void cleanups.push(callback),
  };
  cleanups.push(
    () => host.remove(),
    () => overlay.destroy(),
  );
  const annotator = createPageAnnotator(document, host, overlay, life, backgroundApi, captureOnce(document), () =>
    canonicalUrlOf(document),
  );
  await annotator.refresh();
  return { annotator, ui: host.root };
}

/** What the researcher sees: the toolbar, its words and message, and the words painted on the page. */
export function seen(ui: ShadowRoot) {
  const toolbar = ui.querySelector<HTMLElement>('[role="toolbar"]')!;
  return {
    toolbarShown: !toolbar.closest<HTMLElement>('.sa-panel')!.hidden,
    words: ui.querySelector('.sa-quote')!.textContent,
    busy: toolbar.getAttribute('aria-busy'),
    message: ui.querySelector('[role="alert"]')!.textContent,
    painted: overlay.painted(),
    selected: window.getSelection()!.toString(),
  };
}

/** A toolbar button by its accessible name. */
export const button = (ui: ShadowRoot, label: string) =>
  ui.querySelector<HTMLButtonElement>(`button[aria-label="${label}"]`)!;

/** Waits for queued work (timers, the background's replies) to run. */
export const settle = (ms = 50) => new Promise((resolve) => setTimeout(resolve, ms));
