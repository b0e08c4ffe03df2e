import type { Declarations } from './source-metadata-declarations';

// What plain HTML elements declare: <link rel=canonical> (the one declaration that outranks JSON-LD,
// for the canonical address only), <time> elements (a last resort for dates), and <title> / <html lang>
// (the last resort for title and language).

const MAX_TIMES = 500;
const MAX_CANONICAL_LINKS = 20;

// Class names sites use for the publication and the update stamp (WordPress: "entry-date published", "updated").
const PUBLISHED_HINT = /publish|pubdate|posted|entry-date|post-date/i;
const MODIFIED_HINT = /updated|modified|revised|edited/i;

/** The `href`s of `<link rel="canonical">`, in document order. */
export function readCanonicalLinks(root: Document): Declarations {
  const links = Array.from(root.querySelectorAll('link[rel~="canonical" i][href]')).slice(0, MAX_CANONICAL_LINKS);
  return { canonicalUrl: links.map((link) => link.getAttribute('href') ?? '') };
}

// An element's own class or its wrapper's (`<span class="published"><time>`) says what the time stamps.
function hints(element: Element, hint: RegExp): boolean {
  return (
    hint.test(element.getAttribute('class') ?? '') || hint.test(element.parentElement?.getAttribute('class') ?? '')
  );
}

// HTML: a <time> without `datetime` has its text as the machine-readable value.
function timeValue(element: Element): string {
  return element.getAttribute('datetime') ?? element.textContent ?? '';
}

/** Dates from `<time>` elements: ones marked as publication/update stamps, then the first inside <article>. */
export function readTimeElements(root: Document): Declarations {
  const times = Array.from(root.getElementsByTagName('time')).slice(0, MAX_TIMES);
  const marked = times.filter((time) => time.hasAttribute('pubdate') || hints(time, PUBLISHED_HINT));
  const firstInArticle = times.find((time) => time.closest('article') !== null && !hints(time, MODIFIED_HINT));
  return {
    publishedTime: [...marked, ...(firstInArticle ? [firstInArticle] : [])].map(timeValue),
    modifiedTime: times.filter((time) => hints(time, MODIFIED_HINT)).map(timeValue),
  };
}

/** The document's own `<title>` and `<html lang>`. */
export function readDocumentFallbacks(root: Document): Declarations {
  return {
    title: [root.title],
    lang: [root.documentElement?.getAttribute('lang') ?? ''],
  };
}
