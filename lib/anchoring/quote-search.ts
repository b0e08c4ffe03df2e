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
import { approximate, nearest, type Approximate } from './approximate-search';
import { changedWords, editDistance, wordsOf } from './edit-distance';
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
  /** Whether both stored sides stand untouched around it: only such a match tells how far the
   *  page moved, for the other highlights to use. */
  intact: boolean;
}

const T = ANCHOR_THRESHOLDS;
/** Rejected exact occurrences the fuzzy search looks past; beyond this (a quote like "the") the
 *  cost of searching between each pair outweighs the chance of a respelled twin among them. */
const MAX_CUTS = 256;

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
    changedWords: 0,
    words: 0,
    shortestSide: 0,
    edgesAgree: edgesAgree(describedEdges(quote.exact, quote.prefix, quote.suffix), text, start, end),
    closeness: 1,
  };
  if (!accepts(evidence)) return null;
  const intact = evidence.prefix === 1 && evidence.suffix === 1;
  return { start, end, strategy: shifted ? 'exact' : 'position', score: scoreOf(evidence), intact };
}

/** Stages (b)–(d): search the whole text, near `hint` (a UTF-16 offset) first. `moved` are other
 *  offsets where the words may stand (the hint moved as far as other highlights of the page did):
 *  an exact occurrence near one of them is not far from its place. */
