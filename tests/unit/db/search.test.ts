import { describe, expect, it } from 'vitest';
import { recordTables } from '@/lib/db/database';
import { annotationsForPerson, putAnnotation, putCase, putPerson, putSource } from '@/lib/db/records';
import { mergeRecordSet } from '@/lib/db/merge';
import { searchRecords } from '@/lib/db/search';
import { makeAnnotation, makeCase, makePerson, makeSource, uuid } from '../../support/records';
import { openTestDb } from '../../support/test-db';

async function seed() {
  const db = openTestDb();
  const source = await putSource(db, makeSource());
  const zinaida = await putPerson(db, makePerson());
  const losik = await putPerson(db, makePerson({ name: 'Ihar Losik', aliases: ['Ігар Лосік'], notes: 'Blogger.' }));
  const tsikh = await putPerson(db, makePerson({ name: 'Сяргей Ціханоўскі', aliases: [], notes: 'Blogger.' }));
  const kase = await putCase(db, makeCase({ personIds: [zinaida.id] }));
  const quote = await putAnnotation(
    db,
    makeAnnotation(source.id, {
      selectors: [{ type: 'TextQuoteSelector', exact: 'Зінаіда Міхнюк was released from the Homieĺ colony' }],
      tags: ['Released'],
      note: 'Confirmed by Viasna.',
      personIds: [zinaida.id],
    }),
  );
  return { db, zinaida, losik, tsikh, kase, quote };
}

type Seeded = Awaited<ReturnType<typeof seed>>;

