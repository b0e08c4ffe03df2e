// @vitest-environment happy-dom
import { bench, describe } from 'vitest';
import { findLegalArticles } from '@/lib/facts/legal-articles';
import { buildNameMatcher, findPersonMentions } from '@/lib/matching/name-matcher';
import { scoreFixtures } from './evaluate';
import { syntheticPage, syntheticRegistry } from './synthetic';

// `npm run bench`: precision and recall against the hand-written ground truth of the fixture pages,
// and the scan of a 1 MB page against 10,000 persons with 3 aliases each. The figures are printed
// as markdown tables for docs/benchmarks.md; the timings below are also run as Vitest benches.

const PAGE_SIZE = 1_000_000;
const CHUNK = 64 * 1024;

const score = scoreFixtures();
console.log('\nKnown-entity matching: precision and recall on the fixture pages\n');
console.log('| page | mentions | suggested | right | missed | wrong |\n| --- | ---: | ---: | ---: | --- | --- |');
for (const p of score.pages) {
  console.log(
    `| ${p.page} | ${p.truth} | ${p.found} | ${p.right} | ${p.missed.join('; ') || '–'} | ${p.wrong.join('; ') || '–'} |`,
  );
}
console.log(
  `\nprecision ${score.precision.toFixed(3)} (target ≥ 0.95), recall ${score.recall.toFixed(3)} (target ≥ 0.9)\n`,
);

const registry = syntheticRegistry(10_000);
const page = syntheticPage(registry, PAGE_SIZE);
const time = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  const result = work();
  return [result, performance.now() - start];
};
const [matcher, buildMs] = time(() => buildNameMatcher(registry));
findPersonMentions(matcher, page.slice(0, CHUNK)); // warm-up
const [mentions, scanMs] = time(() => findPersonMentions(matcher, page));
let longest = 0;
for (let at = 0; at < page.length; at += CHUNK) {
  longest = Math.max(longest, time(() => findPersonMentions(matcher, page.slice(at, at + CHUNK)))[1]);
}
const [articles, articlesMs] = time(() => findLegalArticles(page));
console.log('| case | figure | target |\n| --- | ---: | ---: |');
console.log(
  `| build the matcher: 10,000 persons × (name + 3 aliases) | ${buildMs.toFixed(0)} ms | once per registry change |`,
);
console.log(
  `| scan ${(page.length / 1e6).toFixed(2)} M characters, whole text | ${scanMs.toFixed(1)} ms (${mentions.length} mentions) | ≤ 100 ms |`,
);
console.log(`| longest 64 KB chunk of the same scan | ${longest.toFixed(1)} ms | ≤ 50 ms per task |`);
console.log(`| legal articles in the same text | ${articlesMs.toFixed(1)} ms (${articles.length} found) | |\n`);

describe('known-entity matching', () => {
  bench('scan a 1 MB page against 10,000 persons × 3 aliases', () => {
    findPersonMentions(matcher, page);
  });
  bench('find legal articles in a 1 MB page', () => {
    findLegalArticles(page);
  });
});
