import { describe, expect, it } from 'vitest';
import {
  annotationsForCase,
  annotationsForPerson,
  annotationsForUrl,
  deleteAnnotation,
  findSourceByUrl,
  getAnnotation,
  getCase,
  getPerson,
  getSource,
  InvalidRecordError,
  putAnnotation,
  putCase,
  putPerson,
  putSource,
  readAll,
  readScope,
  sourcesForUrl,
} from '@/lib/db/records';
import type { Annotation } from '@/lib/schema/annotation';
import type { ExportScope } from '@/lib/schema/envelope';
import { findBrokenLink } from '@/lib/schema/links';
import { makeAnnotation, makeCase, makePerson, makeRecordSet, makeSource, uuid } from '../../support/records';
import { openTestDb, putAll, sortedById } from '../../support/test-db';

describe('round trip', () => {
  it('returns exactly the records that were stored, without index fields', async () => {
    const db = openTestDb();
    const set = makeRecordSet();
    // Variants the schema allows that a careless store could lose or alter.
    set.sources.push(makeSource({ canonicalUrl: null, siteName: null, lang: null, textSha256: null }));
    set.annotations.push(
      makeAnnotation(set.sources[0]!.id, {
        selectors: [{ type: 'TextQuoteSelector', exact: 'Міхнюк' }],
        creator: null,
        created: '2026-11-22T13:03:00.123456+03:00',
        modified: '2026-11-22T13:03:00.123456+03:00',
        anchoring: { state: 'unchecked', checkedAt: null },
      }),
    );
    await putAll(db, set);

    expect(await readAll(db)).toStrictEqual(sortedById(set));
    expect(await getSource(db, set.sources[0]!.id)).toStrictEqual(set.sources[0]);
    expect(await getAnnotation(db, set.annotations[2]!.id)).toStrictEqual(set.annotations[2]);
    expect(await getPerson(db, set.persons[0]!.id)).toStrictEqual(set.persons[0]);
    expect(await getCase(db, set.cases[0]!.id)).toStrictEqual(set.cases[0]);
    // Highlights are stored in their source's block, sorted by id, as the schema records themselves.
    const blocks = await db.annotationBlocks.toArray();
    expect(blocks.map((b) => [b.sourceId, b.start])).toEqual([[set.sources[0]!.id, '']]);
    expect(blocks[0]!.annotations).toStrictEqual(sortedById(set).annotations);
  });

  it('returns undefined for ids that are not stored', async () => {
    const db = openTestDb();
    expect(await getAnnotation(db, uuid())).toBeUndefined();
    expect(await getSource(db, uuid())).toBeUndefined();
  });

  it('deletes a highlight and nothing else', async () => {
    const db = openTestDb();
    const set = makeRecordSet();
    await putAll(db, set);
    await deleteAnnotation(db, set.annotations[0]!.id);
    expect(await getAnnotation(db, set.annotations[0]!.id)).toBeUndefined();
    const left = await readAll(db);
    expect(left.annotations).toEqual([set.annotations[1]]);
    expect([left.sources.length, left.persons.length, left.cases.length]).toEqual([1, 1, 1]);
  });
});

describe('validation', () => {
  const sourceId = uuid();
  it.each<[string, (db: ReturnType<typeof openTestDb>) => Promise<unknown>, RegExp]>([
    ['source url', (db) => putSource(db, makeSource({ url: 'javascript:alert(1)' })), /source: url: /],
    ['source extra field', (db) => putSource(db, { ...makeSource(), urlKey: 'x' } as never), /unknown field "urlKey"/],
    ['person name', (db) => putPerson(db, makePerson({ name: '' })), /person: name: must not be empty/],
    ['case status', (db) => putCase(db, makeCase({ status: 'lost' as never })), /case: status: /],
    [
      'annotation quote',
      (db) =>
        putAnnotation(
          db,
          makeAnnotation(sourceId, { selectors: [{ type: 'TextPositionSelector', start: 0, end: 1 }] }),
        ),
      /annotation: selectors: a TextQuoteSelector is required/,
    ],
    ['annotation id', (db) => putAnnotation(db, makeAnnotation(sourceId, { id: 'nope' })), /annotation: id: /],
    ['unstored source', (db) => putAnnotation(db, makeAnnotation(sourceId)), /annotation: sourceId: no source/],
    ['unstored person', (db) => putCase(db, makeCase({ personIds: [uuid()] })), /person: personIds\[0\]: no person/],
  ])('refuses an invalid %s and stores nothing', async (_label, write, message) => {
    const db = openTestDb();
    const error = await write(db).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidRecordError);
    expect((error as Error).message).toMatch(message);
    expect(await readAll(db)).toEqual({ sources: [], annotations: [], persons: [], cases: [] });
  });

  it('names the field and its position for a highlight linked to a missing case', async () => {
    const db = openTestDb();
    const source = await putSource(db, makeSource());
    const kase = await putCase(db, makeCase());
    const missing = uuid();
    const error = await putAnnotation(db, makeAnnotation(source.id, { caseIds: [kase.id, missing] })).catch((e) => e);
    expect(error).toMatchObject({ field: 'caseIds[1]', problem: `no case ${missing} is stored` });
  });
});

