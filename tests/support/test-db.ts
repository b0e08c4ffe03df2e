import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import { onTestFinished } from 'vitest';
import { RecordsDatabase } from '@/lib/db/database';
import { putAnnotation, putCase, putPerson, putSource } from '@/lib/db/records';
import type { RecordsContext } from '@/lib/records/edit';
import type { RecordSet } from '@/lib/schema/envelope';
import { uuid } from './records';

// Each test gets its own in-memory database, deleted when the test ends, so tests cannot see
// each other's records and can run in any order.

/** The fake IndexedDB every db test uses, passed explicitly so no global is patched. */
export const FAKE_IDB = { indexedDB, IDBKeyRange };

/** A unique database name for one test. */
export function uniqueName(label = 'records'): string {
  return `${label}-${crypto.randomUUID()}`;
}

/** A fresh, empty records database that is deleted when the current test finishes. */
export function openTestDb(name = uniqueName()): RecordsDatabase {
  const db = new RecordsDatabase(name, FAKE_IDB);
  onTestFinished(() => db.delete());
  return db;
}

/** Empties every table of the records database, posting lists included. */
export async function clearRecords(db: RecordsDatabase): Promise<void> {
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
}

/** Stores a linked set through the validated put functions, in an order the link checks accept. */
export async function putAll(db: RecordsDatabase, set: RecordSet): Promise<void> {
  for (const source of set.sources) await putSource(db, source);
  for (const person of set.persons) await putPerson(db, person);
  for (const kase of set.cases) await putCase(db, kase);
  for (const annotation of set.annotations) await putAnnotation(db, annotation);
}

/** The set with every list sorted by id, as readAll and readScope return them. */
export function sortedById(set: RecordSet): RecordSet {
  const byId = <T extends { id: string }>(list: readonly T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
  return {
    sources: byId(set.sources),
    annotations: byId(set.annotations),
    persons: byId(set.persons),
    cases: byId(set.cases),
  };
}

/** A records context on a fresh test database with a clock that ticks a second per reading. */
export function testContext(): RecordsContext {
  let tick = 0;
  return {
    db: openTestDb(),
    now: () => `2026-11-23T09:00:${String(tick++).padStart(2, '0')}.000Z`,
    newId: () => uuid(),
  };
}
