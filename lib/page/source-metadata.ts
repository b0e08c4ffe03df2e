import { LIMITS } from '../schema/primitives';
import type { Declarations } from './source-metadata-declarations';
import { readCanonicalLinks, readDocumentFallbacks, readTimeElements } from './source-metadata-html';
import { readJsonLd } from './source-metadata-json-ld';
import { readMetaTags } from './source-metadata-meta';
import { canonicalUrl, cleanAuthors, cleanText, langTag, pageDate } from './source-metadata-values';

// What a page says about itself, read once when the researcher makes the first highlight, so each
// record can cite its source exactly. Pages often declare the same fact several times and sometimes
// disagree; the precedence below decides, and it is the same for every field:
//
//   1. <link rel="canonical">            (canonical address only)
//   2. JSON-LD                           (Article types before WebPage; `@graph` and arrays included)
//   3. article:* meta                    (article:published_time, article:modified_time, article:author)
//   4. OpenGraph                         (og:title, og:site_name, og:locale, og:url, og:updated_time)
//   5. other meta and microdata          (itemprop, parsely-pub-date, sailthru.date, DC.*, pubdate, date,
//                                         name=author, twitter:title, application-name)
//   6. <time> elements                   (marked as publication/update stamps, then the first in <article>)
//   7. <title> and <html lang>
//
// The first declaration that is *valid* wins: a date that is not ISO 8601 ("Feb 2, 2024"), a
// javascript: canonical or an empty title is skipped and the next one is tried. Nothing is ever made
// up: without a valid declared date the date is null (the caller records the visit time separately,
// in firstAccessed). Dates keep the declared instant and offset; only the notation is normalised
// (`+0300` becomes `+03:00`, a space before the time becomes `T`). Bylines are taken as a
// whole list from the first tier that names anyone, so two spellings of one author are not mixed.

/** What readSourceMetadata returns: the Source fields that come from the page itself. */
export type SourceMetadata = {
  /** The document's address as loaded (the address bar), unchanged. */
  url: string;
  /** The declared canonical address, resolved against the page and normalised; null if none is http(s). */
  canonicalUrl: string | null;
  /** Best declared title, collapsed and cut to the schema limit; '' if the page declares none. */
  title: string;
  siteName: string | null;
  /** Bylines in page order: trimmed, deduplicated, without URLs, at most 50. */
  authors: string[];
  /** BCP 47 tag; OpenGraph's `en_US` is given as `en-US`. */
  lang: string | null;
  /** ISO 8601 date-time (with or without offset) or date: the declared value in extended notation. */
  publishedTime: string | null;
  modifiedTime: string | null;
};

function first<T>(candidates: readonly string[], clean: (value: string) => T | null): T | null {
  for (const candidate of candidates) {
    const value = clean(candidate);
    if (value !== null) return value;
  }
  return null;
}

/** Reads the page's declared metadata from `root`, ranking conflicting declarations as documented above. */
export function readSourceMetadata(root: Document): SourceMetadata {
  const meta = readMetaTags(root);
  const tiers: Declarations[] = [
    readCanonicalLinks(root),
    readJsonLd(root),
    meta.article,
    meta.openGraph,
    meta.other,
    readTimeElements(root),
    readDocumentFallbacks(root),
  ];
  const all = (field: Exclude<keyof Declarations, 'authors'>): string[] => tiers.flatMap((tier) => tier[field] ?? []);
  // Relative addresses resolve as the browser would resolve the link: against the base URL.
  const base = root.baseURI || root.URL;

  let authors: string[] = [];
  for (const list of tiers.flatMap((tier) => tier.authors ?? [])) {
    authors = cleanAuthors(list);
    if (authors.length) break;
  }

  return {
    url: root.URL,
    canonicalUrl: first(all('canonicalUrl'), (value) => canonicalUrl(value, base)),
    title: first(all('title'), (value) => cleanText(value, LIMITS.title)) ?? '',
    siteName: first(all('siteName'), (value) => cleanText(value, LIMITS.label)),
    authors,
    lang: first(all('lang'), langTag),
    publishedTime: first(all('publishedTime'), pageDate),
    modifiedTime: first(all('modifiedTime'), pageDate),
  };
}
