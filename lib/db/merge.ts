import type { Table, Transaction } from 'dexie';
import type { RecordSet } from '@/lib/schema/envelope';
import { findBrokenLink } from '@/lib/schema/links';
import type { Source } from '@/lib/schema/source';
import { getAnnotations, noAnnotations, type AnnotationTables } from './annotation-store';
import { recordTables, type RecordsDatabase } from './database';
import { allWritten, putRows, readWriteIdb, type Queued } from './raw-puts';
import {
  annotationTables,
  clearSearchable,
  fillEmptySearchable,
  writeSearchable,
  type SearchableWrite,
} from './indexed-writes';
import { CODECS, compareInstants, TABLE_NAMES, type RecordOf, type RowOf, type TableName } from './rows';

// Importing a colleague's file, or one's own backup, merges it into the store by id. The newer
// version of a record wins; when the stored one is newer, or the two differ with the same time,
// the stored one is kept and the import names it, so no one's work is silently overwritten.
// What makes a record evidence (a highlight's words and where they stand, who made it and when; a
// source's addresses and text hash) is never replaced by an import, however new its `modified`:
// a copy that differs there is a conflict, and the stored record stays.
// The whole set goes in one transaction: a failure half-way leaves the store as it was.

/** Why an incoming record was not taken. */
export type ConflictReason = 'stored-newer' | 'same-modified-different-content' | 'evidence-differs';

/** The fields an import never changes: a copy that differs in any of them is a conflict. */
export const EVIDENCE_FIELDS: { readonly [K in TableName]: readonly (keyof RecordOf[K])[] } = {
  annotations: ['sourceId', 'selectors', 'created', 'creator'],
  sources: ['url', 'canonicalUrl', 'textSha256'],
  persons: [],
  cases: [],
};

function evidenceDiffers<K extends TableName>(table: K, stored: RecordOf[K], incoming: RecordOf[K]): boolean {
  return EVIDENCE_FIELDS[table].some((field) => !sameValue(stored[field], incoming[field]));
}

/** An incoming record that lost to the stored one; `*Modified` are `lastAccessed` for sources. */
export interface ImportConflict {
  table: TableName;
  id: string;
  reason: ConflictReason;
  storedModified: string;
  incomingModified: string;
}

/** What happened to the records of one table. */
export interface TableCounts {
  added: number;
  updated: number;
  skipped: number;
  conflicts: number;
}

/** What an import did, in total and per table, so the researcher can see it changed what they expected. */
export interface ImportReport {
  added: number;
  updated: number;
  skipped: number;
  conflicts: ImportConflict[];
  tables: Record<TableName, TableCounts>;
  /** When the merge ran, from the caller's clock. */
  mergedAt: string;
}

type Decision<R> =
  | { outcome: 'added' | 'updated' | 'skipped'; write?: R }
  | { outcome: 'conflict'; reason: ConflictReason; stored: R; write?: R };

/** Deep equality of plain JSON-like values; a missing key equals an `undefined` one, as in JSON. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(left), ...Object.keys(right)])) {
    if (!sameValue(left[key], right[key])) return false;
  }
  return true;
}

function decide<K extends TableName>(
  table: K,
  stored: RecordOf[K] | undefined,
  incoming: RecordOf[K],
): Decision<RecordOf[K]> {
  if (!stored) return { outcome: 'added', write: incoming };
  if (sameValue(stored, incoming)) return { outcome: 'skipped' };
  if (evidenceDiffers(table, stored, incoming)) return { outcome: 'conflict', reason: 'evidence-differs', stored };
  const order = compareInstants(CODECS[table].modified(incoming), CODECS[table].modified(stored));
  if (order > 0) return { outcome: 'updated', write: incoming };
  const reason: ConflictReason = order < 0 ? 'stored-newer' : 'same-modified-different-content';
  return { outcome: 'conflict', reason, stored };
}

/**
 * Sources follow the same rule with `lastAccessed` as their time, but their visit times are facts
 * both copies witness rather than edits: the kept copy gets the earliest first visit and the latest
 * last visit, and copies that differ only in visit times never conflict.
 */
