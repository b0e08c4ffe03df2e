import { describe, expect, it } from 'vitest';
import {
  annotationsOfSourceIds,
  annotationsWhere,
  countAnnotations,
  countWhere,
  everyAnnotation,
  fieldKeysOf,
  valuesOf,
} from '@/lib/db/field-keys';
import { deleteAnnotation, putAnnotation } from '@/lib/db/records';
import { searchRecords } from '@/lib/db/search';
import { rankOf } from '@/lib/db/terms';
import { makeAnnotation, makeCase, makePerson, makeSource } from '../../support/records';
import { openTestDb, putAll } from '../../support/test-db';

// The highlights' kind, tag, person and case indexes are posting lists beside the search words.
// They must follow every save and delete, carry the modification rank, and never meet a search.

async function seed() {
  const db = openTestDb();
  const [minsk, brest] = [
    makeSource({ url: 'https://example.org/minsk' }),
    makeSource({ url: 'https://example.org/brest' }),
  ];
  const person = makePerson();
  const kase = makeCase({ personIds: [person.id] });
  const fact = makeAnnotation(minsk.id, {
    kind: 'fact',
    tags: ['trial', 'appeal'],
    caseIds: [kase.id],
    modified: '2026-03-01T10:00:00.000Z',
  });
  const mention = makeAnnotation(minsk.id, {
    kind: 'person',
    tags: ['trial'],
    personIds: [person.id],
    modified: '2026-03-02T10:00:00.000Z',
  });
  const place = makeAnnotation(brest.id, { kind: 'place', tags: [], modified: '2026-03-03T10:00:00.000Z' });
  await putAll(db, { sources: [minsk, brest], persons: [person], cases: [kase], annotations: [fact, mention, place] });
  return { db, minsk, brest, person, kase, fact, mention, place };
}

describe('field keys', () => {
  it('keys a highlight by kind, each tag, person and case, never like a search word', () => {
    const keys = fieldKeysOf(
      makeAnnotation('s', { kind: 'fact', tags: ['a b', 'a b', 'c'], personIds: ['p'], caseIds: ['k'] }),
    );
    expect(keys).toEqual(['#kind:fact', '#tag:a b', '#tag:c', '#person:p', '#case:k']);
  });

  it.each([
    ['kind', 'fact', ['fact']],
    ['kind', 'person', ['mention']],
    ['tag', 'trial', ['fact', 'mention']],
    ['tag', 'appeal', ['fact']],
    ['tag', 'nothing', []],
  ] as const)('lists the highlights whose %s is "%s", with their ranks', async (field, value, names) => {
    const s = await seed();
    const expected = names.map((name) => s[name]);
    expect(await annotationsWhere(s.db, field, value)).toEqual(
      new Map(expected.map((a) => [a.id, rankOf(a.modified)])),
    );
    expect(await countWhere(s.db, field, value)).toBe(expected.length);
  });

  it('lists persons, cases, sources, every highlight and the values in use, and follows edits and deletes', async () => {
    const s = await seed();
    expect([...(await annotationsWhere(s.db, 'person', s.person.id)).keys()]).toEqual([s.mention.id]);
    expect([...(await annotationsWhere(s.db, 'case', s.kase.id)).keys()]).toEqual([s.fact.id]);
    expect([...(await annotationsOfSourceIds(s.db, [s.brest.id])).keys()]).toEqual([s.place.id]);
    expect((await everyAnnotation(s.db)).size).toBe(3);
    expect(await valuesOf(s.db, 'kind')).toEqual(['fact', 'person', 'place']);
    expect(await valuesOf(s.db, 'tag')).toEqual(['appeal', 'trial']);

    // Retag and relink the fact, move the place to Minsk, then delete the mention.
    const edited = {
      ...s.fact,
      tags: ['verdict'],
      caseIds: [],
      personIds: [s.person.id],
      modified: '2026-04-01T00:00:00.000Z',
    };
    await putAnnotation(s.db, edited);
    await putAnnotation(s.db, { ...s.place, sourceId: s.minsk.id });
    await deleteAnnotation(s.db, s.mention.id);
    expect(await valuesOf(s.db, 'tag')).toEqual(['verdict']);
    expect(await annotationsWhere(s.db, 'person', s.person.id)).toEqual(
      new Map([[edited.id, rankOf(edited.modified)]]),
    );
    expect(await countWhere(s.db, 'case', s.kase.id)).toBe(0);
    expect([...(await annotationsOfSourceIds(s.db, [s.minsk.id])).keys()].sort()).toEqual(
      [edited.id, s.place.id].sort(),
    );
    expect(await annotationsOfSourceIds(s.db, [s.brest.id])).toEqual(new Map());
    expect(await countAnnotations(s.db)).toBe(2);
    expect(await valuesOf(s.db, 'kind')).toEqual(['fact', 'place']);
  });

  it('is never found by a search, whatever the query', async () => {
    const s = await seed();
    for (const query of ['#kind', 'kind fact', 'tag', 'trial', '#', 'person']) {
      const found = await searchRecords(s.db, query);
      // "trial" is a tag, so a word of the highlights: found as a word, not through its key.
      const expected = query === 'trial' ? 2 : 0;
      expect([query, found.matches.annotations]).toEqual([query, expected]);
    }
  });
});
