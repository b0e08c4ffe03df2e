import { describe, expect, it } from 'vitest';
import {
  filterAnnotationIds,
  filterChoices,
  kindUsage,
  NO_FILTER,
  publishedDay,
  SEARCH_CAP,
  siteOf,
  type RecordFilter,
} from '@/lib/db/filters';
import { recordDetails } from '@/lib/db/record-details';
import { mergeRecordSet } from '@/lib/db/merge';
import type { Annotation } from '@/lib/schema/annotation';
import { makeAnnotation, makeCase, makePerson, makeSource, uuid } from '../../support/records';
import { openTestDb, putAll } from '../../support/test-db';

// A small archive where every filter separates the records differently, named by letter so each
// expectation reads as the set of highlights a researcher should see.
async function seed() {
  const db = openTestDb();
  const digest = makeSource({ siteName: 'Belarus Rights Monitor', publishedTime: '2024-02-02T00:30:00+03:00' });
  const review = makeSource({
    url: 'http://127.0.0.1:5179/monthly-review.html',
    canonicalUrl: null,
    siteName: null,
    publishedTime: '2024-03-10',
  });
  const undated = makeSource({
    url: 'https://news.example/a',
    canonicalUrl: null,
    siteName: 'News',
    publishedTime: null,
  });
  const mikhniuk = makePerson({ name: 'Zinaida Mikhniuk', aliases: ['Зінаіда Міхнюк'] });
  const other = makePerson({ name: 'Ihar Losik', aliases: [], notes: '' });
  const kase = makeCase({ title: 'Insulting the head of state', personIds: [mikhniuk.id], facility: null, notes: '' });
  const quote = (exact: string) => [{ type: 'TextQuoteSelector' as const, exact }];
  const make = (source: { id: string }, overrides: Partial<Annotation>) => makeAnnotation(source.id, overrides);
  const records = {
    A: make(digest, { kind: 'person', tags: ['released'], personIds: [mikhniuk.id], modified: '2024-02-05T10:00:00Z' }),
    B: make(digest, {
      kind: 'fact',
      tags: ['sentence'],
      caseIds: [kase.id],
      selectors: quote('two years in a penal colony'),
      modified: '2024-02-06T10:00:00Z',
    }),
    C: make(review, {
      kind: 'place',
      tags: ['released'],
      selectors: quote('Homieĺ colony No. 4'),
      note: 'Transferred in spring',
      modified: '2024-03-11T23:30:00Z',
    }),
    D: make(undated, {
      kind: 'person',
      tags: [],
      personIds: [other.id],
      selectors: quote('Ihar Losik'),
      modified: '2024-03-12T08:00:00Z',
    }),
  };
  await putAll(db, {
    sources: [digest, review, undated],
    persons: [mikhniuk, other],
    cases: [kase],
    annotations: Object.values(records),
  });
  const letter = new Map(Object.entries(records).map(([k, a]) => [a.id, k]));
  const find = async (change: Partial<RecordFilter>) =>
    (await (await filterAnnotationIds(db, { ...NO_FILTER, ...change })).order.upTo(Infinity)).map((id) =>
      letter.get(id),
    );
  return { db, find, mikhniuk, other, kase, records };
}

