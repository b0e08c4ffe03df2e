import type { Table } from 'dexie';
import type { RecordsDatabase } from './database';
import { CODECS, TERMS_OF, type RecordOf, type RowOf, type SearchableTable } from './rows';
import { applyTermChanges, buildTermRows, clearScope, rankOf, termChanges, type TermChange } from './terms';

// Every write of a highlight, person or case goes through here, so its row and its posting lists
// change in the same transaction. The terms to take out are recomputed from the stored copy.
// Callers open a read-write transaction over the table (lib/db/database.ts adds `terms` to it).

/** One record to store, with the copy it replaces when the caller has read it. */
export interface SearchableWrite<R> {
  before: R | undefined;
  after: R;
}

// Dexie types each table property separately; this gives generic code the table for a name.
function tableOf<K extends SearchableTable>(db: RecordsDatabase, name: K): Table<RowOf[K], string> {
  return db[name] as unknown as Table<RowOf[K], string>;
}

/** What the posting lists hold for a record. */
function postingOf<K extends SearchableTable>(name: K, record: RecordOf[K]) {
  return { terms: TERMS_OF[name](record), rank: rankOf(CODECS[name].modified(record)) };
}

/** Stores records whose previous copies (or absence) the caller has read in this transaction. */
export async function writeSearchable<K extends SearchableTable>(
  db: RecordsDatabase,
  name: K,
  writes: readonly SearchableWrite<RecordOf[K]>[],
): Promise<void> {
  if (!writes.length) return;
  // A record written twice in one batch ends as its last copy, as bulkPut leaves it.
  const byId = new Map<string, SearchableWrite<RecordOf[K]>>();
  for (const write of writes) {
    byId.set(write.after.id, { before: byId.get(write.after.id)?.before ?? write.before, after: write.after });
  }
  const changes = new Map<string, TermChange>();
  for (const [id, { before, after }] of byId) {
    termChanges(changes, id, before ? postingOf(name, before) : null, postingOf(name, after));
  }
  await Promise.all([
    tableOf(db, name).bulkPut(writes.map(({ after }) => CODECS[name].toRow(after))),
    applyTermChanges(db.terms, name, changes),
  ]);
}

/**
 * Stores records into a table known to be empty: the posting lists are built whole and written in
 * blocks, with no reads. Clears the scope's lists first, so nothing stale can survive.
 */
export async function fillEmptySearchable<K extends SearchableTable>(
  db: RecordsDatabase,
  name: K,
  records: readonly RecordOf[K][],
): Promise<void> {
  await clearScope(db.terms, name);
  // The rows are handed to IndexedDB first, so the browser writes them while the lists are built.
  const rowsWritten = tableOf(db, name).bulkPut(records.map((r) => CODECS[name].toRow(r)));
  const last = new Map(records.map((record) => [record.id, record]));
  const termRows = buildTermRows(
    name,
    [...last.values()].map((record) => ({ id: record.id, ...postingOf(name, record) })),
  );
  await Promise.all([rowsWritten, db.terms.bulkPut(termRows)]);
}

/** Stores one record, reading the copy it replaces. */
export async function putOneSearchable<K extends SearchableTable>(
  db: RecordsDatabase,
  name: K,
  record: RecordOf[K],
): Promise<void> {
  const stored = await tableOf(db, name).get(record.id);
  await writeSearchable(db, name, [{ before: stored && CODECS[name].fromRow(stored), after: record }]);
}

/** Deletes one record and its postings; a missing id is not an error. */
export async function deleteOneSearchable<K extends SearchableTable>(
  db: RecordsDatabase,
  name: K,
  id: string,
): Promise<void> {
  const table = tableOf(db, name);
  const stored = await table.get(id);
  if (!stored) return;
  const changes = new Map<string, TermChange>();
  termChanges(changes, id, postingOf(name, CODECS[name].fromRow(stored)), null);
  await Promise.all([table.delete(id), applyTermChanges(db.terms, name, changes)]);
}

/** The posting-list documents of records, for a rebuild (database upgrades). */
export function termDocsOf<K extends SearchableTable>(name: K, records: readonly RecordOf[K][]) {
  return records.map((record) => ({ id: record.id, ...postingOf(name, record) }));
}
