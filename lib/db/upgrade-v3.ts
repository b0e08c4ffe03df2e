import type { Transaction } from 'dexie';
import type { Annotation } from '@/lib/schema/annotation';
import { fillAnnotations } from './annotation-store';

// Version 2 kept each highlight in its own row of `annotations`, with six indexes; version 3 keeps
// them in blocks per source with their indexes as posting lists. Dexie has created the new table and
// still offers the old one while this runs, and deletes the old one afterwards, in the same
// upgrade transaction: if anything here fails, the browser keeps the version 2 database untouched.

/** Upgrades a version 2 database to version 3 inside Dexie's upgrade transaction. */
export async function moveAnnotationsToBlocks(transaction: Transaction): Promise<void> {
  const rows = (await transaction.table('annotations').toArray()) as Record<string, unknown>[];
  // The derived keys of the old rows (and of version 1's, should any remain) are not part of the record.
  const records = rows.map(({ modifiedKey: _m, searchTokens: _s, ...record }) => record as Annotation);
  await fillAnnotations({ blocks: transaction.table('annotationBlocks'), terms: transaction.table('terms') }, records);
}
