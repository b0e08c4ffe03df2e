import { recordTables, type RecordsDatabase, getAnnotation, getCase, getPerson, getSource } from '../db';
import type { Annotation } from '../schema/annotation';
import type { Case } from '../schema/case';
import type { Person } from '../schema/person';
import type { Source } from '../schema/source';

// Before and after an edit, the records it touches are copied as they are (or noted as absent);
// inverse.ts undoes the edit from the two copies and the records as they are now.

/** The state of some records before an edit; null means the record did not exist. */
export interface Snapshot {
  sources: Map<string, Source | null>;
  persons: Map<string, Person | null>;
  cases: Map<string, Case | null>;
  annotations: Map<string, Annotation | null>;
}

/** Which records an edit is about to touch. */
export interface SnapshotIds {
  sources?: readonly string[];
  persons?: readonly string[];
  cases?: readonly string[];
  annotations?: readonly string[];
}

/** Every table a record edit may write, for one transaction around the whole edit. */
export const allTables = (db: RecordsDatabase) => recordTables(db);

async function copy<T>(ids: readonly string[] = [], get: (id: string) => Promise<T | undefined>) {
  const out = new Map<string, T | null>();
  for (const id of new Set(ids)) out.set(id, (await get(id)) ?? null);
  return out;
}

/** Copies the named records as they are now. */
export async function takeSnapshot(db: RecordsDatabase, ids: SnapshotIds): Promise<Snapshot> {
  return {
    sources: await copy(ids.sources, (id) => getSource(db, id)),
    persons: await copy(ids.persons, (id) => getPerson(db, id)),
    cases: await copy(ids.cases, (id) => getCase(db, id)),
    annotations: await copy(ids.annotations, (id) => getAnnotation(db, id)),
  };
}
