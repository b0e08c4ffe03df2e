import { describe, expect, it } from 'vitest';
import { normalizeUrl, withoutTracking } from '@/lib/source/normalize-url';

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

describe('withoutTracking', () => {
  it.each([
    ['https://news.example/a?utm_source=tw&utm_medium=social', 'https://news.example/a'],
    ['https://news.example/a?id=5&fbclid=abc&gclid=x#comments', 'https://news.example/a?id=5#comments'],
    ['https://news.example/a?yclid=1&mc_cid=2&mc_eid=3&_ga=4&msclkid=5', 'https://news.example/a'],
    ['https://news.example/a?utm%5Fsource=x&b=2', 'https://news.example/a?b=2'],
    ['https://news.example/a?b=2&a=1&flag', 'https://news.example/a?b=2&a=1&flag'],
    ['https://news.example/a?q=a%2Bb+c&&x=', 'https://news.example/a?q=a%2Bb+c&x='],
    ['https://news.example/a?bad=%E0%A4%A', 'https://news.example/a?bad=%E0%A4%A'],
    ['https://news.example/a', 'https://news.example/a'],
    ['not a url', 'not a url'],
    ['javascript:alert(1)?utm_source=x', 'javascript:alert(1)?utm_source=x'],
  ])('%s → %s', (input, expected) => {
    expect(withoutTracking(input)).toBe(expected);
  });
});
