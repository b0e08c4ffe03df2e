import { describe, expect, it } from 'vitest';
import { canonicalUrl, cleanAuthors, cleanText, langTag, pageDate, truncate } from '@/lib/page/source-metadata-values';

describe('pageDate', () => {
  it.each([
    ['2024-02-06T20:14:55+03:00', '2024-02-06T20:14:55+03:00'],
    ['2024-02-06T17:14:55Z', '2024-02-06T17:14:55Z'],
    ['2024-02-06T17:14:55.5Z', '2024-02-06T17:14:55.5Z'],
    ['2024-02-06T20:14:55', '2024-02-06T20:14:55'],
    ['2024-02-06T20:14', '2024-02-06T20:14'],
    ['2024-02-06', '2024-02-06'],
    ['  2024-02-06\n', '2024-02-06'],
    // The same date and time in other forms ISO 8601, RFC 3339 and HTML allow: normalised to the
    // extended form, with nothing added that was not declared.
    ['2024-03-05T10:00:00+0300', '2024-03-05T10:00:00+03:00'],
    ['2024-03-05T10:00:00-0530', '2024-03-05T10:00:00-05:30'],
    ['2024-03-05T10:00:00+03', '2024-03-05T10:00:00+03:00'],
    ['2024-03-05T10:00:00.250+0000', '2024-03-05T10:00:00.250+00:00'],
    ['2024-03-05T10:00:00,5+0300', '2024-03-05T10:00:00.5+03:00'],
    ['2024-03-05T10:00:00 +0300', '2024-03-05T10:00:00+03:00'],
    ['2024-03-05 10:00:00+03:00', '2024-03-05T10:00:00+03:00'],
    ['2024-02-06 20:14:55', '2024-02-06T20:14:55'],
    ['2024-02-06 20:14', '2024-02-06T20:14'],
    ['2024-03-05t10:00:00z', '2024-03-05T10:00:00Z'],
    ['20240305T100000+0300', '2024-03-05T10:00:00+03:00'],
    // Not a date and time, or not a real one: rejected, never repaired or completed.
    ['Feb 2, 2024', null],
    ['2 February 2024, 12:47', null],
    ['02/02/2024', null],
    // With an offset the schema wants seconds, and adding ":00" would claim what was not declared.
    ['2024-03-05T10:00+0300', null],
    ['20240305T1000Z', null],
    ['2024-03-05T10:00:00+2500', null],
    ['2024-03-05T10:00:00+0360', null],
    ['2024-03-05T10:00:00+030', null],
    ['2024-03-05T25:00:00+0300', null],
    ['2024-02-30T10:00:00+0300', null],
    ['2024-03-05T10:00,5+0300', null],
    ['2024-03-0510:00:00', null],
    ['2024-03-05T100000+0300', null],
    ['20240305T10:00:00+03:00', null],
    ['20240305', null],
    ['2024-03-05  10:00:00', null],
    ['2024-03-05T10:00:00  +0300', null],
    ['2024-02', null],
    ['2024', null],
    ['2023-02-29', null],
    ['1707224095', null],
    ['', null],
    [`2024-02-06${' '.repeat(100)}x`, null],
  ])('%j → %j', (input, expected) => {
    expect(pageDate(input)).toBe(expected);
  });
});

describe('langTag', () => {
  it.each([
    ['en', 'en'],
    ['en_US', 'en-US'],
    [' be-Latn-BY ', 'be-Latn-BY'],
    ['zh-Hant', 'zh-Hant'],
    ['x-klingon', 'x-klingon'],
    ['English', null],
    ['en US', null],
    ['', null],
    ['a'.repeat(9), null],
    [`en${'-abcdefgh'.repeat(4)}`, null],
  ])('%j → %j', (input, expected) => {
    expect(langTag(input)).toBe(expected);
  });
});

describe('canonicalUrl', () => {
  const base = 'https://news.example/a/b/page.html?x=1';
  it.each([
    ['/story', 'https://news.example/story'],
    ['other.html#part', 'https://news.example/a/b/other.html'],
    ['https://news.example/s?utm_source=a&id=3&gclid=z', 'https://news.example/s?id=3'],
    ['HTTP://News.Example:80/s', 'http://news.example/s'],
    ['//cdn.example/s', 'https://cdn.example/s'],
    ['javascript:alert(1)', null],
    ['data:text/html,<b>x</b>', null],
    ['ftp://files.example/x', null],
    ['https://', null],
    ['', null],
    [`https://news.example/${'a'.repeat(9_000)}`, null],
  ])('%j → %j', (input, expected) => {
    expect(canonicalUrl(input, base)).toBe(expected);
  });
});

describe('cleanText and truncate', () => {
  it('collapses whitespace, trims and bounds', () => {
    expect(cleanText('  a \n\t b  ', 10)).toBe('a b');
    expect(cleanText('   ', 10)).toBeNull();
    expect(cleanText('abcdef', 3)).toBe('abc');
    expect(cleanText(null, 3)).toBeNull();
  });

  it('never leaves half of a surrogate pair', () => {
    expect(truncate('ab😀', 3)).toBe('ab');
    expect(truncate('ab😀', 4)).toBe('ab😀');
  });
});

describe('cleanAuthors', () => {
  it('trims, drops empties and URL-only values, dedupes case-insensitively, keeps page order', () => {
    expect(
      cleanAuthors([
        ' Jane  Doe ',
        '',
        'https://twitter.com/jane',
        '//profiles.example/x',
        'www.example.org/jane',
        'mailto:jane@example.org',
        'JANE DOE',
        'John Roe',
      ]),
    ).toEqual(['Jane Doe', 'John Roe']);
  });

  it('keeps at most 50', () => {
    expect(cleanAuthors(Array.from({ length: 80 }, (_, i) => `Name ${i}`))).toHaveLength(50);
  });
});
