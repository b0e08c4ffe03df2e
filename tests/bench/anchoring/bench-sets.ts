import { describeTextQuote as apacheDescribeTextQuote } from '@apache-annotator/dom';
import { indexText, rangeFromOffsets } from '@/lib/anchoring/dom-text';
import type { TextQuoteSelector } from '@/lib/schema/selectors';
import { since } from '../chromium/measure';
import {
  describeSpots,
  fullContext,
  occurrences,
  pickSpots,
  quoteSpots,
  type BenchAnnotation,
  type QuoteKind,
  type QuoteSpot,
} from './annotations';
import { nextTask, show } from './bench-dom';
import { changeInnerWord, type EditedCategory } from './edited-pages';
import { generatePage } from './corpus';
import { randomTools } from './random';
import { count, log } from './report';

// The benchmark's page and its annotation sets, chosen in one seeded order (the same every run):
// the unchanged 1,000, the quotes to delete, the long quotes to edit by one word, the annotations
// of the edited page, and @apache-annotator/dom's own selectors for a sample of them.

/** The seed the page, the annotation sets and each edited page derive theirs from. */
export const SEED = 20_261_122;
const TARGET_CHARS = 1_000_000;
const APACHE_OWN_SAMPLE = 60;

/** The original page, rendered into `root`, and every annotation set taken on it; without
 *  `describeWithApache`, the sample for @apache-annotator/dom's own selectors is drawn (so the
 *  random stream stays the same) but not described. */
