import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { DB_VERSIONS, RecordsDatabase, type StoreSpec } from '@/lib/db/database';
import { termDocsOf } from '@/lib/db/indexed-writes';
import { findSourceByUrl, putPerson, readAll } from '@/lib/db/records';
import { CODECS, instantKey } from '@/lib/db/rows';
import { searchRecords } from '@/lib/db/search';
import { tokensOfAnnotation, tokensOfCase, tokensOfPerson } from '@/lib/db/search-tokens';
import { buildTermRows } from '@/lib/db/terms';
import type { RecordSet } from '@/lib/schema/envelope';
import { makeRecordSet } from '../../support/records';
import { FAKE_IDB, sortedById, uniqueName } from '../../support/test-db';

// A researcher's browser may hold a database of any released layout. For each one, build it exactly
// as that release did and check the current code opens it without losing a record.

/**
 * How each released version wrote its rows. When a version changes the row shape, freeze the old
 * writer here (copy the codec of that release) instead of pointing it at the current CODECS.
 */
const ROW_WRITERS: Record<number, (set: RecordSet) => Partial<Record<keyof StoreSpec, object[]>>> = {
  // Version 1 kept each record's folded words in the row, for its multi-entry `*searchTokens` index.
  1: (set) => ({
    sources: set.sources.map(CODECS.sources.toRow),
    annotations: set.annotations.map((a) => ({
      ...a,
      modifiedKey: instantKey(a.modified),
      searchTokens: tokensOfAnnotation(a),
    })),
    persons: set.persons.map((p) => ({ ...p, modifiedKey: instantKey(p.modified), searchTokens: tokensOfPerson(p) })),
    cases: set.cases.map((c) => ({ ...c, modifiedKey: instantKey(c.modified), searchTokens: tokensOfCase(c) })),
  }),
  // Version 2: rows without words, and the words' posting lists in `terms`.
  2: (set) => ({
    sources: set.sources.map(CODECS.sources.toRow),
    annotations: set.annotations.map(CODECS.annotations.toRow),
    persons: set.persons.map(CODECS.persons.toRow),
    cases: set.cases.map(CODECS.cases.toRow),
    terms: [
      ...buildTermRows('annotations', termDocsOf('annotations', set.annotations)),
      ...buildTermRows('persons', termDocsOf('persons', set.persons)),
      ...buildTermRows('cases', termDocsOf('cases', set.cases)),
    ],
  }),
};

/** Searches that must find the same records after any upgrade: [query, annotation, person, case indexes in the set]. */
const PROBES: readonly [string, number[], number[], number[]][] = [
  ['mikhniuk', [0], [0], [0]],
  ['Zinaida Mikh', [0], [0], []],
  ['brest', [1], [0], []],
  ['criminal code 368', [1], [], [0]],
];

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
        for (const [query, annotations, persons, cases] of PROBES) {
          const found = await searchRecords(db, query);
          expect([query, found.annotations, found.persons, found.cases]).toStrictEqual([
            query,
            annotations.map((i) => set.annotations[i]),
            persons.map((i) => set.persons[i]),
            cases.map((i) => set.cases[i]),
          ]);
        }
        // Writes after the upgrade keep search in step: a new word is found, a removed one is not.
        const person = { ...set.persons[0]!, notes: 'Moved to Vilnius.', modified: '2026-12-01T00:00:00.000Z' };
        await putPerson(db, person);
        expect((await searchRecords(db, 'vilnius')).persons).toStrictEqual([person]);
        expect((await searchRecords(db, 'brest')).persons).toStrictEqual([]);
        // No row keeps a key of the old layout.
        expect(await db.annotations.get(set.annotations[0]!.id)).not.toHaveProperty('searchTokens');
      } finally {
        await db.delete();
      }
    },
  );
});
