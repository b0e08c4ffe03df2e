import { prefixSimilarity, suffixSimilarity } from '@/lib/anchoring/context-similarity';
import { normalizeString } from '@/lib/anchoring/normalize-text';
import type { Selector, TextPositionSelector, TextQuoteSelector } from '@/lib/schema/selectors';
import { distribution, since, type Distribution } from '../chromium/measure';
import type { Item, QuoteKind } from './annotations';
import { gc, nextTask, type ShownPage } from './bench-dom';
import type { Anchorer } from './libraries';
import { ms, pct } from './report';

// Running one library over one set of annotations and judging each result against the ground
// truth computed on the page model: right (exactly the words), wrong (any other span) or orphaned.

/** What became of one annotation: its right words, other words, nothing, or an exception. */
export type Verdict = 'right' | 'wrong' | 'orphan' | 'error';

/** One library's results on one set of annotations: per-call times and verdicts. */
export interface Outcome {
  library: string;
  /** Items measured, and in the set. */
  n: number;
  total: number;
  beginMs: number;
  calls: number[];
  verdicts: {
    category: string;
    kind: QuoteKind;
    short: boolean;
    verdict: Verdict;
    sameText: boolean;
    overlap: boolean;
    /** For a wrong anchor: whether the place it landed on has one stored side word for word and
     *  the other at least 75% alike (a near-copy of the original place), and how far it is. */
    nearCopy?: boolean;
    distance?: number;
    /** For any anchor: how far it is from the stored position, and how many stored sides stand
     *  word for word (whitespace folded) around it. */
    fromStored?: number;
    intactSides?: number;
  }[];
  wrongExamples: {
    exact: string;
    anchored: string;
    category: string;
    prefix: number;
    suffix: number;
    distance: number;
    offBy?: { start: number; end: number };
    /** How far the right words moved from their stored position (inserted paragraphs, edits). */
    moved?: number;
    /** The stored context, and the text around the place it landed on, to turn into a unit case. */
    storedContext: [string, string];
    landedContext: [string, string];
  }[];
  errorMessages: string[];
}

/** Counts of the verdicts (optionally of some of them), and how the wrong ones landed. */
export const tally = (o: Outcome, filter: (v: Outcome['verdicts'][number]) => boolean = () => true) => {
  const vs = o.verdicts.filter(filter);
  return {
    n: vs.length,
    right: vs.filter((v) => v.verdict === 'right').length,
    wrong: vs.filter((v) => v.verdict === 'wrong').length,
    orphan: vs.filter((v) => v.verdict === 'orphan' || v.verdict === 'error').length,
    errors: vs.filter((v) => v.verdict === 'error').length,
    sameText: vs.filter((v) => v.verdict === 'wrong' && v.sameText).length,
    overlap: vs.filter((v) => v.verdict === 'wrong' && v.overlap).length,
    nearCopy: vs.filter((v) => v.verdict === 'wrong' && v.nearCopy).length,
    medianDistance: distribution(vs.filter((v) => v.verdict === 'wrong').map((v) => v.distance ?? 0)).p50,
    minDistance: Math.min(...vs.filter((v) => v.verdict === 'wrong').map((v) => v.distance ?? 0)),
  };
};