function decideSource(stored: Source | undefined, incoming: Source): Decision<Source> {
  if (!stored) return { outcome: 'added', write: incoming };
  if (evidenceDiffers('sources', stored, incoming)) return { outcome: 'conflict', reason: 'evidence-differs', stored };
  const order = compareInstants(incoming.lastAccessed, stored.lastAccessed);
  const earliest = compareInstants(incoming.firstAccessed, stored.firstAccessed) < 0 ? incoming : stored;
  const merged = { ...(order > 0 ? incoming : stored), firstAccessed: earliest.firstAccessed };
  const changed = !sameValue(merged, stored);
  const withoutVisits = (source: Source) => ({ ...source, firstAccessed: '', lastAccessed: '' });
  if (order <= 0 && !sameValue(withoutVisits(stored), withoutVisits(incoming))) {
    const reason: ConflictReason = order < 0 ? 'stored-newer' : 'same-modified-different-content';
    return { outcome: 'conflict', reason, stored, ...(changed ? { write: merged } : {}) };
  }
  return changed ? { outcome: 'updated', write: merged } : { outcome: 'skipped' };
}

const DECIDE: { [K in TableName]: (stored: RecordOf[K] | undefined, incoming: RecordOf[K]) => Decision<RecordOf[K]> } =
  {
    sources: decideSource,
    annotations: (stored, incoming) => decide('annotations', stored, incoming),
    persons: (stored, incoming) => decide('persons', stored, incoming),
    cases: (stored, incoming) => decide('cases', stored, incoming),
  };

/**
 * What one merge works with, captured before its first await: the tables bound to its transaction
 * (so no step can slip into a transaction of its own however deep the awaits go), the IndexedDB
 * transaction beneath for the queued fills, and the report it fills in.
 */
interface Merge {
  db: RecordsDatabase;
  transaction: Transaction;
  highlights: AnnotationTables & { idb: IDBTransaction };
  report: ImportReport;
}

// Dexie types each table separately; this gives generic code the bound table of a row table.
function tableOf<K extends Exclude<TableName, 'annotations'>>(m: Merge, name: K): Table<RowOf[K], string> {
  return m.transaction.table(name) as unknown as Table<RowOf[K], string>;
}

/** Whether the store holds no record of a table. */
async function isEmpty(m: Merge, name: TableName): Promise<boolean> {
  if (name === 'annotations') return noAnnotations(m.highlights);
  return (await tableOf(m, name).count()) === 0;
}

/** The stored copies of `ids`, in their order (undefined where none is stored). */
async function storedCopies<K extends TableName>(
  m: Merge,
  name: K,
  ids: readonly string[],
): Promise<(RecordOf[K] | undefined)[]> {
  if (name === 'annotations') {
    const found = new Map((await getAnnotations(m.highlights, ids)).map((a) => [a.id, a]));
    return ids.map((id) => found.get(id) as RecordOf[K] | undefined);
  }
  const rows = await tableOf(m, name as Exclude<TableName, 'annotations'>).bulkGet([...ids]);
  const codec = CODECS[name] as unknown as { fromRow(row: unknown): RecordOf[K] };
  return rows.map((row) => row && codec.fromRow(row));
}

// The order empty tables are filled in: small ones first, whose writes then overlap the highlights' work.
const FILL_ORDER = ['sources', 'persons', 'cases', 'annotations'] as const satisfies readonly TableName[];

/** Empties a table about to be filled: Dexie-level, so live queries learn of it (see clearAnnotations). */
async function clearForFill(m: Merge, name: TableName): Promise<void> {
  if (name === 'sources') await tableOf(m, 'sources').clear();
  else await clearSearchable(m.db, name, m.highlights);
}

/**
 * Fills an emptied table: every record is new, so no stored copy is read, and the search postings are
 * built whole instead of record by record. The rows are queued, not awaited.
 */
