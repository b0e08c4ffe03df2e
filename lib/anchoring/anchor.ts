import type { Selector, TextPositionSelector, TextQuoteSelector } from '@/lib/schema/selectors';
import { createCodePointIndex, type CodePointIndex } from './code-points';
import { matchAtPosition, searchQuote, type QuoteMatch } from './quote-search';

// An annotation's selectors as one question: where are these words now? The quote decides; the
// position only says where to look first, so an unchanged page anchors in O(quote length).

/** Finds an annotation's words in a text from its selectors (UTF-16 offsets), or null if gone.
 *  Pass the text's `codePoints` when anchoring many annotations, so none rescans the text, and
 *  `shifts`, how far other highlights of this page moved (a banner inserted at the top moves them
 *  all alike), so each of them is tried at its moved position before the text is searched. */
export function anchor(
  text: string,
  selectors: readonly Selector[],
  codePoints?: CodePointIndex,
  shifts: readonly number[] = [],
): QuoteMatch | null {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  if (!quote) return null;
  const hint = positionHint(text, selectors, codePoints);
  if (hint !== undefined) {
    const atHint = matchAtPosition(text, quote, hint);
    if (atHint) return atHint;
    for (const shift of shifts) {
      const moved = matchAtPosition(text, quote, hint + shift, true);
      if (moved) return moved;
    }
  }
  // Positions counted in UTF-16 units, as docs/schema.md v1 words it, still take the fast path.
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (position && position.start !== hint) {
    const atRaw = matchAtPosition(text, quote, position.start);
    if (atRaw) return atRaw;
  }
  // The fuzzy search looks around the stored position only (centring it on other highlights' moves
  // too let repeated boilerplate through in the benchmark), but an exact occurrence where the
  // others' moves put these words is as near to its place as one at the stored position.
  return searchQuote(text, quote, hint, hint === undefined ? [] : shifts.map((shift) => hint + shift));
}

/** Where the selectors say the quote starts, in UTF-16 units; the code-point position converted. */
export function positionHint(
  text: string,
  selectors: readonly Selector[],
  codePoints?: CodePointIndex,
): number | undefined {
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  if (!position) return undefined;
  const index = codePoints ?? createCodePointIndex(text);
  // Past the end of a page that got shorter, the position still says "near the end".
  return index.toCodeUnit(Math.min(position.start, index.codePointLength));
}
