import digestHtml from '../../fixtures/pages/release-digest.html?raw';
import monthlyHtml from '../../fixtures/pages/monthly-review.html?raw';
import type { Block, BlockTag, Mark } from './page-model';
import { randomTools, type RandomTools } from './random';

// A page of about 1 MB of text composed from the fixture pages' paragraphs: one archive page of
// monthly reviews and release digests, each article a copy of a fixture with deterministic
// variations (month, names swapped between people, figures, sentence order, some words), so that
// names, dates and legal references recur all over the page in other contexts, as on a real site,
// while page chrome (share lines, tags, related links) repeats word for word.

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** People named on the fixture pages (Belarusian names in English transliteration, two in Cyrillic). */
export const PERSON_NAMES = [
  'Ales Bialiatski',
  'Valiantsin Stefanovich',
  'Uladzimir Labkovich',
  'Maria Rabkova',
  'Marfa Rabkova',
  'Andrei Chapiuk',
  'Nasta Loika',
  'Vadzim Khrasko',
  'Mikhail Zhamchuzhny',
  'Hanna Vishniak',
  'Barys Vitko',
  'Maryna Adamovich',
  'Mikalai Statkevich',
  'Ryhor Kastusiou',
  'Vadzim Huseu',
  'Ala Zuyeva',
  'Maria Kalesnikava',
  'Siarhei Tsikhanouski',
  'Pavel Levinau',
  'Iryna Tratsiakova',
  'Aliaksei Dmukhouski',
  'Vital Paliakou',
  'Uladzislau Mialeshka',
  'Sviatlana Tsikhanouskaya',
  'Ihar Kozubau',
  'Dzianis Krasko',
  'Yauhen Hlushkou',
  'Aliaksandr Mantsevich',
  'Siarhei Hardziyevich',
  'Mikalai Autukhovich',
  'Sviatlana Birylava',
  'Pavel Mazheika',
  'Anton Navitski',
  'Aliaksei Sakalou',
  'Volha Chuprys',
  'Siarhei Khamenka',
  'Heorhi Charavaka',
  'Aliaksei Shvetsau',
  'Vital Brahinets',
  'Leanid Sudalenka',
  'Ihar Losik',
  'Andrei Kuznechyk',
  'Zinaida Mikhniuk',
  'Andrei Bialiauski',
  'Aliaksandr Babich',
  'Aliaksandr Luchynovich',
  'Alexander Luchynovich',
  'Artsiom Takarchuk',
] as const;

/** Names quoted but never swapped: a surname alone and Cyrillic spellings. */
const OTHER_NAMES = ['Lukashenka', 'Алесь Бяляцкі', 'Зінаіда Міхнюк'];

const MONTH = `(?:${MONTHS.join('|')})`;
/** Dates as the pages write them: "January 8, 2024", "January 8–9", "6 February 2024", "May 2023"
 *  (never "May 20" cut out of "May 2023"). */
export const DATE_PATTERN = new RegExp(
  `(?:\\d{1,2} ${MONTH} \\d{4}|${MONTH} \\d{4}(?!\\d)|${MONTH} \\d{1,2}(?:[–-]\\d{1,2})?(?:, \\d{4})?(?!\\d))`,
  'g',
);
/** Legal references: "Part 1 of Article 342 of the Criminal Code", "Article 19.11". */
export const ARTICLE_PATTERN =
  /(?:Part \d+ of )?Articles? \d+(?:[.-]\d+)*(?: of the (?:Criminal|Administrative)[\w ]*? Code)?/g;
