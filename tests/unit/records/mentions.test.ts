import { describe, expect, it } from 'vitest';
import { putAnnotation, putSource } from '@/lib/db/records';
import { highlightLink, mentionsOf } from '@/lib/records/mentions';
import { makeAnnotation, makeSource } from '../../support/records';
import { openTestDb } from '../../support/test-db';

const quote = (exact: string, prefix?: string, suffix?: string) =>
  makeAnnotation(makeSource().id, { selectors: [{ type: 'TextQuoteSelector', exact, prefix, suffix }] });

describe('a link that opens the page at the highlight', () => {
  it.each([
    {
      name: 'context on both sides, cut words dropped',
      annotation: quote('Zinaida Mikhniuk', 'om social networks\n      \n      ', ', a trade union activist, was de'),
      expected: 'https://site.example/a#:~:text=social%20networks-,Zinaida%20Mikhniuk,-%2C%20a%20trade',
    },
    {
      name: 'hyphens and commas in the quote are escaped',
      annotation: quote('Part 2 of Article 361-1, and more'),
      expected: 'https://site.example/a#:~:text=Part%202%20of%20Article%20361%2D1%2C%20and%20more',
    },
    {
      name: 'context glued to the quote is left out',
      annotation: quote('Mikhniuk', 'Zinaida', 'ova is'),
      expected: 'https://site.example/a#:~:text=Mikhniuk',
    },
  ])('$name', ({ annotation, expected }) => {
    expect(highlightLink('https://site.example/a#old', annotation)).toBe(expected);
  });

  it('lists mentions with their source, oldest page first', async () => {
    const db = openTestDb();
    const older = await putSource(db, makeSource({ publishedTime: '2023-01-01' }));
    const newer = await putSource(db, makeSource({ publishedTime: '2024-02-02T12:47:42+03:00' }));
    const a = await putAnnotation(db, makeAnnotation(newer.id));
    const b = await putAnnotation(db, makeAnnotation(older.id));
    const mentions = await mentionsOf(db, [a, b]);
    expect(mentions.map((m) => [m.annotation.id, m.source?.id])).toEqual([
      [b.id, older.id],
      [a.id, newer.id],
    ]);
    // The source was visited with ?utm_source=feed: the link does not replay it to the site (issue 11).
    expect(mentions[0]!.link).toMatch(/^http:\/\/127\.0\.0\.1:5179\/release-digest\.html#:~:text=/);
  });
});
