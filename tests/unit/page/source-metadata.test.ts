// @vitest-environment happy-dom
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import { readSourceMetadata, type SourceMetadata } from '@/lib/page/source-metadata';
import { Source } from '@/lib/schema/source';

const PAGE_URL = 'https://news.example/2024/02/report?utm_source=newsletter#comments';
const windows: Window[] = [];

// A happy-dom Window carries the page URL, so document.URL and baseURI are what a browser would report
// and relative links resolve against it. DOMParser documents are inert: their scripts never run.
function page(html: string, url = PAGE_URL): Document {
  const window = new Window({ url });
  windows.push(window);
  return new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

afterAll(async () => {
  await Promise.all(windows.map((window) => window.happyDOM.close()));
});

const jsonLd = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;
const meta = (key: 'name' | 'property' | 'itemprop', id: string, content: string) =>
  `<meta ${key}="${id}" content="${content}">`;

const NOTHING: Omit<SourceMetadata, 'url'> = {
  canonicalUrl: null,
  title: '',
  siteName: null,
  authors: [],
  lang: null,
  publishedTime: null,
  modifiedTime: null,
};

type Case = { name: string; html: string; url?: string; expected: Partial<SourceMetadata> };

const cases: Case[] = [
  {
    name: 'JSON-LD only',
    html: `<head>${jsonLd({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Court upholds sentence',
      datePublished: '2024-01-29T10:00:00+03:00',
      dateModified: '2024-01-30',
      inLanguage: 'be',
      author: { '@type': 'Person', name: 'Ales Author' },
      publisher: { '@type': 'Organization', name: 'Rights Monitor' },
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example/court?utm_medium=x' },
    })}</head><body>Text</body>`,
    expected: {
      ...NOTHING,
      canonicalUrl: 'https://news.example/court',
      title: 'Court upholds sentence',
      siteName: 'Rights Monitor',
      authors: ['Ales Author'],
      lang: 'be',
      publishedTime: '2024-01-29T10:00:00+03:00',
      modifiedTime: '2024-01-30',
    },
  },
  {
    name: 'OpenGraph only (og:url as canonical, og:locale as language)',
    html: `<head>${[
      meta('property', 'og:title', 'Detentions in Brest'),
      meta('property', 'og:site_name', 'Brest Watch'),
      meta('property', 'og:url', 'https://news.example/brest/?fbclid=abc'),
      meta('property', 'og:locale', 'ru_RU'),
      meta('property', 'og:updated_time', '2024-02-01T08:00:00Z'),
    ].join('')}</head><body></body>`,
    expected: {
      ...NOTHING,
      canonicalUrl: 'https://news.example/brest/',
      title: 'Detentions in Brest',
      siteName: 'Brest Watch',
      lang: 'ru-RU',
      modifiedTime: '2024-02-01T08:00:00Z',
    },
  },
  {
    name: 'plain <meta> and <time> only',
    html: `<html lang="en-GB"><head><title>Trial of three activists</title>
      ${meta('name', 'author', 'Jane Doe')}${meta('name', 'DC.creator', 'J. Doe')}</head>
      <body><article><p>Posted <time datetime="2024-01-12">12 January</time>,
      updated <time class="updated" datetime="2024-01-13T09:30">13 January</time></p></article></body></html>`,
    expected: {
      ...NOTHING,
      title: 'Trial of three activists',
      authors: ['Jane Doe'],
      lang: 'en-GB',
      publishedTime: '2024-01-12',
      modifiedTime: '2024-01-13T09:30',
    },
  },
  {
    name: 'other meta dates (DC.date, itemprop) before <time>',
    html: `<head>${meta('name', 'DC.date', '2023-12-01')}${meta('itemprop', 'dateModified', '2023-12-02')}
      ${meta('name', 'DC.Creator', 'Human Rights Centre')}</head>
      <body><article><time datetime="2020-08-09">election day</time></article></body>`,
    expected: { authors: ['Human Rights Centre'], publishedTime: '2023-12-01', modifiedTime: '2023-12-02' },
  },
  {
    name: 'parsely-pub-date and a <time> marked as the publication stamp',
    html: `<head>${meta('name', 'parsely-pub-date', '2024-03-05T12:00:00Z')}</head>
      <body><span class="entry-date published"><time datetime="2024-03-04">4 March</time></span></body>`,
    expected: { publishedTime: '2024-03-05T12:00:00Z' },
  },
  {
    name: 'a <time> marked as published outside <article>, without a datetime attribute',
    html: `<body><p><time class="published">2024-03-04</time></p><article><time datetime="2019-01-01"></time></article></body>`,
    expected: { publishedTime: '2024-03-04' },
  },
  {
    name: 'conflicting declarations: JSON-LD > article:* > OpenGraph > other meta > <time> > <title>',
    html: `<html lang="de"><head><title>Title tag | Site</title>
      ${meta('property', 'article:published_time', '2024-01-11T00:00:00Z')}
      ${meta('property', 'article:modified_time', '2024-01-12T00:00:00Z')}
      ${meta('property', 'article:author', 'Article Meta Author')}
      ${meta('property', 'og:title', 'OG title')}${meta('property', 'og:locale', 'fr_FR')}
      ${meta('property', 'og:updated_time', '2024-01-13T00:00:00Z')}
      ${meta('name', 'date', '2024-01-14')}${meta('name', 'author', 'Meta Author')}
      ${jsonLd({ '@type': 'NewsArticle', headline: 'JSON-LD headline', datePublished: '2024-01-10T00:00:00Z', author: ['LD One', 'LD Two'] })}
      </head><body><article><time datetime="2024-01-15">x</time></article></body></html>`,
    expected: {
      title: 'JSON-LD headline',
      authors: ['LD One', 'LD Two'],
      lang: 'fr-FR',
      publishedTime: '2024-01-10T00:00:00Z',
      modifiedTime: '2024-01-12T00:00:00Z',
    },
  },
  {
    name: 'no metadata at all: <title> only, no dates invented',
    html: `<head><title>
      Plain   page
    </title></head><body><p>Published yesterday.</p></body>`,
    expected: { ...NOTHING, title: 'Plain page' },
  },
  {
    name: 'an empty document',
    html: '',
    expected: NOTHING,
  },
  {
    name: 'malformed JSON-LD is ignored, the next block and other tags are still read',
    html: `<head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "broken",</script>
      ${jsonLd({ '@type': 'Article', datePublished: '2024-02-02' })}
      <script type="application/ld+json">not json at all</script>
      ${meta('property', 'og:title', 'From OpenGraph')}</head><body></body>`,
    expected: { title: 'From OpenGraph', publishedTime: '2024-02-02' },
  },
  {
    name: 'JSON-LD @graph with @id references (Yoast style)',
    html: `<head>${jsonLd({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'Article',
          '@id': 'https://news.example/a/#article',
          headline: 'Graph headline',
          author: { '@id': 'https://news.example/#/person/1' },
          publisher: { '@id': 'https://news.example/#organization' },
          mainEntityOfPage: { '@id': 'https://news.example/a/' },
          datePublished: '2024-01-05T10:00:00+00:00',
        },
        {
          '@type': 'WebPage',
          '@id': 'https://news.example/a/',
          url: 'https://news.example/a/',
          name: 'Graph headline - News',
          inLanguage: 'en-US',
          dateModified: '2024-01-06T10:00:00+00:00',
        },
        { '@type': 'Organization', '@id': 'https://news.example/#organization', name: 'Graph News' },
        { '@type': 'Person', '@id': 'https://news.example/#/person/1', name: 'Graph Person' },
      ],
    })}</head><body></body>`,
    expected: {
      canonicalUrl: 'https://news.example/a/',
      title: 'Graph headline',
      siteName: 'Graph News',
      authors: ['Graph Person'],
      lang: 'en-US',
      publishedTime: '2024-01-05T10:00:00+00:00',
      modifiedTime: '2024-01-06T10:00:00+00:00',
    },
  },
  {
    name: 'a top-level JSON-LD array, prefixed types, and non-article nodes skipped',
    html: `<head>${jsonLd([
      { '@type': 'BreadcrumbList', name: 'Breadcrumbs' },
      { '@type': 'Organization', name: 'Not the site name here', datePublished: '1999-01-01' },
      { '@type': ['schema:ReportageNewsArticle'], headline: 'Reportage', datePublished: '2024-04-01' },
    ])}</head><body></body>`,
    expected: { title: 'Reportage', publishedTime: '2024-04-01', siteName: null },
  },
  {
    name: 'author arrays: strings, Person, Organization, parts, URLs, blanks and repeats',
    html: `<head>${jsonLd({
      '@type': 'BlogPosting',
      author: [
        '  Maryna   Adamovich ',
        { '@type': 'Person', name: 'Nasta Loika', url: 'https://x.example/nasta' },
        { '@type': 'Organization', name: 'Human Constanta' },
        { '@type': 'Person', givenName: 'Ales', familyName: 'Bialiatski' },
        'https://facebook.com/someone',
        '',
        { '@type': 'Person' },
        42,
        'maryna adamovich',
        { '@type': 'Person', name: { '@value': 'Valiantsin Stefanovich' } },
      ],
    })}</head><body></body>`,
    expected: {
      authors: ['Maryna Adamovich', 'Nasta Loika', 'Human Constanta', 'Ales Bialiatski', 'Valiantsin Stefanovich'],
    },
  },
  {
    name: 'authors capped at 50 and each name cut to the schema limit',
    html: `<head>${jsonLd({
      '@type': 'NewsArticle',
      author: ['N'.repeat(600), ...Array.from({ length: 60 }, (_, i) => `Author ${i}`)],
    })}</head><body></body>`,
    expected: {
      authors: ['N'.repeat(500), ...Array.from({ length: 49 }, (_, i) => `Author ${i}`)],
    },
  },
  {
    name: 'article:author that is only a URL is dropped, meta author used instead',
    html: `<head>${meta('property', 'article:author', 'https://www.facebook.com/reporter')}
      ${meta('name', 'author', 'Named Reporter')}</head><body></body>`,
    expected: { authors: ['Named Reporter'] },
  },
  {
    name: 'an invalid date string is never used',
    html: `<head>${jsonLd({ '@type': 'NewsArticle', datePublished: 'Feb 2, 2024', dateModified: '2024-02-30 10:00:00' })}
      ${meta('name', 'sailthru.date', 'yesterday')}</head><body><article><time datetime="02/02/2024">2 Feb</time></article></body>`,
    expected: { publishedTime: null, modifiedTime: null },
  },
  {
    name: 'an invalid JSON-LD date gives way to a valid article:published_time',
    html: `<head>${jsonLd({ '@type': 'NewsArticle', datePublished: 'Feb 2, 2024' })}
      ${meta('property', 'article:published_time', ' 2024-02-02T09:00:00+01:00 ')}</head><body></body>`,
    expected: { publishedTime: '2024-02-02T09:00:00+01:00' },
  },
  {
    name: 'dates kept as declared: local date-time, fractional seconds',
    html: `<head>${meta('property', 'article:published_time', '2024-02-06T20:14')}
      ${meta('itemprop', 'dateModified', '2024-02-06T20:41:34.120+03:00')}</head><body></body>`,
    expected: { publishedTime: '2024-02-06T20:14', modifiedTime: '2024-02-06T20:41:34.120+03:00' },
  },
  {
    name: 'a basic-format offset (+0300) read as the same instant with an extended one (+03:00)',
    html: `<head>${meta('property', 'article:published_time', '2024-03-05T10:00:00+0300')}
      ${meta('property', 'article:modified_time', '2024-03-05 12:30:00 +0300')}</head><body></body>`,
    expected: { publishedTime: '2024-03-05T10:00:00+03:00', modifiedTime: '2024-03-05T12:30:00+03:00' },
  },
  {
    name: 'a relative canonical link resolves against the page URL',
    html: '<head><link rel="canonical" href="../story/?id=7"></head><body></body>',
    url: 'https://news.example/section/page/index.html',
    expected: {
      url: 'https://news.example/section/page/index.html',
      canonicalUrl: 'https://news.example/section/story/?id=7',
    },
  },
  {
    name: 'a canonical link with tracking parameters and a fragment is normalised',
    html: '<head><link rel="Canonical" href="https://news.example/a?utm_source=tw&utm_campaign=x&page=2#top"></head>',
    expected: { canonicalUrl: 'https://news.example/a?page=2' },
  },
  {
    name: '<link rel=canonical> outranks JSON-LD and og:url for the canonical address',
    html: `<head><link rel="canonical" href="https://news.example/link">
      ${jsonLd({ '@type': 'NewsArticle', url: 'https://news.example/json-ld' })}
      ${meta('property', 'og:url', 'https://news.example/og')}</head>`,
    expected: { canonicalUrl: 'https://news.example/link' },
  },
  {
    name: 'a javascript: canonical is refused',
    html: '<head><link rel="canonical" href="javascript:alert(1)"></head><body></body>',
    expected: { canonicalUrl: null },
  },
  {
    name: 'a javascript: canonical gives way to an http(s) og:url',
    html: `<head><link rel="canonical" href="javascript:alert(1)">${meta('property', 'og:url', '/from-og')}</head>`,
    expected: { canonicalUrl: 'https://news.example/from-og' },
  },
  {
    name: 'an oversized title is cut to the schema limit',
    html: `<head><title>${'T'.repeat(5_000)}</title></head><body></body>`,
    expected: { title: 'T'.repeat(2_000) },
  },
  {
    name: 'a cut never splits a surrogate pair',
    html: `<head><title>${'T'.repeat(1_999)}😀😀</title></head><body></body>`,
    expected: { title: 'T'.repeat(1_999) },
  },
  {
    name: 'an oversized site name is cut to the label limit',
    html: `<head>${meta('property', 'og:site_name', 'S'.repeat(300))}</head>`,
    expected: { siteName: 'S'.repeat(200) },
  },
  {
    name: 'a language that is not a tag gives way to <html lang>',
    html: `<html lang="uk"><head>${jsonLd({ '@type': 'NewsArticle', inLanguage: 'Ukrainian language' })}</head></html>`,
    expected: { lang: 'uk' },
  },
  {
    name: 'markup in JSON-LD strings stays text; nothing is evaluated',
    html: `<head>${jsonLd({ '@type': 'NewsArticle', headline: '<img src=x onerror=alert(1)> & more' })}</head>`,
    expected: { title: '<img src=x onerror=alert(1)> & more' },
  },
];

describe('readSourceMetadata', () => {
  it.each(cases)('reads $name', ({ html, url, expected }) => {
    const doc = page(html, url);
    const metadata = readSourceMetadata(doc);
    expect(metadata).toMatchObject({ url: url ?? PAGE_URL, ...expected });
  });

  it.each(cases)('returns what the Source schema accepts: $name', ({ html, url }) => {
    const metadata = readSourceMetadata(page(html, url));
    const record = {
      ...metadata,
      id: '0b6c1a64-7c1e-4f7e-9a55-9f3c1f0e8d21',
      firstAccessed: '2024-03-01T10:00:00Z',
      lastAccessed: '2024-03-01T10:00:00Z',
      textSha256: null,
    };
    expect(Source.safeParse(record).error).toBeUndefined();
  });

  it('survives hostile JSON-LD shapes without throwing', () => {
    const deep = `${'['.repeat(100_000)}{"@type": "NewsArticle", "headline": "deep"}${']'.repeat(100_000)}`;
    const html = `<head><script type="application/ld+json">${deep}</script>${jsonLd(null)}${jsonLd(7)}${jsonLd('x')}${jsonLd({ '@graph': 'nope' })}
      ${jsonLd({ '@type': 'NewsArticle', headline: ['First', 'Second'], author: { '@id': 'missing' }, publisher: 3 })}</head>`;
    expect(readSourceMetadata(page(html))).toMatchObject({ title: 'First', authors: [], siteName: null });
  });
});