export const NAME_PATTERN = new RegExp(
  [...PERSON_NAMES, ...OTHER_NAMES]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
  'g',
);
/** Sentence boundaries inside a paragraph. */
export const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[\p{Lu}"“«(])/u;
/** Share of ordinary words (lower-case, 4+ letters, outside names, dates, legal references and
 *  figures) each article copy replaces with another word of the fixtures, so that copies of one
 *  fixture are different articles rather than near-duplicates of each other. */
export const WORD_CHANGE_RATE = 0.4;
/** Words the variations may replace: lower-case words of 4+ letters. */
const WORD = /(?<![\p{L}\p{N}])\p{Ll}{4,}(?![\p{L}\p{N}])/gu;

interface SourceBlock {
  tag: BlockTag;
  text: string;
  /** Page chrome and repeated lines, copied word for word. */
  boilerplate: boolean;
  region: 'header' | 'article' | 'footer';
}

/** The blocks of a fixture page with their text, whitespace collapsed as a browser shows it. */
function readBlocks(html: string): SourceBlock[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const blocks: SourceBlock[] = [];
  for (const el of doc.body.querySelectorAll('h1, h2, h3, p, li, figcaption')) {
    if (el.querySelector('p, li, h1, h2, h3, ul')) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    const region = el.closest('header') ? 'header' : el.closest('footer') ? 'footer' : 'article';
    const name = el.localName;
    blocks.push({
      tag: name === 'h1' || name === 'h2' ? 'h2' : name === 'h3' ? 'h3' : name === 'li' ? 'li' : 'p',
      text,
      boilerplate: region !== 'article' || el.matches('.share, .tags, .breadcrumbs, .byline') || !!el.closest('aside'),
      region,
    });
  }
  return blocks;
}

/** Spans of `text` matched by the patterns, sorted, overlaps dropped. */
export function spansOf(text: string, patterns: readonly RegExp[]): { start: number; end: number; kind: number }[] {
  const spans: { start: number; end: number; kind: number }[] = [];
  patterns.forEach((pattern, kind) => {
    for (const m of text.matchAll(new RegExp(pattern.source, pattern.flags))) {
      spans.push({ start: m.index, end: m.index + m[0].length, kind });
    }
  });
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: typeof spans = [];
  for (const s of spans) if (!kept.length || s.start >= kept[kept.length - 1]!.end) kept.push(s);
  return kept;
}

function shuffled<T>(items: readonly T[], r: RandomTools): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = r.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A figure of about the same size: "1,429" becomes "1,386". */
function otherFigure(figure: string, r: RandomTools): string {
  const value = Number(figure.replace(/,/g, ''));
  const next = Math.max(1, Math.round(value * (0.7 + 0.6 * r.random())));
  return next.toLocaleString('en-US');
}

/** Replaces some lower-case words outside names, dates, legal references and figures. */
function mutateWords(text: string, vocabulary: readonly string[], rate: number, r: RandomTools): string {
  const protectedSpans = spansOf(text, [NAME_PATTERN, DATE_PATTERN, ARTICLE_PATTERN, /\d+/g]);
  const isProtected = (start: number, end: number) => protectedSpans.some((s) => s.start < end && start < s.end);
  return text.replace(WORD, (word, at: number) =>
    r.chance(rate) && !isProtected(at, at + word.length) ? r.pick(vocabulary) : word,
  );
}

/** Inline markup a news site would put there: links on names, bold dates, emphasis here and there. */
function marksFor(text: string, r: RandomTools): Mark[] {
  const marks: Mark[] = [];
  for (const span of spansOf(text, [NAME_PATTERN, DATE_PATTERN, ARTICLE_PATTERN])) {
    const p = [0.4, 0.3, 0.2][span.kind]!;
    if (r.chance(p)) marks.push({ start: span.start, end: span.end, tag: (['a', 'b', 'em'] as const)[span.kind]! });
  }
  if (r.chance(0.15)) {
    const words = [...text.matchAll(/\S+/g)];
    if (words.length > 3) {
      const first = r.int(0, words.length - 3);
      const start = words[first]!.index;
      const last = words[first + r.int(0, 2)]!;
      const end = last.index + last[0].length;
      if (!marks.some((m) => m.start < end && start < m.end)) marks.push({ start, end, tag: 'em' });
    }
  }
  return marks.sort((a, b) => a.start - b.start);
}

export interface GeneratedPage {
  blocks: Block[];
  vocabulary: string[];
  articles: number;
}

/** Composes about `targetChars` characters of text from the fixture pages, the same for a seed. */
export function generatePage(seed: number, targetChars: number): GeneratedPage {
  const r = randomTools(seed);
  const sources = [readBlocks(monthlyHtml), readBlocks(digestHtml)];
  const monthly = sources[0]!;
  const vocabulary = [
    ...new Set(sources.flat().flatMap((b) => (b.boilerplate ? [] : (b.text.match(WORD) ?? [])))),
  ].sort();
  const names = PERSON_NAMES.filter((n) => sources.some((s) => s.some((b) => b.text.includes(n))));
  const blocks: Block[] = [];
  let id = 0;
  let chars = 0;
  const push = (article: number, tag: BlockTag, text: string, marks: Mark[]) => {
    blocks.push({ id: id++, article, tag, text, marks });
    chars += text.length + 2;
  };
  for (const b of monthly.filter((b) => b.region === 'header')) push(-1, b.tag, b.text, []);
  const footer = monthly.filter((b) => b.region === 'footer');
  const footerChars = footer.reduce((sum, b) => sum + b.text.length + 2, 0);

  for (let k = 0; chars + footerChars < targetChars; k++) {
    const source = sources[k % 2]!;
    const month = MONTHS[(k * 5) % 12]!;
    const year = String(2024 + Math.floor(k / 12));
    // Within one article a person keeps one name; across articles names move between people.
    const swap = new Map<string, string>();
    for (const name of names) if (r.chance(0.5)) swap.set(name, r.pick(names));
    for (const block of source.filter((b) => b.region === 'article')) {
      if (!block.boilerplate && block.tag !== 'h2' && block.tag !== 'h3' && r.chance(0.08)) continue;
      let text = block.text.replace(/January/g, month).replace(/2024/g, year);
      if (!block.boilerplate) {
        text = text.replace(NAME_PATTERN, (name) => swap.get(name) ?? name);
        text = text.replace(/\b\d{1,3}(?:,\d{3})+\b/g, (figure) => (r.chance(0.7) ? otherFigure(figure, r) : figure));
        text = text.replace(/\baged (\d+)/g, (all) => (r.chance(0.7) ? `aged ${r.int(19, 78)}` : all));
        const sentences = text.split(SENTENCE_BREAK);
        if (sentences.length > 1 && r.chance(0.5)) text = shuffled(sentences, r).join(' ');
        text = mutateWords(text, vocabulary, WORD_CHANGE_RATE, r);
      }
      push(k, block.tag, text, block.boilerplate ? [] : marksFor(text, r));
    }
  }
  for (const b of footer) push(-2, b.tag, b.text, []);
  return { blocks, vocabulary, articles: new Set(blocks.map((b) => b.article)).size - 2 };
}
