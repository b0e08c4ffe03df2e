import search from 'approx-string-match';
import type { TextSpan } from './text-position';

// The approximate side of quote search: Myers' bit-parallel search (approx-string-match) over the
// regions to search, and moving a match's ends onto its stored context.

const CHUNK = 4096;
const MAX_MATCHES_PER_CHUNK = 200;

/** An approximate match of a quote and its edit count. */
export interface Approximate extends TextSpan {
  errors: number;
}

/** The edge nearest `at` (within `slack`) where `side` stands untouched: the end of the prefix, or
 *  the start of the suffix; `at` itself when there is none. Searches a slice, never the whole text. */
export function nearest(text: string, side: string, at: number, slack: number, before: boolean): number {
  if (before ? text.endsWith(side, at) : text.startsWith(side, at)) return at;
  const from = Math.max(0, at - slack - (before ? side.length : 0));
  const window = text.slice(from, at + slack + (before ? 0 : side.length));
  let found = at;
  for (let i = window.indexOf(side); i !== -1; i = window.indexOf(side, i + 1)) {
    const edge = from + i + (before ? side.length : 0);
    if (Math.abs(edge - at) <= slack && (found === at || Math.abs(edge - at) < Math.abs(found - at))) found = edge;
  }
  return found;
}

/** Myers' search chunk by chunk, so each chunk reports its own best matches rather than the page
 *  reporting only its single best; chunks overlap by a match's longest extent. */
export function approximate(text: string, needle: string, maxErrors: number, segments: TextSpan[]): Approximate[] {
  const found: Approximate[] = [];
  const reach = needle.length + maxErrors;
  for (const segment of segments) {
    for (let from = segment.start; from < segment.end; from += CHUNK) {
      const to = Math.min(segment.end, from + CHUNK + reach);
      const matches = search(text.slice(from, to), needle, maxErrors);
      for (const m of matches.slice(0, MAX_MATCHES_PER_CHUNK)) {
        found.push({ start: from + m.start, end: from + m.end, errors: m.errors });
      }
      if (to === segment.end) break;
    }
  }
  return found;
}
