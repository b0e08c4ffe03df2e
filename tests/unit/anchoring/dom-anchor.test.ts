// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { anchorInIndex, describeRange } from '@/lib/anchoring/dom-anchor';
import { indexText, offsetsFromRange, rangeFromOffsets } from '@/lib/anchoring/dom-text';
import type { Selector } from '@/lib/schema/selectors';

// Apache Annotator-style tables: a page, selectors, and the words they must select, or null.

/** Puts test HTML in the global document (happy-dom's ranges only work there); test input only. */
function page(html: string) {
  document.body.innerHTML = html;
  return indexText(document.body);
}

/** The offsets of the `nth` occurrence of `words` in a text. */
function spanOf(text: string, words: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`"${words}" #${nth} not in ${JSON.stringify(text)}`);
  return { start: at, end: at + words.length };
}

const quote = (exact: string, prefix = '', suffix = ''): Selector => ({
  type: 'TextQuoteSelector',
  exact,
  prefix,
  suffix,
});
const position = (start: number, end: number): Selector => ({ type: 'TextPositionSelector', start, end });

describe('anchorInIndex: selectors in a page', () => {
  it.each([
    {
      name: 'an exact quote',
      html: '<p>Free Ales Bialiatski now.</p>',
      selectors: [quote('Ales Bialiatski', 'Free ', ' now.')],
      expected: 'Ales Bialiatski',
    },
    {
      name: 'repeated words told apart by prefix',
      html: '<p>The judge sentenced Ivan Sidarau.</p><p>The lawyer defended Ivan Sidarau.</p>',
      selectors: [quote('Ivan Sidarau', 'The lawyer defended ', '.')],
      expected: 'Ivan Sidarau',
      nth: 1,
    },
    {
      name: 'repeated words told apart by suffix',
      html: '<p>Ivan Sidarau was detained in Minsk.</p><p>Ivan Sidarau was released in Brest.</p>',
      selectors: [quote('Ivan Sidarau', '', ' was released in Brest.')],
      expected: 'Ivan Sidarau',
      nth: 1,
    },
    {
      name: 'identical mentions told apart by position',
      html: '<ul><li>Sentenced to three years of colony.</li><li>Sentenced to three years of colony.</li><li>Sentenced to three years of colony.</li></ul>',
      selectors: [quote('three years', 'Sentenced to ', ' of colony.Sentenced to '), position(49, 60)],
      expected: 'three years',
      nth: 1,
    },
    {
      name: 'a quote across <b>, <a> and <em>',
      html: '<p>Political prisoner <b>Zinaida</b> <a href="#">Mikhniuk</a> was <em>released</em> on January 29.</p>',
      selectors: [quote('Zinaida Mikhniuk was released', 'Political prisoner ', ' on January 29.')],
      expected: 'Zinaida Mikhniuk was released',
    },
    {
      name: 'a quote across paragraphs',
      html: '<p>She spent the investigation in Brest.</p>\n<p>She served the sentence in Homieĺ.</p>',
      selectors: [quote('in Brest.\nShe served', 'She spent the investigation ', ' the sentence in Homieĺ.')],
      expected: 'in Brest.\nShe served',
    },
    {
      name: 'a quote across a line break with changed indentation',
      html: '<p>Vital Paliakou\n      stood trial in Minsk.</p>',
      selectors: [quote('Vital Paliakou\n  stood trial', '', ' in Minsk.')],
      expected: 'Vital Paliakou\n      stood trial',
    },
    {
      name: 'a Cyrillic name',
      html: '<figcaption><span lang="be">Зінаіда Міхнюк</span>. Photo from social networks</figcaption>',
      selectors: [quote('Зінаіда Міхнюк', '', '. Photo from social networks'), position(0, 14)],
      expected: 'Зінаіда Міхнюк',
    },
    {
      name: 'Arabic (RTL)',
      html: '<p dir="rtl">اعتقل محمد عبد الله في الثالث من مارس</p>',
      selectors: [quote('محمد عبد الله', 'اعتقل ', ' في الثالث من مارس')],
      expected: 'محمد عبد الله',
    },
    {
      name: 'Hebrew (RTL) inside a Latin paragraph',
      html: '<p>The report calls him <span dir="rtl">אסיר פוליטי</span> in its Hebrew edition.</p>',
      selectors: [quote('אסיר פוליטי', 'The report calls him ', ' in its Hebrew edition.')],
      expected: 'אסיר פוליטי',
    },
    {
      name: 'a quote after an emoji, by its code-point position',
      html: '<p>✊🏽 Free <b>Ales Bialiatski</b> ✊🏽 Free Ales Bialiatski</p>',
      selectors: [quote('Ales Bialiatski', ' Free ', ''), position(24, 39)],
      expected: 'Ales Bialiatski',
      nth: 1,
    },
    {
      name: 'nothing without a TextQuoteSelector',
      html: '<p>Free Ales Bialiatski</p>',
      selectors: [position(5, 20)],
      expected: null,
    },
    {
      name: 'nothing for words that are not there',
      html: '<p>Free Ales Bialiatski</p>',
      selectors: [quote('Nasta Loika', 'Free ', '')],
      expected: null,
    },
    {
      // Issue 11: the old UI marker attribute no longer hides a page's own words from anchoring.
      name: 'words in an element that calls itself the extension’s UI',
      html: '<p>Page text</p><div data-source-annotator-ui=""><p>Save Nasta Loika</p></div>',
      selectors: [quote('Nasta Loika')],
      expected: 'Nasta Loika',
    },
  ])('selects $name', ({ html, selectors, expected, nth }) => {
    const index = page(html);
    const range = anchorInIndex(index, selectors);
    if (expected === null) return expect(range).toBeNull();
    expect(range?.toString()).toBe(expected);
    expect(offsetsFromRange(index, range!)).toEqual(spanOf(index.text, expected, nth));
  });
});

