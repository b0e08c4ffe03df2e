import { editBlock, type Block, type Edit, type OffsetMap } from './page-model';
import { randomTools, type RandomTools } from './random';
import type { BenchAnnotation, EditedPage, Item } from './annotations';

// The edited versions of the page: quotes deleted, one word changed inside long quotes, and the
// edited page of case 6 (paragraphs inserted, whitespace, punctuation and words changed). Every
// edit is made on the page model, so where each quote's words stand afterwards is known.

const WORD_INSIDE = /(?<![\p{L}\p{N}])\p{Ll}{4,}(?![\p{L}\p{N}])/gu;

/** A different word from the vocabulary for `word`. */
function otherWord(word: string, vocabulary: readonly string[], r: RandomTools): string {
  for (;;) {
    const next = r.pick(vocabulary);
    if (next !== word) return next;
  }
}

/** One lower-case word strictly inside [from, to) (neither the first nor the last word), changed. */
export function changeInnerWord(
  text: string,
  from: number,
  to: number,
  vocabulary: readonly string[],
  r: RandomTools,
): Edit | null {
  const quote = text.slice(from, to);
  const words = [...quote.matchAll(WORD_INSIDE)].filter((m) => {
    const before = quote.slice(0, m.index);
    const after = quote.slice(m.index + m[0].length);
    return /\s/.test(before) && /\s/.test(after) && !/\d/.test(m[0]);
  });
  if (words.length === 0) return null;
  const word = r.pick(words);
  return { at: from + word.index, remove: word[0].length, insert: otherWord(word[0], vocabulary, r) };
}

/** A word within `reach` characters of [from, to) on one side, changed: the neighbourhood edited. */
function changeNearbyWord(
  text: string,
  from: number,
  to: number,
  side: 'before' | 'after',
  vocabulary: readonly string[],
  r: RandomTools,
  reach = 40,
): Edit | null {
  const lo = side === 'before' ? Math.max(0, from - reach) : to + 1;
  const hi = side === 'before' ? from - 1 : Math.min(text.length, to + reach);
  const words = [...text.matchAll(/[\p{L}]{3,}/gu)].filter((m) => m.index >= lo && m.index + m[0].length <= hi);
  if (words.length === 0) return null;
  const word = r.pick(words);
  return { at: word.index, remove: word[0].length, insert: otherWord(word[0], vocabulary, r) };
}

/** Builds an edited page: `editsFor` gives each chosen spot's block edits (null: leave it). */
function editedPage(
  blocks: readonly Block[],
  chosen: readonly { annotation: BenchAnnotation; category: string; edits: Edit[]; gone: boolean }[],
  insertions: ReadonlyMap<number, Block[]>,
): EditedPage {
  const editsByBlock = new Map<number, Edit[]>();
  for (const c of chosen)
    editsByBlock.set(c.annotation.block, [...(editsByBlock.get(c.annotation.block) ?? []), ...c.edits]);
  const maps = new Map<number, OffsetMap>();
  const out: Block[] = [];
  for (const block of blocks) {
    out.push(...(insertions.get(block.id) ?? []));
    const edits = editsByBlock.get(block.id);
    if (!edits) {
      out.push(block);
      continue;
    }
    const edited = editBlock(block, edits);
    maps.set(block.id, edited.map);
    out.push(edited.block);
  }
  const items: Item[] = chosen.map((c) => ({ annotation: c.annotation, category: c.category, truth: null }));
  return {
    blocks: out,
    items,
    resolve(starts) {
      chosen.forEach((c, i) => {
        const a = c.annotation;
        const map = maps.get(a.block) ?? ((offset: number) => offset);
        const base = starts.get(a.block)!;
        if (c.gone) items[i]!.gap = base + map(a.from, 'start');
        else items[i]!.truth = { start: base + map(a.from, 'start'), end: base + map(a.to, 'end') };
      });
    },
  };
}

/**
 * The deleted-quote page: each annotation's words are removed from the page and a word next to
 * them changed on one side or both (a sentence rewritten around a removed name), one per block.
 */
export function deletedPage(
  seed: number,
  blocks: readonly Block[],
  annotations: readonly BenchAnnotation[],
  vocabulary: readonly string[],
): EditedPage {
  const r = randomTools(seed);
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const chosen = annotations.map((a) => {
    const text = byId.get(a.block)!.text;
    let from = a.from;
    let to = a.to;
    // Keep the sentence tidy: take one of the spaces around the removed words with them.
    if (text[to] === ' ') to++;
    else if (text[from - 1] === ' ') from--;
    const edits: Edit[] = [{ at: from, remove: to - from, insert: '' }];
    const sides = r.pick([['before'], ['after'], ['before', 'after']] as const);
    for (const side of sides) {
      const nearby = changeNearbyWord(text, from, to, side, vocabulary, r);
      if (nearby) edits.push(nearby);
    }
    return { annotation: a, category: a.to - a.from < 32 ? 'short' : 'long', edits, gone: true };
  });
  return editedPage(blocks, chosen, new Map());
}

/** The edited-words page: one word inside each long quote changed, nothing else. */
export function wordEditedPage(
  seed: number,
  blocks: readonly Block[],
  annotations: readonly BenchAnnotation[],
  vocabulary: readonly string[],
): EditedPage {
  const r = randomTools(seed);
  const byId = new Map(blocks.map((b) => [b.id, b]));
  const chosen = annotations.flatMap((a) => {
    const edit = changeInnerWord(byId.get(a.block)!.text, a.from, a.to, vocabulary, r);
    return edit ? [{ annotation: a, category: 'word', edits: [edit], gone: false }] : [];
  });
  return editedPage(blocks, chosen, new Map());
}

