import type { Selector, TextPositionSelector, TextQuoteSelector } from '@/lib/schema/selectors';
import { anchor, positionHint } from './anchor';
import { offsetsFromRange, rangeFromOffsets, type TextIndex } from './dom-text';
import { describeTextPosition } from './text-position';
import { createPageMoves, learnMove, movesNear, type PageMoves } from './page-moves';
import { describeTextQuote } from './text-quote';

// The DOM side of the describe/anchor pair: a selection becomes selectors, selectors become a
// Range again. All matching happens on the index's text, so it stays testable without a DOM.

/** Both W3C selectors of a Range, ready to store as an annotation's `selectors`; null when the
 *  range selects no text of the index (collapsed, outside root, or only skipped elements). */
export function describeRange(index: TextIndex, range: Range): [TextQuoteSelector, TextPositionSelector] | null {
  const span = offsetsFromRange(index, range);
  if (!span || span.start === span.end) return null;
  // W3C positions cannot name half a character: a range that splits an emoji takes all of it.
  const { text } = index;
  const start = isPairEnd(text, span.start) ? span.start - 1 : span.start;
  const end = isPairEnd(text, span.end) ? span.end + 1 : span.end;
  return [describeTextQuote(text, start, end), describeTextPosition(text, start, end, index.codePoints)];
}

// Whether `at` falls between the two halves of a surrogate pair.
function isPairEnd(text: string, at: number): boolean {
  return /[\uD800-\uDBFF]/.test(text[at - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[at] ?? '');
}

// How far the text of each page version moved, learnt from the highlights anchored in it.
const MOVES = new WeakMap<TextIndex, PageMoves>();

/** The Range an annotation's selectors point to now, or null when its words are gone (orphan). */
export function anchorInIndex(index: TextIndex, selectors: readonly Selector[]): Range | null {
  let moves = MOVES.get(index);
  if (!moves) MOVES.set(index, (moves = createPageMoves()));
  const hint = positionHint(index.text, selectors, index.codePoints);
  const match = anchor(index.text, selectors, index.codePoints, movesNear(moves, hint));
  if (!match) return null;
  // Only words with both sides untouched say how far the page moved; a guess must not teach others.
  if (match.intact && hint !== undefined) learnMove(moves, hint, match.start - hint);
  return rangeFromOffsets(index, match.start, match.end);
}
