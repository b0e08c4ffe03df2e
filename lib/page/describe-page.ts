import type { PageDescription } from '../messaging/protocol';

// A first, small reading of the page that the content script can answer with at once.
// Full source capture (JSON-LD, OpenGraph, bylines) builds on this later.

function httpUrlOrNull(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The page's declared canonical URL (http(s) only), without reading its text. */
export function canonicalUrlOf(root: Document): string | null {
  const canonical = root.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  return httpUrlOrNull(canonical?.getAttribute('href'), root.URL);
}

/** Describes the document `root` as the user sees it: URL, title, canonical link, language, text size. */
export function describePage(root: Document): PageDescription {
  const url = root.URL;
  const lang = root.documentElement.getAttribute('lang')?.trim();
  return {
    url,
    title: root.title.trim().slice(0, 2000),
    canonicalUrl: canonicalUrlOf(root),
    lang: lang ? lang.slice(0, 64) : null,
    textLength: root.body?.textContent?.length ?? 0,
  };
}
