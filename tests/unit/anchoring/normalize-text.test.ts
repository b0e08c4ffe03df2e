import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeString, normalizeText } from '@/lib/anchoring/normalize-text';

// Folding whitespace and typography for matching, and the map back to the page's own offsets.

describe('normalizeText', () => {
  it.each([
    { name: 'whitespace runs', source: 'Free\n      Ales \u00a0 Bialiatski', expected: 'Free Ales Bialiatski' },
    { name: 'curly quotes and guillemets', source: '‘a’ “b” «c»', expected: `'a' "b" "c"` },
    { name: 'dashes and the minus sign', source: '1 year — 10 months – 2−1', expected: '1 year - 10 months - 2-1' },
    { name: 'soft hyphens and zero-width spaces', source: 'Bia\u00adliat\u200bski', expected: 'Bialiatski' },
    { name: 'Cyrillic, Arabic and emoji, unchanged', source: 'Зінаіда محمد 😀', expected: 'Зінаіда محمد 😀' },
  ])('folds $name', ({ source, expected }) => {
    expect(normalizeText(source).text).toBe(expected);
    expect(normalizeString(source)).toBe(expected);
  });

  it('maps folded spans back to the original', () => {
    const source = 'She\n   served\u00ad the — sentence';
    const folded = normalizeText(source);
    const at = folded.text.indexOf('served the');
    expect(source.slice(folded.toOriginalStart(at), folded.toOriginalEnd(at + 'served the'.length))).toBe(
      'served\u00ad the',
    );
    expect(folded.fromOriginal(source.indexOf('served'))).toBe(at);
    expect(folded.fromOriginal(source.indexOf('\n') + 2)).toBe(folded.text.indexOf(' '));
  });

  it('keeps every folded character tied to the original character it came from', () => {
    const chars = fc.constantFrom('a', 'b', ' ', '\n', '\u00a0', '\u00ad', '\u200b', '’', '—', '😀', 'з');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 40 }), (parts) => {
        const source = parts.join('');
        const folded = normalizeText(source);
        let previous = -1;
        for (let i = 0; i < folded.text.length; i++) {
          const at = folded.toOriginalStart(i);
          // A space stands for a whole run, which may begin with an invisible character.
          const origin = normalizeString(source[at]!);
          if (at <= previous || (origin !== folded.text[i] && !(origin === '' && folded.text[i] === ' '))) return false;
          if (folded.fromOriginal(at) !== i) return false;
          previous = at;
        }
        return folded.toOriginalEnd(folded.text.length) <= source.length;
      }),
    );
  });
});
