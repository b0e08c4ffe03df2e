import { createTextQuoteSelectorMatcher } from '@apache-annotator/dom';
import { toRange as textQuoteToRange } from 'dom-anchor-text-quote';
import { anchorInIndex } from '@/lib/anchoring/dom-anchor';
import { indexText, rangeFromOffsets, type TextIndex } from '@/lib/anchoring/dom-text';
import type { Selector, TextPositionSelector, TextQuoteSelector } from '@/lib/schema/selectors';
import { anchorHypothesisStyle } from './hypothesis-style';

// The four anchorers, each behind the same two calls: `begin` once per page version (inside the
// timed total: building a text index is part of anchoring a page), then `anchor` per annotation
// with the same selectors. Each library gets what it can use of them.

export interface Anchorer {
  readonly name: string;
  /** What the library cannot express, for the notes under the table. */
  readonly limits: string;
  readonly usesHint: boolean;
  begin(root: HTMLElement): void;
  anchor(selectors: readonly Selector[]): Range | null | Promise<Range | null>;
}

const quoteOf = (selectors: readonly Selector[]) =>
  selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector')!;
const positionOf = (selectors: readonly Selector[]) =>
  selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');

/** The extension's own: indexText once per page, then anchorInIndex (position, quote, fuzzy). */
export function ours(): Anchorer {
  let index: TextIndex | null = null;
  return {
    name: 'ours',
    limits: '',
    usesHint: true,
    begin(root) {
      index = indexText(root);
    },
    anchor(selectors) {
      return anchorInIndex(index!, selectors);
    },
  };
}

/** dom-anchor-text-quote 4.0.2: toRange(root, {exact, prefix, suffix}, {hint}); diff-match-patch
 *  bitap on root.textContent, which it reads again on every call. Its bitap takes at most 32
 *  characters, and our contexts count a whitespace run as one unit, so they can be longer: it gets
 *  the 32 characters nearest the quote, as its own fromRange would have stored. */
export function domAnchorTextQuote(): Anchorer {
  let root: HTMLElement | null = null;
  return {
    name: 'dom-anchor-text-quote',
    limits:
      'contexts of at most 32 characters (it gets the 32 nearest the quote); it reads root.textContent again on every call, so each annotation costs time in proportion to the page',
    usesHint: true,
    begin(r) {
      root = r;
    },
    anchor(selectors) {
      const { exact, prefix, suffix } = quoteOf(selectors);
      const position = positionOf(selectors);
      const quote = { exact, prefix: prefix?.slice(-32), suffix: suffix?.slice(0, 32) };
      return textQuoteToRange(root!, quote, position ? { hint: position.start } : {});
    },
  };
}

/** @apache-annotator/dom 0.2.0: exact search of prefix + exact + suffix through an async generator
 *  of Ranges over the root's Text nodes; the first match is taken. It has no position hint. */
export function apacheAnnotator(): Anchorer {
  let root: HTMLElement | null = null;
  return {
    name: '@apache-annotator/dom',
    limits:
      'no position hint (it runs without one where the others get it); matches prefix + quote + suffix exactly, so an edited quote or context is never found (case 3 is not run for it); @apache-annotator/selector, which it imports but does not depend on, is installed as a devDependency',
    usesHint: false,
    begin(r) {
      root = r;
    },
    async anchor(selectors) {
      const { exact, prefix, suffix } = quoteOf(selectors);
      const matches = createTextQuoteSelectorMatcher({ type: 'TextQuoteSelector', exact, prefix, suffix })(
        root!,
      ) as AsyncGenerator<Range, void, void>;
      const first = await matches.next();
      if (!first.done) await matches.return();
      return first.done ? null : first.value;
    },
  };
}

/** The Hypothesis-style matcher (hypothesis-style.ts) on the same text index and DOM mapping as ours,
 *  so only the matching differs. */
export function hypothesisStyle(): Anchorer {
  let index: TextIndex | null = null;
  return {
    name: 'Hypothesis-style',
    limits:
      'written for this benchmark from the documented algorithm; uses the same text index and DOM mapping as ours; returns its best candidate whatever the score',
    usesHint: true,
    begin(root) {
      index = indexText(root);
    },
    anchor(selectors) {
      const match = anchorHypothesisStyle(index!.text, selectors, index!.codePoints);
      return match ? rangeFromOffsets(index!, match.start, match.end) : null;
    },
  };
}
