import type { Annotation } from '@/lib/schema/annotation';
import type { Case } from '@/lib/schema/case';
import type { Person } from '@/lib/schema/person';
import { foldText } from '@/lib/names/fold';

/** Re-exported from its new home so existing callers keep importing it from here. */
export { foldText } from '@/lib/names/fold';

// Records and queries are folded alike (lib/names/fold.ts), so a query typed without diacritics
// still finds the record.

/** Most unique tokens one record puts in the index, so a huge note cannot bloat it. */
export const MAX_TOKENS_PER_RECORD = 2_000;
/** Longest token kept; longer words are cut, and queries are cut the same way so they still match. */
export const MAX_TOKEN_LENGTH = 64;
/** Most tokens a query uses; more words than this add nothing a researcher would notice. */
export const MAX_QUERY_TOKENS = 16;

// An apostrophe inside a word ("O'Brien", "Дар'я") is part of the word, not a break.
const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu;
const WORD = /[\p{L}\p{N}]+/gu;

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
