import type { TextPositionSelector } from '@/lib/schema/selectors';
import { createCodePointIndex, type CodePointIndex } from './code-points';

// Positions are only a hint (the page may have changed), but they make re-anchoring an unchanged
// page O(1). They are stored in code points, as the W3C model requires, so other W3C tools agree.

/** A span of a text in UTF-16 code units, as JavaScript strings and DOM ranges count. */
export interface TextSpan {
  start: number;
  end: number;
}

/** The W3C position of a UTF-16 span; pass `index` when describing many spans of one text. */
export function describeTextPosition(
  text: string,
  start: number,
  end: number,
  index: CodePointIndex = createCodePointIndex(text),
): TextPositionSelector {
  if (!(start >= 0 && start <= end && end <= text.length)) {
    throw new RangeError(`invalid span [${start}, ${end}) of a text of length ${text.length}`);
  }
  return { type: 'TextPositionSelector', start: index.toCodePoint(start), end: index.toCodePoint(end) };
}

/** The UTF-16 span a W3C position names, or null when the text is shorter than the selector. */
export function matchTextPosition(
  text: string,
  selector: TextPositionSelector,
  index: CodePointIndex = createCodePointIndex(text),
): TextSpan | null {
  if (selector.start < 0 || selector.end < selector.start || selector.end > index.codePointLength) return null;
  return { start: index.toCodeUnit(selector.start), end: index.toCodeUnit(selector.end) };
}
