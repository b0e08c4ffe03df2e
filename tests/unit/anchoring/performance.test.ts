// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { anchor } from '@/lib/anchoring/anchor';
import { anchorInIndex } from '@/lib/anchoring/dom-anchor';
import { indexText } from '@/lib/anchoring/dom-text';
import { describeTextPosition } from '@/lib/anchoring/text-position';
import { describeTextQuote } from '@/lib/anchoring/text-quote';
import type { Selector } from '@/lib/schema/selectors';

// A 1 MB page: the index is built once, and every unchanged highlight anchors through its position
// in well under 50 µs (no work proportional to the page on that path).

const SENTENCES = [
  'Zinaida Mikhniuk, a trade union activist, was detained on March 25, 2020, in Brest. ',
  'The court sentenced him under Part 1 of Article 342 of the Criminal Code. ',
  'Зінаіда Міхнюк вызвалена 29 студзеня. ',
  'Our monitors logged 560 episodes of repression in January ✊🏽. ',
  'محمد عبد الله اعتقل في الثالث من مارس. ',
];

/** Builds about `size` characters of text in paragraphs with inline elements. */
function buildPage(size: number): HTMLElement {
  const root = document.createElement('article');
  let length = 0;
  let n = 0;
  while (length < size) {
    const p = document.createElement('p');
    for (let i = 0; i < 4; i++) {
      const sentence = SENTENCES[(n + i) % SENTENCES.length]! + `(${n}) `;
      const inline = document.createElement(i % 2 ? 'b' : 'a');
      inline.textContent = sentence.slice(0, 20);
      p.append(inline, sentence.slice(20));
      length += sentence.length;
    }
    root.append(p);
    n++;
  }
  document.body.replaceChildren(root);
  return root;
}

const root = buildPage(1_000_000);
const began = performance.now();
const index = indexText(root);
const indexMs = performance.now() - began;

// 1000 highlights of 7–60 characters spread over the page, never splitting an emoji.
const isLow = (at: number) => /[\uDC00-\uDFFF]/.test(index.text[at] ?? '');
const spans = Array.from({ length: 1000 }, (_, i) => {
  let start = Math.floor((i * 997.3) % (index.text.length - 100));
  let end = start + 7 + (i % 54);
  if (isLow(start)) start++;
  if (isLow(end)) end++;
  return { start, end };
});

// happy-dom's Range.setStart walks the whole tree (about 0.1 s on this page) where browsers take
// constant time, so the DOM path is timed with a Range that only records its boundaries.
function withRecordingRanges<T>(run: () => T): T {
  const real = document.createRange;
  const recording = () => ({
    setStart(node: Node, offset: number) {
      Object.assign(this, { startContainer: node, startOffset: offset });
    },
    setEnd(node: Node, offset: number) {
      Object.assign(this, { endContainer: node, endOffset: offset });
    },
  });
  document.createRange = recording as unknown as typeof document.createRange;
  try {
    return run();
  } finally {
    document.createRange = real;
  }
}

function perCall(run: () => void, calls: number): number {
  const t0 = performance.now();
  run();
  return ((performance.now() - t0) * 1000) / calls;
}

describe('anchoring on a 1 MB page', () => {
  it('indexes the page once', () => {
    expect(index.text.length).toBeGreaterThan(1_000_000);
    expect(index.nodes.length).toBeGreaterThan(20_000);
    console.info(`indexText: ${indexMs.toFixed(0)} ms for ${index.text.length} units in ${index.nodes.length} nodes`);
  });

  it('anchors unchanged highlights by position in well under 50 µs each, DOM-free and as Ranges', () => {
    const selectors: Selector[][] = spans.map(({ start, end }) => [
      describeTextQuote(index.text, start, end),
      describeTextPosition(index.text, start, end, index.codePoints),
    ]);
    let found = 0;
    const textOnly = perCall(() => {
      for (const s of selectors) if (anchor(index.text, s, index.codePoints)?.strategy === 'position') found++;
    }, selectors.length);
    const ranges = withRecordingRanges(() =>
      perCall(() => {
        for (const s of selectors) if (anchorInIndex(index, s)) found++;
      }, selectors.length),
    );
    console.info(`anchor: ${textOnly.toFixed(2)} µs, anchorInIndex: ${ranges.toFixed(2)} µs per highlight`);
    expect(found).toBe(2 * selectors.length);
    expect(textOnly).toBeLessThan(50);
    expect(ranges).toBeLessThan(50);
  });

  it('re-anchors after a banner is inserted at the top with one search, not one per highlight', () => {
    const selectors = spans
      .slice(0, 200)
      .map(({ start, end }) => [
        describeTextQuote(index.text, start, end),
        describeTextPosition(index.text, start, end, index.codePoints),
      ]);
    const banner = document.createElement('div');
    banner.textContent = 'We use no cookies. Support independent monitoring. ';
    root.prepend(banner);
    const moved = indexText(root);
    let found = 0;
    const micro = withRecordingRanges(() =>
      perCall(() => {
        for (const s of selectors) if (anchorInIndex(moved, s)) found++;
      }, selectors.length),
    );
    console.info(`after a banner: ${micro.toFixed(1)} µs per highlight`);
    expect(found).toBe(selectors.length);
    expect(micro).toBeLessThan(1000);
  });
});
