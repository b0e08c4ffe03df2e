// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describePage } from '@/lib/page/describe-page';

function documentFrom(html: string, url = 'https://news.example/2024/review?utm_source=x'): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.documentElement.innerHTML = html; // test input only: the project code never writes HTML
  Object.defineProperty(doc, 'URL', { value: url });
  return doc;
}

describe('describePage', () => {
  it.each([
    {
      name: 'a page with canonical link and language',
      html: '<head><title> Report </title><link rel="canonical" href="/news/report"></head><body><p>Hello</p></body>',
      lang: 'en',
      expected: { title: 'Report', canonicalUrl: 'https://news.example/news/report', lang: 'en', textLength: 5 },
    },
    {
      name: 'a page with no metadata',
      html: '<head></head><body>Text</body>',
      lang: null,
      expected: { title: '', canonicalUrl: null, lang: null, textLength: 4 },
    },
    {
      name: 'a canonical link that is not http(s)',
      html: '<head><link rel="canonical" href="javascript:alert(1)"></head><body></body>',
      lang: 'be',
      expected: { canonicalUrl: null, lang: 'be' },
    },
  ])('reads $name', ({ html, lang, expected }) => {
    const doc = documentFrom(html);
    if (lang) doc.documentElement.setAttribute('lang', lang);
    expect(describePage(doc)).toMatchObject({ url: doc.URL, ...expected });
  });
});
