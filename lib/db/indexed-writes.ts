import { Dexie, type Table, type Transaction } from 'dexie';
import type { Annotation } from '@/lib/schema/annotation';
import {
  clearAnnotations,
  fillAnnotations,
  getAnnotations,
  writeAnnotations,
  type AnnotationTables,
} from './annotation-store';
import type { RecordsDatabase } from './database';
import { allWritten, putRows, type Queued } from './raw-puts';
import { CODECS, TERMS_OF, type RecordOf, type RowOf, type SearchableTable } from './rows';
import { applyTermChanges, buildTermRows, clearScope, rankOf, termChanges, type TermChange } from './terms';

// Every write of a highlight, person or case goes through here, so its row and its posting lists
// change in the same transaction. The terms to take out are recomputed from the stored copy.
// Callers open a read-write transaction over the table (lib/db/database.ts adds `terms` to it).
// Highlights are kept in blocks per source (annotation-store.ts); persons and cases in a row each.

/**
 * The tables highlights live in. Inside a transaction they are bound to it: a chain of native
 * awaits can outrun Dexie's zone tracking, and an unbound table would then quietly start a
 * transaction of its own, so a highlight's block and its posting lists could commit apart. Call this
 * before the first await of a function that runs inside a transaction.
 */
export function annotationTables(db: RecordsDatabase): AnnotationTables {
  const transaction = Dexie.currentTransaction as (Transaction & { idbtrans?: IDBTransaction }) | null;
  if (!transaction) return { blocks: db.annotationBlocks, terms: db.terms };
  return {
    blocks: transaction.table('annotationBlocks'),
    terms: transaction.table('terms'),
    ...(transaction.mode === 'readwrite' && transaction.idbtrans ? { idb: transaction.idbtrans } : {}),
  };
}

/** annotationTables for a write: throws rather than let a write run outside a read-write transaction. */
function writableAnnotationTables(db: RecordsDatabase): AnnotationTables {
  if (Dexie.currentTransaction?.mode !== 'readwrite') {
    throw new Error('A highlight write ran outside a read-write transaction; nothing was written.');
  }
  return annotationTables(db);
}

/** One record to store, with the copy it replaces when the caller has read it. */
export interface SearchableWrite<R> {
  before: R | undefined;
  after: R;
}

// Dexie types each table property separately; this gives generic code the row table of persons or
// cases (highlights have none: they go through annotation-store.ts).
function rowTable<K extends SearchableTable>(db: RecordsDatabase, name: K): Table<RowOf[K], string> {
  if (name === 'annotations') throw new Error('Highlights are stored in blocks, not in a row table.');
  return db[name as Exclude<SearchableTable, 'annotations'>] as unknown as Table<RowOf[K], string>;
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
  tables?: AnnotationTables,
): Promise<void> {
  if (!writes.length) return;
  // A record written twice in one batch ends as its last copy, as bulkPut leaves it.
  const byId = new Map<string, SearchableWrite<RecordOf[K]>>();
  for (const write of writes) {
    byId.set(write.after.id, { before: byId.get(write.after.id)?.before ?? write.before, after: write.after });
  }
  if (name === 'annotations') {
    return writeAnnotations(tables ?? writableAnnotationTables(db), [
      ...byId.values(),
    ] as SearchableWrite<Annotation>[]);
  }
  const changes = new Map<string, TermChange>();
  for (const [id, { before, after }] of byId) {
    termChanges(changes, id, before ? postingOf(name, before) : null, postingOf(name, after));
  }
  const rows = rowTable(db, name);
  await Promise.all([
    rows.bulkPut(writes.map(({ after }) => CODECS[name].toRow(after))),
    applyTermChanges(db.terms, name, changes),
  ]);
}

/** Empties a searchable table and its posting lists before a fill (see clearAnnotations for why first). */
export async function clearSearchable(
  db: RecordsDatabase,
  name: SearchableTable,
  tables: AnnotationTables = annotationTables(db),
): Promise<void> {
  if (name === 'annotations') return clearAnnotations(tables);
  await Promise.all([rowTable(db, name).clear(), clearScope(db.terms, name)]);
}

/**
 * Stores records into a table emptied by clearSearchable: the posting lists are built whole and
 * queued in blocks, with no reads; the caller awaits `written` before its transaction ends.
 */
export function fillEmptySearchable<K extends SearchableTable>(
  db: RecordsDatabase,
  name: K,
  records: readonly RecordOf[K][],
  tables: AnnotationTables & { idb: IDBTransaction },
): Queued {
  const idb = tables.idb;
  if (name === 'annotations') return fillAnnotations(tables, records as readonly Annotation[]);
  // The rows are queued first, so the browser writes them while the lists are built.
  const rowsWritten = putRows(
    idb,
    name,
    records.map((r) => CODECS[name].toRow(r)),
  );
  const last = new Map(records.map((record) => [record.id, record]));
  const termRows = buildTermRows(
    name,
    [...last.values()].map((record) => ({ id: record.id, ...postingOf(name, record) })),
  );
  return allWritten([rowsWritten, putRows(idb, 'terms', termRows)]);
}

/** Stores one record, reading the copy it replaces. */
export async function putOneSearchable<K extends SearchableTable>(
  db: RecordsDatabase,
  name: K,
  record: RecordOf[K],
): Promise<void> {
  const tables = name === 'annotations' ? writableAnnotationTables(db) : annotationTables(db);
  const before = await getStored(db, name, record.id, tables);
  await writeSearchable(db, name, [{ before, after: record }], tables);
}

/** The stored copy of one record, if any. */
async function getStored<K extends SearchableTable>(
  db: RecordsDatabase,
  name: K,
  id: string,
  tables: AnnotationTables,
): Promise<RecordOf[K] | undefined> {
  if (name === 'annotations') return (await getAnnotations(tables, [id]))[0] as RecordOf[K] | undefined;
  const row = await rowTable(db, name).get(id);
  return row && CODECS[name].fromRow(row);
}

/** Deletes one record and its postings; a missing id is not an error. */
export async function deleteOneSearchable<K extends SearchableTable>(
  db: RecordsDatabase,
  name: K,
  id: string,
): Promise<void> {
  const tables = name === 'annotations' ? writableAnnotationTables(db) : annotationTables(db);
  const stored = await getStored(db, name, id, tables);
  if (!stored) return;
  if (name === 'annotations') return writeAnnotations(tables, [{ before: stored as Annotation, after: null }]);
  const changes = new Map<string, TermChange>();
  termChanges(changes, id, postingOf(name, stored), null);
  await Promise.all([rowTable(db, name).delete(id), applyTermChanges(db.terms, name, changes)]);
}

/** The posting-list documents of records, for a rebuild (database upgrades). */
export function termDocsOf<K extends SearchableTable>(name: K, records: readonly RecordOf[K][]) {
  return records.map((record) => ({ id: record.id, ...postingOf(name, record) }));
}
