import { describe, expect, it } from 'vitest';
import { normalizeUrl } from '@/lib/source/normalize-url';

describe('normalizeUrl', () => {
  it.each([
    ['https://news.example/a?utm_source=tw&utm_medium=social', 'https://news.example/a'],
    ['https://news.example/a?id=5&fbclid=abc&gclid=x#comments', 'https://news.example/a?id=5'],
    ['HTTPS://News.Example:443/a/', 'https://news.example/a/'],
    ['http://news.example:80/a?', 'http://news.example/a'],
    ['https://user:pw@news.example/a', 'https://news.example/a'],
    ['https://news.example/a?b=2&a=1', 'https://news.example/a?b=2&a=1'],
    ['https://by.example/навіны/1', 'https://by.example/%D0%BD%D0%B0%D0%B2%D1%96%D0%BD%D1%8B/1'],
    ['javascript:alert(1)', null],
    ['file:///etc/passwd', null],
    ['not a url', null],
  ])('%s → %s', (input, expected) => {
    expect(normalizeUrl(input)).toBe(expected);
  });
});