describe('searchRecords', () => {
  it.each<[string, (s: Seeded) => { annotations: string[]; persons: string[]; cases: string[] }]>([
    // Across scripts and romanisations: the quote holds "Зінаіда Міхнюк", the case title "Mikhniuk".
    ['Mikhniuk', (s) => ({ annotations: [s.quote.id], persons: [s.zinaida.id], cases: [s.kase.id] })],
    ['mikhniuk', (s) => ({ annotations: [s.quote.id], persons: [s.zinaida.id], cases: [s.kase.id] })],
    ['Mikhnyuk', (s) => ({ annotations: [s.quote.id], persons: [s.zinaida.id], cases: [s.kase.id] })],
    ['Michniuk', (s) => ({ annotations: [s.quote.id], persons: [s.zinaida.id], cases: [s.kase.id] })],
    ['MIKH', (s) => ({ annotations: [s.quote.id], persons: [s.zinaida.id], cases: [s.kase.id] })],
    ['Mik', (s) => ({ annotations: [s.quote.id], persons: [s.zinaida.id], cases: [s.kase.id] })],
    ['homiel', (s) => ({ annotations: [s.quote.id], persons: [], cases: [s.kase.id] })],
    ['Homieĺ', (s) => ({ annotations: [s.quote.id], persons: [], cases: [s.kase.id] })],
    ['Гомель', (s) => ({ annotations: [s.quote.id], persons: [], cases: [s.kase.id] })],
    ['міхнюк', (s) => ({ annotations: [s.quote.id], persons: [s.zinaida.id], cases: [s.kase.id] })],
    ['МІХНЮК', (s) => ({ annotations: [s.quote.id], persons: [s.zinaida.id], cases: [s.kase.id] })],
    ['Міх', (s) => ({ annotations: [s.quote.id], persons: [s.zinaida.id], cases: [s.kase.id] })],
    ['Михнюк Зинаида', (s) => ({ annotations: [s.quote.id], persons: [s.zinaida.id], cases: [] })],
    ['лосік', (s) => ({ annotations: [], persons: [s.losik.id], cases: [] })],
    ['Losik', (s) => ({ annotations: [], persons: [s.losik.id], cases: [] })],
    ['Tikhanovsky', (s) => ({ annotations: [], persons: [s.tsikh.id], cases: [] })],
    ['Tsikhanouski', (s) => ({ annotations: [], persons: [s.tsikh.id], cases: [] })],
    ['Тихановский', (s) => ({ annotations: [], persons: [s.tsikh.id], cases: [] })],
    ['Tsikh', (s) => ({ annotations: [], persons: [s.tsikh.id], cases: [] })],
    ['Siarh', (s) => ({ annotations: [], persons: [s.tsikh.id], cases: [] })],
    ['Siarhi', (s) => ({ annotations: [], persons: [s.tsikh.id], cases: [] })],
    ['blogger losik', (s) => ({ annotations: [], persons: [s.losik.id], cases: [] })],
    ['Mikhail', () => ({ annotations: [], persons: [], cases: [] })],
    ['zinaida brest', (s) => ({ annotations: [], persons: [s.zinaida.id], cases: [] })],
    ['released viasna', (s) => ({ annotations: [s.quote.id], persons: [], cases: [] })],
    ['zinaida losik', () => ({ annotations: [], persons: [], cases: [] })],
    ['368', (s) => ({ annotations: [], persons: [], cases: [s.kase.id] })],
    ['nobody', () => ({ annotations: [], persons: [], cases: [] })],
    ['  ', () => ({ annotations: [], persons: [], cases: [] })],
  ])('%j finds what it should', async (query, expectedOf) => {
    const s = await seed();
    const found = await searchRecords(s.db, query);
    expect({
      annotations: found.annotations.map((a) => a.id),
      persons: found.persons.map((p) => p.id),
      cases: found.cases.map((c) => c.id),
    }).toEqual(expectedOf(s));
  });

  it('stays in step with writes made inside a transaction that names the record tables only', async () => {
    // The background's services open such transactions and call lib/db's writes inside them.
    const db = openTestDb();
    const { person, annotation } = await db.transaction('rw', recordTables(db), async () => {
      const person = await putPerson(db, makePerson({ name: 'Ihar Losik', aliases: [] }));
      const source = await putSource(db, makeSource());
      const annotation = await putAnnotation(
        db,
        makeAnnotation(source.id, {
          personIds: [person.id],
          selectors: [{ type: 'TextQuoteSelector', exact: 'the blogger Ihar Losik', prefix: '', suffix: '' }],
        }),
      );
      return { person, annotation };
    });
    expect((await searchRecords(db, 'losik')).persons).toStrictEqual([person]);
    expect((await searchRecords(db, 'Лосік')).persons).toStrictEqual([person]);
    expect((await searchRecords(db, 'blogger')).annotations).toStrictEqual([annotation]);
    expect(await annotationsForPerson(db, person.id)).toStrictEqual([annotation]);
  });

  it('returns schema records, not stored rows', async () => {
    const s = await seed();
    const found = await searchRecords(s.db, 'zinaida');
    expect(found.persons).toStrictEqual([s.zinaida]);
  });

  it('caps the results, newest change first, and counts every match', async () => {
    const db = openTestDb();
    const persons = [];
    for (let day = 10; day < 16; day++) {
      persons.push(await putPerson(db, makePerson({ aliases: [], modified: `2026-11-${day}T10:00:00Z` })));
    }
    const found = await searchRecords(db, 'zinaida', { limit: 2 });
    expect(found.persons).toStrictEqual([persons[5], persons[4]]);
    expect(found.matches).toEqual({ annotations: 0, persons: 6, cases: 0 });
    // An edit moves a record to the front; the words it kept still find it.
    const edited = await putPerson(db, { ...persons[0]!, notes: 'Edited.', modified: '2026-11-20T10:00:00Z' });
    expect((await searchRecords(db, 'zinaida', { limit: 2 })).persons).toStrictEqual([edited, persons[5]]);
    expect((await searchRecords(db, 'zinaida edited')).persons).toStrictEqual([edited]);
  });

  it('walks the modification index when more records match than it loads at once', async () => {
    const db = openTestDb();
    const rows = Array.from({ length: 1_100 }, (_, i) => {
      const n = String(i).padStart(4, '0');
      return { name: `Person ${n}`, modified: `2026-11-22T10:00:00.${String(i % 1000).padStart(3, '0')}Z` };
    });
    // Merged in one go: 1,100 validated puts would only slow the test down.
    const persons = rows.map((r) => makePerson({ id: uuid(), aliases: [], notes: '', ...r }));
    await mergeRecordSet(db, { sources: [], annotations: [], persons, cases: [] }, () => '2026-11-23T00:00:00.000Z');
    const found = await searchRecords(db, 'person', { limit: 3 });
    expect(found.matches.persons).toBe(1_100);
    expect(found.persons.map((p) => p.modified)).toEqual([
      '2026-11-22T10:00:00.999Z',
      '2026-11-22T10:00:00.998Z',
      '2026-11-22T10:00:00.997Z',
    ]);
    expect(found.persons[0]).not.toHaveProperty('searchTokens');
  });
});
