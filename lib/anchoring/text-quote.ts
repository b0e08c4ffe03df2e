import { LIMITS } from '@/lib/schema/primitives';
import type { TextQuoteSelector } from '@/lib/schema/selectors';
import { foldedWidth, isFoldedSpace } from './normalize-text';
import { ANCHOR_THRESHOLDS } from './quote-evidence';
import { matchAtPosition, searchQuote, type QuoteMatch } from './quote-search';

// The quote is the evidence; its prefix and suffix tell repeated words apart. describe and match
// are a pair: matching a quote in the text it was described from returns the described span.

/** Where to look first: the UTF-16 offset where the quote stood (from a TextPositionSelector). */
export interface QuoteHint {
  start?: number;
}

/** The W3C quote of a UTF-16 span, with `contextLength` units of context on each side, counted
 *  as matching reads them: a run of whitespace is one unit. Between paragraphs a page's text is
 *  mostly indentation ("sonment\n      \n        \n        " is 32 units but 8 of context), and
 *  context that short cannot survive one edited word beside the quote. Capped at the schema's
 *  200-character limit for contexts. */
export function describeTextQuote(
  text: string,
  start: number,
  end: number,
  contextLength: number = ANCHOR_THRESHOLDS.contextLength,
): TextQuoteSelector {
  if (!(start >= 0 && start < end && end <= text.length)) {
    throw new RangeError(`a quote needs a non-empty span inside the text, not [${start}, ${end})`);
  }
  // Never cut an emoji (a surrogate pair) in half: the stored context must be valid Unicode.
  let prefixStart = contextStart(text, start, contextLength);
  if (isLowSurrogate(text, prefixStart) && isHighSurrogate(text, prefixStart - 1)) prefixStart++;
  let suffixEnd = contextEnd(text, end, contextLength);
  if (isHighSurrogate(text, suffixEnd - 1) && isLowSurrogate(text, suffixEnd)) suffixEnd--;
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(prefixStart, start),
    suffix: text.slice(end, suffixEnd),
  };
}

// Where a prefix of `length` folded units before `start` begins.
function contextStart(text: string, start: number, length: number): number {
  let at = start;
  let width = 0;
  while (at > 0 && start - at < LIMITS.context - 1) {
    const code = text.charCodeAt(at - 1);
    const next = width + foldedWidth(code, at > 1 && isFoldedSpace(text.charCodeAt(at - 2)));
    if (next > length) break;
    width = next;
    at--;
  }
  return at;
}

// Where a suffix of `length` folded units after `end` ends.
function contextEnd(text: string, end: number, length: number): number {
  let at = end;
  let width = 0;
  while (at < text.length && at - end < LIMITS.context - 1) {
    const next = width + foldedWidth(text.charCodeAt(at), at > end && isFoldedSpace(text.charCodeAt(at - 1)));
    if (next > length) break;
    width = next;
    at++;
  }
  return at;
}

/** Finds a quote in a text, or null when it is gone: never other words (see quote-evidence.ts). */
export function matchQuote(text: string, quote: TextQuoteSelector, hint: QuoteHint = {}): QuoteMatch | null {
  if (quote.exact.length === 0) return null;
  if (hint.start !== undefined) {
    const atHint = matchAtPosition(text, quote, hint.start);
    if (atHint) return atHint;
  }
  return searchQuote(text, quote, hint.start);
}

function isHighSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff;
}
