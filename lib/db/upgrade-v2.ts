import type { Transaction } from 'dexie';
import { termDocsOf } from './indexed-writes';
import { CODECS, type SearchableTable } from './rows';
import { buildTermRows } from './terms';

// Version 1 kept each record's folded words in its row (`searchTokens`, a multi-entry index);
// version 2 keeps them as posting lists in `terms`. Dexie has already dropped the old index when
// this runs; the rows still carry the words, so they are rewritten without them and the lists are
// built from the records themselves with the current tokenizer.

// The row tables of version 2, fixed here: later versions store highlights elsewhere.
const V2_SEARCHABLE_TABLES = ['annotations', 'persons', 'cases'] as const satisfies readonly SearchableTable[];

/** Upgrades a version 1 database to version 2 inside Dexie's upgrade transaction. */
export async function moveSearchTokensToTerms(transaction: Transaction): Promise<void> {
  const terms = transaction.table('terms');
  for (const name of V2_SEARCHABLE_TABLES) await rebuild(transaction, name, terms);
}

async function rebuild<K extends SearchableTable>(
  transaction: Transaction,
  name: K,
  terms: ReturnType<Transaction['table']>,
): Promise<void> {
  const table = transaction.table(name);
  const rows = (await table.toArray()) as Record<string, unknown>[];
  const slim = rows.map(({ searchTokens: _s, ...row }) => row);
  const records = slim.map((row) => CODECS[name].fromRow(row as never));
  await table.bulkPut(slim);
  await terms.bulkPut(buildTermRows(name, termDocsOf(name, records as never)));
}
