import {
  recordTables,
  type RecordsDatabase,
  deleteAnnotation,
  deleteStoredCase,
  deleteStoredPerson,
  getAnnotation,
  getCase,
  getPerson,
  getSource,
  putAnnotation,
  putCase,
  putPerson,
  putSource,
} from '../db';
import type { Annotation } from '../schema/annotation';
import type { Case } from '../schema/case';
import type { Person } from '../schema/person';
import type { Source } from '../schema/source';

// Undo without special cases: before an edit, the records it will touch are copied as they are (or
// noted as absent); undoing writes those copies back and removes what the edit created. Every write
// goes through the validated put* functions, so the search index stays right.

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

/**
 * Writes the snapshot back in one transaction: persons first (cases and highlights link to them),
 * then cases, sources and highlights; records the edit created are removed in the reverse order.
 */
export async function restoreSnapshot(db: RecordsDatabase, snapshot: Snapshot): Promise<void> {
  await db.transaction('rw', allTables(db), async () => {
    const present = <T>(map: Map<string, T | null>) => [...map.values()].filter((v): v is T => v !== null);
    const absent = (map: Map<string, unknown>) => [...map].filter(([, v]) => v === null).map(([id]) => id);
    for (const p of present(snapshot.persons)) await putPerson(db, p);
    for (const s of present(snapshot.sources)) await putSource(db, s);
    for (const id of absent(snapshot.annotations)) await deleteAnnotation(db, id);
    // Cases that did not exist may still list persons; remove them before any person goes.
    for (const id of absent(snapshot.cases)) await deleteStoredCase(db, id);
    for (const c of present(snapshot.cases)) await putCase(db, c);
    for (const a of present(snapshot.annotations)) await putAnnotation(db, a);
    for (const id of absent(snapshot.persons)) await deleteStoredPerson(db, id);
  });
}