function fillTable<K extends TableName>(m: Merge, name: K, incoming: readonly RecordOf[K][]): Queued {
  m.report.tables[name].added += incoming.length;
  m.report.added += incoming.length;
  if (name === 'sources') {
    const rows = (incoming as readonly RecordOf['sources'][]).map(CODECS.sources.toRow);
    return putRows(m.highlights.idb, 'sources', rows);
  }
  return fillEmptySearchable(
    m.db,
    name as Exclude<K, 'sources'>,
    incoming as readonly RecordOf[Exclude<K, 'sources'>][],
    m.highlights,
  );
}

/** Merges records into a table that holds some, record by record, reading the stored copies. */
async function mergeTable<K extends TableName>(m: Merge, name: K, incoming: readonly RecordOf[K][]): Promise<void> {
  const { report } = m;
  const codec = CODECS[name];
  const counts = report.tables[name];
  const storedRecords = await storedCopies(
    m,
    name,
    incoming.map((record) => record.id),
  );
  const writes: SearchableWrite<RecordOf[K]>[] = [];
  for (const [i, record] of incoming.entries()) {
    const stored = storedRecords[i];
    const decision = DECIDE[name](stored, record);
    if (decision.write) writes.push({ before: stored, after: decision.write });
    if (decision.outcome === 'conflict') {
      counts.conflicts++;
      report.conflicts.push({
        table: name,
        id: record.id,
        reason: decision.reason,
        storedModified: codec.modified(decision.stored),
        incomingModified: codec.modified(record),
      });
    } else {
      counts[decision.outcome]++;
      report[decision.outcome]++;
    }
  }
  if (!writes.length) return;
  if (name === 'sources') {
    await tableOf(m, 'sources').bulkPut(
      (writes as SearchableWrite<Source>[]).map(({ after }) => CODECS.sources.toRow(after)),
    );
  } else
    await writeSearchable(
      m.db,
      name as Exclude<K, 'sources'>,
      writes as SearchableWrite<RecordOf[Exclude<K, 'sources'>]>[],
      m.highlights,
    );
}

function emptyReport(mergedAt: string): ImportReport {
  const counts = (): TableCounts => ({ added: 0, updated: 0, skipped: 0, conflicts: 0 });
  return {
    added: 0,
    updated: 0,
    skipped: 0,
    conflicts: [],
    tables: { sources: counts(), annotations: counts(), persons: counts(), cases: counts() },
    mergedAt,
  };
}

/**
 * Merges a set already parsed with the export schema into the store, all or nothing. Throws, writing
 * nothing, if the set links to a record it does not carry (files must be self-contained).
 */
export async function mergeRecordSet(db: RecordsDatabase, set: RecordSet, now: () => string): Promise<ImportReport> {
  const broken = findBrokenLink(set);
  if (broken) throw new Error(`The records are not self-contained: ${broken.path}: ${broken.message}.`);
  const report = emptyReport(now());
  await db.transaction('rw', recordTables(db), async (transaction) => {
    const m: Merge = { db, transaction, highlights: { ...annotationTables(db), idb: readWriteIdb() }, report };
    // Every read and clear comes before the first fill is queued: IndexedDB runs a transaction's
    // requests in order, so a read queued behind 100 MB of rows would wait for all of them.
    const empty = new Map<TableName, boolean>();
    for (const name of TABLE_NAMES) empty.set(name, await isEmpty(m, name));
    for (const name of TABLE_NAMES) if (empty.get(name)) await clearForFill(m, name);
    // Tables that hold records are merged record by record, before anything is queued.
    for (const name of TABLE_NAMES) if (!empty.get(name)) await mergeTable(m, name, set[name]);
    // Empty tables are filled, queued and awaited together, so the browser writes one table while
    // this thread builds the next one's rows and lists; the highlights, the largest, go last.
    const queued = FILL_ORDER.filter((name) => empty.get(name)).map((name) => fillTable(m, name, set[name]));
    await allWritten(queued).written;
  });
  return report;
}