describe('lookups by URL', () => {
  const visited = 'https://news.example/story?id=7&utm_source=feed&fbclid=x#comments';
  const canonical = 'https://news.example/stories/7';

  async function seed() {
    const db = openTestDb();
    const source = await putSource(db, makeSource({ url: visited, canonicalUrl: canonical }));
    const other = await putSource(db, makeSource({ url: 'https://news.example/other', canonicalUrl: null }));
    return { db, source, other };
  }

  it.each([
    ['the visited URL as recorded', visited],
    ['the visited URL without tracking parameters', 'https://news.example/story?id=7'],
    ['the visited URL with other tracking and a fragment', 'https://news.example/story?gclid=1&id=7#top'],
    ['the canonical URL', canonical],
    ['the canonical URL with tracking parameters', `${canonical}?utm_medium=social`],
    ['the canonical URL with default port and fragment', 'https://news.example:443/stories/7#p2'],
  ])('finds the source by %s', async (_label, url) => {
    const { db, source } = await seed();
    expect(await findSourceByUrl(db, url)).toStrictEqual(source);
  });

  it.each([
    ['another query value', 'https://news.example/story?id=8'],
    ['another path', 'https://news.example/stories/8'],
    ['not a URL', 'not a url'],
  ])('finds nothing for %s', async (_label, url) => {
    const { db } = await seed();
    expect(await findSourceByUrl(db, url)).toBeUndefined();
  });

  it("also matches the page's own canonical URL, and lists every matching source oldest first", async () => {
    const { db, source } = await seed();
    const amp = await putSource(
      db,
      makeSource({
        url: 'https://amp.news.example/story/7',
        canonicalUrl: canonical,
        firstAccessed: '2026-11-21T10:00:00.000Z',
      }),
    );
    expect(await sourcesForUrl(db, 'https://news.example/unrelated', canonical)).toStrictEqual([amp, source]);
    expect(await findSourceByUrl(db, 'https://amp.news.example/story/7')).toStrictEqual(amp);
  });

  // Issue 11: a canonical URL counts only on its page's own site, both the one a page declares now
  // and the one stored with a source by an older version, which believed any.
  it.each<{ name: string; url: string; canonicalUrl: string | null; expected: ('story' | 'copy')[] }>([
    { name: 'the story', url: canonical, canonicalUrl: null, expected: ['story'] },
    {
      name: 'the copy declaring the story',
      url: 'https://copy.example/s',
      canonicalUrl: canonical,
      expected: ['copy'],
    },
    { name: 'a third site declaring the story', url: 'https://third.example/', canonicalUrl: canonical, expected: [] },
    {
      name: 'the story’s own site declaring it',
      url: 'https://m.news.example/7',
      canonicalUrl: canonical,
      expected: ['story'],
    },
    {
      name: 'a canonical that is not http(s)',
      url: 'https://copy.example/x',
      canonicalUrl: 'ftp://copy.example/s',
      expected: [],
    },
  ])('believes a canonical URL only on the same site: $name', async ({ url, canonicalUrl, expected }) => {
    const { db, source } = await seed();
    const copy = await putSource(
      db,
      makeSource({ url: 'https://copy.example/s', canonicalUrl: canonical, firstAccessed: '2026-11-23T10:00:00.000Z' }),
    );
    const ids = { story: source.id, copy: copy.id };
    expect((await sourcesForUrl(db, url, canonicalUrl)).map((s) => s.id)).toEqual(expected.map((k) => ids[k]));
    const copied = await putAnnotation(db, makeAnnotation(copy.id));
    const shown = (await annotationsForUrl(db, url, canonicalUrl)).map((a) => a.sourceId);
    expect(shown).toEqual(expected.includes('copy') ? [copied.sourceId] : []);
  });

  it("exports a page without a copy that stored the page's address as its canonical", async () => {
    const { db, source } = await seed();
    const copy = await putSource(db, makeSource({ url: 'https://copy.example/s', canonicalUrl: canonical }));
    expect((await readScope(db, { kind: 'page', url: canonical })).sources).toStrictEqual([source]);
    expect((await readScope(db, { kind: 'page', url: copy.url })).sources).toStrictEqual([copy]);
  });

  it('lists the highlights of every source of a page in creation order', async () => {
    const { db, source, other } = await seed();
    const twin = await putSource(db, makeSource({ url: `${canonical}?utm_source=home`, canonicalUrl: null }));
    const at = (minute: number) => `2026-11-22T10:${String(minute).padStart(2, '0')}:00.000Z`;
    const later = await putAnnotation(db, makeAnnotation(source.id, { created: at(30) }));
    const earlier = await putAnnotation(db, makeAnnotation(twin.id, { created: at(10) }));
    // 10:20 in UTC, written with an offset: its text sorts after "10:30Z", its time does not.
    const offset = await putAnnotation(db, makeAnnotation(source.id, { created: '2026-11-22T13:20:00.000+03:00' }));
    await putAnnotation(db, makeAnnotation(other.id, { created: at(0) }));
    expect(await annotationsForUrl(db, canonical)).toStrictEqual([earlier, offset, later]);
    expect(await annotationsForUrl(db, 'https://nowhere.example/')).toEqual([]);
  });
});

