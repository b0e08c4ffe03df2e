import { describe, expect, it } from 'vitest';
import { anchor } from '@/lib/anchoring/anchor';
import { ANCHOR_THRESHOLDS, accepts, maxErrorsFor, type Evidence } from '@/lib/anchoring/quote-evidence';
import { describeTextPosition } from '@/lib/anchoring/text-position';
import { describeTextQuote, matchQuote } from '@/lib/anchoring/text-quote';
import type { TextQuoteSelector } from '@/lib/schema/selectors';

// DOM-free matching: the describe/match pair on plain strings, each stage and each refusal.

const quote = (exact: string, prefix?: string, suffix?: string): TextQuoteSelector => ({
  type: 'TextQuoteSelector',
  exact,
  ...(prefix === undefined ? {} : { prefix }),
  ...(suffix === undefined ? {} : { suffix }),
});

/** The span of the `nth` occurrence of `words` in `text`. */
function spanOf(text: string, words: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`"${words}" #${nth} not in text`);
  return { start: at, end: at + words.length };
}

describe('describeTextQuote', () => {
  it.each([
    {
      name: 'a quote with 32 units of context on each side',
      text: 'Prosecutors charged her with insulting Lukashenka under Part 1 of Article 368 of the Criminal Code, and in May 2022 the court gave',
      words: 'Part 1 of Article 368',
      expected: {
        exact: 'Part 1 of Article 368',
        prefix: 'rged her with insulting Lukashenka under '.slice(-32),
        suffix: ' of the Criminal Code, and in May 2022'.slice(0, 32),
      },
    },
    {
      name: 'a quote at the start of the text',
      text: 'Minsk, 2024. Text',
      words: 'Minsk',
      expected: { exact: 'Minsk', prefix: '', suffix: ', 2024. Text' },
    },
    {
      name: 'context that would cut an emoji in half',
      text: '😀'.repeat(20) + 'quote' + '😀'.repeat(20),
      words: 'quote',
      expected: { exact: 'quote', prefix: '😀'.repeat(16), suffix: '😀'.repeat(16) },
    },
  ])('describes $name', ({ text, words, expected }) => {
    const { start, end } = spanOf(text, words);
    expect(describeTextQuote(text, start, end)).toEqual({ type: 'TextQuoteSelector', ...expected });
  });

  it('never keeps half an emoji as context', () => {
    const text = 'a😀quote😀b';
    expect(describeTextQuote(text, 3, 8, 1)).toEqual(quote('quote', '', ''));
  });

  it('refuses an empty span', () => {
    expect(() => describeTextQuote('abc', 1, 1)).toThrow(RangeError);
  });
});

const PAGE =
  'Zinaida Mikhniuk, a trade union activist, was detained on March 25, 2020. ' +
  'Prosecutors charged her with insulting Lukashenka under Part 1 of Article 368 of the Criminal Code. ' +
  'In May 2022 the court gave the political prisoner two years in a penal colony. ' +
  'Andrei Bialiauski was charged under Article 368 of the Criminal Code as well. ' +
  'Our Brest monitors report that Zinaida Mikhniuk was released on January 29.';

