import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { buildBlocks } from '@/lib/db/annotation-blocks';
import { locationOf } from '@/lib/db/annotation-locations';
import { postingOfAnnotation } from '@/lib/db/annotation-store';
import { DB_VERSIONS, RecordsDatabase } from '@/lib/db/database';
import { filterAnnotationIds, NO_FILTER } from '@/lib/db/filters';
import { termDocsOf } from '@/lib/db/indexed-writes';
import {
  annotationsForCase,
  annotationsForPerson,
  annotationsForUrl,
  deleteAnnotation,
  findSourceByUrl,
  getAnnotation,
  putAnnotation,
  putPerson,
  readAll,
} from '@/lib/db/records';
import { CODECS, instantKey } from '@/lib/db/rows';
import { searchRecords } from '@/lib/db/search';
import { termsOfAnnotation, tokensOfAnnotation, tokensOfCase, tokensOfPerson } from '@/lib/db/search-tokens';
import { buildTermRows, rankOf } from '@/lib/db/terms';
import type { RecordSet } from '@/lib/schema/envelope';
import { makeAnnotation, makeRecordSet, makeSource, uuid } from '../../support/records';
import { FAKE_IDB, sortedById, uniqueName } from '../../support/test-db';

// A researcher's browser may hold a database of any released layout. For each one, build it exactly
// as that release did and check the current code opens it without losing a record.

/**
 * How each released version wrote its rows. When a version changes the row shape, freeze the old
 * writer here (copy the codec of that release) instead of pointing it at the current CODECS.
 */
const ROW_WRITERS: Record<number, (set: RecordSet) => Record<string, object[]>> = {
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
    annotations: set.annotations.map((a) => ({ ...a, modifiedKey: instantKey(a.modified) })),
    persons: set.persons.map(CODECS.persons.toRow),
    cases: set.cases.map(CODECS.cases.toRow),
    terms: [
      ...buildTermRows(
        'annotations',
        set.annotations.map((a) => ({ id: a.id, rank: rankOf(a.modified), terms: termsOfAnnotation(a) })),
      ),
      ...buildTermRows('persons', termDocsOf('persons', set.persons)),
      // A term today's tokenizer no longer gives the person: the upgrade must rebuild the lists.
      ...buildTermRows('persons', [
        { id: set.persons[0]!.id, rank: rankOf(set.persons[0]!.modified), terms: ['obsolete'] },
      ]),
      ...buildTermRows('cases', termDocsOf('cases', set.cases)),
    ],
  }),
  // Version 3: highlights in blocks per source; their words, fields and locations as posting lists.
  3: (set) => ({
    sources: set.sources.map(CODECS.sources.toRow),
    annotationBlocks: buildBlocks(set.annotations),
    persons: set.persons.map(CODECS.persons.toRow),
    cases: set.cases.map(CODECS.cases.toRow),
    terms: [
      ...buildTermRows(
        'annotations',
        set.annotations.map((a) => ({ id: a.id, ...postingOfAnnotation(a) })),
      ),
      ...buildTermRows('locations', set.annotations.map(locationOf)),
      ...buildTermRows('persons', termDocsOf('persons', set.persons)),
      ...buildTermRows('cases', termDocsOf('cases', set.cases)),
    ],
  }),
};

/**
 * The small linked set, plus 600 unlinked highlights on a second page: enough for that page's
 * highlights to fill several blocks, so an upgrade that cuts blocks wrongly loses some.
 */
function migrationSet(): RecordSet {
  const set = makeRecordSet();
  const page = makeSource({ url: 'https://spring96.org/en/news/999' });
  const extra = Array.from({ length: 600 }, (_, i) =>
    makeAnnotation(page.id, {
      id: uuid(),
      kind: 'other',
      selectors: [{ type: 'TextQuoteSelector', exact: `Witness statement ${i}`, prefix: '', suffix: '' }],
    }),
  );
  return { ...set, sources: [...set.sources, page], annotations: [...set.annotations, ...extra] };
}

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
      const set = migrationSet();
      const rows = ROW_WRITERS[version]!(set);
      const tables = Object.keys(stores).filter((table) => stores[table] !== null);
      await old.transaction('rw', tables, async () => {
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
        expect((await searchRecords(db, 'obsolete')).persons).toStrictEqual([]);
        // Writes after the upgrade keep search in step: a new word is found, a removed one is not.
        const person = { ...set.persons[0]!, notes: 'Moved to Vilnius.', modified: '2026-12-01T00:00:00.000Z' };
        await putPerson(db, person);
        expect((await searchRecords(db, 'vilnius')).persons).toStrictEqual([person]);
        expect((await searchRecords(db, 'brest')).persons).toStrictEqual([]);
        // The highlights' own indexes answer too: by page, person, case, kind, and newest first.
        const [mention, fact, ...extra] = set.annotations;
        expect(await annotationsForUrl(db, 'https://spring96.org/en/news/999')).toHaveLength(extra.length);
        expect((await annotationsForPerson(db, set.persons[0]!.id)).map((a) => a.id).sort()).toEqual(
          [mention!.id, fact!.id].sort(),
        );
        expect(await annotationsForCase(db, set.cases[0]!.id)).toStrictEqual([fact]);
        const others = await filterAnnotationIds(db, { ...NO_FILTER, kind: 'other' });
        expect(others.count).toBe(extra.length);
        expect((await filterAnnotationIds(db, NO_FILTER)).count).toBe(set.annotations.length);
        // Highlights can be changed and deleted after the upgrade.
        const moved = { ...extra[0]!, sourceId: set.sources[0]!.id, modified: '2026-12-01T00:00:00.000Z' };
        await putAnnotation(db, moved);
        await deleteAnnotation(db, extra[1]!.id);
        expect(await annotationsForUrl(db, 'https://spring96.org/en/news/999')).toHaveLength(extra.length - 2);
        expect(await getAnnotation(db, moved.id)).toStrictEqual(moved);
        expect(await getAnnotation(db, extra[1]!.id)).toBeUndefined();
        // No record keeps a key of the old layouts.
        const stored = await getAnnotation(db, set.annotations[0]!.id);
        expect(stored).not.toHaveProperty('searchTokens');
        expect(stored).not.toHaveProperty('modifiedKey');
      } finally {
        await db.delete();
      }
    },
  );
});
