// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { readSourceMetadata } from '@/lib/page/source-metadata';
import { sha256Hex, visibleText } from '@/lib/page/text-fingerprint';

const windows: Window[] = [];

// The fixture as a browser would load it from a link carrying tracking parameters.
function fixture(file: string, url: string): Document {
  const html = readFileSync(resolve(import.meta.dirname, '../../fixtures/pages', file), 'utf8');
  const window = new Window({ url });
  windows.push(window);
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

afterAll(async () => {
  await Promise.all(windows.map((window) => window.happyDOM.close()));
});

describe('readSourceMetadata on the fixture pages', () => {
  it.each([
    {
      file: 'monthly-review.html',
      url: 'https://rights-monitor.example/news/belarus-human-rights-review-january-2024/?utm_source=telegram#prisoners',
      expected: {
        canonicalUrl: 'https://rights-monitor.example/news/belarus-human-rights-review-january-2024/',
        title: 'Belarus in January 2024: a monthly review of the human rights situation',
        siteName: 'Belarus Rights Monitor',
        authors: ['Belarus Rights Monitor'],
        lang: 'en',
        publishedTime: '2024-02-06T20:14:55+03:00',
        modifiedTime: '2024-02-06T20:41:34+03:00',
      },
    },
    {
      file: 'release-digest.html',
      url: 'http://localhost:8080/release-digest.html',
      expected: {
        canonicalUrl: 'https://rights-monitor.example/news/political-prisoners-released-january-2024/',
        title: 'Freed after serving their terms: political prisoners released in January 2024',
        siteName: 'Belarus Rights Monitor',
        authors: ['Belarus Rights Monitor'],
        lang: 'en',
        publishedTime: '2024-02-02T12:47:42+03:00',
        modifiedTime: '2024-02-02T12:47:42+03:00',
      },
    },
    {
      file: 'index.html',
      url: 'http://localhost:8080/',
      expected: {
        canonicalUrl: null,
        title: 'Source annotator demo pages',
        siteName: null,
        authors: [],
        lang: 'en',
        publishedTime: null,
        modifiedTime: null,
      },
    },
  ])('reads $file', ({ file, url, expected }) => {
    expect(readSourceMetadata(fixture(file, url))).toEqual({ url, ...expected });
  });

  it('fingerprints the article text, not styles or markup, the same wherever the page was loaded from', async () => {
    const here = fixture('monthly-review.html', 'http://localhost:8080/monthly-review.html');
    const there = fixture('monthly-review.html', 'https://rights-monitor.example/news/x/?utm_source=x');
    const text = visibleText(here);
    expect(text).toContain('the number of political prisoners in Belarus stood at 1,429');
    expect(text).not.toMatch(/box-sizing|NewsArticle|\s{2}/);
    expect(await sha256Hex(text)).toBe(await sha256Hex(visibleText(there)));
  });
});
