import { createMessageHandler } from '@/lib/messaging/handler';
import { listen } from '@/lib/messaging/listen';
import { selfIdentity } from '@/lib/messaging/browser-transport';
import { forgetTabPage, rememberTabPage } from '@/lib/page/tab-pages';

// The background owns the extension's state; content scripts and pages reach it only by messages.
export default defineBackground(() => {
  const session = browser.storage.session;
  listen(
    browser.runtime.onMessage,
    createMessageHandler(
      selfIdentity(),
      {
        'page/opened': async (page, sender) => {
          const tabId = sender.tab?.id ?? -1;
          await rememberTabPage(session, tabId, page);
          return { tabId };
        },
      },
      { answerUnknown: true },
    ),
  );
  browser.tabs.onRemoved.addListener((tabId) => void forgetTabPage(session, tabId));
});