describe('filterAnnotationIds', () => {
  it.each<{ name: string; filter: (s: Awaited<ReturnType<typeof seed>>) => Partial<RecordFilter>; expected: string[] }>(
    [
      { name: 'nothing: every highlight, newest change first', filter: () => ({}), expected: ['D', 'C', 'B', 'A'] },
      { name: 'kind', filter: () => ({ kind: 'person' }), expected: ['D', 'A'] },
      { name: 'kind nobody uses', filter: () => ({ kind: 'organization' }), expected: [] },
      { name: 'tag', filter: () => ({ tag: 'released' }), expected: ['C', 'A'] },
      { name: 'person', filter: (s) => ({ personId: s.mikhniuk.id }), expected: ['A'] },
      { name: 'case', filter: (s) => ({ caseId: s.kase.id }), expected: ['B'] },
      { name: 'site by declared name', filter: () => ({ site: 'Belarus Rights Monitor' }), expected: ['B', 'A'] },
      { name: 'site by host when none is declared', filter: () => ({ site: '127.0.0.1:5179' }), expected: ['C'] },
      {
        name: "published range uses the page's own calendar day",
        filter: () => ({ from: '2024-02-02', to: '2024-02-02' }),
        expected: ['B', 'A'],
      },
      { name: 'published from a day on', filter: () => ({ from: '2024-03-01' }), expected: ['C'] },
      { name: 'published up to a day', filter: () => ({ to: '2024-02-28' }), expected: ['B', 'A'] },
      {
        name: 'changed range in UTC days, both ends included',
        filter: () => ({ dateField: 'changed', from: '2024-02-06', to: '2024-03-11' }),
        expected: ['C', 'B'],
      },
      { name: 'words in a quote', filter: () => ({ query: 'penal colony' }), expected: ['B'] },
      { name: 'folded words in a quote', filter: () => ({ query: 'homiel' }), expected: ['C'] },
      { name: 'words in a note', filter: () => ({ query: 'spring' }), expected: ['C'] },
      {
        name: "a person's alias finds the highlights linked to them",
        filter: () => ({ query: 'Міхнюк' }),
        expected: ['A'],
      },
      { name: "a case's title finds its highlights", filter: () => ({ query: 'insulting head' }), expected: ['B'] },
      { name: 'words and a filter together', filter: () => ({ query: 'colony', kind: 'fact' }), expected: ['B'] },
      { name: 'two filters together', filter: () => ({ kind: 'person', tag: 'released' }), expected: ['A'] },
      { name: 'words nobody wrote', filter: () => ({ query: 'nonexistent' }), expected: [] },
    ],
  )('$name', async ({ filter, expected }) => {
    const s = await seed();
    expect(await s.find(filter(s))).toEqual(expected);
  });

  it('lists the newest SEARCH_CAP highlights of a word that matches more, and says how many matched', async () => {
    const db = openTestDb();
    const source = makeSource();
    const many = Array.from({ length: SEARCH_CAP + 100 }, (_, i) =>
      makeAnnotation(source.id, {
        id: uuid(700_000 + i),
        selectors: [{ type: 'TextQuoteSelector', exact: `colony ${i}` }],
        modified: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
      }),
    );
    // The import path writes in bulk and indexes the words as any write does.
    await mergeRecordSet(
      db,
      { sources: [source], annotations: many, persons: [], cases: [] },
      () => '2026-11-22T10:00:00.000Z',
    );
    const found = await filterAnnotationIds(db, { ...NO_FILTER, query: 'colony' });
    expect(found).toMatchObject({ searchMatches: SEARCH_CAP + 100, searchCapped: true });
    expect(found.count).toBe(SEARCH_CAP);
    const ids = await found.order.upTo(Infinity);
    expect(ids).toHaveLength(SEARCH_CAP);
    expect(ids[0]).toBe(many.at(-1)!.id);
    expect(ids.at(-1)).toBe(many[100]!.id);
  });

  it('reports how many highlights the words matched', async () => {
    const { db } = await seed();
    expect(await filterAnnotationIds(db, { ...NO_FILTER, query: 'colony' })).toMatchObject({
      searchMatches: 2,
      searchCapped: false,
    });
  });
});

describe('filter menus and details', () => {
  it('offers the kinds and tags in use and the sites of stored pages', async () => {
    const { db } = await seed();
    expect(await filterChoices(db)).toEqual({
      kinds: ['fact', 'person', 'place'],
      tags: ['released', 'sentence'],
      sites: ['127.0.0.1:5179', 'Belarus Rights Monitor', 'News'],
    });
  });

  it('counts the highlights of each kind', async () => {
    const { db } = await seed();
    expect(Object.fromEntries(await kindUsage(db, ['person', 'fact', 'date']))).toEqual({
      person: 2,
      fact: 1,
      date: 0,
    });
  });

  it('reads the details of a window of rows in the order asked, skipping ids not stored', async () => {
    const { db, records, mikhniuk, kase } = await seed();
    const rows = await recordDetails(db, [records.B.id, 'missing', records.A.id]);
    expect(rows.map((r) => r.annotation.id)).toEqual([records.B.id, records.A.id]);
    expect(rows[0]).toMatchObject({
      source: { site: 'Belarus Rights Monitor', publishedTime: '2024-02-02T00:30:00+03:00' },
      persons: [],
      cases: [{ id: kase.id, title: kase.title }],
    });
    expect(rows[1]!.persons).toEqual([{ id: mikhniuk.id, name: 'Zinaida Mikhniuk' }]);
  });

  it.each([
    { input: { siteName: 'Viasna', url: 'https://spring96.org/x' }, expected: 'Viasna' },
    { input: { siteName: null, url: 'https://spring96.org/x' }, expected: 'spring96.org' },
  ])('names the site of $input.url', ({ input, expected }) => expect(siteOf(input)).toBe(expected));

  it.each([
    { input: '2024-02-02T00:30:00+03:00', expected: '2024-02-02' },
    { input: '2024-03-10', expected: '2024-03-10' },
    { input: null, expected: null },
  ])('reads the publication day of $input', ({ input, expected }) =>
    expect(publishedDay({ publishedTime: input })).toBe(expected),
  );
});
