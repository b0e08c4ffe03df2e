import { describe, expect, it } from 'vitest';
import { quoteOf } from '@/lib/schema/quote-of';

describe('quoteOf', () => {
  it.each([
    {
      selectors: [
        { type: 'TextPositionSelector' as const, start: 3, end: 19 },
        { type: 'TextQuoteSelector' as const, exact: 'Zinaida Mikhniuk', prefix: 'of ', suffix: ',' },
      ],
      expected: 'Zinaida Mikhniuk',
    },
    { selectors: [{ type: 'TextPositionSelector' as const, start: 0, end: 4 }], expected: '' },
  ])('reads the exact words from the quote selector, wherever it stands ($expected)', ({ selectors, expected }) => {
    expect(quoteOf({ selectors })).toBe(expected);
  });
});
