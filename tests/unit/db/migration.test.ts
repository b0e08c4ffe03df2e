import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSIONS, RecordsDatabase, type StoreSpec } from '@/lib/db/database';
import { findSourceByUrl, readAll } from '@/lib/db/records';
import { CODECS } from '@/lib/db/rows';
import { searchRecords } from '@/lib/db/search';
import type { RecordSet } from '@/lib/schema/envelope';
import { makeRecordSet } from '../../support/records';
import { FAKE_IDB, sortedById, uniqueName } from '../../support/test-db';

// A researcher's browser may hold a database of any released layout. For each one, build it exactly
// as that release did and check the current code opens it without losing a record.

/**
 * How each released version wrote its rows. When a version changes the row shape, freeze the old
 * writer here (copy the codec of that release) instead of pointing it at the current CODECS.
 */
const ROW_WRITERS: Record<number, (set: RecordSet) => Record<keyof StoreSpec, object[]>> = {
  1: (set) => ({
    sources: set.sources.map(CODECS.sources.toRow),
    annotations: set.annotations.map(CODECS.annotations.toRow),
    persons: set.persons.map(CODECS.persons.toRow),
    cases: set.cases.map(CODECS.cases.toRow),
  }),
};

describe('database migrations', () => {
  it('has a row writer for every released version', () => {
    expect(DB_VERSIONS.map((v) => v.version).sort()).toEqual(Object.keys(ROW_WRITERS).map(Number).sort());
  });

  it.each(DB_VERSIONS.map((v) => [v.version, v.stores] as const))(
    'opens a version %i database without losing records',
    async (version, stores) => {
      const name = uniqueName(`v${version}`);
      const old = new Dexie(name, FAKE_IDB);
      old.version(version).stores(stores);
      const set = makeRecordSet();
      const rows = ROW_WRITERS[version]!(set);
      await old.transaction('rw', Object.keys(stores), async () => {
        for (const [table, list] of Object.entries(rows)) await old.table(table).bulkPut(list);
      });
      old.close();

      const db = new RecordsDatabase(name, FAKE_IDB);
      try {
        expect(await readAll(db)).toStrictEqual(sortedById(set));
        expect(db.verno).toBe(DB_VERSIONS.at(-1)!.version);
        // The indexes answer, not only the rows survive.
        expect(await findSourceByUrl(db, set.sources[0]!.url)).toStrictEqual(set.sources[0]);
        expect((await searchRecords(db, 'mikhniuk')).persons).toStrictEqual(set.persons);
      } finally {
        await db.delete();
      }
    },
  );
});