const DIGEST = `
<h2>Political prisoner Zinaida Mikhniuk — 1 year, 10 months and 4 days of imprisonment</h2>
<p>Zinaida Mikhniuk, a trade union activist, was detained on March 25, 2020, after police searched both her
flat and her office. She spent the investigation in pre-trial detention centre No. 7 in Brest. Prosecutors charged
her with insulting Lukashenka under <a href="#">Part 1 of Article 368 of the Criminal Code</a>, and in May 2022 the
court gave the political prisoner two years in a penal colony.</p>
<p>She served the sentence in Homieĺ colony No. 4. Our Brest monitors report that she was released on
January 29, having served her term to the last day.</p>
<h2>Political prisoner Andrei Bialiauski — 1 year, 8 months and 8 days of imprisonment</h2>
<p>On August 22, 2022, the Court of the Babrujsk District sentenced him to two years in a general-security penal
colony, an offence under Article 368 of the Criminal Code.</p>`;

describe('anchorInIndex: the page changed after the highlight was made', () => {
  it.each([
    {
      name: 'an unchanged page',
      quote: 'Homieĺ colony No. 4',
      edit: (h: string) => h,
      expected: 'Homieĺ colony No. 4',
    },
    {
      name: 'a paragraph inserted above',
      quote: 'Homieĺ colony No. 4',
      edit: (h: string) => '<p class="banner">Support our work: donate today.</p>' + h,
      expected: 'Homieĺ colony No. 4',
    },
    {
      name: 'a paragraph removed above',
      quote: 'January 29',
      edit: (h: string) => h.replace(/<p>Zinaida Mikhniuk, a trade[^]*?<\/p>/, ''),
      expected: 'January 29',
    },
    {
      name: 'whitespace reflowed and an nbsp added',
      quote: 'insulting Lukashenka under Part 1',
      edit: (h: string) =>
        h.replace(
          'charged\nher with insulting Lukashenka under',
          'charged her with insulting\u00a0Lukashenka\n  under',
        ),
      expected: 'insulting\u00a0Lukashenka\n  under Part 1',
    },
    {
      name: 'a dash and quotes typeset differently',
      quote: 'Political prisoner Zinaida Mikhniuk — 1 year',
      edit: (h: string) => h.replace('Mikhniuk — 1 year', 'Mikhniuk - 1 year'),
      expected: 'Political prisoner Zinaida Mikhniuk - 1 year',
    },
    {
      name: 'punctuation removed inside a long quote',
      quote: 'She served the sentence in Homieĺ colony No. 4. Our Brest monitors',
      edit: (h: string) => h.replace('Homieĺ colony No. 4. Our', 'Homieĺ colony No 4; our'),
      expected: 'She served the sentence in Homieĺ colony No 4; our Brest monitors',
    },
    {
      name: 'one word edited inside a long quote',
      quote: 'court gave the political prisoner two years in a penal colony',
      edit: (h: string) => h.replace('court gave the political prisoner', 'court sentenced the political prisoner'),
      expected: 'court sentenced the political prisoner two years in a penal colony',
    },
    {
      name: 'markup inside the quote changed',
      quote: 'under Part 1 of Article 368',
      edit: (h: string) =>
        h.replace(
          '<a href="#">Part 1 of Article 368 of the Criminal Code</a>',
          '<b>Part 1</b> of Article 368 of the Criminal Code',
        ),
      expected: 'under Part 1 of Article 368',
    },
    {
      name: 'a deleted sentence (orphan)',
      quote: 'Our Brest monitors report',
      edit: (h: string) => h.replace('Our Brest monitors report that she', 'She'),
      expected: null,
    },
    {
      name: 'a deleted short name still mentioned in the heading (orphan)',
      quote: 'Zinaida Mikhniuk',
      nth: 1,
      edit: (h: string) => h.replace('Zinaida Mikhniuk, a trade union activist, was', 'The trade union activist was'),
      expected: null,
    },
    {
      name: 'a deleted legal reference still cited in another case (orphan)',
      quote: 'Article 368 of the Criminal Code',
      edit: (h: string) => h.replace('under <a href="#">Part 1 of Article 368 of the Criminal Code</a>', 'for a post'),
      expected: null,
    },
    {
      name: 'a deleted date whose month appears elsewhere (orphan)',
      quote: 'May 2022',
      edit: (h: string) => h.replace(', and in May 2022 the', '. The'),
      expected: null,
    },
    {
      name: 'a deleted name: the other political prisoner is not it (orphan)',
      quote: 'Political prisoner Andrei Bialiauski',
      edit: (h: string) => h.replace(/<h2>Political prisoner Andrei[^]*?<\/h2>/, ''),
      expected: null,
    },
  ])('finds $name', ({ quote: words, nth, edit, expected }) => {
    const before = page(DIGEST);
    const selectors = describeRange(
      before,
      rangeFromOffsets(before, spanOf(before.text, words, nth).start, spanOf(before.text, words, nth).end),
    )!;
    const after = page(edit(DIGEST));
    const range = anchorInIndex(after, selectors);
    if (expected === null) return expect(range).toBeNull();
    expect(range?.toString()).toBe(expected);
  });

  it('re-anchors many highlights after a banner at the top with one search', () => {
    const before = page(DIGEST);
    const words = [
      'Zinaida Mikhniuk',
      'March 25, 2020',
      'Brest',
      'Homieĺ colony No. 4',
      'January 29',
      'August 22, 2022',
    ];
    const all = words.map((w) =>
      describeRange(before, rangeFromOffsets(before, spanOf(before.text, w).start, spanOf(before.text, w).end))!,
    );
    const after = page('<div>Cookie notice: we use none.</div>' + DIGEST);
    expect(all.map((s) => anchorInIndex(after, s)?.toString())).toEqual(words);
  });
});

