import { describe, expect, it } from 'vitest';
import { changedWords, editDistance, wordsOf } from '@/lib/anchoring/edit-distance';

describe('editDistance', () => {
  it.each([
    { a: '', b: '', limit: undefined, expected: 0 },
    { a: 'court', b: 'court', limit: undefined, expected: 0 },
    { a: 'court', b: 'courts', limit: undefined, expected: 1 },
    { a: 'The court gave', b: 'The magistrates gave', limit: undefined, expected: 9 },
    { a: 'kitten', b: 'sitting', limit: undefined, expected: 3 },
    { a: 'kitten', b: 'sitting', limit: 1, expected: 2 },
    { a: 'abc', b: '', limit: undefined, expected: 3 },
  ])('$a → $b is $expected (limit $limit)', ({ a, b, limit, expected }) => {
    expect(editDistance(a, b, limit)).toBe(expected);
  });
});

describe('changedWords', () => {
  it.each([
    { quote: 'The court gave him three years.', candidate: 'The court gave him three years', expected: 0 },
    { quote: 'The court gave him three years.', candidate: 'The judge gave him three years.', expected: 1 },
    {
      quote: 'two TikTok videos containing insults against him',
      candidate: 'two TikTok courts containing relatives nearly him',
      expected: 3,
    },
    { quote: 'Minsk, Brest', candidate: 'Minsk', expected: 1 },
    { quote: 'Зінаіда Міхнюк', candidate: 'Зінаіда Михнюк', expected: 1 },
  ])('$quote → $candidate: $expected', ({ quote, candidate, expected }) => {
    expect(changedWords(wordsOf(quote), candidate)).toBe(expected);
  });
});