const SPACES = ['  ', '\n      ', '\u00a0', ' \n  '];
const TYPOGRAPHIC: Record<string, (before: string) => string> = {
  '"': (before) => (/^$|[\s(]$/.test(before) ? '“' : '”'),
  "'": () => '’',
  '—': () => '-',
  '–': () => '-',
};

/** Whitespace changed inside the quote and/or next to it (re-indented HTML, a no-break space). */
function whitespaceEdits(text: string, from: number, to: number, r: RandomTools): Edit[] {
  const inside = [...text.slice(from, to).matchAll(/ /g)].map((m) => from + m.index);
  const options: Edit[] = [];
  if (inside.length) options.push({ at: r.pick(inside), remove: 1, insert: r.pick(SPACES) });
  if (text[from - 1] === ' ') options.push({ at: from - 1, remove: 1, insert: r.pick(['\n    ', '  ', '\u00a0']) });
  if (text[to] === ' ') options.push({ at: to, remove: 1, insert: r.pick(['\n    ', '  ', '\u00a0']) });
  return r.sample(options, r.int(1, 2)).sort((a, b) => a.at - b.at);
}

/** Punctuation changed: typographic quotes and dashes around and inside the quote, else a comma
 *  dropped inside a long quote, else a comma added or dropped right after the quote. */
function punctuationEdits(text: string, from: number, to: number): { kind: string; edits: Edit[] } {
  const lo = Math.max(0, from - 32);
  const hi = Math.min(text.length, to + 32);
  const typographic: Edit[] = [];
  for (let i = lo; i < hi; i++) {
    const swap = TYPOGRAPHIC[text[i]!];
    if (swap && !(text[i] === "'" && !/\p{L}/u.test(text[i - 1] ?? ''))) {
      typographic.push({ at: i, remove: 1, insert: swap(text.slice(lo, i)) });
    }
  }
  if (typographic.length) return { kind: 'typographic quotes/dashes', edits: typographic };
  const comma = text.slice(from, to).indexOf(', ');
  if (to - from >= 32 && comma > 0)
    return { kind: 'comma dropped inside', edits: [{ at: from + comma, remove: 1, insert: '' }] };
  if (text[to] === ',') return { kind: 'comma after dropped', edits: [{ at: to, remove: 1, insert: '' }] };
  return { kind: 'comma after added', edits: [{ at: to, remove: 0, insert: ',' }] };
}

/** A paragraph of vocabulary words, inserted above annotated text. */
function newParagraph(id: number, article: number, vocabulary: readonly string[], r: RandomTools): Block {
  const sentences = Array.from({ length: r.int(2, 4) }, () => {
    const words = Array.from({ length: r.int(8, 20) }, () => r.pick(vocabulary));
    const first = words[0]!;
    words[0] = first.charAt(0).toUpperCase() + first.slice(1);
    return `${words.join(' ')}.`;
  });
  return { id, article, tag: 'p', text: sentences.join(' '), marks: [] };
}

/** Categories of the edited-page set, with how many annotations each gets. */
export const EDITED_CATEGORIES = {
  moved: 'unchanged words, moved down by inserted paragraphs',
  whitespace: 'whitespace changed inside or next to the quote',
  punctuation: 'punctuation changed inside or next to the quote',
  word: 'one word changed inside a long quote',
} as const;
export type EditedCategory = keyof typeof EDITED_CATEGORIES;

/**
 * The edited page: paragraphs inserted at the top and here and there, and for each annotation one
 * kind of edit (see EDITED_CATEGORIES).
 */
export function editedPage6(
  seed: number,
  blocks: readonly Block[],
  annotations: readonly { annotation: BenchAnnotation; category: EditedCategory }[],
  vocabulary: readonly string[],
): EditedPage {
  const r = randomTools(seed);
  const byId = new Map(blocks.map((b) => [b.id, b]));
  let nextId = Math.max(...blocks.map((b) => b.id)) + 1;
  const insertions = new Map<number, Block[]>();
  const firstArticle = blocks.find((b) => b.article >= 0)!;
  insertions.set(firstArticle.id, [
    newParagraph(nextId++, firstArticle.article, vocabulary, r),
    newParagraph(nextId++, firstArticle.article, vocabulary, r),
  ]);
  for (const block of blocks) {
    if (block.article >= 0 && block !== firstArticle && block.tag === 'p' && r.chance(0.03)) {
      insertions.set(block.id, [newParagraph(nextId++, block.article, vocabulary, r)]);
    }
  }
  const chosen = annotations.flatMap(({ annotation: a, category }) => {
    const text = byId.get(a.block)!.text;
    if (category === 'moved') return [{ annotation: a, category, edits: [], gone: false }];
    if (category === 'whitespace') {
      return [{ annotation: a, category, edits: whitespaceEdits(text, a.from, a.to, r), gone: false }];
    }
    if (category === 'punctuation') {
      const { kind, edits } = punctuationEdits(text, a.from, a.to);
      return [{ annotation: a, category: `${category}: ${kind}`, edits, gone: false }];
    }
    const edit = changeInnerWord(text, a.from, a.to, vocabulary, r);
    return edit ? [{ annotation: a, category, edits: [edit], gone: false }] : [];
  });
  return editedPage(blocks, chosen, insertions);
}
