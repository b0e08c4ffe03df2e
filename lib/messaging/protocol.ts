import * as z from 'zod/mini';
import { Annotation } from '../schema/annotation';
import { KindDefinition } from '../schema/kinds';
import { LegalArticle } from '../schema/legal-article';
import { HttpUrl, Id, LIMITS, Slug, text } from '../schema/primitives';
import { Selectors } from '../schema/selectors';
import { Source } from '../schema/source';
import { contentProtocol, MAX_SCAN_TEXT, MAX_SUGGESTIONS, PageDescription } from './protocol-content';
import { isTypeIn, message, shortText, type ErrorCode, type SenderKind } from './protocol-core';

// Every message that crosses a context boundary is declared once, with who may send it, what it
// carries and what it answers. The table is split by receiver: the messages the content script
// handles live in protocol-content.ts (the only table it bundles), the background's are here, and
// `protocol` is their union, from which handlers, clients and tests derive.

export { Empty, ErrorCode, Reply, type SenderKind } from './protocol-core';
export { MAX_SCAN_TEXT, MAX_SUGGESTIONS, PageDescription, PageSuggestion, contentProtocol } from './protocol-content';

/** What the content script captures of a page for its first record; the background adds ids and times. */
export const SourceCapture = z.omit(Source, { id: true, firstAccessed: true, lastAccessed: true });
export type SourceCapture = z.infer<typeof SourceCapture>;

/** Everything the content script needs to paint a page's highlights and describe them in a card. */
export const PageRecords = z.strictObject({
  annotations: z.array(Annotation),
  persons: z.array(z.strictObject({ id: Id, name: text(LIMITS.name) })),
  cases: z.array(z.strictObject({ id: Id, title: text(LIMITS.title) })),
  kinds: z.array(KindDefinition),
  lastKind: Slug,
});
export type PageRecords = z.infer<typeof PageRecords>;

/** A change of a highlight's anchoring state, found while re-anchoring a page. */
export const AnchoringChange = z.strictObject({ id: Id, state: z.enum(['anchored', 'orphaned']) });
export type AnchoringChange = z.infer<typeof AnchoringChange>;

const Both: readonly SenderKind[] = ['content-script', 'extension-page'];

// Known-entity suggestions (issue 6): the background finds registered persons and legal articles in
// a page's text; the content script marks them and turns an accepted one into a linked highlight.

/** A mention the background suggests: UTF-16 offsets in the text it was sent, and what it names. */
export const Suggestion = z.strictObject({
  /** What dismissing it remembers for the page: the person (or article) and the words. */
  key: shortText(1000),
  start: z.int().check(z.nonnegative()),
  end: z.int().check(z.nonnegative()),
  personId: z.nullable(Id),
  /** The person's name, or the article as a reader would say it. */
  label: shortText(LIMITS.name),
  article: z.nullable(LegalArticle),
});
export type Suggestion = z.infer<typeof Suggestion>;

/** The messages the background handles, from content scripts, extension pages or both. */
export const backgroundProtocol = {
  /**
   * Content script to background: a page with the content script has loaded. The answer says
   * whether the page is in discreet mode (the content script then adds nothing to the page until
   * the researcher acts on it).
   */
  'page/opened': message('content-script', PageDescription, z.strictObject({ tabId: z.int(), discreet: z.boolean() })),
  /**
   * Content script to background: the records to show on the sender's page. The page is the
   * sender's tab URL, never a value of the message; the declared canonical URL counts only when it
   * is on the same site.
   */
  'annotations/for-page': message('content-script', z.strictObject({ canonicalUrl: z.nullable(HttpUrl) }), PageRecords),
  /** Content script to background: save a new highlight; answered only after the write commits. */
  'annotation/create': message(
    'content-script',
    // `id` is chosen by the page before sending, so a save retried after the service worker stopped
    // finds the record it already stored instead of making a second one.
    z.strictObject({ id: Id, source: SourceCapture, selectors: Selectors, kind: Slug }),
    Annotation,
  ),
  /** Change a highlight's kind or note. */
  'annotation/update': message(
    Both,
    z.strictObject({ id: Id, kind: z.optional(Slug), note: z.optional(text(LIMITS.note)) }),
    Annotation,
  ),
  /** Delete a highlight; the reply carries the deleted record so the user can undo. */
  'annotation/delete': message(Both, z.strictObject({ id: Id }), Annotation),
  /** Put back a highlight deleted a moment ago (undo). */
  'annotation/restore': message(Both, z.strictObject({ annotation: Annotation }), Annotation),
  /** Content script to background: highlights found again or lost since the last check. */
  'annotations/anchoring': message(
    'content-script',
    z.strictObject({ changes: z.array(AnchoringChange).check(z.maxLength(10_000)) }),
    z.strictObject({ updated: z.int() }),
  ),
  /** Content script to background: the registered persons and legal articles named in this text. */
  'suggestions/scan': message(
    'content-script',
    z.strictObject({ text: z.string().check(z.maxLength(MAX_SCAN_TEXT)) }),
    z.strictObject({ suggestions: z.array(Suggestion).check(z.maxLength(MAX_SUGGESTIONS)) }),
  ),
  /** Content script to background: save a suggestion as a highlight linked to its person or article; answered after commit. */
  'suggestion/accept': message(
    'content-script',
    z.strictObject({
      id: Id,
      source: SourceCapture,
      selectors: Selectors,
      personId: z.nullable(Id),
      article: z.nullable(LegalArticle),
    }),
    Annotation,
  ),
  /** Content script to background: open the side panel (Chrome) at this highlight, in answer to the researcher's click on the card. */
  'sidepanel/open': message(
    'content-script',
    z.strictObject({ annotationId: z.nullable(Id) }),
    z.strictObject({ opened: z.boolean() }),
  ),
  /**
   * Content script to the extension's pages: what the page shows changed (its suggestions, or its
   * highlights were shown in discreet mode). The side panel beside that tab reloads that part; the
   * background only acknowledges. Instead of the panel asking every few seconds.
   */
  'page/changed': message(
    'content-script',
    z.strictObject({ what: z.enum(['suggestions', 'shown']) }),
    z.strictObject({ seen: z.boolean() }),
  ),
  /** Content script to background: never suggest these words for this person (or article) on this page again. */
  'suggestion/dismiss': message(
    'content-script',
    z.strictObject({ key: shortText(1000) }),
    z.strictObject({ dismissed: z.int() }),
  ),
};

/** The whole protocol table: message type to its declaration, whoever receives it. */
export const protocol = { ...backgroundProtocol, ...contentProtocol };

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type PayloadOf<T extends MessageType> = z.infer<Protocol[T]['payload']>;
export type ResultOf<T extends MessageType> = z.infer<Protocol[T]['result']>;

/** The wire form of a request. */
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: PayloadOf<T>;
}

/** A reply as the receiver of message `T` sends it. */
export type ReplyOf<T extends MessageType> =
  { ok: true; data: ResultOf<T> } | { ok: false; error: { code: ErrorCode; message: string } };

/** Narrowing guard for message type names arriving from outside. */
export function isMessageType(value: unknown): value is MessageType {
  return isTypeIn(protocol, value);
}
