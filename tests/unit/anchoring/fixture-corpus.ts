import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { indexText } from '@/lib/anchoring/dom-text';

// Quotes a researcher would take from the fixture pages: names (Latin and Cyrillic), places,
// recurring phrases, legal references and dates, every occurrence of each, with the page text they were taken from.

export interface CorpusQuote {
  page: string;
  kind: 'name' | 'place' | 'phrase' | 'article' | 'date';
  start: number;
  end: number;
}

const PAGES = ['release-digest.html', 'monthly-review.html'];

const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const PATTERNS: [CorpusQuote['kind'], RegExp][] = [
  // Two to four capitalised words: "Zinaida Mikhniuk", "Зінаіда Міхнюк", "Belarus Rights Monitor".
  ['name', /\p{Lu}[\p{Ll}'ʼ]+(?:[ -]\p{Lu}[\p{Ll}'ʼ]+){1,3}/gu],
  // Single capitalised words of 4+ letters: places and first names ("Minsk", "Brest", "Aliaksandr").
  ['place', /(?<![\p{L}\p{N}])\p{Lu}\p{Ll}{3,}(?![\p{L}\p{N}])/gu],
  // Phrases that recur on every page of a monitor's site.
  [
    'phrase',
    /political prisoners?|penal colony|home confinement|Criminal Code|pre-trial detention centre|human rights defenders?|administrative (?:arrest|jail)/g,
  ],
  ['article', /(?:Part \d+ of )?Articles? \d+(?:[.-]\d+)*(?: of the (?:Criminal|Administrative)[\w ]*? Code)?/g],
  [
    'date',
    new RegExp(`(?:\\d{1,2} ${MONTH} \\d{4}|${MONTH} \\d{1,2}(?:[–-]\\d{1,2})?(?:, \\d{4})?|${MONTH} \\d{4})`, 'g'),
  ],
];

/** The body text of a fixture page, as `indexText` reads it. */
export function fixtureText(page: string): string {
  const html = readFileSync(resolve(import.meta.dirname, '../../fixtures/pages', page), 'utf8');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return indexText(doc.body).text;
}

/** Every quote of every kind on both fixture pages. */
export function fixtureCorpus(): { texts: Map<string, string>; quotes: CorpusQuote[] } {
  const texts = new Map<string, string>();
  const quotes: CorpusQuote[] = [];
  for (const page of PAGES) {
    const text = fixtureText(page);
    texts.set(page, text);
    for (const [kind, pattern] of PATTERNS) {
      for (const m of text.matchAll(pattern)) {
        quotes.push({ page, kind, start: m.index, end: m.index + m[0].length });
      }
    }
  }
  return { texts, quotes };
}
