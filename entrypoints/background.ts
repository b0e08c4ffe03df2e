import { RecordsDatabase } from '@/lib/db/database';
import { describeStorageError } from '@/lib/db/errors';
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
  // Storage failures reach the page in words a researcher can act on.
  const explained = <T>(work: Promise<T>) =>
    work.catch((error: unknown) => {
      throw new Error(
        error instanceof Error && error.name === 'RecordAccessError' ? error.message : describeStorageError(error),
      );
    });

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
    'annotations/for-page': ({ url, canonicalUrl }) => explained(pageRecords(ctx, url, canonicalUrl)),
    'annotation/create': (input, sender) => explained(createAnnotation(ctx, input, sender.url ?? '')),
    'annotation/update': (change, sender) => explained(updateAnnotation(ctx, change, pageOf(sender))),
    'annotation/delete': ({ id }, sender) => explained(removeAnnotation(ctx, id, pageOf(sender))),
    'annotation/restore': ({ annotation }, sender) => explained(restoreAnnotation(ctx, annotation, pageOf(sender))),
    'annotations/anchoring': async ({ changes }, sender) => ({
      updated: await explained(recordAnchoring(ctx, changes, sender.url ?? '')),
    }),
    // Workspace: linking a highlight to a person or case from the card on the page.
    'records/match': async ({ target, query }) => ({ matches: await explained(matchRecords(ctx.db, target, query)) }),
    'annotation/link': (link, sender) => explained(linkFromPage(ctx, link, sender.url ?? '')),
    // Known-entity suggestions (issue 6).
    'suggestions/scan': async ({ url, text }) => ({ suggestions: await explained(suggestions.scan(url, text)) }),
    'suggestion/accept': ({ source, selectors, personId, article }, sender) =>
      explained(
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
