import { describe, expect, it } from 'vitest';
import { findLegalArticles } from '@/lib/facts/legal-articles';

const CC = 'Criminal Code';
const ADMIN = 'Code of Administrative Offenses';

describe('findLegalArticles', () => {
  it.each([
    // English, as the seed reports write it
    {
      text: 'Part 1 of Article 368 of the Criminal Code',
      quote: 'Part 1 of Article 368 of the Criminal Code',
      code: CC,
      article: '368',
      part: '1',
    },
    {
      text: 'insulting Lukashenka under Article 368 of the Criminal Code.',
      quote: 'Article 368 of the Criminal Code',
      code: CC,
      article: '368',
      part: null,
    },
    { text: 'Article 342', quote: 'Article 342', code: CC, article: '342', part: null },
    { text: 'Part 2 of Article 361-1', quote: 'Part 2 of Article 361-1', code: CC, article: '361-1', part: '2' },
    {
      text: 'a crime under Part 2 of Art 342 of the Criminal Code (providing',
      quote: 'Part 2 of Art 342 of the Criminal Code',
      code: CC,
      article: '342',
      part: '2',
    },
    {
      text: 'guilty under part 1 of Article 342 of the Criminal Code.',
      quote: 'part 1 of Article 342 of the Criminal Code',
      code: CC,
      article: '342',
      part: '1',
    },
    {
      text: 'Art. 130 of the Criminal Code of the Republic of Belarus',
      quote: 'Art. 130 of the Criminal Code of the Republic of Belarus',
      code: CC,
      article: '130',
      part: null,
    },
    {
      text: 'Article 19.11 of the Administrative Offences Code, which',
      quote: 'Article 19.11 of the Administrative Offences Code',
      code: ADMIN,
      article: '19.11',
      part: null,
    },
    {
      text: 'Article 24.23 of the Code of Administrative Offenses',
      quote: 'Article 24.23 of the Code of Administrative Offenses',
      code: ADMIN,
      article: '24.23',
      part: null,
    },
    { text: 'fined under Article 19.11', quote: 'Article 19.11', code: ADMIN, article: '19.11', part: null },
    // Russian
    { text: 'ч. 1 ст. 342 УК', quote: 'ч. 1 ст. 342 УК', code: CC, article: '342', part: '1' },
    { text: 'по ч.2 ст.361-1 УК РБ.', quote: 'ч.2 ст.361-1 УК РБ', code: CC, article: '361-1', part: '2' },
    {
      text: 'по части 1 статьи 368 Уголовного кодекса',
      quote: 'части 1 статьи 368 Уголовного кодекса',
      code: CC,
      article: '368',
      part: '1',
    },
    { text: 'по ст. 19.11 КоАП', quote: 'ст. 19.11 КоАП', code: ADMIN, article: '19.11', part: null },
    { text: 'статья 411', quote: 'статья 411', code: CC, article: '411', part: null },
    // Belarusian
    { text: 'ч.2 арт. 361-1 КК', quote: 'ч.2 арт. 361-1 КК', code: CC, article: '361-1', part: '2' },
    {
      text: 'паводле часткі 2 артыкула 342 Крымінальнага кодэкса',
      quote: 'часткі 2 артыкула 342 Крымінальнага кодэкса',
      code: CC,
      article: '342',
      part: '2',
    },
    { text: 'па арт. 24.23 КаАП', quote: 'арт. 24.23 КаАП', code: ADMIN, article: '24.23', part: null },
  ])('$text', ({ text, quote, code, article, part }) => {
    const found = findLegalArticles(text);
    expect(found).toHaveLength(1);
    const [mention] = found;
    expect(text.slice(mention!.start, mention!.end)).toBe(quote);
    expect(mention!.article).toEqual({ code, article, part });
  });

  it.each([
    'Article 17 of the International Covenant on Civil and Political Rights',
    'Articles of association',
    'Article 36812',
    'the artist 342',
    'Starticle 5',
    'статьями',
    'a part 1 of the plan',
    '',
  ])('finds nothing in %j', (text) => {
    expect(findLegalArticles(text)).toEqual([]);
  });

  it('finds every provision of a sentence, in order', () => {
    const text =
      'accused of inciting discord (part 1 of Article 130 of the Criminal Code), libel (part 2 of Article 367) and Article 368.';
    expect(findLegalArticles(text).map((m) => [m.article.article, m.article.part])).toEqual([
      ['130', '1'],
      ['367', '2'],
      ['368', null],
    ]);
  });
});
