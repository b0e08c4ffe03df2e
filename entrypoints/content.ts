import { backgroundApi } from '@/lib/annotator/background-api';
import { captureOnce } from '@/lib/annotator/capture-source';
import { createPageAnnotator } from '@/lib/annotator/page-annotator';
import { UI_CSS } from '@/lib/annotator/ui-styles';
import { createMessageHandler } from '@/lib/messaging/handler';
import { listen } from '@/lib/messaging/listen';
import { request } from '@/lib/messaging/client';
import { selfIdentity, toBackground } from '@/lib/messaging/browser-transport';
import { canonicalUrlOf, describePage } from '@/lib/page/describe-page';
import { KINDS_KEY } from '@/lib/settings/storage-keys';

// Runs in every http(s) page. It never opens IndexedDB (that would be the site's database) and takes
// no commands from the page itself: only validated messages from this extension.
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
    const annotator = createPageAnnotator(document, ui.mounted!, ctx, backgroundApi, captureOnce(document), () =>
      canonicalUrlOf(document),
    );

    const stop = listen(
      browser.runtime.onMessage,
      createMessageHandler(
        selfIdentity(),
        {
          'page/describe': () => describePage(document),
          'selection/annotate': async ({ kind }) => ({ created: await annotator.annotateSelection(kind) }),
        },
        { answerUnknown: false },
      ),
    );
    ctx.onInvalidated(stop);
    // Single-page apps swap their content without a page load: fetch that page's records again.
    ctx.addEventListener(window, 'wxt:locationchange', () => void annotator.refresh());
    // A kind renamed, recoloured or added in the options shows on open pages without a reload.
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && KINDS_KEY in changes) void annotator.refresh();
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

    request(toBackground, 'page/opened', describePage(document)).catch((error: unknown) => {
      console.warn('[source-annotator] the background did not acknowledge this page:', error);
    });
    await annotator.refresh().catch((error: unknown) => {
      console.warn('[source-annotator] could not load the highlights of this page:', error);
    });
  },
});
