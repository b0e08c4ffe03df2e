import { describeRange } from '@/lib/anchoring/dom-anchor';
import { rangeFromOffsets, type TextIndex } from '@/lib/anchoring/dom-text';
import type { TextPositionSelector, TextQuoteSelector } from '@/lib/schema/selectors';
import { ARTICLE_PATTERN, DATE_PATTERN, NAME_PATTERN, SENTENCE_BREAK } from './corpus';
import type { Block } from './page-model';
import type { RandomTools } from './random';

// The annotations of the benchmark and the edited versions of the page. Every quote is taken from
// the original page and described there by the extension's own describeRange; every edit is made
// on the page model, so where the quote's words stand afterwards (or that they are gone) is known.

export type QuoteKind = 'name' | 'date' | 'article' | 'sentence';

/** A quote's place in the page model: block id and offsets in the block's text. */
export interface QuoteSpot {
  kind: QuoteKind;
  block: number;
  from: number;
  to: number;
}

export interface BenchAnnotation extends QuoteSpot {
  id: number;
  exact: string;
  selectors: [TextQuoteSelector, TextPositionSelector];
  /** UTF-16 offsets on the original page. */
  start: number;
  end: number;
}

/** An annotation on an edited page: where its words are now, or null when they are gone. */
export interface Item {
  annotation: BenchAnnotation;
  /** Which edit this item tests (for the per-category breakdown). */
  category: string;
  truth: { start: number; end: number } | null;
  /** For words that are gone: where they stood on the edited page (the gap they left). */
  gap?: number;
}

/** An edited page: its blocks, and the items whose ground truth is known on it. */
export interface EditedPage {
  blocks: Block[];
  items: Item[];
  /** Applied once the page is rendered: block starts → ground-truth offsets. */
  resolve(starts: ReadonlyMap<number, number>): void;
}

const SENTENCE_BREAKS = new RegExp(SENTENCE_BREAK.source, 'gu');

/** Every quote a researcher might take: names, dates, legal references and sentences. */
export function quoteSpots(blocks: readonly Block[]): QuoteSpot[] {
  const spots: QuoteSpot[] = [];
  const patterns: [QuoteKind, RegExp][] = [
    ['name', NAME_PATTERN],
    ['date', DATE_PATTERN],
    ['article', ARTICLE_PATTERN],
  ];
  for (const block of blocks) {
    if (block.article < 0) continue;
    for (const [kind, pattern] of patterns) {
      for (const m of block.text.matchAll(new RegExp(pattern.source, pattern.flags))) {
        spots.push({ kind, block: block.id, from: m.index, to: m.index + m[0].length });
      }
    }
    let from = 0;
    const ends = [...block.text.matchAll(SENTENCE_BREAKS)].map((m) => [m.index, m.index + m[0].length] as const);
    for (const [end, next] of [...ends, [block.text.length, block.text.length] as const]) {
      const sentence = block.text.slice(from, end);
      if (sentence.length >= 30 && sentence.length <= 300) {
        spots.push({ kind: 'sentence', block: block.id, from, to: end });
      }
      from = next;
    }
  }
  return spots;
}

/** Describes each spot with the extension's describeRange on the rendered original page. */
export function describeSpots(
  index: TextIndex,
  starts: ReadonlyMap<number, number>,
  spots: readonly QuoteSpot[],
  firstId: number,
): BenchAnnotation[] {
  return spots.map((spot, i) => {
    const start = starts.get(spot.block)! + spot.from;
    const end = starts.get(spot.block)! + spot.to;
    const selectors = describeRange(index, rangeFromOffsets(index, start, end));
    if (!selectors || selectors[0].exact !== index.text.slice(start, end)) {
      throw new Error(`describeRange did not describe [${start}, ${end})`);
    }
    return { ...spot, id: firstId + i, exact: selectors[0].exact, selectors, start, end };
  });
}

/** How often `needle` occurs in `text`, counting up to `limit`. */
export function occurrences(text: string, needle: string, limit = 2): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1 && count < limit; at = text.indexOf(needle, at + 1)) count++;
  return count;
}

/** The quote with its stored context, as one string: found twice, no matcher can tell them apart. */
export function fullContext(a: BenchAnnotation): string {
  const [quote] = a.selectors;
  return `${quote.prefix ?? ''}${quote.exact}${quote.suffix ?? ''}`;
}

/** Picks up to `count` spots passing `accept`, at most one per block (each block is edited once). */
export function pickSpots(
  r: RandomTools,
  spots: readonly QuoteSpot[],
  count: number,
  accept: (spot: QuoteSpot) => boolean,
  usedBlocks: Set<number>,
): QuoteSpot[] {
  const picked: QuoteSpot[] = [];
  for (const spot of r.sample(spots, spots.length)) {
    if (picked.length >= count) break;
    if (usedBlocks.has(spot.block) || !accept(spot)) continue;
    usedBlocks.add(spot.block);
    picked.push(spot);
  }
  return picked;
}
