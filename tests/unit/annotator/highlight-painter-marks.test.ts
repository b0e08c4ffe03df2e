// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { indexText, rangeFromOffsets } from '@/lib/anchoring/dom-text';
import { createHighlightPainter, type HighlightPainter } from '@/lib/annotator/highlight-painter';
import type { KindDefinition } from '@/lib/schema/kinds';

// The <mark> fallback, used where the CSS Custom Highlight API is missing (happy-dom has none, as
// older browsers): it must wrap exactly the highlighted text, across element boundaries, leave the
// page's text and markup as they were once removed, and never turn page text into markup.

const KINDS = [
  { id: 'person', color: '#fde68a' },
  { id: 'fact', color: '#bfdbfe' },
] as unknown as KindDefinition[];

/** Test HTML only (never page data): the fixture a page would have. */
function setPage(html: string): void {
  document.body.innerHTML = html;
}

/** A Range over the `nth` occurrence of `words` in the page's text, as anchoring would return it. */
function rangeOf(words: string, nth = 0): Range {
  const index = indexText(document.body);
  let at = -1;
  for (let i = 0; i <= nth; i++) at = index.text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`"${words}" not on the page`);
  return rangeFromOffsets(index, at, at + words.length);
}

/** Each painted id and the text of its marks, joined in document order. */
function marked(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const mark of document.querySelectorAll<HTMLElement>('mark[data-source-annotator-mark]')) {
    const id = mark.getAttribute('data-source-annotator-mark')!;
    out[id] = (out[id] ?? '') + mark.textContent;
  }
  return out;
}

let painter: HighlightPainter | null = null;
afterEach(() => {
  painter?.destroy();
  painter = null;
  document.body.replaceChildren();
});

function markPainter(): HighlightPainter {
  painter = createHighlightPainter(document);
  painter.setKinds(KINDS);
  return painter;
}

interface Row {
  name: string;
  html: string;
  paint: { id: string; kind: string; words: string; nth?: number }[];
  expected: Record<string, string>;
}

