import { RecordsDatabase, explainFailures } from '@/lib/db';
import { createMessageHandler, type Handlers } from '@/lib/messaging/handler';
import { listen } from '@/lib/messaging/listen';
import { selfIdentity, toTab } from '@/lib/messaging/browser-transport';
import { senderPage } from '@/lib/messaging/sender';
import { openPanelAt, type PanelOpeners } from '@/lib/page/panel-focus';
import { forgetTabPage, rememberTabPage } from '@/lib/page/tab-pages';
import {
  createAnnotation,
  pageRecords,
  recordAnchoring,
  removeAnnotation,
  requireSenderPage,
  restoreAnnotation,
  updateAnnotation,
  type ServiceContext,
} from '@/lib/records/annotation-service';
import { wireAnnotateCommands } from '@/lib/records/annotate-commands';
import { createSuggestionService } from '@/lib/records/suggestion-service';
import { isDiscreet } from '@/lib/settings/discreet-mode';
import { loadKinds } from '@/lib/settings/kinds-vocabulary';
import { loadSettings, saveSettings } from '@/lib/settings/settings';

// The background owns the records: it is the only context that writes them on behalf of pages.
export default defineBackground(() => {
  const session = browser.storage.session;
  const local = browser.storage.local;
  const ctx: ServiceContext = {
    db: new RecordsDatabase(),
    now: () => new Date().toISOString(),
    newId: () => crypto.randomUUID(),
    creator: async () => (await loadSettings(local)).researcherName || null,
    lastKind: async () => (await loadSettings(local)).lastKind,
    rememberKind: async (kind) => void (await saveSettings(local, { lastKind: kind })),
    vocabulary: () => loadKinds(local),
  };
  // Chrome's side panel or Firefox's sidebar, whichever this browser has.
  const panel: PanelOpeners = {
    sidePanel: browser.sidePanel,
    sidebarAction: (browser as { sidebarAction?: PanelOpeners['sidebarAction'] }).sidebarAction,
  };

  const suggestions = createSuggestionService(
    ctx.db,
    local,
    async () => (await loadSettings(local)).suggestionsEnabled,
  );

  // A content script may only touch records of the page it runs in (senderPage: null for extension
  // pages, which may touch any). The page is always the sender's tab address, never a value of the
  // message, and a request about a page from anything else is refused (requireSenderPage; issue 11).
  const handlers: Handlers = {
    'page/opened': async (page, sender) => {
      const tabId = sender.tab?.id ?? -1;
      await rememberTabPage(session, tabId, page);
      return { tabId, discreet: isDiscreet(await loadSettings(local), sender.url ?? '') };
    },
    'annotations/for-page': ({ canonicalUrl }, sender) =>
      explainFailures(pageRecords(ctx, requireSenderPage(sender), canonicalUrl)),
    'annotation/create': (input, sender) => explainFailures(createAnnotation(ctx, input, requireSenderPage(sender))),
    'annotation/update': (change, sender) => explainFailures(updateAnnotation(ctx, change, senderPage(sender))),
    'annotation/delete': ({ id }, sender) => explainFailures(removeAnnotation(ctx, id, senderPage(sender))),
    'annotation/restore': ({ annotation }, sender) =>
      explainFailures(restoreAnnotation(ctx, annotation, senderPage(sender))),
    'annotations/anchoring': async ({ changes }, sender) => ({
      updated: await explainFailures(recordAnchoring(ctx, changes, requireSenderPage(sender))),
    }),
    // The card's "Note and links in the side panel": the panel must be opened before any await, while
    // the researcher's click still counts as a user gesture (openPanelAt calls the opener first).
    'sidepanel/open': ({ annotationId }, sender) =>
      openPanelAt(panel, session, { tabId: sender.tab?.id ?? -1, annotationId }),
    // Known-entity suggestions (issue 6), for the sender's page only.
    'suggestions/scan': async ({ text }, sender) => ({
      suggestions: await explainFailures(suggestions.scan(requireSenderPage(sender), text)),
    }),
    'suggestion/accept': ({ id, source, selectors, personId, article }, sender) =>
      explainFailures(
        createAnnotation(
          ctx,
          {
            id,
            source,
            selectors,
            kind: personId ? 'person' : 'fact',
            links: { personIds: personId ? [personId] : [], legalArticle: article },
          },
          requireSenderPage(sender),
        ),
      ),
    // For the side panel, which listens for it too; the background has nothing to do.
    'page/changed': () => ({ seen: true }),
    'suggestion/dismiss': async ({ key }, sender) => ({
      dismissed: await suggestions.dismiss(requireSenderPage(sender), key),
    }),
  };
  listen(browser.runtime.onMessage, createMessageHandler(selfIdentity(), handlers, { answerUnknown: true }));
  browser.tabs.onRemoved.addListener((tabId) => void forgetTabPage(session, tabId));

  // The context menu and the keyboard command ask the tab's content script to annotate its selection;
  // the menu names the researcher's own kinds and follows the options page when they change.
  wireAnnotateCommands({
    contextMenus: browser.contextMenus,
    commands: browser.commands,
    onInstalled: browser.runtime.onInstalled,
    storageChanged: browser.storage.onChanged,
    kinds: () => loadKinds(local),
    lastKind: ctx.lastKind,
    toTab,
    warn: console.warn,
  });
});
