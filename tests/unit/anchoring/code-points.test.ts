import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCodePointIndex } from '@/lib/anchoring/code-points';
import { describeTextPosition, matchTextPosition } from '@/lib/anchoring/text-position';

// W3C positions count code points; JavaScript counts UTF-16 units. An emoji is 1 and 2.

describe('createCodePointIndex', () => {
  it.each([
    { name: 'ASCII', text: 'Minsk, 2024', unit: 7, codePoint: 7 },
    { name: 'Cyrillic (one unit per letter)', text: 'Зінаіда Міхнюк', unit: 8, codePoint: 8 },
    { name: 'Arabic', text: 'محمد عبد الله', unit: 5, codePoint: 5 },
    { name: 'after one emoji', text: '👩 Зінаіда', unit: 3, codePoint: 2 },
    { name: 'after a flag (two code points, four units)', text: '🇧🇾 Minsk', unit: 5, codePoint: 3 },
    { name: 'after a ZWJ sequence', text: '👩🏽‍⚖️ judge', unit: 8, codePoint: 6 },
    { name: 'after a lone surrogate (one code point)', text: '\uD83D x', unit: 2, codePoint: 2 },
    { name: 'inside a pair (rounds down)', text: 'a😀b', unit: 2, codePoint: 1 },
  ])('maps $name', ({ text, unit, codePoint }) => {
    const index = createCodePointIndex(text);
    expect(index.toCodePoint(unit)).toBe(codePoint);
    expect(index.codePointLength).toBe([...text].length);
    if (!(unit === 2 && text === 'a😀b')) expect(index.toCodeUnit(codePoint)).toBe(unit);
  });

  it('clamps offsets outside the text', () => {
    const index = createCodePointIndex('a😀b');
    expect([index.toCodePoint(-5), index.toCodePoint(99), index.toCodeUnit(-1), index.toCodeUnit(99)]).toEqual([
      0, 3, 0, 4,
    ]);
  });

  it('agrees with the string iterator on any text, and round-trips every code point offset', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const index = createCodePointIndex(text);
        const points = [...text];
        let unit = 0;
        for (let cp = 0; cp <= points.length; cp++) {
          if (index.toCodeUnit(cp) !== unit || index.toCodePoint(unit) !== cp) return false;
          unit += points[cp]?.length ?? 0;
        }
        return index.codePointLength === points.length;
      }),
    );
  });
});

describe('describeTextPosition and matchTextPosition', () => {
  it.each([
    { name: 'plain text', text: 'Free Ales Bialiatski', span: [5, 9], expected: [5, 9] },
    {
      name: 'an emoji before the quote shifts units by 2, code points by 1',
      text: '😀 Free Ales',
      span: [8, 12],
      expected: [7, 11],
    },
    { name: 'an emoji inside the quote', text: 'x 🇧🇾 y', span: [2, 6], expected: [2, 4] },
    { name: 'Hebrew', text: 'אסיר פוליטי', span: [5, 11], expected: [5, 11] },
  ])('describes $name in code points and matches back to units', ({ text, span, expected }) => {
    const [start, end] = span as [number, number];
    const selector = describeTextPosition(text, start, end);
    expect([selector.start, selector.end]).toEqual(expected);
    expect(matchTextPosition(text, selector)).toEqual({ start, end });
  });

  it('refuses an invalid span and finds nothing past the end of a shorter text', () => {
    expect(() => describeTextPosition('abc', 2, 1)).toThrow(RangeError);
    expect(matchTextPosition('abc', { type: 'TextPositionSelector', start: 1, end: 9 })).toBeNull();
  });
});
