import { createMessageHandler } from '@/lib/messaging/handler';
import { listen } from '@/lib/messaging/listen';
import { request } from '@/lib/messaging/client';
import { selfIdentity, toBackground } from '@/lib/messaging/browser-transport';
import { describePage } from '@/lib/page/describe-page';

// Runs in every http(s) page. It never opens IndexedDB (that would be the site's database) and takes
// no commands from the page itself: only validated messages from this extension.
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const stop = listen(
      browser.runtime.onMessage,
      createMessageHandler(selfIdentity(), { 'page/describe': () => describePage(document) }, { answerUnknown: false }),
    );
    ctx.onInvalidated(stop);
    request(toBackground, 'page/opened', describePage(document)).catch((error: unknown) => {
      console.warn('[source-annotator] the background did not acknowledge this page:', error);
    });
  },
});