describe('lookups by person and case', () => {
  it('finds the highlights linked to a person or a case', async () => {
    const db = openTestDb();
    const set = makeRecordSet();
    const [mention, fact] = set.annotations as [Annotation, Annotation];
    const stranger = makePerson({ name: 'Someone Else' });
    set.persons.push(stranger);
    await putAll(db, set);
    expect(await annotationsForPerson(db, set.persons[0]!.id)).toStrictEqual([mention, fact]);
    expect(await annotationsForPerson(db, stranger.id)).toEqual([]);
    expect(await annotationsForCase(db, set.cases[0]!.id)).toStrictEqual([fact]);
  });
});

describe('readScope', () => {
  // Two pages, two persons, two cases; the second page's highlight links both cases.
  async function seed() {
    const db = openTestDb();
    const base = makeRecordSet();
    const [person] = base.persons;
    const [kase] = base.cases;
    const secondPage = makeSource({ url: 'https://news.example/second', canonicalUrl: null });
    const colleague = makePerson({ name: 'Ihar Losik', aliases: [] });
    const otherCase = makeCase({ title: 'Losik: mass riots', personIds: [colleague.id] });
    const loner = makePerson({ name: 'Unlinked Person', aliases: [] });
    const casesOnly = makeCase({ title: 'Listed only', personIds: [person!.id] });
    const joint = makeAnnotation(secondPage.id, { caseIds: [kase!.id, otherCase.id], personIds: [] });
    const set = {
      sources: [...base.sources, secondPage],
      annotations: [...base.annotations, joint],
      persons: [...base.persons, colleague, loner],
      cases: [...base.cases, otherCase, casesOnly],
    };
    await putAll(db, set);
    return { db, set, person: person!, kase: kase!, secondPage, colleague, otherCase, casesOnly, joint };
  }

  it('gives everything for the "all" scope', async () => {
    const { db, set } = await seed();
    expect(await readScope(db, { kind: 'all' })).toStrictEqual(sortedById(set));
  });

  it.each<
    [string, (s: Awaited<ReturnType<typeof seed>>) => ExportScope, (s: Awaited<ReturnType<typeof seed>>) => string[]]
  >([
    [
      'a page, by a tracking URL',
      (s) => ({ kind: 'page', url: `${s.set.sources[0]!.url}&utm_campaign=x` }),
      (s) => [...s.set.annotations.slice(0, 2).map((a) => a.id)],
    ],
    ['the second page', (s) => ({ kind: 'page', url: s.secondPage.url }), (s) => [s.joint.id]],
    [
      'a person',
      (s) => ({ kind: 'person', personId: s.person.id }),
      (s) => s.set.annotations.slice(0, 2).map((a) => a.id),
    ],
    ['a case', (s) => ({ kind: 'case', caseId: s.kase.id }), (s) => [s.set.annotations[1]!.id, s.joint.id]],
    [
      'a case with no persons in its highlights',
      (s) => ({ kind: 'case', caseId: s.otherCase.id }),
      (s) => [s.joint.id],
    ],
  ])('gives a self-contained set for %s', async (_label, scopeOf, expectedOf) => {
    const s = await seed();
    const set = await readScope(s.db, scopeOf(s));
    expect(findBrokenLink(set)).toBeNull();
    expect(set.annotations.map((a) => a.id).sort()).toEqual(expectedOf(s).sort());
    expect(set.persons.map((p) => p.name)).not.toContain('Unlinked Person');
  });

  it('includes the cases that list a person, with their persons', async () => {
    const s = await seed();
    const set = await readScope(s.db, { kind: 'person', personId: s.person.id });
    expect(set.cases.map((c) => c.id)).toContain(s.casesOnly.id);
    expect(findBrokenLink(set)).toBeNull();
  });

  it('follows a highlight to every case it links, and those cases to their persons', async () => {
    const s = await seed();
    const set = await readScope(s.db, { kind: 'case', caseId: s.kase.id });
    expect(set.cases.map((c) => c.id).sort()).toEqual([s.kase.id, s.otherCase.id].sort());
    expect(set.persons.map((p) => p.id)).toContain(s.colleague.id);
  });

  it('gives an empty set for a page with no records, and refuses unknown persons and cases', async () => {
    const { db } = await seed();
    expect(await readScope(db, { kind: 'page', url: 'https://nowhere.example/' })).toEqual({
      sources: [],
      annotations: [],
      persons: [],
      cases: [],
    });
    await expect(readScope(db, { kind: 'person', personId: uuid() })).rejects.toThrow(/No person/);
    await expect(readScope(db, { kind: 'case', caseId: uuid() })).rejects.toThrow(/No case/);
  });
});
