import search from 'approx-string-match';
import type { TextQuoteSelector } from '@/lib/schema/selectors';
import { prefixSimilarity, suffixSimilarity } from './context-similarity';
import { normalizedTextOf, normalizeString } from './normalize-text';
import {
  ANCHOR_THRESHOLDS,
  accepts,
  maxErrorsFor,
  intactSidesNeeded,
  scoreOf,
  type Evidence,
  type MatchKind,
} from './quote-evidence';
import type { TextSpan } from './text-position';
import { describedEdges, edgesAgree } from './word-edges';

// The stages of finding a quote, cheapest first: (a) the stored position, (b) exact occurrences,
// (c) a fuzzy match near the position, (d) a fuzzy match anywhere. Every candidate is judged by
// `accepts` in quote-evidence.ts; the first stage with an accepted candidate wins.

/** How a match was found: at its stored position, exactly, exactly once whitespace and
 *  typography are folded, or approximately (some words differ from the quote). */
export type MatchStrategy = 'position' | 'exact' | 'normalized' | 'fuzzy';

/** Where a quote stands in a text (UTF-16 offsets), how it was found and how sure the match is. */
export interface QuoteMatch extends TextSpan {
  strategy: MatchStrategy;
  /** 0–1, Hypothesis-style weighted agreement of quote, prefix, suffix and position. */
  score: number;
}

const T = ANCHOR_THRESHOLDS;
const CHUNK = 4096;
/** Rejected exact occurrences the fuzzy search looks past; beyond this (a quote like "the") the
 *  cost of searching between each pair outweighs the chance of a respelled twin among them. */
const MAX_CUTS = 256;
const MAX_MATCHES_PER_CHUNK = 200;

/** Stage (a): the quote at its stored offset, unless the context there contradicts it; with
 *  `shifted`, at an offset guessed from other highlights' moves, where only intact context will do.
 *  O(quote length): the path every unchanged highlight takes. */
export function matchAtPosition(
  text: string,
  quote: TextQuoteSelector,
  start: number,
  shifted = false,
): QuoteMatch | null {
  if (!Number.isInteger(start) || start < 0 || !text.startsWith(quote.exact, start)) return null;
  const end = start + quote.exact.length;
  const evidence: Evidence = {
    kind: shifted ? 'shifted' : 'position',
    length: quote.exact.length,
    errors: 0,
    prefix: sideAtPosition(quote.prefix, text, start, true),
    suffix: sideAtPosition(quote.suffix, text, end, false),
    unique: false,
    sameDigits: true,
    shortestSide: 0,
    edgesAgree: edgesAgree(describedEdges(quote.exact, quote.prefix, quote.suffix), text, start, end),
    closeness: 1,
  };
  return accepts(evidence) ? { start, end, strategy: shifted ? 'exact' : 'position', score: scoreOf(evidence) } : null;
}

