import {
  recordTables,
  type RecordsDatabase,
  annotationsForUrl,
  deleteAnnotation,
  findSourceByUrl,
  getAnnotation,
  getSource,
  putAnnotation,
  putSource,
} from '../db';
import type { AnchoringChange, PageRecords, SourceCapture } from '../messaging/protocol';
import { senderPage, type MessageSenderInfo } from '../messaging/sender';
import type { Annotation } from '../schema/annotation';
import type { LegalArticle } from '../schema/legal-article';
import { BUILT_IN_KINDS, type KindDefinition } from '../schema/kinds';
import type { Selector } from '../schema/selectors';
import type { Source } from '../schema/source';
import { normalizeUrl } from '../source/normalize-url';
import { sameSite, trustedCanonical } from '../source/same-site';
import { coverKinds } from '../settings/kinds-vocabulary';

// What the background does with highlights: it is the one writer, so the rules live here. A record
// is tied to the page its content script runs in, and only that page's script may change it. The
// page is the sender's tab address, never a value of a message; the canonical URL a page declares
// (its DOM's, so the page's choice) counts only on the same site (issue 11).

/** What the service needs from its surroundings; tests pass fixed clocks and ids. */
export interface ServiceContext {
  db: RecordsDatabase;
  now: () => string;
  newId: () => string;
  /** The researcher's name for new records, or null. */
  creator: () => Promise<string | null>;
  lastKind: () => Promise<string>;
  rememberKind: (kind: string) => Promise<void>;
  /** The researcher's kinds vocabulary (options page); the built-in kinds when not given. */
  vocabulary?: () => Promise<readonly KindDefinition[]>;
}

/** A request refused because it names another page's records or a record that does not exist. */
export class RecordAccessError extends Error {
  override readonly name = 'RecordAccessError';
}

const sameUrl = (a: string | null | undefined, b: string | null | undefined) =>
  !!a && !!b && normalizeUrl(a) !== null && normalizeUrl(a) === normalizeUrl(b);

/**
 * The page a content script's message is about (its tab's address); refused when the sender is not
 * a content script in an http(s) tab, so no request about a page is answered without one.
 */
export function requireSenderPage(sender: MessageSenderInfo): string {
  const page = senderPage(sender);
  if (page === null) throw new RecordAccessError('This request must come from a page in a tab.');
  return page;
}

/**
 * True when `source` is the page at `pageUrl`: its visited address, or its canonical address when
 * that is on the source's own site (older versions stored any canonical a page declared).
 */
function sourceIsPage(source: Source, pageUrl: string): boolean {
  if (sameUrl(source.url, pageUrl)) return true;
  return (
    source.canonicalUrl !== null && sameSite(source.url, source.canonicalUrl) && sameUrl(source.canonicalUrl, pageUrl)
  );
}

/** Refuses an annotation that a content script on another page asks about. */
async function requireOnPage(ctx: ServiceContext, annotation: Annotation, pageUrl: string | null): Promise<void> {
  if (pageUrl === null) return;
  const source = await getSource(ctx.db, annotation.sourceId);
  if (!source || !sourceIsPage(source, pageUrl)) {
    throw new RecordAccessError('This highlight belongs to another page.');
  }
}

async function existing(ctx: ServiceContext, id: string): Promise<Annotation> {
  const found = await getAnnotation(ctx.db, id);
  if (!found) throw new RecordAccessError('This highlight no longer exists.');
  return found;
}

/**
 * The highlights of the page at `pageUrl` (the sender's tab address) with the names the cards show.
 * `declaredCanonical` is what the page's DOM says; it counts only on the page's own site, and stored
 * sources match through their canonical only on their own site (see sourcesForUrl).
 */
export async function pageRecords(
  ctx: ServiceContext,
  pageUrl: string,
  declaredCanonical: string | null,
): Promise<PageRecords> {
  const annotations = await annotationsForUrl(ctx.db, pageUrl, trustedCanonical(pageUrl, declaredCanonical));
  const personIds = [...new Set(annotations.flatMap((a) => a.personIds))];
  const caseIds = [...new Set(annotations.flatMap((a) => a.caseIds))];
  const persons = (await ctx.db.persons.bulkGet(personIds)).flatMap((p) => (p ? [{ id: p.id, name: p.name }] : []));
  const cases = (await ctx.db.cases.bulkGet(caseIds)).flatMap((c) => (c ? [{ id: c.id, title: c.title }] : []));
  return {
    annotations,
    persons,
    cases,
    kinds: coverKinds(
      ctx.vocabulary ? await ctx.vocabulary() : BUILT_IN_KINDS,
      annotations.map((a) => a.kind),
    ),
    lastKind: await ctx.lastKind(),
  };
}

/** What a highlight made from a suggestion is linked to from the start (issue 6). */
export interface AnnotationLinks {
  personIds?: string[];
  legalArticle?: LegalArticle | null;
}

/**
 * Saves a new highlight on the page at `pageUrl` (the sender's tab address). The first highlight on
 * a page records its source; later ones reuse it and note the visit. A canonical URL on another site
 * is not believed: neither looked up nor stored, so a copy's highlight is filed under the copy's own
 * address. Source and highlight are written in one transaction.
 */
