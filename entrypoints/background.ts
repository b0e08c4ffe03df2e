import { RecordsDatabase } from '@/lib/db/database';
import { explainFailures } from '@/lib/db/errors';
import { createMessageHandler, type Handlers } from '@/lib/messaging/handler';
import { listen } from '@/lib/messaging/listen';
import { selfIdentity, toTab } from '@/lib/messaging/browser-transport';
import { forgetTabPage, rememberTabPage } from '@/lib/page/tab-pages';
import {
  createAnnotation,
  pageRecords,
  recordAnchoring,
  removeAnnotation,
  restoreAnnotation,
  updateAnnotation,
  type ServiceContext,
} from '@/lib/records/annotation-service';
import { wireAnnotateCommands } from '@/lib/records/annotate-commands';
import { linkFromPage, matchRecords } from '@/lib/records/link-service';
import { createSuggestionService } from '@/lib/records/suggestion-service';
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
  // A content script may only touch records of the page it runs in; extension pages may touch any.
  const pageOf = (sender: { tab?: { id?: number }; url?: string }) =>
    sender.tab && /^https?:/i.test(sender.url ?? '') ? sender.url! : null;

  const suggestions = createSuggestionService(
    ctx.db,
    local,
    async () => (await loadSettings(local)).suggestionsEnabled,
  );

  const handlers: Handlers = {
    'page/opened': async (page, sender) => {
      const tabId = sender.tab?.id ?? -1;
      await rememberTabPage(session, tabId, page);
      return { tabId };
    },
    'annotations/for-page': ({ url, canonicalUrl }) => explainFailures(pageRecords(ctx, url, canonicalUrl)),
    'annotation/create': (input, sender) => explainFailures(createAnnotation(ctx, input, sender.url ?? '')),
    'annotation/update': (change, sender) => explainFailures(updateAnnotation(ctx, change, pageOf(sender))),
    'annotation/delete': ({ id }, sender) => explainFailures(removeAnnotation(ctx, id, pageOf(sender))),
    'annotation/restore': ({ annotation }, sender) =>
      explainFailures(restoreAnnotation(ctx, annotation, pageOf(sender))),
    'annotations/anchoring': async ({ changes }, sender) => ({
      updated: await explainFailures(recordAnchoring(ctx, changes, sender.url ?? '')),
    }),
    // Workspace: linking a highlight to a person or case from the card on the page.
    'records/match': async ({ target, query }) => ({
      matches: await explainFailures(matchRecords(ctx.db, target, query)),
    }),
    'annotation/link': (link, sender) => explainFailures(linkFromPage(ctx, link, sender.url ?? '')),
    // Known-entity suggestions (issue 6).
    'suggestions/scan': async ({ url, text }) => ({ suggestions: await explainFailures(suggestions.scan(url, text)) }),
    'suggestion/accept': ({ source, selectors, personId, article }, sender) =>
      explainFailures(
        createAnnotation(
          ctx,
          {
            source,
            selectors,
            kind: personId ? 'person' : 'fact',
            links: { personIds: personId ? [personId] : [], legalArticle: article },
          },
          sender.url ?? '',
        ),
      ),
    'suggestion/dismiss': async ({ url, key }) => ({ dismissed: await suggestions.dismiss(url, key) }),
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
