// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { describeRange } from '@/lib/anchoring/dom-anchor';
import { indexText, offsetsFromRange, rangeFromOffsets } from '@/lib/anchoring/dom-text';

// The page text as anchoring sees it, and the way between text offsets and DOM ranges.

/** A fresh root in the global document (happy-dom's ranges only work there); test input only. */
function body(html: string): HTMLElement {
  const root = document.createElement('div');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

describe('indexText', () => {
  it.each([
    {
      name: 'text across inline elements',
      html: '<p>Free <b>Ales</b> <a href="#">Bialiatski</a></p>',
      expected: 'Free Ales Bialiatski',
    },
    {
      name: 'whitespace between blocks, kept as in the source',
      html: '<p>One</p>\n  <p>Two</p>',
      expected: 'One\n  Two',
    },
    {
      name: 'no code, fallbacks or templates',
      html: '<p>A<script>var x = 1;</script>B<style>p{}</style>C<noscript>enable JS</noscript>D<template>T</template>E</p>',
      expected: 'ABCDE',
    },
    {
      // Issue 11: a page cannot take its own text out of anchoring (the old UI marker attribute).
      name: 'the text of an element that calls itself the extension’s UI',
      html: '<p>Page</p><div data-source-annotator-ui=""><span>Save</span></div><p>text</p>',
      expected: 'PageSavetext',
    },
    { name: 'no comments', html: '<p>a<!-- note -->b</p>', expected: 'ab' },
    { name: 'text inside SVG', html: '<svg><text>Chart</text><style>x{}</style></svg>', expected: 'Chart' },
  ])('reads $name', ({ html, expected }) => {
    expect(indexText(body(html)).text).toBe(expected);
  });

  it('indexes a Text node as its own root', () => {
    const root = body('<p>plain</p>').querySelector('p')!.firstChild!;
    expect(indexText(root)).toMatchObject({ text: 'plain', nodes: [root] });
  });

  it('skips empty Text nodes so every node start is distinct', () => {
    const root = body('<p>ab</p>');
    root.querySelector('p')!.append(root.ownerDocument.createTextNode(''), root.ownerDocument.createTextNode('cd'));
    const index = indexText(root);
    expect([...index.starts]).toEqual([0, 2]);
  });
});

describe('rangeFromOffsets and offsetsFromRange', () => {
  const root = body('<p>Free <b>Ales</b> <em>Bia<i>lia</i>tski</em></p><p>and <a href="#">others</a></p>');
  const index = indexText(root);

  it('round-trips every span of the text', () => {
    for (let start = 0; start <= index.text.length; start++) {
      for (let end = start; end <= index.text.length; end++) {
        const range = rangeFromOffsets(index, start, end);
        expect(range.toString()).toBe(index.text.slice(start, end));
        expect(offsetsFromRange(index, range)).toEqual({ start, end });
      }
    }
  });

  it('starts a range in the node after a boundary and ends it in the node before', () => {
    const range = rangeFromOffsets(index, 5, 9); // "Ales"
    expect([range.startContainer.textContent, range.startOffset]).toEqual(['Ales', 0]);
    expect([range.endContainer.textContent, range.endOffset]).toEqual(['Ales', 4]);
  });

  it('clamps offsets outside the text', () => {
    expect(rangeFromOffsets(index, -4, 999).toString()).toBe(index.text);
  });

  it.each([
    {
      name: 'the contents of an element',
      set: (r: Range) => r.selectNodeContents(root.querySelector('em')!),
      expected: 'Bialiatski',
    },
    { name: 'an element itself', set: (r: Range) => r.selectNode(root.querySelector('b')!), expected: 'Ales' },
    {
      name: 'element boundaries between paragraphs (a triple click)',
      set: (r: Range) => {
        r.setStart(root.querySelectorAll('p')[1]!, 0);
        r.setEnd(root, 2);
      },
      expected: 'and others',
    },
    {
      name: 'a start at the end of an element',
      set: (r: Range) => {
        r.setStart(root.querySelector('b')!, 1);
        r.setEnd(root.querySelector('i')!.firstChild!, 2);
      },
      expected: ' Biali',
    },
    { name: 'the whole root', set: (r: Range) => r.selectNode(root), expected: 'Free Ales Bialiatskiand others' },
  ])('maps a range over $name', ({ set, expected }) => {
    const range = root.ownerDocument.createRange();
    set(range);
    const span = offsetsFromRange(index, range);
    expect(span && index.text.slice(span.start, span.end)).toBe(expected);
  });

  it('maps a boundary inside a skipped element to the text after it', () => {
    const page = body('<p>before<script>code()</script>after</p>');
    const scripted = indexText(page);
    const range = page.ownerDocument.createRange();
    range.setStart(page.querySelector('script')!.firstChild!, 2);
    range.setEnd(page.querySelector('p')!.lastChild!, 3);
    expect(offsetsFromRange(scripted, range)).toEqual({ start: 6, end: 9 });
  });

  it('returns null for a range outside root or in another document', () => {
    const doc = root.ownerDocument;
    const inner = indexText(root.querySelectorAll('p')[1]!);
    const outside = doc.createRange();
    outside.selectNodeContents(root.querySelector('b')!);
    expect(offsetsFromRange(inner, outside)).toBeNull();
    const elsewhere = document.implementation.createHTMLDocument('');
    const foreign = elsewhere.createRange();
    foreign.selectNodeContents(elsewhere.body);
    expect(offsetsFromRange(index, foreign)).toBeNull();
  });

  it('describes a selection with both selectors, and nothing for a collapsed one', () => {
    const range = rangeFromOffsets(index, 5, 20);
    expect(describeRange(index, range)).toEqual([
      { type: 'TextQuoteSelector', exact: 'Ales Bialiatski', prefix: 'Free ', suffix: 'and others' },
      { type: 'TextPositionSelector', start: 5, end: 20 },
    ]);
    expect(describeRange(index, rangeFromOffsets(index, 5, 5))).toBeNull();
  });

  it('describes a range that splits an emoji as covering all of it', () => {
    const emoji = indexText(body('<p>free 😀 now</p>'));
    expect(describeRange(emoji, rangeFromOffsets(emoji, 6, 7))).toEqual([
      { type: 'TextQuoteSelector', exact: '😀', prefix: 'free ', suffix: ' now' },
      { type: 'TextPositionSelector', start: 5, end: 6 },
    ]);
  });
});
