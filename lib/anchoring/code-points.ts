import { countBelow } from './sorted-search';

// W3C TextPositionSelector counts Unicode code points, while JavaScript strings and DOM ranges
// count UTF-16 code units: an emoji is one code point but two units. This index converts between
// the two in O(log n) after one O(n) pass, and in O(1) when the text has no surrogate pairs (the
// common case for Latin, Cyrillic, Arabic and Hebrew pages).

/** Converts offsets of one text between UTF-16 code units and Unicode code points. */
export interface CodePointIndex {
  /** Length of the text in UTF-16 code units (`text.length`). */
  readonly unitLength: number;
  /** Length of the text in code points (`[...text].length`). */
  readonly codePointLength: number;
  /** Code point offset of a UTF-16 offset; an offset inside a surrogate pair rounds down. */
  toCodePoint(unitOffset: number): number;
  /** UTF-16 offset of a code point offset. */
  toCodeUnit(codePointOffset: number): number;
}

const HAS_PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/;

/** Builds the converter once per text so each later conversion is cheap. */
export function createCodePointIndex(text: string): CodePointIndex {
  const unitLength = text.length;
  const clampUnit = (offset: number) => Math.min(Math.max(0, offset), unitLength);
  if (!HAS_PAIR.test(text)) {
    return { unitLength, codePointLength: unitLength, toCodePoint: clampUnit, toCodeUnit: clampUnit };
  }
  // UTF-16 offsets of each surrogate pair's first unit, and the same pairs as code point offsets.
  // A lone surrogate is one code point, as JavaScript's string iterator counts it.
  const unitStarts: number[] = [];
  const pointStarts: number[] = [];
  for (let i = 0; i < unitLength - 1; i++) {
    const high = text.charCodeAt(i);
    if (high < 0xd800 || high > 0xdbff) continue;
    const low = text.charCodeAt(i + 1);
    if (low < 0xdc00 || low > 0xdfff) continue;
    pointStarts.push(i - unitStarts.length);
    unitStarts.push(i);
    i++;
  }
  const codePointLength = unitLength - unitStarts.length;
  return {
    unitLength,
    codePointLength,
    toCodePoint(unitOffset) {
      const offset = clampUnit(unitOffset);
      return offset - countBelow(unitStarts, offset);
    },
    toCodeUnit(codePointOffset) {
      const offset = Math.min(Math.max(0, codePointOffset), codePointLength);
      return offset + countBelow(pointStarts, offset);
    },
  };
}