describe('the <mark> fallback painter', () => {
  it('is the painter where the Highlight API is missing', () => {
    expect('highlights' in CSS).toBe(false);
    expect(markPainter().mode).toBe('marks');
  });

  it.each<Row>([
    {
      name: 'a name inside one text node',
      html: '<p>Free Ales Bialiatski now.</p>',
      paint: [{ id: 'a', kind: 'person', words: 'Ales Bialiatski' }],
      expected: { a: 'Ales Bialiatski' },
    },
    {
      name: 'a name across inline markup',
      html: '<p>Free <b>Ales</b> Bialiatski <i>now</i>.</p>',
      paint: [{ id: 'a', kind: 'person', words: 'Ales Bialiatski now' }],
      expected: { a: 'Ales Bialiatski now' },
    },
    {
      name: 'a quote across paragraphs and a link',
      html: '<p>He was sentenced to <a href="#x">three years</a>.</p><p>The appeal failed in May.</p>',
      paint: [{ id: 'q', kind: 'fact', words: 'three years.The appeal' }],
      expected: { q: 'three years.The appeal' },
    },
    {
      name: 'two highlights in one text node, and a repeated name told apart',
      html: '<p>Ivan Sidarau met Ivan Sidarau’s lawyer, Nasta Loika.</p>',
      paint: [
        { id: 'second', kind: 'person', words: 'Ivan Sidarau', nth: 1 },
        { id: 'lawyer', kind: 'person', words: 'Nasta Loika' },
      ],
      expected: { second: 'Ivan Sidarau', lawyer: 'Nasta Loika' },
    },
    {
      name: 'highlights given out of document order',
      html: '<ul><li>Brest</li><li>Minsk</li><li>Homiel</li></ul>',
      paint: [
        { id: 'h', kind: 'fact', words: 'Homiel' },
        { id: 'b', kind: 'fact', words: 'Brest' },
        { id: 'm', kind: 'fact', words: 'Minsk' },
      ],
      expected: { h: 'Homiel', b: 'Brest', m: 'Minsk' },
    },
  ])('paints $name and removes it cleanly', ({ html, paint, expected }) => {
    setPage(html);
    const before = document.body.innerHTML;
    const text = document.body.textContent;
    const items = paint.map((p) => ({ id: p.id, kind: p.kind, range: rangeOf(p.words, p.nth) }));
    markPainter().paint(items);
    expect(marked()).toEqual(expected);
    // Painting changes no text, and every mark carries its kind's colour.
    expect(document.body.textContent).toBe(text);
    for (const mark of document.querySelectorAll<HTMLElement>('mark')) {
      expect(mark.style.backgroundColor).not.toBe('');
    }
    painter!.destroy();
    expect(document.querySelectorAll('mark')).toHaveLength(0);
    expect(document.body.innerHTML).toBe(before);
  });

  it('repaints from ranges found on the painted page, as re-anchoring does', () => {
    setPage('<p>Zinaida <b>Mikhniuk</b> was detained on March 25, 2020 in Brest.</p>');
    const p = markPainter();
    const name = { id: 'n', kind: 'person', range: rangeOf('Zinaida Mikhniuk') };
    p.paint([name]);
    // The page changed, the highlights were anchored again on the text with marks in it.
    const again = { ...name, range: rangeOf('Zinaida Mikhniuk') };
    const date = { id: 'd', kind: 'fact', range: rangeOf('March 25, 2020') };
    p.paint([again, date]);
    expect(marked()).toEqual({ n: 'Zinaida Mikhniuk', d: 'March 25, 2020' });
    // A kind changed or a note saved repaints with the ranges already held, as they are now.
    expect(again.range.toString()).toBe('Zinaida Mikhniuk');
    p.paint([{ ...again, kind: 'fact' }, date]);
    expect(marked()).toEqual({ n: 'Zinaida Mikhniuk', d: 'March 25, 2020' });
    p.paint([date]);
    expect(marked()).toEqual({ d: 'March 25, 2020' });
    expect(document.body.textContent).toBe('Zinaida Mikhniuk was detained on March 25, 2020 in Brest.');
    p.destroy();
    expect(document.body.innerHTML).toBe('<p>Zinaida <b>Mikhniuk</b> was detained on March 25, 2020 in Brest.</p>');
  });

  it('paints overlapping highlights, each on its own words', () => {
    setPage('<p>The court in <b>Brest</b> sentenced Zinaida Mikhniuk to two years.</p>');
    const items = [
      { id: 'place', kind: 'fact', range: rangeOf('Brest sentenced Zinaida') },
      { id: 'name', kind: 'person', range: rangeOf('Zinaida Mikhniuk') },
    ];
    markPainter().paint(items);
    expect(marked()).toEqual({ place: 'Brest sentenced Zinaida', name: 'Zinaida Mikhniuk' });
    expect(items.map((i) => i.range.toString())).toEqual(['Brest sentenced Zinaida', 'Zinaida Mikhniuk']);
    painter!.destroy();
    expect(document.body.innerHTML).toBe('<p>The court in <b>Brest</b> sentenced Zinaida Mikhniuk to two years.</p>');
  });

  it('keeps page text that looks like markup as text', () => {
    setPage('<p>Posted: &lt;img src=x onerror="alert(1)"&gt; &amp; &lt;b&gt;bold&lt;/b&gt; by Ales.</p>');
    const words = '<img src=x onerror="alert(1)"> & <b>bold</b>';
    markPainter().paint([{ id: 'x', kind: 'fact', range: rangeOf(words) }]);
    expect(document.querySelectorAll('img, script, b')).toHaveLength(0);
    expect(marked()).toEqual({ x: words });
    painter!.flash('x');
    expect(document.querySelector('mark')!.style.outline).not.toBe('');
    painter!.destroy();
    expect(document.body.textContent).toBe(`Posted: ${words} by Ales.`);
  });
});
