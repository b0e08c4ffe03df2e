import type { Transaction } from 'dexie';
import type { Annotation } from '@/lib/schema/annotation';
import { clearAnnotations, fillAnnotations } from './annotation-store';
import { termDocsOf } from './indexed-writes';
import { CODECS } from './rows';
import { buildTermRows, clearScope } from './terms';

// Version 2 kept each highlight in its own row of `annotations`, with six indexes; version 3 keeps
// them in blocks per source with their indexes as posting lists. Dexie has created the new table and
// still offers the old one while this runs, and deletes the old one afterwards, in the same
// upgrade transaction: if anything here fails, the browser keeps the version 2 database untouched.
// Version 3 also reads search terms word by word (search-tokens.ts), so the persons' and cases'
// lists are rebuilt too, and every list holds what a later edit expects to take out of it.

/** Upgrades a version 2 database to version 3 inside Dexie's upgrade transaction. */
export async function moveAnnotationsToBlocks(transaction: Transaction): Promise<void> {
  const rows = (await transaction.table('annotations').toArray()) as Record<string, unknown>[];
  // The derived keys of the old rows (and of version 1's, should any remain) are not part of the record.
  const records = rows.map(({ modifiedKey: _m, searchTokens: _s, ...record }) => record as Annotation);
  const terms = transaction.table('terms');
  const idb = (transaction as Transaction & { idbtrans: IDBTransaction }).idbtrans;
  const tables = { blocks: transaction.table('annotationBlocks'), terms, idb };
  await clearAnnotations(tables);
  await fillAnnotations(tables, records).written;
  for (const name of ['persons', 'cases'] as const) {
    const stored = (await transaction.table(name).toArray()).map((row) => CODECS[name].fromRow(row as never));
    await clearScope(terms, name);
    await terms.bulkPut(buildTermRows(name, termDocsOf(name, stored as never)));
  }
}
