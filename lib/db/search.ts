import type { Annotation } from '@/lib/schema/annotation';
import type { Case } from '@/lib/schema/case';
import type { Person } from '@/lib/schema/person';
import { getAnnotations } from './annotation-store';
import type { RecordsDatabase } from './database';
import { annotationTables } from './indexed-writes';
import { CODECS, type SearchableTable } from './rows';
import { queryPrefixes } from './search-tokens';
import { entriesWithPrefix, RANK_WIDTH } from './terms';

// Search finds the records holding every query word as the start of one of their words, after the
// same folding as the index ("homiel" finds "Homieĺ"), or whose name-like words share its latinKey
// whatever the script or romanisation ("Mikhniuk" finds "Міхнюк", "Tikhanovsky" "Ціханоўскі").
// Each word reads the posting lists of the terms it begins (terms.ts); the matches are intersected
// smallest first and ordered by the rank each entry carries, so only the records shown are read.

/** How many records of each table a search returns when the caller does not say. */
export const DEFAULT_SEARCH_LIMIT = 50;

/** What a search found, newest change first, and how many matched before the limit cut the lists. */
export interface SearchResults {
  annotations: Annotation[];
  persons: Person[];
  cases: Case[];
  matches: { annotations: number; persons: number; cases: number };
}

/** Options of searchRecords. */
export interface SearchOptions {
  /** Most records returned per table. */
  limit?: number;
}

/** The entries (id → rank) whose id is in every one of `maps`, visiting the smallest first. */
export function intersectAll(maps: readonly ReadonlyMap<string, string>[]): Map<string, string> {
  const [smallest, ...rest] = [...maps].sort((a, b) => a.size - b.size);
  if (!smallest) return new Map();
  let found = new Map(smallest);
  for (const map of rest) {
    if (!found.size) break;
    found = new Map([...found].filter(([id]) => map.has(id)));
  }
  return found;
}

/** The records holding, for every query word, a term that one of the word's prefixes starts. */
async function matching(
  db: RecordsDatabase,
  scope: SearchableTable,
  words: readonly (readonly string[])[],
): Promise<Map<string, string>> {
  const maps = await Promise.all(
    words.map(async (prefixes) => {
      const found = await Promise.all(prefixes.map((prefix) => entriesWithPrefix(db.terms, scope, prefix)));
      if (found.length === 1) return found[0]!;
      const union = new Map<string, string>();
      for (const map of found) for (const [id, rank] of map) union.set(id, rank);
      return union;
    }),
  );
  return intersectAll(maps);
}

/** The ids of the `limit` newest entries; equal ranks in reverse id order, as an index read backwards gives them. */
export function newestIds(entries: ReadonlyMap<string, string>, limit: number): string[] {
  // Ranks are fixed-width (rankOf), so "rank + id" sorts by rank, then id, with the engine's own
  // string sort: three to four times faster than a comparator over tens of thousands of matches.
  const width = RANK_WIDTH;
  const keys: string[] = [];
  for (const [id, rank] of entries) keys.push(rank.length === width ? rank + id : rank.padStart(width, '0') + id);
  keys.sort();
  const out: string[] = [];
  for (let i = keys.length - 1; i >= 0 && out.length < limit; i--) out.push(keys[i]!.slice(width));
  return out;
}

/** What a search matched, per table, as id → rank: no record is read. */
export interface SearchIds {
  annotations: Map<string, string>;
  persons: Map<string, string>;
  cases: Map<string, string>;
}

/** The ids (and ranks) of the highlights, persons and cases matching every word of `query`. */
export async function searchIds(db: RecordsDatabase, query: string): Promise<SearchIds> {
  const words = queryPrefixes(query);
  if (!words.length) return { annotations: new Map(), persons: new Map(), cases: new Map() };
  return db.transaction('r', [db.terms], async () => {
    const [annotations, persons, cases] = await Promise.all([
      matching(db, 'annotations', words),
      matching(db, 'persons', words),
      matching(db, 'cases', words),
    ]);
    return { annotations, persons, cases };
  });
}

/** Highlights, persons and cases matching every word of `query` by prefix; an empty query finds nothing. */
export async function searchRecords(
  db: RecordsDatabase,
  query: string,
  options: SearchOptions = {},
): Promise<SearchResults> {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_SEARCH_LIMIT));
  return db.transaction('r', [db.annotationBlocks, db.persons, db.cases, db.terms], async () => {
    const found = await searchIds(db, query);
    const [annotations, persons, cases] = await Promise.all([
      getAnnotations(annotationTables(db), newestIds(found.annotations, limit)),
      db.persons.bulkGet(newestIds(found.persons, limit)),
      db.cases.bulkGet(newestIds(found.cases, limit)),
    ]);
    return {
      annotations,
      persons: persons.flatMap((row) => (row ? [CODECS.persons.fromRow(row)] : [])),
      cases: cases.flatMap((row) => (row ? [CODECS.cases.fromRow(row)] : [])),
      matches: { annotations: found.annotations.size, persons: found.persons.size, cases: found.cases.size },
    };
  });
}
