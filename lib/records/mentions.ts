import type { RecordsDatabase } from '../db/database';
import { getSource } from '../db/records';
import type { Annotation } from '../schema/annotation';
import type { Source } from '../schema/source';
import { quoteOf } from '../schema/quote-of';

// A mention is a highlight seen from a person or case: the words, and the page they stand on, with
// an address that opens that page scrolled to those words.

/** A highlight with its source, as the Persons and Cases views list it. */
export interface Mention {
  annotation: Annotation;
  source: Source | null;
  quote: string;
  /** Opens the page at the highlight (a URL text fragment); null when the source is missing. */
  link: string | null;
}

// Text fragments give "-", "," and "&" a meaning; they are escaped inside the quoted words.
const encodeFragmentText = (text: string) => encodeURIComponent(text).replace(/-/g, '%2D');
// The context's outer word may be cut in half (context is a fixed number of characters): drop it.
const words = (text: string) => text.trim().split(/\s+/).filter(Boolean);
const prefixWords = (prefix: string) => words(prefix).slice(1).slice(-3).join(' ');
const suffixWords = (suffix: string) => words(suffix).slice(0, -1).slice(0, 3).join(' ');

/**
 * The page's address with a text fragment (`#:~:text=prefix-,words,-suffix`) that browsers scroll
 * to and mark; the prefix and suffix (a few words of context) pick the right one of repeated words.
 */
export function highlightLink(url: string, annotation: Annotation): string {
  const quote = annotation.selectors.find((s) => s.type === 'TextQuoteSelector');
  const base = url.split('#')[0]!;
  if (!quote) return base;
  const exact = quote.exact.replace(/\s+/g, ' ').trim();
  // Context glued to the quote means the quote starts or ends inside a word: it cannot help then.
  const prefix = quote.prefix && /\s$/.test(quote.prefix) ? prefixWords(quote.prefix) : '';
  const suffix = quote.suffix && /^[\s\p{P}]/u.test(quote.suffix) ? suffixWords(quote.suffix) : '';
  const parts = [
    prefix && `${encodeFragmentText(prefix)}-`,
    encodeFragmentText(exact),
    suffix && `-${encodeFragmentText(suffix)}`,
  ];
  return `${base}#:~:text=${parts.filter(Boolean).join(',')}`;
}
/** When a mention happened, for ordering: the page's publication date, else when it was highlighted. */
export function mentionDate(m: Pick<Mention, 'annotation' | 'source'>): string {
  return m.annotation.fact?.date ?? m.source?.publishedTime ?? m.annotation.created;
}

/** The highlights with their sources, oldest first by mentionDate. */
export async function mentionsOf(db: RecordsDatabase, annotations: readonly Annotation[]): Promise<Mention[]> {
  const sources = new Map<string, Source | null>();
  for (const id of new Set(annotations.map((a) => a.sourceId))) sources.set(id, (await getSource(db, id)) ?? null);
  return annotations
    .map((annotation) => {
      const source = sources.get(annotation.sourceId) ?? null;
      const quote = quoteOf(annotation);
      return { annotation, source, quote, link: source ? highlightLink(source.url, annotation) : null };
    })
    .sort((a, b) => (mentionDate(a) < mentionDate(b) ? -1 : mentionDate(a) > mentionDate(b) ? 1 : 0));
}