/** Anchors `items` with one library on the shown page, timing each call, within `budgetMs`. */
export async function runItems(
  lib: Anchorer,
  root: HTMLElement,
  page: ShownPage,
  items: readonly Item[],
  selectorsOf: (item: Item) => readonly Selector[],
  budgetMs: number,
): Promise<Outcome> {
  gc?.();
  await nextTask();
  const began = performance.now();
  lib.begin(root);
  const beginMs = since(began);
  const outcome: Outcome = {
    library: lib.name,
    n: 0,
    total: items.length,
    beginMs,
    calls: [],
    verdicts: [],
    wrongExamples: [],
    errorMessages: [],
  };
  let spent = beginMs;
  for (const [i, item] of items.entries()) {
    if (spent > budgetMs) break;
    if (i % 25 === 24) await nextTask();
    const selectors = selectorsOf(item);
    const start = performance.now();
    let range: Range | null = null;
    let failed = false;
    try {
      const result = lib.anchor(selectors);
      range = result instanceof Promise ? await result : result;
    } catch (error) {
      failed = true;
      if (outcome.errorMessages.length < 5) {
        const q = item.annotation.selectors[0];
        outcome.errorMessages.push(`${String(error)} (${JSON.stringify([q.prefix, q.exact, q.suffix])})`);
      }
    }
    const taken = since(start);
    outcome.calls.push(taken);
    spent += taken;
    outcome.n++;
    const a = item.annotation;
    const base = { category: item.category, kind: a.kind, short: a.exact.length < 32 };
    if (failed || !range) {
      outcome.verdicts.push({ ...base, verdict: failed ? 'error' : 'orphan', sameText: false, overlap: false });
      continue;
    }
    const got = page.offsets(range);
    const truth = item.truth;
    const landing = contextAt(page.text, got, a.selectors[0]);
    const fromStored = Math.abs(got.start - a.start);
    const intactSides = (landing.prefix === 1 ? 1 : 0) + (landing.suffix === 1 ? 1 : 0);
    if (truth && got.start === truth.start && got.end === truth.end) {
      outcome.verdicts.push({ ...base, verdict: 'right', sameText: true, overlap: true, fromStored, intactSides });
      continue;
    }
    const anchored = page.text.slice(got.start, got.end);
    const overlap = !!truth && got.start < truth.end && truth.start < got.end;
    // From where the words are now, or where they stood before they were removed.
    const distance = Math.abs(got.start - (truth?.start ?? item.gap ?? a.start));
    const nearCopy = Math.max(landing.prefix, landing.suffix) === 1 && Math.min(landing.prefix, landing.suffix) >= 0.75;
    outcome.verdicts.push({
      ...base,
      verdict: 'wrong',
      sameText: anchored === a.exact,
      overlap,
      nearCopy,
      distance,
      fromStored,
      intactSides,
    });
    if (outcome.wrongExamples.length < 12) {
      outcome.wrongExamples.push({
        exact: a.exact,
        anchored,
        category: item.category,
        ...(truth
          ? { offBy: { start: got.start - truth.start, end: got.end - truth.end }, moved: truth.start - a.start }
          : {}),
        ...landing,
        distance,
        storedContext: [a.selectors[0].prefix ?? '', a.selectors[0].suffix ?? ''],
        landedContext: [
          page.text.slice(Math.max(0, got.start - 48), got.start),
          page.text.slice(got.end, got.end + 48),
        ],
      });
    }
  }
  return outcome;
}

/** How alike the stored prefix and suffix are to the text around a landing place (1 = the same
 *  once whitespace is folded; a missing side counts as alike). */
function contextAt(text: string, at: { start: number; end: number }, quote: TextQuoteSelector) {
  const side = (stored: string | undefined, before: boolean) => {
    const folded = normalizeString(stored ?? '');
    if (folded.length === 0) return 1;
    const window = normalizeString(
      before
        ? text.slice(Math.max(0, at.start - 2 * folded.length), at.start)
        : text.slice(at.end, at.end + 2 * folded.length),
    );
    return before
      ? prefixSimilarity(folded, window.slice(-folded.length - 8))
      : suffixSimilarity(folded, window.slice(0, folded.length + 8));
  };
  return { prefix: side(quote.prefix, true), suffix: side(quote.suffix, false) };
}

/** The quote alone, for the whole-text fallback. */
export const withoutPosition = (item: Item): Selector[] => [item.annotation.selectors[0]];
/** The quote with a position half a page away from where it was. */
export function withWrongPosition(textLength: number) {
  return (item: Item): Selector[] => {
    const [quote, position] = item.annotation.selectors;
    const start = (position.start + Math.floor(textLength / 2)) % textLength;
    const wrong: TextPositionSelector = {
      type: 'TextPositionSelector',
      start,
      end: start + position.end - position.start,
    };
    return [quote, wrong];
  };
}
/** The selectors as stored. */
export const stored = (item: Item): Selector[] => item.annotation.selectors;

/** Total time for the whole set: measured, or begin + mean per call × set size when cut short. */
export function totalMs(o: Outcome): { value: number; estimated: boolean } {
  const sum = o.calls.reduce((s, x) => s + x, 0);
  if (o.n === o.total) return { value: o.beginMs + sum, estimated: false };
  return { value: o.beginMs + (sum / Math.max(1, o.n)) * o.total, estimated: true };
}
/** " (n of N in the time budget)" when a library ran out of time. */
export const sampled = (o: Outcome) => (o.n < o.total ? ` (${o.n} of ${o.total} in the time budget)` : '');
/** "right / wrong / orphaned" as shares. */
export const rates = (o: Outcome, filter?: (v: Outcome['verdicts'][number]) => boolean) => {
  const t = tally(o, filter);
  return `${pct(t.right, t.n)} / ${pct(t.wrong, t.n)} / ${pct(t.orphan, t.n)}`;
};
/** "p50 / p95" of a distribution of durations. */
export const p50p95 = (d: Distribution) => `${ms(d.p50)} / ${ms(d.p95)}`;