export async function prepareSets(root: HTMLElement, { describeWithApache = true } = {}) {
  log('generating the page…');
  const began = performance.now();
  const generated = generatePage(SEED, TARGET_CHARS);
  const { blocks, vocabulary } = generated;
  const page = show(root, blocks);
  root.getBoundingClientRect();
  const pageInfo = {
    chars: page.text.length,
    utf8MiB: new Blob([page.text]).size / 2 ** 20,
    articles: generated.articles,
    blocks: blocks.length,
    textNodes: page.textNodes,
    elements: page.elements,
    generateAndRenderMs: Math.round(since(began)),
  };
  log(
    `page: ${count(pageInfo.chars)} characters, ${count(page.textNodes)} text nodes, ${count(page.elements)} elements`,
  );

  const r = randomTools(SEED + 1);
  const originalIndex = indexText(root);
  const spots = quoteSpots(blocks);
  let nextId = 0;
  const describe = (list: readonly QuoteSpot[]) => {
    const described = describeSpots(originalIndex, page.starts, list, nextId);
    nextId += list.length;
    return described;
  };
  const ofKind = (kind: QuoteKind) => spots.filter((s) => s.kind === kind);
  const blockText = new Map(blocks.map((b) => [b.id, b.text]));
  const length = (s: QuoteSpot) => s.to - s.from;

  // 1,000 unchanged annotations: names, dates, legal references and sentences, anywhere.
  const unchanged = describe([
    ...r.sample(ofKind('name'), 280),
    ...r.sample(ofKind('date'), 220),
    ...r.sample(ofKind('article'), 150),
    ...r.sample(ofKind('sentence'), 350),
  ]);

  // The edited sets take quotes whose stored context occurs once: two identical places are the
  // same to any matcher, so they would measure the page, not the matcher.
  const described = new Map<QuoteSpot, BenchAnnotation>();
  const annotationOf = (spot: QuoteSpot) => {
    let a = described.get(spot);
    if (!a) {
      a = describe([spot])[0]!;
      described.set(spot, a);
    }
    return a;
  };
  const uniqueContext = (spot: QuoteSpot) => occurrences(page.text, fullContext(annotationOf(spot))) === 1;
  const hasInnerWord = (s: QuoteSpot) =>
    changeInnerWord(blockText.get(s.block)!, s.from, s.to, vocabulary, randomTools(0)) !== null;
  const longSentence = (s: QuoteSpot) => s.kind === 'sentence' && length(s) >= 40 && length(s) <= 250;
  // How repetitive the page is: sentences that stand word for word elsewhere, names per page.
  const sentenceSample = randomTools(SEED + 9).sample(spots.filter(longSentence), 400);
  const repeatedSentences = sentenceSample.filter(
    (s) => occurrences(page.text, blockText.get(s.block)!.slice(s.from, s.to)) >= 2,
  ).length;
  const nameSpots = ofKind('name');
  Object.assign(pageInfo, {
    sentencesRepeatedVerbatim: repeatedSentences / sentenceSample.length,
    nameOccurrences: nameSpots.length,
    distinctNames: new Set(nameSpots.map((s) => blockText.get(s.block)!.slice(s.from, s.to))).size,
    dateOccurrences: ofKind('date').length,
    articleReferenceOccurrences: ofKind('article').length,
  });

  const deletedBlocks = new Set<number>();
  const deletedShort = pickSpots(
    r,
    spots.filter((s) => s.kind !== 'sentence' && length(s) < 32),
    230,
    (s) => uniqueContext(s) && occurrences(page.text, annotationOf(s).exact) >= 2,
    deletedBlocks,
  );
  const deletedLong = pickSpots(
    r,
    spots.filter((s) => s.kind === 'sentence' && length(s) >= 32),
    120,
    uniqueContext,
    deletedBlocks,
  );
  const deleted = [...deletedShort, ...deletedLong].map(annotationOf);

  const wordSpots = pickSpots(
    r,
    spots.filter(longSentence),
    150,
    (s) => uniqueContext(s) && hasInnerWord(s),
    new Set(),
  );
  const wordEdited = wordSpots.map(annotationOf);

  const editedBlocks = new Set<number>();
  const editedChoice: { annotation: BenchAnnotation; category: EditedCategory }[] = [];
  const addEdited = (category: EditedCategory, pool: readonly QuoteSpot[], n: number, accept = uniqueContext) => {
    for (const s of pickSpots(r, pool, n, accept, editedBlocks))
      editedChoice.push({ annotation: annotationOf(s), category });
  };
  addEdited('moved', spots, 100);
  addEdited('whitespace', spots, 80);
  addEdited('punctuation', spots, 80);
  addEdited('word', spots.filter(longSentence), 100, (s) => uniqueContext(s) && hasInnerWord(s));
  log(
    `annotations: ${unchanged.length} unchanged, ${deleted.length} to delete, ${wordEdited.length} word-edited, ` +
      `${editedChoice.length} on the edited page`,
  );

  // @apache-annotator/dom's own describeTextQuote on a sample, to see what its minimal contexts do.
  const apacheOwn = new Map<number, TextQuoteSelector>();
  const apacheDescribeMs: number[] = [];
  const ownSample = [
    ...r.sample(deleted, APACHE_OWN_SAMPLE),
    ...r.sample(
      editedChoice.map((c) => c.annotation),
      APACHE_OWN_SAMPLE,
    ),
  ];
  if (describeWithApache) log(`@apache-annotator/dom describeTextQuote on ${ownSample.length} annotations…`);
  for (const a of describeWithApache ? ownSample : []) {
    await nextTask();
    const start = performance.now();
    const selector = await apacheDescribeTextQuote(rangeFromOffsets(originalIndex, a.start, a.end), root);
    apacheDescribeMs.push(since(start));
    apacheOwn.set(a.id, {
      type: 'TextQuoteSelector',
      exact: selector.exact,
      prefix: selector.prefix,
      suffix: selector.suffix,
    });
  }
  return {
    r,
    page,
    pageInfo,
    blocks,
    vocabulary,
    originalIndex,
    spots,
    ofKind,
    blockText,
    nameSpots,
    sentenceSample,
    repeatedSentences,
    unchanged,
    deleted,
    wordEdited,
    editedChoice,
    apacheOwn,
    apacheDescribeMs,
  };
}

/** What `prepareSets` hands to the cases. */
export type BenchSets = Awaited<ReturnType<typeof prepareSets>>;
