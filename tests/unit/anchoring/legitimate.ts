import { normalizeString } from '@/lib/anchoring/normalize-text';
import type { TextQuoteSelector } from '@/lib/schema/selectors';

/** Whether a match is the quote itself: the same words (punctuation and spacing aside), with the
 *  same stored context on at least one side. Anything else that anchors is a false anchor. */
export function legitimate(text: string, start: number, end: number, quote: TextQuoteSelector): boolean {
  const prefix = normalizeString(quote.prefix ?? '');
  const suffix = normalizeString(quote.suffix ?? '');
  const reach = 4 * Math.max(prefix.length, suffix.length) + 16;
  const before = normalizeString(text.slice(Math.max(0, start - reach), start));
  const after = normalizeString(text.slice(end, end + reach));
  return (
    words(text.slice(start, end)) === words(quote.exact) &&
    ((prefix !== '' && before.endsWith(prefix)) || (suffix !== '' && after.startsWith(suffix)))
  );
}

function words(value: string): string {
  return value.replace(/[^\p{L}\p{N}]+/gu, '');
}