export function searchQuote(
  text: string,
  quote: TextQuoteSelector,
  hint?: number,
  moved: readonly number[] = [],
): QuoteMatch | null {
  const page = normalizedTextOf(text);
  const folded = page.text;
  const needle = normalizeString(quote.exact);
  if (needle.length === 0) return null;
  const prefix = storedSide(quote.prefix);
  const suffix = storedSide(quote.suffix);
  const foldedHint = hint === undefined ? undefined : page.fromOriginal(hint);
  const places = foldedHint === undefined ? [] : [foldedHint, ...moved.map((at) => page.fromOriginal(at))];
  const edges = describedEdges(quote.exact, quote.prefix, quote.suffix);
  const quoteWords = wordsOf(needle);

  const judge = (kind: MatchKind, start: number, end: number, errors: number, unique: boolean) => {
    // Most candidates need an untouched side; checking that first spares the edit distances.
    const prefixIntact = prefix !== null && folded.endsWith(prefix, start);
    const suffixIntact = suffix !== null && folded.startsWith(suffix, end);
    if (Number(prefixIntact) + Number(suffixIntact) < intactSidesNeeded(kind, needle.length, unique)) return null;
    // Far from where the words stood, the same words with a side rewritten are, on news pages,
    // another mention in repeated boilerplate far more often than these words moved: a headline
    // repeated in another "Related news" list, a name in another case. There, only both sides
    // untouched will do, whatever the length (the Chromium benchmark's deleted-quote set found 46
    // short ones, then long headlines whose copy differed by a year before them).
    const far = places.length > 0 && places.every((at) => Math.abs(start - at) > T.hintWindow);
    if (far && !(prefixIntact && suffixIntact)) return null;
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
      changedWords: kind === 'fuzzy' ? changedWords(quoteWords, folded.slice(start, end)) : 0,
      words: quoteWords.length,
      shortestSide: Math.min(prefix?.length ?? 0, suffix?.length ?? 0),
      edgesAgree: edgesAgree(edges, folded, start, end),
      closeness: foldedHint === undefined ? 1 : 1 - Math.abs(start - foldedHint) / Math.max(1, folded.length),
    };
    return accepts(evidence) ? { start, end, score: scoreOf(evidence), intact: prefixIntact && suffixIntact } : null;
  };
  const toMatch = (found: Candidate, strategy: MatchStrategy): QuoteMatch => {
    const start = page.toOriginalStart(found.start);
    const end = page.toOriginalEnd(found.end);
    const exact = strategy === 'normalized' && text.slice(start, end) === quote.exact;
    return { start, end, strategy: exact ? 'exact' : strategy, score: found.score, intact: found.intact };
  };

  // (b) Exact occurrences, told apart by context and, among equals, by distance to the hint.
  const occurrences = findAll(folded, needle);
  const unique = occurrences.length === 1;
  const exact = best(occurrences.map((at) => judge('exact', at, at + needle.length, 0, unique)));
  // With no stored position, nothing says how far an occurrence is from its place: the words with a
  // side rewritten (a headline's copy in another list) are as likely as an edited copy that kept
  // both sides (the headline itself, a word changed). Such an occurrence stands only if no fuzzy
  // match passes.
  const doubtful = exact !== null && foldedHint === undefined && !exact.intact && needle.length >= T.fuzzyMinLength;
  if (exact && !doubtful) return toMatch(exact, 'normalized');
  const exactMatch = exact && toMatch(exact, 'normalized');
  if (needle.length < T.fuzzyMinLength) return null;
  // A fuzzy match needs one or both stored sides untouched next to it: if they occur nowhere,
  // there is nothing to search for.
  const sidesPresent =
    Number(prefix !== null && folded.includes(prefix)) + Number(suffix !== null && folded.includes(suffix));
  if (sidesPresent < intactSidesNeeded('fuzzy', needle.length, false)) return exactMatch;

  // (c) and (d): approximate matches. The rejected exact occurrences are cut in half so that the
  // search, which reports only the fewest-error matches of each chunk, looks past them.
  const maxErrors = maxErrorsFor(needle.length);
  const cuts = occurrences.length > MAX_CUTS ? [] : occurrences.map((at) => at + (needle.length >> 1));
  const segments = cutAt(cuts, folded.length);
  // Myers' search ends a match where its errors are fewest, which may be inside the edited word
  // ("rates gave him" for "The court gave him" become "The magistrates gave him"): where a stored
  // side stands untouched within the allowed errors of an end, the match ends there instead.
  // Myers reports many ends around one place, and they snap to the same span: count it once.
  const snapped = new Map<string, Approximate>();
  const snap = (m: Approximate): Approximate | null => {
    const start = prefix === null ? m.start : nearest(folded, prefix, m.start, maxErrors, true);
    const end = suffix === null ? m.end : nearest(folded, suffix, m.end, maxErrors, false);
    if ((start === m.start && end === m.end) || end <= start) return m;
    const key = `${start}:${end}`;
    if (snapped.has(key)) return null;
    const onContext = { start, end, errors: editDistance(needle, folded.slice(start, end), maxErrors) };
    snapped.set(key, onContext);
    return onContext;
  };
  // Two places that both pass are two statements alike (a headline of another month, a sentence
  // repeated with another word): nothing tells which one the researcher meant, so neither.
  const fuzzy = (regions: TextSpan[]) => {
    const found = approximate(folded, needle, maxErrors, regions).flatMap((m) => snap(m) ?? []);
    const accepted = found.map((m) => judge('fuzzy', m.start, m.end, m.errors, false));
    const top = best(accepted);
    if (top && accepted.some((c) => c !== null && (c.end <= top.start || c.start >= top.end))) return AMBIGUOUS;
    return top;
  };
  const fuzzyMatch = (found: Candidate | null) =>
    found === null || found === AMBIGUOUS ? null : toMatch(found, 'fuzzy');
  if (foldedHint === undefined) {
    const found = fuzzy(segments);
    return exactMatch ? (found ? null : exactMatch) : fuzzyMatch(found);
  }
  // The window holds every match that starts within `hintWindow` of the hint, to its last unit.
  const reach = needle.length + maxErrors;
  const from = foldedHint - T.hintWindow;
  const to = foldedHint + T.hintWindow + reach;
  const near = fuzzy(clip(segments, from, to));
  if (near) return fuzzyMatch(near);
  // The rest of the text, overlapping the window by a match's length so none is missed at its edges.
  return fuzzyMatch(fuzzy([...clip(segments, 0, from + reach), ...clip(segments, to - reach, folded.length)]));
}

interface Candidate extends TextSpan {
  score: number;
  intact: boolean;
}

/** More than one place passed: an answer that stops the search with no match. */
const AMBIGUOUS: Candidate = { start: -1, end: -1, score: 0, intact: false };

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
