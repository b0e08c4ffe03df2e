import type { Annotation } from '@/lib/schema/annotation';
import type { Case } from '@/lib/schema/case';
import type { Person } from '@/lib/schema/person';
import { foldText } from '@/lib/names/fold';
import { latinKey } from '@/lib/names/latin-key';

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

/** The texts of a highlight search covers: the quoted words first, then tags, the fact's place, and the note last (it may be long). */
function textsOfAnnotation(annotation: Annotation): (string | null | undefined)[] {
  const quotes = annotation.selectors.flatMap((s) => (s.type === 'TextQuoteSelector' ? [s.exact] : []));
  return [...quotes, ...annotation.tags, annotation.fact?.place, annotation.note];
}

/** The texts of a person search covers: every spelling of the name, then the notes. */
function textsOfPerson(person: Person): (string | null | undefined)[] {
  return [person.name, ...person.aliases, person.notes];
}

/** The texts of a case search covers: its title and the words that identify it in reports, then the notes. */
function textsOfCase(kase: Case): (string | null | undefined)[] {
  const articles = kase.legalArticles.map((a) => `${a.code} ${a.article}`);
  return [kase.title, kase.court, kase.judge, kase.facility, kase.sentence, ...articles, kase.notes];
}

/** Index tokens of a highlight (folded words only). */
export function tokensOfAnnotation(annotation: Annotation): string[] {
  return tokensOf(...textsOfAnnotation(annotation));
}

/** Index tokens of a person (folded words only). */
export function tokensOfPerson(person: Person): string[] {
  return tokensOf(...textsOfPerson(person));
}

/** Index tokens of a case (folded words only). */
export function tokensOfCase(kase: Case): string[] {
  return tokensOf(...textsOfCase(kase));
}

/**
 * The prefixes a query asks for, folded like the index. A token that is a prefix of another query
 * token is dropped: every record matching the longer one matches it anyway.
 */
export function tokenizeQuery(query: string): string[] {
  const tokens = tokensOf(query).slice(0, MAX_QUERY_TOKENS);
  return tokens.filter((t) => !tokens.some((other) => other !== t && other.startsWith(t)));
}

// Names reach researchers in several scripts and romanisations: "Міхнюк", "Mikhniuk", "Michniuk".
// Beside its folded words, a record is indexed under the latinKey (lib/names) of each capitalised
// word, which is where names are, in every script. Keying every word made 60% more terms and took
// six times as long as folding; a query always looks its words up both ways, so "міхнюк" typed in
// lower case still finds "Міхнюк". Keys share the folded words' namespace and coincide with them
// for many words ("Minsk"), costing nothing there.
const CAPITALISED = /^\p{Lu}/u;
// Search terms are read word by word: each word as written (letters, digits and the marks on
// them) is folded and keyed once and remembered (up to a bound), for the words of reports, names
// above all, repeat across thousands of highlights; folding whole texts took twice as long on an import of 100,000. A symbol that
// folds to letters ("№", "™") is no word here, as it is none in a query (queryPrefixes).
const RAW_WORD = /[\p{L}\p{N}\p{M}]+/gu;
const APOSTROPHE = /['’ʼ]/;
const WORD_CACHE = new Map<string, { tokens: readonly string[]; key: string }>();
const WORD_CACHE_SIZE = 50_000;

/** The folded tokens of one written word, and its latinKey if it is capitalised ('' if not). */
function termsOfWord(word: string): { tokens: readonly string[]; key: string } {
  let found = WORD_CACHE.get(word);
  if (found === undefined) {
    if (WORD_CACHE.size >= WORD_CACHE_SIZE) WORD_CACHE.clear();
    const tokens = (foldText(word).match(WORD) ?? []).map((token) => token.slice(0, MAX_TOKEN_LENGTH));
    found = { tokens, key: CAPITALISED.test(word) ? latinKey(word).slice(0, MAX_TOKEN_LENGTH) : '' };
    WORD_CACHE.set(word, found);
  }
  return found;
}

/** Search terms of texts: their folded words, then the latinKeys of capitalised words, up to the per-record cap. */
export function termsOf(...texts: readonly (string | null | undefined)[]): string[] {
  const terms = new Set<string>();
  const keys: string[] = [];
  for (const text of texts) {
    if (!text) continue;
    // Most texts hold no apostrophe; looking first skips a third of the work.
    const joined = APOSTROPHE.test(text) ? text.replace(INNER_APOSTROPHE, '') : text;
    for (const word of joined.match(RAW_WORD) ?? []) {
      const { tokens, key } = termsOfWord(word);
      for (const token of tokens) if (terms.size < MAX_TOKENS_PER_RECORD) terms.add(token);
      if (key) keys.push(key);
    }
  }
  for (const key of keys) {
    if (terms.size >= MAX_TOKENS_PER_RECORD) break;
    terms.add(key);
  }
  return [...terms];
}

/** Search terms of a highlight: what the posting lists index it under. */
export function termsOfAnnotation(annotation: Annotation): string[] {
  return termsOf(...textsOfAnnotation(annotation));
}

/** Search terms of a person. */
export function termsOfPerson(person: Person): string[] {
  return termsOf(...textsOfPerson(person));
}

/** Search terms of a case. */
export function termsOfCase(kase: Case): string[] {
  return termsOf(...textsOfCase(kase));
}

// latinKey is prefix-stable except where a typed prefix stops inside a spelling the key rewrites
// ("Mik|hniuk": k before h; "Siarhi|ej": i before e). The key of the prefix with each such next
// letter added covers those, and only narrows: it never matches a word the prefix could not start.
const CONTINUATIONS = ['', 'h', 'e', 'o'] as const;

/** The prefixes, drop those another one already covers. */
function withoutCovered(prefixes: Iterable<string>): string[] {
  const list = [...new Set(prefixes)];
  return list.filter((p) => !list.some((other) => other !== p && p.startsWith(other)));
}

/**
 * What a query asks for: one entry per word, each the prefixes any of which the word may match
 * (its folded form and its latinKeys). A record matches when every entry has a prefix that starts
 * one of its terms. Words that are prefixes of other words are dropped, as in tokenizeQuery.
 */
export function queryPrefixes(query: string): string[][] {
  const words = query.replace(INNER_APOSTROPHE, '').match(WORD) ?? [];
  const entries = new Map<string, string[]>();
  for (const word of words) {
    const folded = tokensOf(word);
    for (const token of folded) {
      if (entries.size >= MAX_QUERY_TOKENS) break;
      // A word that folds to one token is the usual case; only then is its key that token's.
      const keys = folded.length === 1 ? CONTINUATIONS.map((c) => latinKey(word + c).slice(0, MAX_TOKEN_LENGTH)) : [];
      const prefixes = [token, ...keys.filter(Boolean), ...(entries.get(token) ?? [])];
      entries.set(token, withoutCovered(prefixes));
    }
  }
  const tokens = [...entries.keys()];
  return tokens.filter((t) => !tokens.some((other) => other !== t && other.startsWith(t))).map((t) => entries.get(t)!);
}
