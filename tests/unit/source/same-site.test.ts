import { describe, expect, it } from 'vitest';
import { sameSite, siteOf, trustedCanonical } from '@/lib/source/same-site';

// Issue 11: a declared canonical URL counts only on the same site (registrable domain) as the page.

describe('siteOf', () => {
  it.each([
    ['https://news.example.com/a', 'example.com'],
    ['https://www.bbc.co.uk/news/1', 'bbc.co.uk'],
    ['https://alice.github.io/blog', 'alice.github.io'],
    ['https://me.blogspot.com/', 'me.blogspot.com'],
    ['HTTPS://News.Example.COM./a', 'example.com'],
    ['https://навіны.бел/a', 'xn--80ae5ac4e2c.xn--90ais'],
    ['http://127.0.0.1:5179/x', '127.0.0.1'],
    ['http://[::1]:8080/', '[::1]'],
    ['http://localhost:3000/', 'localhost'],
    ['https://co.uk/', 'co.uk'],
    ['file:///etc/passwd', null],
    ['javascript:alert(1)', null],
    ['not a url', null],
    ['', null],
  ])('%s → %s', (url, expected) => expect(siteOf(url)).toBe(expected));
});

describe('sameSite', () => {
  it.each([
    ['subdomains of one domain', 'https://amp.news.example/a', 'https://news.example/b', true],
    ['www and bare', 'https://www.sb.by/x', 'https://sb.by/y', true],
    ['co.uk style suffix, same domain', 'https://www.bbc.co.uk/a', 'https://news.bbc.co.uk/b', true],
    ['co.uk style suffix, different domains', 'https://bbc.co.uk/a', 'https://itv.co.uk/a', false],
    ['github.io private suffix', 'https://alice.github.io/a', 'https://bob.github.io/a', false],
    ['one github.io site', 'https://alice.github.io/a', 'https://www.alice.github.io/b', true],
    ['blogspot private suffix', 'https://a.blogspot.com/', 'https://b.blogspot.com/', false],
    ['different domains', 'https://news.example/a', 'https://copy.example/a', false],
    ['lookalike suffix', 'https://news.example/a', 'https://news.example.evil.example/a', false],
    ['127.0.0.1 vs localhost', 'http://127.0.0.1:5179/a', 'http://localhost:5179/a', false],
    ['two IP addresses', 'http://127.0.0.1/', 'http://127.0.0.2/', false],
    ['one IP address, two ports', 'http://127.0.0.1:5179/a', 'http://127.0.0.1:8080/b', true],
    ['different ports on one host', 'https://news.example:8443/a', 'https://news.example/b', true],
    ['http vs https', 'http://news.example/a', 'https://www.news.example/a', true],
    ['trailing dot', 'https://news.example./a', 'https://news.example/a', true],
    ['case', 'https://NEWS.example/a', 'https://news.EXAMPLE/a', true],
    ['garbage on one side', 'https://news.example/a', 'not a url', false],
    ['garbage on both sides', 'garbage', 'garbage', false],
    ['empty strings', '', '', false],
    ['not http(s)', 'ftp://news.example/a', 'https://news.example/a', false],
  ])('%s', (_label, a, b, expected) => {
    expect(sameSite(a, b)).toBe(expected);
    expect(sameSite(b, a)).toBe(expected);
  });
});

describe('trustedCanonical', () => {
  it.each([
    ['same site', 'https://amp.news.example/s/7', 'https://news.example/s/7', 'https://news.example/s/7'],
    ['none declared', 'https://news.example/s/7', null, null],
    ['another site (a copy claiming the story)', 'https://copy.example/s', 'https://news.example/s/7', null],
    ['another github.io site', 'https://eve.github.io/s', 'https://alice.github.io/s', null],
    ['not http(s)', 'https://news.example/s', 'javascript:alert(1)', null],
    ['not a URL', 'https://news.example/s', 'news.example/s', null],
    ['the visited URL is not http(s)', 'file:///s.html', 'https://news.example/s', null],
  ])('%s', (_label, visited, declared, expected) => expect(trustedCanonical(visited, declared)).toBe(expected));
});
