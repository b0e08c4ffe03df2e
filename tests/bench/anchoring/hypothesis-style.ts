import approxSearch from 'approx-string-match';
import type { CodePointIndex } from '@/lib/anchoring/code-points';
import type { Selector, TextPositionSelector, TextQuoteSelector } from '@/lib/schema/selectors';

// A Hypothesis-style matcher, written for this benchmark from the documented algorithm of the
// Hypothesis client (hypothesis/client, src/annotator/anchoring/match-quote.ts `matchQuote`, and
// src/annotator/anchoring/html.ts `anchor` for the order of selectors); no code is copied.
//
// The algorithm, as documented there:
// 1. anchor() tries the TextPositionSelector first and keeps its range only if the text there is
//    exactly the stored quote; otherwise it matches the TextQuoteSelector, with the stored position
//    as a hint.
// 2. matchQuote() allows maxErrors = min(256, quote length / 2) and searches the whole text: all
//    exact occurrences if there are any, otherwise the lowest-error approximate matches found by
//    approx-string-match (Myers' bit-parallel algorithm).
// 3. Each candidate is scored (50 × quote similarity + 20 × prefix similarity + 20 × suffix
//    similarity + 2 × closeness to the hint) / 92, where a side's similarity is 1 − errors/length
//    of the best approximate match of the stored side within the same number of characters next to
//    the candidate (1 when no side was stored, 0 when the text there is empty), and closeness is
//    1 − distance/text length (1 without a hint).
// 4. The best-scoring candidate is returned, whatever its score: there is no threshold, so a quote
//    that is gone still anchors wherever the closest text is.

/** A match in UTF-16 offsets of the text, with its score (0–1). */
export interface HypothesisStyleMatch {
  start: number;
  end: number;
  score: number;
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** Exact occurrences when there are any (the cheap case), else the best approximate matches. */
function findCandidates(text: string, pattern: string, maxErrors: number): Candidate[] {
  const exact: Candidate[] = [];
  for (let at = text.indexOf(pattern); at !== -1; at = text.indexOf(pattern, at + 1)) {
    exact.push({ start: at, end: at + pattern.length, errors: 0 });
  }
  return exact.length > 0 ? exact : approxSearch(text, pattern, maxErrors);
}

/** 1 − errors/length of the stored side's best match in `window`, 0 when either is empty. */
function sideSimilarity(window: string, stored: string): number {
  if (stored.length === 0 || window.length === 0) return 0;
  const best = findCandidates(window, stored, stored.length)[0];
  return best ? 1 - best.errors / stored.length : 0;
}

/** Step 2–4 above: the best-scoring candidate for `quote` in `text`, or null when none is found. */
export function matchQuoteHypothesisStyle(
  text: string,
  quote: string,
  context: { prefix?: string; suffix?: string; hint?: number } = {},
): HypothesisStyleMatch | null {
  if (quote.length === 0) return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const candidates = findCandidates(text, quote, maxErrors);
  let best: HypothesisStyleMatch | null = null;
  for (const c of candidates) {
    const quoteSimilarity = 1 - c.errors / quote.length;
    const prefix = context.prefix
      ? sideSimilarity(text.slice(Math.max(0, c.start - context.prefix.length), c.start), context.prefix)
      : 1;
    const suffix = context.suffix
      ? sideSimilarity(text.slice(c.end, c.end + context.suffix.length), context.suffix)
      : 1;
    const closeness = context.hint === undefined ? 1 : 1 - Math.abs(c.start - context.hint) / text.length;
    const score = (50 * quoteSimilarity + 20 * prefix + 20 * suffix + 2 * closeness) / 92;
    if (!best || score > best.score) best = { start: c.start, end: c.end, score };
  }
  return best;
}

/** Step 1 and the rest: where the selectors point in `text`, as Hypothesis' anchor() decides. */
export function anchorHypothesisStyle(
  text: string,
  selectors: readonly Selector[],
  codePoints: CodePointIndex,
): { start: number; end: number } | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  let hint: number | undefined;
  if (position) {
    const start = codePoints.toCodeUnit(position.start);
    const end = codePoints.toCodeUnit(position.end);
    hint = start;
    if (!quote || text.slice(start, end) === quote.exact) return end > start ? { start, end } : null;
  }
  if (!quote) return null;
  return matchQuoteHypothesisStyle(text, quote.exact, { prefix: quote.prefix, suffix: quote.suffix, hint });
}