describe('matchQuote', () => {
  it.each([
    {
      name: 'the quote at its hint',
      text: PAGE,
      words: 'Part 1 of Article 368',
      edit: (t: string) => t,
      expected: { words: 'Part 1 of Article 368', strategy: 'position' },
    },
    {
      name: 'the quote moved by an inserted sentence',
      text: PAGE,
      words: 'two years in a penal colony',
      edit: (t: string) => 'Update: a correction was made. ' + t,
      expected: { words: 'two years in a penal colony', strategy: 'exact' },
    },
    {
      name: 'the second of two mentions, by its context',
      text: PAGE,
      words: 'Zinaida Mikhniuk',
      nth: 1,
      edit: (t: string) => 'Update. ' + t,
      expected: { words: 'Zinaida Mikhniuk', nth: 1, strategy: 'exact' },
    },
    {
      name: 'a quote whose spaces and dashes changed',
      text: PAGE,
      words: 'in a penal colony. Andrei Bialiauski',
      edit: (t: string) => t.replace('penal colony. Andrei', 'penal\u00a0colony.\n\n   Andrei'),
      expected: { words: 'in a penal\u00a0colony.\n\n   Andrei Bialiauski', strategy: 'normalized' },
    },
    {
      name: 'a long quote with one word edited',
      text: PAGE,
      words: 'charged her with insulting Lukashenka under Part 1',
      edit: (t: string) => t.replace('charged her with insulting', 'charged her with defaming'),
      expected: { words: 'charged her with defaming Lukashenka under Part 1', strategy: 'fuzzy' },
    },
    {
      name: 'a name respelled in place',
      text: PAGE,
      words: 'Andrei Bialiauski',
      edit: (t: string) => t.replace('Andrei Bialiauski', 'Andrey Bialiauski'),
      expected: { words: 'Andrey Bialiauski', strategy: 'fuzzy' },
    },
    {
      name: 'nothing when a date changed its digits',
      text: PAGE,
      words: 'January 29',
      edit: (t: string) => t.replace('January 29', 'January 28'),
      expected: null,
    },
    {
      name: 'nothing when the quote was deleted',
      text: PAGE,
      words: 'In May 2022 the court gave',
      edit: (t: string) => t.replace('In May 2022 the court gave ', ''),
      expected: null,
    },
    {
      name: 'nothing when the only left mention of a name has other context',
      text: PAGE,
      words: 'Zinaida Mikhniuk',
      nth: 1,
      edit: (t: string) => t.replace('Our Brest monitors report that Zinaida Mikhniuk was released on January 29.', ''),
      expected: null,
    },
    {
      name: 'nothing when a legal reference left stands in another case',
      text: PAGE,
      words: 'Article 368 of the Criminal Code',
      nth: 1,
      edit: (t: string) =>
        t.replace('Andrei Bialiauski was charged under Article 368 of the Criminal Code as well. ', ''),
      expected: null,
    },
  ])('finds $name', ({ text, words, nth, edit, expected }) => {
    const { start, end } = spanOf(text, words, nth);
    const selector = describeTextQuote(text, start, end);
    const edited = edit(text);
    const match = matchQuote(edited, selector, { start });
    if (expected === null) {
      expect(match).toBeNull();
    } else {
      expect(match).toMatchObject({ ...spanOf(edited, expected.words, expected.nth), strategy: expected.strategy });
      expect(match!.score).toBeGreaterThanOrEqual(ANCHOR_THRESHOLDS.minScore);
    }
  });

  it.each([
    {
      name: 'by prefix',
      text: 'Judge A sentenced Ivan. Judge B acquitted Ivan.',
      q: quote('Ivan', 'Judge B acquitted ', '.'),
      nth: 1,
    },
    {
      name: 'by suffix',
      text: 'Ivan was freed on Monday. Ivan was jailed on Friday.',
      q: quote('Ivan', '', ' was jailed on Friday'),
      nth: 1,
    },
    {
      name: 'by prefix and suffix',
      text: 'the case of Ivan K. in Minsk; the case of Ivan K. in Brest',
      q: quote('Ivan K.', 'the case of ', ' in Brest'),
      nth: 1,
    },
  ])('tells repeated quotes apart $name', ({ text, q, nth }) => {
    expect(matchQuote(text, q)).toMatchObject(spanOf(text, q.exact, nth));
  });

  it('tells identical mentions apart by the position hint', () => {
    const block = 'The court of the Frunzenski District sentenced the activist to three years. ';
    const text = block.repeat(4);
    const { start, end } = spanOf(text, 'three years', 2);
    const selector = describeTextQuote(text, start, end);
    expect(matchQuote('Added. ' + text, selector, { start })).toMatchObject({ start: start + 7, end: end + 7 });
    expect(matchQuote(text.slice(3), selector, { start })).toMatchObject({ start: start - 3 });
  });

  it('anchors a quote without context only when it is unique', () => {
    expect(matchQuote('one Minsk only', quote('Minsk'))).toMatchObject({ start: 4, end: 9 });
    expect(matchQuote('Minsk and Minsk', quote('Minsk'))).toBeNull();
  });

  it('anchors a long quote with rewritten context when it is unique', () => {
    const words = 'the court gave the political prisoner two years in a penal colony';
    const selector = quote(words, 'some context that was rewritten ', ' and other context rewritten too');
    expect(matchQuote(`Entirely new text. In 2022 ${words}, as reported.`, selector)).toMatchObject({
      strategy: 'exact',
    });
    expect(matchQuote(`${words}. Again: ${words}.`, selector)).toBeNull();
  });

  // How long this takes is the benchmark's business (npm run bench:anchoring), not a unit test's.
  it('finds the one occurrence with its stored context among thousands of the same word', () => {
    const text = 'word '.repeat(5000) + 'the unique neighbour word and more ' + 'word '.repeat(5000);
    const { start, end } = spanOf(text, 'word', 5003);
    const selector = describeTextQuote(text, start, end);
    expect(matchQuote(text, selector)).toMatchObject({ start, end });
  });
});

