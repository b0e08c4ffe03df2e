import { describe, expect, it } from 'vitest';
import {
  annotationsModifiedSince,
  annotationsOfKind,
  annotationsTagged,
  casesByTitle,
  personsByName,
  recentAnnotations,
  recentCases,
  recentPersons,
  recentSources,
} from '@/lib/db/queries';
import { putAnnotation, putCase, putPerson, putSource } from '@/lib/db/records';
import { makeAnnotation, makeCase, makePerson, makeSource } from '../../support/records';
import { openTestDb } from '../../support/test-db';

describe('index queries', () => {
  // Modification times in mixed notations: text order and time order differ on purpose.
  const TIMES = {
    first: '2026-11-22T09:00:00Z',
    second: '2026-11-22T12:30:00.000+03:00', // 09:30Z
    third: '2026-11-22T10:00:00.000Z',
  } as const;

  async function seed() {
    const db = openTestDb();
    const source = await putSource(db, makeSource());
    const fact = await putAnnotation(
      db,
      makeAnnotation(source.id, { kind: 'fact', tags: ['detained', 'Brest'], modified: TIMES.second }),
    );
    const person = await putAnnotation(
      db,
      makeAnnotation(source.id, { kind: 'person', tags: [], modified: TIMES.first }),
    );
    const place = await putAnnotation(
      db,
      makeAnnotation(source.id, { kind: 'place', tags: ['Brest'], modified: TIMES.third }),
    );
    return { db, source, fact, person, place };
  }

  it.each([
    ['fact', ['fact']],
    ['person', ['person']],
    ['organization', []],
  ] as const)('lists highlights of kind %s', async (kind, expected) => {
    const { db } = await seed();
    expect((await annotationsOfKind(db, kind)).map((a) => a.kind)).toEqual(expected);
  });

  it.each([
    ['Brest', ['fact', 'place']],
    ['detained', ['fact']],
    ['brest', []],
  ] as const)('lists highlights tagged %s', async (tag, kinds) => {
    const { db } = await seed();
    expect((await annotationsTagged(db, tag)).map((a) => a.kind).sort()).toEqual(kinds);
  });

  it('lists highlights by modification time, whatever the offset notation', async () => {
    const { db, fact, person, place } = await seed();
    expect(await recentAnnotations(db)).toStrictEqual([place, fact, person]);
    expect(await recentAnnotations(db, 1)).toStrictEqual([place]);
    expect(await annotationsModifiedSince(db, '2026-11-22T09:00:00.000Z')).toStrictEqual([fact, place]);
    expect(await annotationsModifiedSince(db, '2026-11-22T13:00:00+03:00')).toEqual([]);
  });

  it('lists persons and cases by name and by modification time', async () => {
    const db = openTestDb();
    const zina = await putPerson(db, makePerson({ name: 'Zinaida Mikhniuk', modified: '2026-11-22T10:00:00Z' }));
    const ales = await putPerson(db, makePerson({ name: 'Ales Bialiatski', modified: '2026-11-23T10:00:00Z' }));
    const b = await putCase(db, makeCase({ title: 'B case', modified: '2026-11-21T10:00:00Z' }));
    const a = await putCase(db, makeCase({ title: 'A case', modified: '2026-11-20T10:00:00Z' }));
    expect(await personsByName(db)).toStrictEqual([ales, zina]);
    expect(await recentPersons(db)).toStrictEqual([ales, zina]);
    expect(await casesByTitle(db)).toStrictEqual([a, b]);
    expect(await recentCases(db)).toStrictEqual([b, a]);
  });

  it('lists sources by last visit, newest first', async () => {
    const db = openTestDb();
    const old = await putSource(db, makeSource({ lastAccessed: '2026-11-20T10:00:00Z' }));
    const fresh = await putSource(db, makeSource({ lastAccessed: '2026-11-22T10:00:00Z' }));
    expect(await recentSources(db)).toStrictEqual([fresh, old]);
    expect(await recentSources(db, 1)).toStrictEqual([fresh]);
  });
});
