import { describe, expect, it } from 'vitest';
import { isDiscreet, parseSiteList, siteHost } from '@/lib/settings/discreet-mode';

// Issue 11, discreet mode: on listed sites (subdomains included) or everywhere, the page cannot tell
// the extension is installed until the researcher acts.

describe('siteHost', () => {
  it.each([
    ['sb.by', 'sb.by'],
    ['  SB.BY  ', 'sb.by'],
    ['sb.by.', 'sb.by'],
    ['*.sb.by', 'sb.by'],
    ['https://www.sb.by/news/1?utm_source=x#top', 'www.sb.by'],
    ['http://sb.by:8080', 'sb.by'],
    ['sb.by/news', 'sb.by'],
    ['HTTPS://*.Court.Gov.By/', 'court.gov.by'],
    ['навіны.бел', 'xn--80ae5ac4e2c.xn--90ais'],
    ['localhost', 'localhost'],
    ['by', 'by'],
    ['10.0.0.1', '10.0.0.1'],
    ['[::1]', '[::1]'],
    ['', null],
    ['not a host', null],
    ['sb..by', null],
    ['-sb.by', null],
    ['sb_by.example', null],
    ['*', null],
    ['*.', null],
    ['ftp://sb.by', null],
    ['javascript:alert(1)', null],
    [`${'a'.repeat(64)}.by`, null],
  ])('%j → %s', (entry, expected) => expect(siteHost(entry)).toBe(expected));
});

describe('isDiscreet', () => {
  const listed = (...discreetSites: string[]) => ({ discreetEverywhere: false, discreetSites });
  it.each([
    ['nothing listed', listed(), 'https://sb.by/', false],
    ['everywhere', { discreetEverywhere: true, discreetSites: [] }, 'https://news.example/', true],
    ['the listed site', listed('sb.by'), 'https://sb.by/news/1', true],
    ['a subdomain of it', listed('sb.by'), 'https://www.sb.by/news/1', true],
    ['a deeper subdomain', listed('sb.by'), 'http://a.b.sb.by:8080/', true],
    ['a name that only ends the same', listed('sb.by'), 'https://notsb.by/', false],
    ['a parent of the listed site', listed('www.sb.by'), 'https://sb.by/', false],
    ['another site', listed('sb.by'), 'https://news.example/', false],
    ['case and a trailing dot in the entry', listed('SB.BY.'), 'https://sb.by/', true],
    ['a trailing dot in the address', listed('sb.by'), 'https://sb.by./', true],
    ['a wildcard entry', listed('*.sb.by'), 'https://sb.by/', true],
    ['a pasted URL as the entry', listed('https://sb.by/some/article'), 'https://www.sb.by/', true],
    ['a whole country suffix', listed('by'), 'https://court.gov.by/', true],
    ['an internationalised name', listed('навіны.бел'), 'https://www.навіны.бел/', true],
    ['an IP address', listed('10.0.0.1'), 'http://10.0.0.1:8080/', true],
    ['an invalid entry is ignored', listed('not a host', 'sb.by'), 'https://news.example/', false],
    ['an address that cannot be read', listed(), 'not a url', true],
  ])('%s', (_label, settings, url, expected) => expect(isDiscreet(settings, url)).toBe(expected));
});

describe('parseSiteList', () => {
  it.each([
    ['empty', '', { sites: [], invalid: [] }],
    ['blank lines only', '\n  \r\n', { sites: [], invalid: [] }],
    ['one per line, CRLF too', 'sb.by\r\nbelta.by\n', { sites: ['sb.by', 'belta.by'], invalid: [] }],
    [
      'pasted URLs reduced to hosts, duplicates once',
      'https://www.sb.by/news?x=1\nSB.BY\n*.sb.by\nwww.sb.by',
      { sites: ['www.sb.by', 'sb.by'], invalid: [] },
    ],
    [
      'things that are not host names',
      'sb.by\nnot a host\nsb..by\nftp://x.by\n  court.gov.by  ',
      { sites: ['sb.by', 'court.gov.by'], invalid: ['not a host', 'sb..by', 'ftp://x.by'] },
    ],
  ])('%s', (_label, text, expected) => expect(parseSiteList(text)).toEqual(expected));
});