export async function createAnnotation(
  ctx: ServiceContext,
  input: { id?: string; source: SourceCapture; selectors: Selector[]; kind: string; links?: AnnotationLinks },
  pageUrl: string,
): Promise<Annotation> {
  if (!sameUrl(input.source.url, pageUrl)) {
    throw new RecordAccessError('The page address does not match the tab the highlight was made in.');
  }
  const canonicalUrl = trustedCanonical(pageUrl, input.source.canonicalUrl);
  const now = ctx.now();
  const creator = await ctx.creator();
  const annotation = await ctx.db.transaction('rw', recordTables(ctx.db), async () => {
    // A retry of a save whose answer was lost (the service worker stopped) finds its record.
    const stored = input.id === undefined ? undefined : await getAnnotation(ctx.db, input.id);
    if (stored) return sameSave(ctx, stored, input, pageUrl);
    const known = await findSourceByUrl(ctx.db, input.source.url, canonicalUrl);
    const source: Source = known
      ? { ...known, lastAccessed: now }
      : { ...input.source, canonicalUrl, id: ctx.newId(), firstAccessed: now, lastAccessed: now };
    await putSource(ctx.db, source);
    return putAnnotation(ctx.db, {
      id: input.id ?? ctx.newId(),
      sourceId: source.id,
      selectors: input.selectors,
      kind: input.kind,
      tags: [],
      note: '',
      personIds: input.links?.personIds ?? [],
      caseIds: [],
      fact:
        input.kind === 'fact'
          ? { eventType: null, date: null, place: null, legalArticle: input.links?.legalArticle ?? null, term: null }
          : null,
      creator,
      created: now,
      modified: now,
      anchoring: { state: 'anchored', checkedAt: now },
    });
  });
  await ctx.rememberKind(input.kind);
  return annotation;
}

/** The stored record of a repeated save, or a refusal when the id names another highlight. */
async function sameSave(
  ctx: ServiceContext,
  stored: Annotation,
  input: { selectors: Selector[]; kind: string },
  pageUrl: string,
): Promise<Annotation> {
  await requireOnPage(ctx, stored, pageUrl);
  const same = JSON.stringify(stored.selectors) === JSON.stringify(input.selectors) && stored.kind === input.kind;
  if (!same) throw new RecordAccessError('Another highlight already has this id.');
  return stored;
}

/**
 * Runs a read-modify-write of highlights as one read-write transaction: IndexedDB runs two such
 * transactions on the same tables one after the other, so an edit made meanwhile elsewhere (a link
 * from the side panel, an anchoring report) is read, not overwritten with an older copy.
 */
function readModifyWrite<R>(ctx: ServiceContext, work: () => Promise<R>): Promise<R> {
  return ctx.db.transaction('rw', recordTables(ctx.db), work);
}

/** Changes the kind or note of a highlight; `pageUrl` is set when a content script asks. */
export async function updateAnnotation(
  ctx: ServiceContext,
  change: { id: string; kind?: string; note?: string },
  pageUrl: string | null,
): Promise<Annotation> {
  return readModifyWrite(ctx, async () => {
    const current = await existing(ctx, change.id);
    await requireOnPage(ctx, current, pageUrl);
    const kind = change.kind ?? current.kind;
    const fact =
      kind === 'fact'
        ? (current.fact ?? { eventType: null, date: null, place: null, legalArticle: null, term: null })
        : current.fact;
    return putAnnotation(ctx.db, { ...current, kind, fact, note: change.note ?? current.note, modified: ctx.now() });
  });
}

/** Deletes a highlight and returns it, so the user can undo. */
export async function removeAnnotation(ctx: ServiceContext, id: string, pageUrl: string | null): Promise<Annotation> {
  return readModifyWrite(ctx, async () => {
    const current = await existing(ctx, id);
    await requireOnPage(ctx, current, pageUrl);
    await deleteAnnotation(ctx.db, id);
    return current;
  });
}

/** Puts back a deleted highlight exactly as it was. */
export async function restoreAnnotation(
  ctx: ServiceContext,
  annotation: Annotation,
  pageUrl: string | null,
): Promise<Annotation> {
  return readModifyWrite(ctx, async () => {
    if (await getAnnotation(ctx.db, annotation.id)) throw new RecordAccessError('This highlight already exists.');
    await requireOnPage(ctx, annotation, pageUrl);
    return putAnnotation(ctx.db, annotation);
  });
}

/**
 * Records highlights found again or lost. Only a change of state is written (with the time), so
 * revisiting a page does not rewrite every record. `modified` stays: it is the researcher's last
 * edit, which import merges and the "last change" filter rely on, and anchoring is the page's doing.
 */
export async function recordAnchoring(
  ctx: ServiceContext,
  changes: readonly AnchoringChange[],
  pageUrl: string,
): Promise<number> {
  const now = ctx.now();
  // Each highlight is read and written in one transaction: a fact's fields saved meanwhile in the
  // side panel stay (they were wiped when the report wrote back a copy read before them).
  let updated = 0;
  for (const change of changes) {
    const written = await readModifyWrite(ctx, async () => {
      const current = await getAnnotation(ctx.db, change.id);
      if (!current || current.anchoring.state === change.state) return false;
      await requireOnPage(ctx, current, pageUrl);
      await putAnnotation(ctx.db, { ...current, anchoring: { state: change.state, checkedAt: now } });
      return true;
    });
    if (written) updated++;
  }
  return updated;
}
