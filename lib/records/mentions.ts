import { type RecordsDatabase, getSource } from '../db';
import type { Annotation } from '../schema/annotation';
import type { Source } from '../schema/source';
import { quoteOf } from '../schema/quote-of';
import { urlAtQuote } from '../source/text-fragment';

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

/**
 * The page's address (without tracking parameters) with a text fragment that browsers scroll to and
 * mark: the same link the All records view opens (urlAtQuote).
 */
export function highlightLink(url: string, annotation: Annotation): string {
  return urlAtQuote(url, annotation.selectors);
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
