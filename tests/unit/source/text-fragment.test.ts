import { describe, expect, it } from 'vitest';
import type { Selector } from '@/lib/schema/selectors';
import { urlAtQuote } from '@/lib/source/text-fragment';

const quote = (exact: string, prefix?: string, suffix?: string): Selector[] => [
  {
    type: 'TextQuoteSelector',
    exact,
    ...(prefix === undefined ? {} : { prefix }),
    ...(suffix === undefined ? {} : { suffix }),
  },
  { type: 'TextPositionSelector', start: 0, end: exact.length },
];

describe('urlAtQuote', () => {
  it.each([
    {
      name: 'a short quote with whole-word context; the old fragment is replaced',
      url: 'https://x.example/a?b=1#top',
      selectors: quote('Zinaida Mikhniuk', 'om social networks ', ', a trade union'),
      expected: 'https://x.example/a?b=1#:~:text=social%20networks-,Zinaida%20Mikhniuk,-%2C%20a%20trade',
    },
    {
      name: 'syntax characters inside terms are encoded',
      url: 'https://x.example/',
      selectors: quote('Part 2 of Article 361-1, & more'),
      expected: 'https://x.example/#:~:text=Part%202%20of%20Article%20361%2D1%2C%20%26%20more',
    },
    {
      name: 'a long quote is named by its first and last words',
      url: 'https://x.example/',
      selectors: quote(
        'On January 29 the court in Homiel sentenced her to two years in a penal colony for insulting the head of state',
      ),
      expected: 'https://x.example/#:~:text=On%20January%2029%20the,the%20head%20of%20state',
    },
    {
      name: 'context glued to the quote (it starts or ends inside a word) is left out',
      url: 'https://x.example/',
      selectors: quote('Mikhniuk', 'Zinaida', 'ova is'),
      expected: 'https://x.example/#:~:text=Mikhniuk',
    },
    {
      name: 'tracking parameters are not replayed to the site; other parameters kept as written',
      url: 'https://x.example/a?utm_source=tg&id=7&fbclid=abc&q=a%2Bb+c&gclid=1&UTM_Medium=x&mc_cid=2&_ga=3#top',
      selectors: quote('Zinaida Mikhniuk'),
      expected: 'https://x.example/a?id=7&q=a%2Bb+c#:~:text=Zinaida%20Mikhniuk',
    },
    {
      name: 'only tracking parameters: no query left',
      url: 'https://x.example/a?utm_source=tg&yclid=5',
      selectors: quote('Zinaida'),
      expected: 'https://x.example/a#:~:text=Zinaida',
    },
    {
      name: 'no quote selector: the address alone',
      url: 'https://x.example/p#x',
      selectors: [{ type: 'TextPositionSelector', start: 0, end: 3 }] as Selector[],
      expected: 'https://x.example/p',
    },
    {
      name: 'no quote selector: the address alone, without tracking',
      url: 'https://x.example/p?utm_campaign=x&page=2',
      selectors: [{ type: 'TextPositionSelector', start: 0, end: 3 }] as Selector[],
      expected: 'https://x.example/p?page=2',
    },
  ])('$name', ({ url, selectors, expected }) => expect(urlAtQuote(url, selectors)).toBe(expected));
});
