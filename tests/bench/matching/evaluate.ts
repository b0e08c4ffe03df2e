import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { indexText } from '@/lib/anchoring/dom-text';
import { buildNameMatcher, findPersonMentions, type PersonMention } from '@/lib/matching/name-matcher';
import { GROUND_TRUTH, REGISTRY } from './ground-truth';

// Scores the matcher against the hand-written ground truth: a suggestion is right when it overlaps
// a listed mention and names that mention's person; each listed mention can be found once.

/** One page's score, with what went wrong, for the report. */
export interface PageScore {
  page: string;
  truth: number;
  found: number;
  right: number;
  missed: string[];
  wrong: string[];
}

/** The text of a fixture page as the extension reads it (indexText over the parsed body). */
export function fixtureText(page: string): string {
  const html = readFileSync(resolve(import.meta.dirname, '../../fixtures/pages', page), 'utf8');
  return indexText(new DOMParser().parseFromString(html, 'text/html').body).text;
}

/** Locates the truth quotes in order; throws when the list and the page disagree. */
function truthSpans(page: string, text: string) {
  let cursor = 0;
  return GROUND_TRUTH[page]!.map(([quote, person]) => {
    const start = text.indexOf(quote, cursor);
    if (start < 0) throw new Error(`${page}: "${quote}" not found after offset ${cursor}`);
    cursor = start + quote.length;
    return { start, end: cursor, person, quote };
  });
}

/** Precision and recall of the matcher over every fixture page with ground truth. */
export function scoreFixtures(): { pages: PageScore[]; precision: number; recall: number } {
  const matcher = buildNameMatcher(REGISTRY);
  const pages = Object.keys(GROUND_TRUTH).map((page) => {
    const text = fixtureText(page);
    const truth = truthSpans(page, text);
    const found = findPersonMentions(matcher, text);
    const used = new Set<number>();
    const wrong: string[] = [];
    const hits = (m: PersonMention) =>
      truth.findIndex((t, i) => !used.has(i) && t.start < m.end && m.start < t.end && m.personIds.includes(t.person));
    for (const mention of found) {
      const at = hits(mention);
      if (at >= 0) used.add(at);
      else wrong.push(`${text.slice(mention.start, mention.end)} → ${mention.personIds.join('|')}`);
    }
    return {
      page,
      truth: truth.length,
      found: found.length,
      right: used.size,
      missed: truth.filter((_, i) => !used.has(i)).map((t) => `${t.quote} (${t.person})`),
      wrong,
    };
  });
  const sum = (f: (p: PageScore) => number) => pages.reduce((n, p) => n + f(p), 0);
  return {
    pages,
    precision: sum((p) => p.right) / sum((p) => p.found),
    recall: sum((p) => p.right) / sum((p) => p.truth),
  };
}
