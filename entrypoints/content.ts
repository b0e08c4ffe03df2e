import { backgroundApi } from '@/lib/annotator/background-api';
import { captureOnce } from '@/lib/annotator/capture-source';
import { createPageAnnotator } from '@/lib/annotator/page-annotator';
import { createPageSuggestions, type PageSuggestions } from '@/lib/annotator/page-suggestions';
import { suggestionApi } from '@/lib/annotator/suggestion-api';
import { UI_CSS } from '@/lib/annotator/ui-styles';
import { contentProtocol } from '@/lib/messaging/protocol-content';
import { createTableHandler } from '@/lib/messaging/table-handler';
import { listen } from '@/lib/messaging/listen';
import { sendToBackground } from '@/lib/messaging/send-to-background';
import { selfIdentity, toBackground } from '@/lib/messaging/browser-transport';
import { canonicalUrlOf, describePage } from '@/lib/page/describe-page';
import { KINDS_KEY } from '@/lib/settings/storage-keys';

// Runs in every http(s) page. It never opens IndexedDB (that would be the site's database) and takes
// no commands from the page itself: only validated messages from this extension. It bundles only the
// table of the messages it receives; what it sends, the background validates (send-to-background.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: 'source-annotator-ui',
      position: 'inline',
      anchor: 'html',
      append: 'last',
      mode: 'closed',
      css: UI_CSS,
      onMount(container, _shadow, host) {
        host.setAttribute('data-source-annotator-ui', '');
        const layer = document.createElement('div');
        layer.className = 'sa-layer';
        container.append(layer);
        return layer;
      },
    });
    ui.mount();
    const capture = captureOnce(document);
    // The annotator hands suggestions the clicks that hit no highlight; they are created just after it.
    const later: { suggestions?: PageSuggestions } = {};
    const annotator = createPageAnnotator(
      document,
      ui.mounted!,
      ctx,
      backgroundApi,
      capture,
      () => canonicalUrlOf(document),
      (x, y) => later.suggestions?.click(x, y) ?? false,
      // Late text (lazy loading, "read more") may name a registered person too.
      () => later.suggestions?.textChanged(),
    );
    const suggestions = (later.suggestions = createPageSuggestions(
      document,
      ui.mounted!,
      suggestionApi,
      capture,
      annotator,
      ctx,
    ));
    const suggest = () =>
      void suggestions.refresh().catch((error: unknown) => console.warn('[source-annotator] no suggestions:', error));

    const stop = listen(
      browser.runtime.onMessage,
      createTableHandler(
        contentProtocol,
        selfIdentity(),
        {
          'page/describe': () => describePage(document),
          'selection/annotate': async ({ kind }) => ({ created: await annotator.annotateSelection(kind) }),
          // Workspace: the side panel shows a highlight, or says this page's records changed.
          'annotation/reveal': ({ id }) => ({ found: annotator.reveal(id) }),
          'annotations/changed': async () => ({ reloaded: (await annotator.refresh(), true) }),
          'suggestions/list': () => ({ suggestions: suggestions.list() }),
          'suggestion/act': async ({ id, action, quote }) => ({ done: await suggestions.act(id, action, quote) }),
        },
        { answerUnknown: false },
      ),
    );
    ctx.onInvalidated(stop);
    // Single-page apps swap their content without a page load: fetch that page's records again.
    ctx.addEventListener(window, 'wxt:locationchange', () => void annotator.refresh().then(suggest));
    // A kind renamed, recoloured or added in the options shows on open pages without a reload.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && KINDS_KEY in changes) void annotator.refresh();
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

    sendToBackground(toBackground, 'page/opened', describePage(document)).catch((error: unknown) => {
      console.warn('[source-annotator] the background did not acknowledge this page:', error);
    });
    await annotator.refresh().catch((error: unknown) => {
      console.warn('[source-annotator] could not load the highlights of this page:', error);
    });
    suggest();
  },
});
