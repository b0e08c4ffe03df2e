import { describe, expect, it } from 'vitest';
import { nearest } from '@/lib/anchoring/approximate-search';

// A fuzzy match's ends move onto the stored context when it stands untouched within the slack.

const TEXT = 'Case file. The magistrates gave him three years. Like his co-defendant.';

describe('nearest', () => {
  it.each([
    { name: 'a prefix already at the start', side: 'Case file. ', at: 11, before: true, expected: 11 },
    {
      name: 'a start inside the edited word, back to the prefix',
      side: 'Case file. ',
      at: 19,
      before: true,
      expected: 11,
    },
    { name: 'an end one short, on to the suffix', side: ' Like his', at: 47, before: false, expected: 48 },
    { name: 'a side beyond the slack: unchanged', side: 'Case file. ', at: 30, before: true, expected: 30 },
    { name: 'a side that is not there: unchanged', side: ' Unlike her', at: 47, before: false, expected: 47 },
  ])('$name', ({ side, at, before, expected }) => {
    expect(nearest(TEXT, side, at, 10, before)).toBe(expected);
  });
});
