import { type RecordsDatabase, describeStorageError, mergeRecordSet, type ImportReport } from '../db';
import type { KindDefinition } from '../schema/kinds';
import { parseImport, type ImportFormat } from './parse-import';

// An import is all or nothing: the whole file is checked first, then written in one transaction.
// Any failure leaves the database as it was and says why.

/** The outcome of an import, for the UI to report. */
export type ImportOutcome =
  | { ok: true; format: ImportFormat; report: ImportReport; kinds: KindDefinition[]; usedKinds: Set<string> }
  | { ok: false; stage: 'validation' | 'storage'; message: string };

/** Which step an import is at, so long imports can show progress. */
export type ImportStage = 'validating' | 'writing';

/** Checks `text` completely, then merges its records into `db`. */
export async function importRecords(
  db: RecordsDatabase,
  text: string,
  now: () => string,
  onStage: (stage: ImportStage) => void = () => undefined,
): Promise<ImportOutcome> {
  onStage('validating');
  const parsed = parseImport(text, undefined, now());
  if (!parsed.ok) return { ok: false, stage: 'validation', message: parsed.message };
  onStage('writing');
  try {
    const report = await mergeRecordSet(db, parsed.set, now);
    const usedKinds = new Set(parsed.set.annotations.map((a) => a.kind));
    return { ok: true, format: parsed.format, report, kinds: parsed.kinds, usedKinds };
  } catch (error) {
    return { ok: false, stage: 'storage', message: `Nothing was imported: ${describeStorageError(error)}` };
  }
}
