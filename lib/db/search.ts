import type { Table } from 'dexie';
import type { Annotation } from '@/lib/schema/annotation';
import type { Case } from '@/lib/schema/case';
import type { Person } from '@/lib/schema/person';
import type { RecordsDatabase } from './database';
import { CODECS } from './rows';
import { tokenizeQuery } from './search-tokens';

// Search finds the records holding every query word as the start of one of their words, after the
// same folding as the index ("homiel" finds "Homieĺ"). Each word is one range scan of a multi-entry
// index; the id sets are intersected, so no record is read that does not match every word.

/** How many records of each table a search returns when the caller does not say. */
export const DEFAULT_SEARCH_LIMIT = 50;
// Up to this many matches, rows are loaded and sorted in memory; above it, walking the modification
// index newest first until `limit` matches are found reads fewer rows.
const LOAD_MATCHES_UP_TO = 1_000;

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

interface SearchableRow {
  id: string;
  modifiedKey: string;
  searchTokens: string[];
}

async function matchingIds<Row extends SearchableRow>(
  table: Table<Row, string>,
  tokens: readonly string[],
): Promise<Set<string>> {
  let ids: Set<string> | undefined;
  for (const token of tokens) {
    // A record with several words sharing the prefix appears once per word; the Set folds them.
    const keys = await table.where('searchTokens').startsWith(token).primaryKeys();
    const previous = ids;
    ids = new Set(previous ? keys.filter((id) => previous.has(id)) : keys);
    if (!ids.size) break;
  }
  return ids ?? new Set();
}

async function newestFirst<Row extends SearchableRow>(
  table: Table<Row, string>,
  ids: ReadonlySet<string>,
  limit: number,
): Promise<Row[]> {
  if (ids.size > LOAD_MATCHES_UP_TO) {
    return table
      .orderBy('modifiedKey')
      .reverse()
      .filter((row) => ids.has(row.id))
      .limit(limit)
      .toArray();
  }
  const rows = (await table.bulkGet([...ids])).filter((row): row is Row => row !== undefined);
  rows.sort((a, b) => (a.modifiedKey < b.modifiedKey ? 1 : a.modifiedKey > b.modifiedKey ? -1 : a.id < b.id ? -1 : 1));
  return rows.slice(0, limit);
}

async function searchTable<Row extends SearchableRow>(
  table: Table<Row, string>,
  tokens: readonly string[],
  limit: number,
): Promise<{ rows: Row[]; matches: number }> {
  const ids = await matchingIds(table, tokens);
  return { rows: ids.size ? await newestFirst(table, ids, limit) : [], matches: ids.size };
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
  return db.transaction('r', [db.annotations, db.persons, db.cases], async () => {
    const [annotations, persons, cases] = await Promise.all([
      searchTable(db.annotations, tokens, limit),
      searchTable(db.persons, tokens, limit),
      searchTable(db.cases, tokens, limit),
    ]);
    return {
      annotations: annotations.rows.map(CODECS.annotations.fromRow),
      persons: persons.rows.map(CODECS.persons.fromRow),
      cases: cases.rows.map(CODECS.cases.fromRow),
      matches: { annotations: annotations.matches, persons: persons.matches, cases: cases.matches },
    };
  });
}
