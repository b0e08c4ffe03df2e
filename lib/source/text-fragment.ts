import type { Selector } from '../schema/selectors';
import { withoutTracking } from './normalize-url';

// Opening a page "at the highlight" needs no message to a content script that may not be loaded
// yet: a URL text fragment (`#:~:text=prefix-,start,end,-suffix`, Chrome 80+, Firefox 131+) makes
// the browser itself scroll to the quoted words and mark them. The fragment is a hint: when the page
// has changed, the browser simply opens it at the top. The address is the visited one without its
// tracking parameters (`utm_*`, `fbclid`, ...): opening a record must not replay them to the site.

// A long quote is named by its first and last words (textStart,textEnd) to keep the URL short.
const WHOLE_QUOTE_UP_TO = 80;
const EDGE_WORDS = 4;
const CONTEXT_WORDS = 3;

// Text directives use `-`, `,` and `&` as syntax, so they must be percent-encoded inside terms.
const encodeTerm = (term: string) => encodeURIComponent(term).replace(/-/g, '%2D');

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * Context words next to the quote, whole words only (the stored context may start mid-word). Context
 * glued to the quote (no space or punctuation between) means the quote starts or ends inside a word,
 * where context cannot help: it is left out.
 */
function contextWords(text: string | undefined, side: 'prefix' | 'suffix'): string {
  if (!text || !text.trim()) return '';
  if (side === 'prefix' ? !/\s$/.test(text) : !/^[\s\p{P}]/u.test(text)) return '';
  const list = words(text);
  // The stored context is cut at a fixed length: drop the word the cut may have split.
  const whole =
    side === 'prefix' ? (/^\s/.test(text) ? list : list.slice(1)) : /\s$/.test(text) ? list : list.slice(0, -1);
  return (side === 'prefix' ? whole.slice(-CONTEXT_WORDS) : whole.slice(0, CONTEXT_WORDS)).join(' ');
}

/**
 * The page's address, without tracking parameters, with a text fragment pointing at the quoted
 * words; the address alone without a quote.
 */
export function urlAtQuote(url: string, selectors: readonly Selector[]): string {
  const base = withoutTracking(url).replace(/#.*$/s, '');
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  if (!quote) return base;
  const exact = words(quote.exact);
  if (!exact.length) return base;
  const prefix = contextWords(quote.prefix, 'prefix');
  const suffix = contextWords(quote.suffix, 'suffix');
  const target =
    quote.exact.length <= WHOLE_QUOTE_UP_TO || exact.length <= EDGE_WORDS * 2
      ? encodeTerm(exact.join(' '))
      : `${encodeTerm(exact.slice(0, EDGE_WORDS).join(' '))},${encodeTerm(exact.slice(-EDGE_WORDS).join(' '))}`;
  const parts = [prefix && `${encodeTerm(prefix)}-`, target, suffix && `-${encodeTerm(suffix)}`].filter(Boolean);
  return `${base}#:~:text=${parts.join(',')}`;
}
