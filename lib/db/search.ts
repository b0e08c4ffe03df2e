import type { Table } from 'dexie';
import type { Annotation } from '@/lib/schema/annotation';
import type { Case } from '@/lib/schema/case';
import type { Person } from '@/lib/schema/person';
import type { RecordsDatabase } from './database';
import { CODECS, type RowOf, type SearchableTable } from './rows';
import { tokenizeQuery } from './search-tokens';
import { idsWithPrefix } from './terms';

// Search finds the records holding every query word as the start of one of their words, after the
// same folding as the index ("homiel" finds "Homieĺ"). Each word reads the posting lists of the
// terms it begins (terms.ts); the id sets are intersected smallest first, so no record is read
// that does not match every word, and only the records shown are read in full.

/** How many records of each table a search returns when the caller does not say. */
export const DEFAULT_SEARCH_LIMIT = 50;
/**
 * Up to this many matches, rows are loaded and sorted in memory; above it, the ids on the
 * modification index are read newest first (keys only, in pages) until `limit` matches are found,
 * which costs less than reading every matching row when matches are a large share of the table.
 */
export const LOAD_MATCHES_UP_TO = 400;
// The first page of the modification index read when walking it; later pages grow with the miss rate.
const FIRST_PAGE = 256;

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

/** The ids in every one of `sets`, visiting the smallest first. */
export function intersectAll(sets: readonly ReadonlySet<string>[]): Set<string> {
  const [smallest, ...rest] = [...sets].sort((a, b) => a.size - b.size);
  if (!smallest) return new Set();
  let ids = new Set(smallest);
  for (const set of rest) {
    if (!ids.size) break;
    ids = new Set([...ids].filter((id) => set.has(id)));
  }
  return ids;
}

async function matchingIds(
  db: RecordsDatabase,
  scope: SearchableTable,
  tokens: readonly string[],
): Promise<Set<string>> {
  const sets = await Promise.all(tokens.map((token) => idsWithPrefix(db.terms, scope, token)));
  return intersectAll(sets);
}

/** Newest change first; equal times in reverse id order, as the modification index reads backwards. */
function newerFirst(a: { id: string; modifiedKey: string }, b: { id: string; modifiedKey: string }): number {
  if (a.modifiedKey !== b.modifiedKey) return a.modifiedKey < b.modifiedKey ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

async function newestFirst<K extends SearchableTable>(
  table: Table<RowOf[K], string>,
  ids: ReadonlySet<string>,
  limit: number,
): Promise<RowOf[K][]> {
  if (!limit || !ids.size) return [];
  if (ids.size <= LOAD_MATCHES_UP_TO) {
    const rows = (await table.bulkGet([...ids])).filter((row): row is RowOf[K] => row !== undefined);
    return rows.sort(newerFirst).slice(0, limit);
  }
  let page = Math.max(FIRST_PAGE, limit * 2);
  for (;;) {
    const keys = await table.orderBy('modifiedKey').reverse().limit(page).primaryKeys();
    const picked: string[] = [];
    for (const id of keys) {
      if (ids.has(id) && picked.push(id) === limit) break;
    }
    if (picked.length === limit || keys.length < page) {
      const rows = await table.bulkGet(picked);
      return rows.filter((row): row is RowOf[K] => row !== undefined);
    }
    // Read enough more to find the rest at the rate seen so far, with room to spare.
    page *= Math.min(64, Math.max(4, Math.ceil((2 * limit) / Math.max(1, picked.length))));
  }
}

async function searchTable<K extends SearchableTable>(
  db: RecordsDatabase,
  name: K,
  tokens: readonly string[],
  limit: number,
): Promise<{ records: RowOf[K][]; matches: number }> {
  const ids = await matchingIds(db, name, tokens);
  const table = db[name] as unknown as Table<RowOf[K], string>;
  return { records: await newestFirst(table, ids, limit), matches: ids.size };
}

/** Highlights, persons and cases matching every word of `query` by prefix; an empty query finds nothing. */
export async function searchRecords(
  db: RecordsDatabase,
  query: string,
  options: SearchOptions = {},
): Promise<SearchResults> {
  const limit = Math.max(0, Math.floor(options.limit ?? DEFAULT_SEARCH_LIMIT));
  const tokens = tokenizeQuery(query);
  if (!tokens.length) {
    return { annotations: [], persons: [], cases: [], matches: { annotations: 0, persons: 0, cases: 0 } };
  }
  return db.transaction('r', [db.annotations, db.persons, db.cases, db.terms], async () => {
    const [annotations, persons, cases] = await Promise.all([
      searchTable(db, 'annotations', tokens, limit),
      searchTable(db, 'persons', tokens, limit),
      searchTable(db, 'cases', tokens, limit),
    ]);
    return {
      annotations: annotations.records.map(CODECS.annotations.fromRow),
      persons: persons.records.map(CODECS.persons.fromRow),
      cases: cases.records.map(CODECS.cases.fromRow),
      matches: { annotations: annotations.matches, persons: persons.matches, cases: cases.matches },
    };
  });
}
