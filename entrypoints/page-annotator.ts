import { backgroundApi } from '@/lib/annotator/background-api';
import { captureOnce } from '@/lib/annotator/capture-source';
import { createLifecycle } from '@/lib/annotator/lifecycle';
import { createOverlay } from '@/lib/annotator/overlay';
import { createPageAnnotator } from '@/lib/annotator/page-annotator';
import { createPageSuggestions, type PageSuggestions } from '@/lib/annotator/page-suggestions';
import { suggestionApi } from '@/lib/annotator/suggestion-api';
import { createUiHost } from '@/lib/annotator/ui-host';
import { contentProtocol } from '@/lib/messaging/protocol-content';
import { createTableHandler } from '@/lib/messaging/table-handler';
import { listen } from '@/lib/messaging/listen';
import { sendToBackground } from '@/lib/messaging/send-to-background';
import { selfIdentity, toBackground } from '@/lib/messaging/browser-transport';
import { canonicalUrlOf, describePage } from '@/lib/page/describe-page';
import { KINDS_KEY } from '@/lib/settings/storage-keys';

// The content script, declared in the manifest by wxt.config.ts for every http(s) page at
// document_idle. It is an unlisted script rather than a WXT content script because WXT's content
// script context announces itself to the page (window.postMessage, a document event) and listens to
// events any page script can fire. This one posts nothing to the page, exposes nothing on it, never
// opens IndexedDB (that would be the site's database) and takes no commands from the page itself:
// only validated messages from this extension. In discreet mode it adds nothing to the page until
// the researcher acts (context menu, keyboard command, "Show on this page" in the side panel).
export default defineUnlistedScript(() => {
  void start().catch((error: unknown) => console.warn('[source-annotator] could not start:', error));
});

async function start() {
  const life = createLifecycle(window, () => browser.runtime?.id);
  const ui = createUiHost(document);
  const overlay = createOverlay(document, ui.paintLayer, life);
  const capture = captureOnce(document);
  // The annotator hands suggestions the clicks that hit no highlight; they are created just after it.
  const later: { suggestions?: PageSuggestions } = {};
  const annotator = createPageAnnotator(
    document,
    ui,
    overlay,
    life,
    backgroundApi,
    capture,
    () => canonicalUrlOf(document),
    (x, y) => later.suggestions?.click(x, y) ?? false,
    // Late text (lazy loading, "read more") may name a registered person too.
    () => later.suggestions?.textChanged(),
  );
  const suggestions = (later.suggestions = createPageSuggestions(
    document,
    ui.layer,
    overlay,
    suggestionApi,
    capture,
    annotator,
    life,
  ));
  const suggest = () =>
    void suggestions.refresh().catch((error: unknown) => console.warn('[source-annotator] no suggestions:', error));
  // Until the background says otherwise the page is treated as discreet: nothing is added to it.
  let discreet = true;
  /** The researcher acted on this page, or it is not discreet: the host and its paint go in. */
  const show = () => {
    if (!ui.attached) {
      // The side panel's "Show on this page" goes once the page shows its highlights.
      void sendToBackground(toBackground, 'page/changed', { what: 'shown' }).catch(() => undefined);
    }
    ui.attach();
    overlay.relayout();
  };

  const stop = listen(
    browser.runtime.onMessage,
    createTableHandler(
      contentProtocol,
      selfIdentity(),
      {
        'page/describe': () => describePage(document),
        'page/state': () => ({ discreet, shown: ui.attached }),
        'page/show': () => (show(), { shown: true }),
        'selection/annotate': async ({ kind, selectionText }) => {
          show();
          return { created: await annotator.annotateSelection(kind, selectionText) };
        },
        // Workspace: the side panel shows a highlight, or says this page's records changed.
        'annotation/reveal': ({ id }) => {
          show();
          return { found: annotator.reveal(id) };
        },
        'annotations/changed': async () => ({ reloaded: (await annotator.refresh(), true) }),
        'suggestions/list': () => ({ suggestions: suggestions.list() }),
        'suggestion/act': async ({ id, action, quote }) => {
          if (action === 'accept') show();
          return { done: await suggestions.act(id, action, quote) };
        },
      },
      { answerUnknown: false },
    ),
  );
  life.onInvalidated(stop);
  // Single-page apps swap their content without a page load: fetch that page's records again. The
  // address is read on a timer, not from events the page could fire.
  let url = document.URL;
  life.setInterval(() => {
    if (document.URL === url) return;
    url = document.URL;
    void annotator.refresh().then(suggest);
  }, 1000);
  // A kind renamed, recoloured or added in the options shows on open pages without a reload.
  const onStorage = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && KINDS_KEY in changes) void annotator.refresh();
  };
  browser.storage.onChanged.addListener(onStorage);
  life.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

  try {
    discreet = (await sendToBackground(toBackground, 'page/opened', describePage(document))).discreet;
  } catch (error) {
    console.warn('[source-annotator] the background did not acknowledge this page:', error);
  }
  if (!discreet) show();
  await annotator.refresh().catch((error: unknown) => {
    console.warn('[source-annotator] could not load the highlights of this page:', error);
  });
  suggest();
}