/** Stages (b)–(d): search the whole text, near `hint` (a UTF-16 offset) first. */
export function searchQuote(text: string, quote: TextQuoteSelector, hint?: number): QuoteMatch | null {
  const page = normalizedTextOf(text);
  const folded = page.text;
  const needle = normalizeString(quote.exact);
  if (needle.length === 0) return null;
  const prefix = storedSide(quote.prefix);
  const suffix = storedSide(quote.suffix);
  const foldedHint = hint === undefined ? undefined : page.fromOriginal(hint);
  const edges = describedEdges(quote.exact, quote.prefix, quote.suffix);

  const judge = (kind: MatchKind, start: number, end: number, errors: number, unique: boolean) => {
    // Most candidates need an untouched side; checking that first spares the edit distances.
    const prefixIntact = prefix !== null && folded.endsWith(prefix, start);
    const suffixIntact = suffix !== null && folded.startsWith(suffix, end);
    if (Number(prefixIntact) + Number(suffixIntact) < intactSidesNeeded(kind, needle.length, unique)) return null;
    // Far from where the words stood, the same short words with one side rewritten are, on news
    // pages, another mention in repeated boilerplate far more often than these words moved: there,
    // only both sides untouched will do (the Chromium benchmark's deleted-quote set found 46 such).
    const far = foldedHint !== undefined && Math.abs(start - foldedHint) > T.hintWindow;
    if (far && needle.length < T.uniqueQuote && !(prefixIntact && suffixIntact)) return null;
    const before = folded.slice(Math.max(0, start - span(prefix ?? '')), start);
    const after = folded.slice(end, end + span(suffix ?? ''));
    const evidence: Evidence = {
      kind,
      length: needle.length,
      errors,
      prefix: prefix === null ? null : prefixIntact ? 1 : prefixSimilarity(prefix, before),
      suffix: suffix === null ? null : suffixIntact ? 1 : suffixSimilarity(suffix, after),
      unique,
      sameDigits: kind !== 'fuzzy' || digits(folded.slice(start, end)) === digits(needle),
      shortestSide: Math.min(prefix?.length ?? 0, suffix?.length ?? 0),
      edgesAgree: edgesAgree(edges, folded, start, end),
      closeness: foldedHint === undefined ? 1 : 1 - Math.abs(start - foldedHint) / Math.max(1, folded.length),
    };
    return accepts(evidence) ? { start, end, score: scoreOf(evidence) } : null;
  };
  const toMatch = (found: Candidate, strategy: MatchStrategy): QuoteMatch => {
    const start = page.toOriginalStart(found.start);
    const end = page.toOriginalEnd(found.end);
    const exact = strategy === 'normalized' && text.slice(start, end) === quote.exact;
    return { start, end, strategy: exact ? 'exact' : strategy, score: found.score };
  };

  // (b) Exact occurrences, told apart by context and, among equals, by distance to the hint.
  const occurrences = findAll(folded, needle);
  const unique = occurrences.length === 1;
  const exact = best(occurrences.map((at) => judge('exact', at, at + needle.length, 0, unique)));
  if (exact) return toMatch(exact, 'normalized');
  if (needle.length < T.fuzzyMinLength) return null;
  // A fuzzy match needs one or both stored sides untouched next to it: if they occur nowhere,
  // there is nothing to search for.
  const sidesPresent =
    Number(prefix !== null && folded.includes(prefix)) + Number(suffix !== null && folded.includes(suffix));
  if (sidesPresent < intactSidesNeeded('fuzzy', needle.length, false)) return null;

  // (c) and (d): approximate matches. The rejected exact occurrences are cut in half so that the
  // search, which reports only the fewest-error matches of each chunk, looks past them.
  const maxErrors = maxErrorsFor(needle.length);
  const cuts = occurrences.length > MAX_CUTS ? [] : occurrences.map((at) => at + (needle.length >> 1));
  const segments = cutAt(cuts, folded.length);
  const fuzzy = (regions: TextSpan[]) => {
    const found = approximate(folded, needle, maxErrors, regions);
    return best(found.map((m) => judge('fuzzy', m.start, m.end, m.errors, false)));
  };
  if (foldedHint === undefined) {
    const anywhere = fuzzy(segments);
    return anywhere ? toMatch(anywhere, 'fuzzy') : null;
  }
  const from = foldedHint - T.hintWindow;
  const to = foldedHint + needle.length + T.hintWindow;
  const near = fuzzy(clip(segments, from, to));
  if (near) return toMatch(near, 'fuzzy');
  // The rest of the text, overlapping the window by a match's length so none is missed at its edges.
  const reach = needle.length + maxErrors;
  const rest = fuzzy([...clip(segments, 0, from + reach), ...clip(segments, to - reach, folded.length)]);
  return rest ? toMatch(rest, 'fuzzy') : null;
}

interface Candidate extends TextSpan {
  score: number;
}

function best(candidates: (Candidate | null)[]): Candidate | null {
  let top: Candidate | null = null;
  for (const c of candidates) if (c && (!top || c.score > top.score)) top = c;
  return top;
}

// A stored context, folded, or null when it is too short to tell one place from another.
function storedSide(context: string | undefined): string | null {
  const folded = normalizeString(context ?? '');
  return folded.length >= T.minContext ? folded : null;
}

// How much text next to a candidate to compare with a stored side: its length plus room for
// inserted characters.
function span(stored: string): number {
  return stored.length + Math.ceil(stored.length / 4) + 2;
}

// Similarity of a stored side with the page at the stored position, folding whitespace locally;
// the raw window grows until it holds enough folded text (indentation can be long).
function sideAtPosition(context: string | undefined, text: string, at: number, before: boolean): number | null {
  const stored = context ?? '';
  if (stored.length === 0) return null;
  const same = before ? text.endsWith(stored, at) : text.startsWith(stored, at);
  const folded = normalizeString(stored);
  if (folded.length < T.minContext) return null;
  if (same) return 1;
  const want = span(folded);
  for (let size = want * 2; ; size *= 2) {
    const from = before ? Math.max(0, at - size) : at;
    const to = before ? at : Math.min(text.length, at + size);
    const window = normalizeString(text.slice(from, to));
    if (window.length >= want || (before ? from === 0 : to === text.length)) {
      return before ? prefixSimilarity(folded, window.slice(-want)) : suffixSimilarity(folded, window.slice(0, want));
    }
  }
}

function digits(value: string): string {
  return value.replace(/\P{Nd}+/gu, '');
}

function findAll(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

// [0, length) split at the given sorted cut points.
function cutAt(cuts: number[], length: number): TextSpan[] {
  const segments: TextSpan[] = [];
  let start = 0;
  for (const cut of cuts) {
    segments.push({ start, end: cut });
    start = cut;
  }
  segments.push({ start, end: length });
  return segments;
}

function clip(segments: TextSpan[], from: number, to: number): TextSpan[] {
  return segments
    .map((s) => ({ start: Math.max(s.start, from), end: Math.min(s.end, to) }))
    .filter((s) => s.end > s.start);
}

// Myers' search chunk by chunk, so each chunk reports its own best matches rather than the page
// reporting only its single best; chunks overlap by a match's longest extent.
function approximate(text: string, needle: string, maxErrors: number, segments: TextSpan[]) {
  const found: { start: number; end: number; errors: number }[] = [];
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
