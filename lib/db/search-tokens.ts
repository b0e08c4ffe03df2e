import type { Annotation } from '@/lib/schema/annotation';
import type { Case } from '@/lib/schema/case';
import type { Person } from '@/lib/schema/person';

// Researchers type names the way their keyboard allows: "Homiel" for "Homieĺ", "mikhniuk" for
// "Mikhniuk". Records and queries are folded the same way so such queries still find the record.
// Folding is symmetric, so it may merge letters a language keeps apart (й and и); for search that
// costs a little precision and never a hit. No transliteration between scripts happens here.

/** Most unique tokens one record puts in the index, so a huge note cannot bloat it. */
export const MAX_TOKENS_PER_RECORD = 2_000;
/** Longest token kept; longer words are cut, and queries are cut the same way so they still match. */
export const MAX_TOKEN_LENGTH = 64;
/** Most tokens a query uses; more words than this add nothing a researcher would notice. */
export const MAX_QUERY_TOKENS = 16;

// Letters that Unicode does not decompose into a base letter and a mark.
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ĸ: 'k',
  // Greek final sigma, so "Σ" and "ς" fold alike wherever they stand in the word.
  ς: 'σ',
};
const EXTRA_PATTERN = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'gu');
const MARKS = /\p{M}+/gu;
// An apostrophe inside a word ("O'Brien", "Дар'я") is part of the word, not a break.
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** Text folded for comparison: compatibility-decomposed, without marks, lower-case, special letters spelled out. */
export function foldText(input: string): string {
  return input
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(EXTRA_PATTERN, (ch) => EXTRA_FOLDS[ch] ?? ch);
}

/** Adds the folded words of `input` to `into`, stopping at the per-record cap. */
function addTokens(into: Set<string>, input: string | null | undefined): void {
  if (!input) return;
  const words = foldText(input).replace(INNER_APOSTROPHE, '').match(WORD);
  if (!words) return;
  for (const word of words) {
    if (into.size >= MAX_TOKENS_PER_RECORD) return;
    into.add(word.slice(0, MAX_TOKEN_LENGTH));
  }
}

/** Folded, de-duplicated words of the given texts in order, capped at MAX_TOKENS_PER_RECORD. */
export function tokensOf(...texts: readonly (string | null | undefined)[]): string[] {
  const tokens = new Set<string>();
  for (const text of texts) addTokens(tokens, text);
  return [...tokens];
}

/** Index tokens of a highlight: the quoted words first, then tags, the fact's place, and the note last (it may be long). */
export function tokensOfAnnotation(annotation: Annotation): string[] {
  const quotes = annotation.selectors.flatMap((s) => (s.type === 'TextQuoteSelector' ? [s.exact] : []));
  return tokensOf(...quotes, ...annotation.tags, annotation.fact?.place, annotation.note);
}

/** Index tokens of a person: every spelling of the name, then the notes. */
export function tokensOfPerson(person: Person): string[] {
  return tokensOf(person.name, ...person.aliases, person.notes);
}

/** Index tokens of a case: its title and the words that identify it in reports, then the notes. */
export function tokensOfCase(kase: Case): string[] {
  const articles = kase.legalArticles.map((a) => `${a.code} ${a.article}`);
  return tokensOf(kase.title, kase.court, kase.judge, kase.facility, kase.sentence, ...articles, kase.notes);
}

/**
 * The prefixes a query asks for, folded like the index. A token that is a prefix of another query
 * token is dropped: every record matching the longer one matches it anyway.
 */
export function tokenizeQuery(query: string): string[] {
  const tokens = tokensOf(query).slice(0, MAX_QUERY_TOKENS);
  return tokens.filter((t) => !tokens.some((other) => other !== t && other.startsWith(t)));
}