describe('anchor', () => {
  const text = '😀 Zinaida Mikhniuk was released on January 29, having served her term to the last day.';
  const { start, end } = spanOf(text, 'January 29');

  it('uses a code-point position as the hint', () => {
    const selectors = [describeTextQuote(text, start, end), describeTextPosition(text, start, end)];
    expect(selectors[1]).toMatchObject({ start: start - 1, end: end - 1 });
    expect(anchor(text, selectors)).toMatchObject({ start, end, strategy: 'position' });
  });

  it('still takes the fast path with a position counted in UTF-16 units', () => {
    const selectors = [describeTextQuote(text, start, end), { type: 'TextPositionSelector' as const, start, end }];
    expect(anchor(text, selectors)).toMatchObject({ start, end, strategy: 'position' });
  });

  it('tries positions moved as much as other highlights moved, with intact context only', () => {
    const selectors = [describeTextQuote(text, start, end), describeTextPosition(text, start, end)];
    const moved = 'Banner. ' + text;
    expect(anchor(moved, selectors, undefined, [8])).toMatchObject({ start: start + 8, strategy: 'exact' });
  });

  it('searches without a position and returns null without a quote', () => {
    expect(anchor(text, [describeTextQuote(text, start, end)])).toMatchObject({ start, end, strategy: 'exact' });
    expect(anchor(text, [{ type: 'TextPositionSelector', start, end }])).toBeNull();
  });
});

