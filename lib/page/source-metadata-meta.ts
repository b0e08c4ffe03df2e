import type { Declarations } from './source-metadata-declarations';

// <meta> tags in their three dialects: article:* (Open Graph's article vocabulary, dated and signed),
// OpenGraph proper (og:*), and the older or vendor-specific names (author, DC.*, parsely-*, microdata).
// Values are raw `content` strings; cleaning and ranking happen in source-metadata.ts.

// A page with thousands of meta tags is hostile or broken; the first ones are the real head anyway.
const MAX_META = 2_000;
const MAX_MICRODATA = 200;

type MetaIndex = Map<string, string[]>;

/** `content` values by lower-cased `property` and `name` (sites put og:* in either), in document order. */
function indexMeta(root: Document): MetaIndex {
  const index: MetaIndex = new Map();
  const metas = root.getElementsByTagName('meta');
  for (let i = 0; i < metas.length && i < MAX_META; i += 1) {
    const meta = metas[i];
    const content = meta?.getAttribute('content');
    if (!meta || content === null || content === undefined) continue;
    const keys = new Set(
      [meta.getAttribute('property'), meta.getAttribute('name')]
        .filter((key) => key !== null)
        .map((key) => key.trim().toLowerCase()),
    );
    for (const key of keys) index.set(key, [...(index.get(key) ?? []), content]);
  }
  return index;
}

function values(index: MetaIndex, ...keys: string[]): string[] {
  return keys.flatMap((key) => index.get(key) ?? []);
}

/** Microdata values of `property` (`<meta itemprop content>`, `<time itemprop datetime>`, or element text). */
function microdata(root: Document, property: string): string[] {
  const found: string[] = [];
  for (const element of Array.from(root.querySelectorAll(`[itemprop~="${property}"]`)).slice(0, MAX_MICRODATA)) {
    const tag = element.localName;
    const value =
      tag === 'meta'
        ? element.getAttribute('content')
        : (element.getAttribute('datetime') ?? element.getAttribute('content') ?? element.textContent);
    if (value !== null) found.push(value);
  }
  return found;
}

/** The three tiers of meta declarations, each to be ranked separately. */
export type MetaDeclarations = { article: Declarations; openGraph: Declarations; other: Declarations };

/** Reads article:*, og:* and other meta declarations of the page. */
export function readMetaTags(root: Document): MetaDeclarations {
  const meta = indexMeta(root);
  return {
    article: {
      publishedTime: values(meta, 'article:published_time'),
      modifiedTime: values(meta, 'article:modified_time'),
      authors: [values(meta, 'article:author')],
    },
    openGraph: {
      title: values(meta, 'og:title'),
      siteName: values(meta, 'og:site_name'),
      lang: values(meta, 'og:locale'),
      canonicalUrl: values(meta, 'og:url'),
      modifiedTime: values(meta, 'og:updated_time'),
    },
    other: {
      title: values(meta, 'twitter:title'),
      siteName: values(meta, 'application-name'),
      authors: [values(meta, 'author'), values(meta, 'dc.creator', 'dcterms.creator')],
      publishedTime: [
        ...microdata(root, 'datePublished'),
        ...values(
          meta,
          'parsely-pub-date',
          'sailthru.date',
          'dc.date.issued',
          'dcterms.issued',
          'dc.date',
          'dcterms.date',
          'pubdate',
          'date',
        ),
      ],
      modifiedTime: [...microdata(root, 'dateModified'), ...values(meta, 'dc.date.modified', 'dcterms.modified')],
    },
  };
}
