// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchor } from '@/lib/anchoring/anchor';
import { anchorInIndex, describeRange } from '@/lib/anchoring/dom-anchor';
import { indexText, offsetsFromRange, rangeFromOffsets } from '@/lib/anchoring/dom-text';
import { describeTextPosition } from '@/lib/anchoring/text-position';
import { describeTextQuote } from '@/lib/anchoring/text-quote';
import { normalizeString } from '@/lib/anchoring/normalize-text';
import type { Selector } from '@/lib/schema/selectors';
import { legitimate } from './legitimate';

// Properties over random texts: describe → anchor is the identity, and a deleted quote never
// anchors on other words.

const SAMPLES = ['Зінаіда Міхнюк', 'محمد عبد الله', 'אסיר פוליטי', '👩🏽‍⚖️ ⚖️ 🇧🇾', 'line one\nline two', '  ', 'Homieĺ'];

/** Any text: arbitrary UTF-16 (lone surrogates too), and the scripts researchers meet. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 80 }),
  fc
    .array(fc.oneof(fc.constantFrom(...SAMPLES), fc.string({ minLength: 1, maxLength: 6 })), {
      minLength: 1,
      maxLength: 12,
    })
    .map((parts) => parts.join(' ')),
);

/** A non-empty span of the text on code point boundaries: what a selection of characters can be. */
function spanIn(text: string, a: number, b: number) {
  const bounds = [0];
  for (const c of text) bounds.push((bounds.at(-1) as number) + c.length);
  const i = a % (bounds.length - 1);
  const j = i + 1 + (b % (bounds.length - 1 - i));
  return { start: bounds[i] as number, end: bounds[j] as number };
}

describe('describe → anchor round trip', () => {
  it('anchors any span of any text back to itself', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        const { start, end } = spanIn(text, a, b);
        const selectors: Selector[] = [describeTextQuote(text, start, end), describeTextPosition(text, start, end)];
        const match = anchor(text, selectors);
        return match?.start === start && match.end === end;
      }),
      { numRuns: 500 },
    );
  });

  it('anchors any DOM range of any text, split across elements, back to itself', () => {
    fc.assert(
      fc.property(fc.array(anyText, { minLength: 1, maxLength: 5 }), fc.nat(), fc.nat(), (parts, a, b) => {
        document.body.replaceChildren(
          ...parts.map((part, i) => {
            const element = document.createElement(['p', 'b', 'em', 'a', 'span'][i % 5]!);
            element.textContent = part;
            return element;
          }),
        );
        const index = indexText(document.body);
        const { start, end } = spanIn(index.text, a, b);
        const selectors = describeRange(index, rangeFromOffsets(index, start, end));
        const range = selectors && anchorInIndex(indexText(document.body), selectors);
        expect(range && offsetsFromRange(index, range)).toEqual({ start, end });
      }),
      { numRuns: 150 },
    );
  });
});

// Sentences from the vocabulary of the fixture pages, so that names, dates, legal references and
// the words around them repeat the way they do on a monitor's site.
const WORDS = [
  'the court',
  'sentenced',
  'Aliaksandr',
  'Babich',
  'Luchynovich',
  'Aliaksandr Babič',
  'Aliaksander Babich',
  'on January 9, 2024',
  'under Part 2 of Article 342',
  'Ales Bialiatski',
  'to three years',
  'in a penal colony',
  'under Part 1 of Article 342',
  'of the Criminal Code',
  'on January 8, 2024',
  'in Minsk',
  'in Brest',
  'political prisoner',
  'was detained',
  'was released',
  'Зінаіда Міхнюк',
  'and',
  ',',
  '.',
];
const sentences = fc.array(fc.constantFrom(...WORDS), { minLength: 20, maxLength: 120 }).map((w) => w.join(' '));

/** Levenshtein distance, for judging respellings independently of the code under test. */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1), row[j]! + 1, next[j - 1]! + 1);
    }
    row = next;
  }
  return row[b.length]!;
}

describe('no false anchors on repetitive text', () => {
  it('finds nothing, or the very words with the same context on a side, once a quote is deleted or replaced', () => {
    fc.assert(
      fc.property(
        sentences,
        fc.nat(),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.option(fc.constantFrom(...WORDS)),
        (text, a, words, marginBefore, marginAfter, replacement) => {
          const starts = [0, ...[...text.matchAll(/ /g)].map((m) => m.index + 1)];
          const first = a % starts.length;
          const start = starts[first] as number;
          const end = first + words < starts.length ? (starts[first + words] as number) - 1 : text.length;
          if (end <= start) return true;
          const quote = describeTextQuote(text, start, end);
          const edited =
            text.slice(0, Math.max(0, start - marginBefore)) +
            (replacement ?? '') +
            text.slice(Math.min(text.length, end + marginAfter));
          if (replacement !== null && normalizeString(edited).includes(normalizeString(quote.exact))) return true;
          const match = anchor(edited, [quote, describeTextPosition(text, start, end)]);
          if (!match || legitimate(edited, match.start, match.end, quote)) return true;
          // Anchoring where the quote stood on an edited version of it ("Aliaksander" → "Aliaksandr",
          // "Minsk ." → "Minsk") is the intended fuzzy match, not other words: as many changed
          // letters as the fuzzy match allows (1 in 8 below 32 characters, 1 in 4 from 32).
          const from = Math.max(0, start - marginBefore);
          const to = from + (replacement ?? '').length;
          const letters = (value: string) => value.replace(/[^\p{L}\p{N}]+/gu, '');
          const allowed = Math.max(1, Math.floor(quote.exact.length / (quote.exact.length < 32 ? 8 : 4)));
          return (
            match.start < to &&
            match.end > from &&
            distance(letters(edited.slice(match.start, match.end)), letters(quote.exact)) <= allowed
          );
        },
      ),
      { numRuns: 3000 },
    );
  });
});