describe('the anchoring decision', () => {
  const evidence = (over: Partial<Evidence>): Evidence => ({
    kind: 'exact',
    length: 16,
    errors: 0,
    prefix: 1,
    suffix: 1,
    unique: false,
    sameDigits: true,
    changedWords: 0,
    words: 3,
    shortestSide: 32,
    edgesAgree: true,
    closeness: 1,
    ...over,
  });

  it.each([
    { name: 'a short exact quote with intact context', e: {}, expected: true },
    { name: 'a short exact quote with one word changed beside it', e: { prefix: 0.75 }, expected: true },
    {
      name: 'a short exact quote in legal boilerplate (0.88 / 0.69)',
      e: { prefix: 0.88, suffix: 0.69 },
      expected: false,
    },
    { name: 'a short exact quote with one identical and one rewritten side', e: { suffix: 0.3 }, expected: false },
    {
      name: 'a unique short exact quote with both sides rewritten',
      e: { prefix: 0.3, suffix: 0.2, unique: true },
      expected: false,
    },
    {
      name: 'a unique 64-unit quote with both sides rewritten',
      e: { length: 64, prefix: 0.3, suffix: 0.2, unique: true },
      expected: true,
    },
    {
      name: 'a unique 42-unit quote with one side intact',
      e: { length: 42, suffix: 0.2, unique: true },
      expected: true,
    },
    { name: 'a repeated 42-unit quote with one side intact', e: { length: 42, suffix: 0.2 }, expected: false },
    { name: 'a short fuzzy quote with intact context', e: { kind: 'fuzzy', errors: 2 }, expected: true },
    { name: 'a short fuzzy quote with more errors than allowed', e: { kind: 'fuzzy', errors: 3 }, expected: false },
    {
      name: 'a short fuzzy quote with other digits',
      e: { kind: 'fuzzy', errors: 1, sameDigits: false },
      expected: false,
    },
    {
      name: 'a short fuzzy quote with a side slightly changed',
      e: { kind: 'fuzzy', errors: 1, prefix: 0.95 },
      expected: false,
    },
    {
      name: 'a short fuzzy quote at the end of the page',
      e: { kind: 'fuzzy', errors: 1, suffix: null },
      expected: false,
    },
    { name: 'a long fuzzy quote with one word edited', e: { kind: 'fuzzy', length: 42, errors: 8 }, expected: true },
    {
      name: 'a long fuzzy quote with a side slightly changed',
      e: { kind: 'fuzzy', length: 42, errors: 4, suffix: 0.92 },
      expected: true,
    },
    {
      name: 'a long fuzzy quote sharing only one side',
      e: { kind: 'fuzzy', length: 42, errors: 4, suffix: 0.8 },
      expected: false,
    },
    {
      name: 'a long fuzzy quote at the start of the page',
      e: { kind: 'fuzzy', length: 42, errors: 4, prefix: null },
      expected: false,
    },
    {
      name: 'a long fuzzy quote with two words changed',
      e: { kind: 'fuzzy', length: 60, errors: 12, changedWords: 2, words: 10 },
      expected: true,
    },
    {
      name: 'a near-copy sentence with three words changed',
      e: { kind: 'fuzzy', length: 60, errors: 12, changedWords: 3, words: 10 },
      expected: false,
    },
    {
      name: 'a long paragraph with 1 word in 8 changed',
      e: { kind: 'fuzzy', length: 240, errors: 30, changedWords: 5, words: 40 },
      expected: true,
    },
    {
      name: 'a long fuzzy quote elsewhere',
      e: { kind: 'fuzzy', length: 42, errors: 2, prefix: 0.4, suffix: 0.3 },
      expected: false,
    },
    {
      name: 'the quote at its position with a rewritten sentence after it',
      e: { kind: 'position', suffix: 0.1 },
      expected: true,
    },
    {
      name: 'a short quote at its position with both sides changed',
      e: { kind: 'position', prefix: 0.9, suffix: 0.8 },
      expected: false,
    },
    {
      name: 'a phrase at its position with both sides changed',
      e: { kind: 'position', length: 40, prefix: 0.8, suffix: 0.76 },
      expected: true,
    },
    {
      name: 'a phrase slid into its position with one side rewritten',
      e: { kind: 'position', length: 40, prefix: 0.85, suffix: 0.3 },
      expected: false,
    },
    {
      name: 'the quote at its position with both sides rewritten',
      e: { kind: 'position', prefix: 0.2, suffix: 0.1 },
      expected: false,
    },
    { name: 'a moved position with a changed side', e: { kind: 'shifted', prefix: 0.95 }, expected: false },
    { name: 'a quote with no stored context that is not unique', e: { prefix: null, suffix: null }, expected: false },
  ])('decides $name', ({ e, expected }) => {
    expect(accepts(evidence(e as Partial<Evidence>))).toBe(expected);
  });

  it('allows 1 error per 8 units in short quotes and 1 per 4 in long ones, capped', () => {
    expect([4, 7, 16, 31, 32, 42, 5000].map(maxErrorsFor)).toEqual([0, 1, 2, 3, 8, 10, 256]);
  });
});
