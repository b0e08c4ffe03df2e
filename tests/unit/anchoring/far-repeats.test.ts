import { describe, expect, it } from 'vitest';
import { anchor } from '@/lib/anchoring/anchor';
import { describeTextQuote } from '@/lib/anchoring/text-quote';
import { describeTextPosition } from '@/lib/anchoring/text-position';

// A short quote deleted from its place must not jump to the same words far away whose context
// agrees on one side only: on news pages that is repeated boilerplate, another mention.

const filler = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i} of the monthly review.`).join(' ');
const mention = 'Zinaida Mikhniuk';
const original = `${filler(10)} The court in Brest sentenced ${mention} to two years in a penal colony. ${filler(120)} The court in Pinsk sentenced ${mention} to two years in a penal colony. ${filler(2)}`;
const start = original.indexOf(mention);
const selectors = [
  describeTextQuote(original, start, start + mention.length),
  describeTextPosition(original, start, start + mention.length),
];

describe('a short quote far from its place', () => {
  it('anchors at its place while it is there', () => {
    expect(anchor(original, selectors)).toMatchObject({ start, end: start + mention.length });
  });

  it('becomes an orphan when deleted, though the words stand far below with the same suffix', () => {
    const edited = original.replace(`Brest sentenced ${mention} to`, 'Brest sentenced her to');
    const far = edited.indexOf(mention);
    expect(far - start).toBeGreaterThan(2048);
    expect(anchor(edited, selectors)).toBeNull();
  });

  it('still follows the words when both sides of their context moved with them', () => {
    const moved = `${filler(100)} ${original}`;
    const at = moved.indexOf(`sentenced ${mention}`) + 'sentenced '.length;
    expect(anchor(moved, selectors)).toMatchObject({ start: at, end: at + mention.length });
  });
});