describe('anchorInIndex: learning how far each part of the page moved', () => {
  const section = (name: string, n: number) =>
    `<p>${Array.from({ length: n }, (_, i) => `${name} paragraph sentence ${i} of the review.`).join(' ')}</p>`;
  const inserted = (label: string) => `<p>${`${label} inserted text, updated later. `.repeat(80)}</p>`;
  const sections = (edit: (s: string) => string = (s) => s) => [
    `${section('First', 20)}<p>Judge Ivanova heard Ales Bialiatski in the first case.</p>${section('End', 2)}`,
    edit(
      `${section('Second', 20)}<p>Judge Petrova heard Zinaida Mikhniuk was in court on Monday.</p><p>Lawyer Sidarau spoke for Andrei Bialiauski at the second hearing.</p>${section('End', 2)}`,
    ),
    `${section('Third', 20)}<p>Judge Kazlova heard Maryia Kalesnikava in the third case.</p>${section('End', 2)}`,
  ];
  const words = ['Andrei Bialiauski', 'Ales Bialiatski', 'Maryia Kalesnikava', 'Zinaida Mikhniuk'];

  it('finds words whose context changed where their neighbours moved, not only where the latest did', () => {
    const before = page(sections().join(''));
    const stored = words.map((w) => {
      const { start, end } = spanOf(before.text, w);
      return describeRange(before, rangeFromOffsets(before, start, end))!;
    });
    // Each part moved by another distance; a comma now follows the last name.
    const [one, two, three] = sections((s) => s.replace('Zinaida Mikhniuk was', 'Zinaida Mikhniuk, was'));
    const html = `${inserted('Top')}${one}${inserted('Middle')}${two}${inserted('Lower')}${three}`;
    const fresh = page(html);
    // On its own, the last one is far from its stored place with one side changed: an orphan.
    expect(anchorInIndex(fresh, stored[3]!)).toBeNull();
    const after = page(html);
    expect(stored.map((s) => anchorInIndex(after, s)?.toString())).toEqual(words);
  });
});
