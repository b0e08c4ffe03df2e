import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { fromW3cCollection, toW3cCollection, type W3cHeader } from '@/lib/export/w3c';
import { toUtcInstant } from '@/lib/export/w3c-time';
import { ExportEnvelope, SCHEMA_ID, SCHEMA_VERSION, type RecordSet } from '@/lib/schema/envelope';
import { findBrokenLink } from '@/lib/schema/links';
import { LIMITS } from '@/lib/schema/primitives';
import { makeAnnotation, makeRecordSet, makeSource } from '@/tests/support/records';
import { instant, recordSet, text } from '../../support/arbitraries';

const header: W3cHeader = {
  exportedAt: '2026-11-22T11:00:00.000Z',
  generator: { name: 'Source Annotator', version: '0.1.0' },
  creator: 'Alesia K.',
  kinds: [{ id: 'custom-kind-2', label: 'Detention centre', color: '#336699' }],
};
const empty: RecordSet = { sources: [], annotations: [], persons: [], cases: [] };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
/** The collection as a file would carry it: through JSON text. */
const exported = (set: RecordSet, h: W3cHeader = header): Json => JSON.parse(JSON.stringify(toW3cCollection(set, h)));

/** What the caller of the import checks: the envelope schema and the links. */
function expectImportable(set: RecordSet, h: W3cHeader) {
  const envelope = { schema: SCHEMA_ID, version: SCHEMA_VERSION, scope: { kind: 'all' }, ...h, ...set };
  delete (envelope as { id?: string }).id;
  const parsed = ExportEnvelope.safeParse(envelope);
  expect(parsed.success, parsed.success ? '' : z.prettifyError(parsed.error)).toBe(true);
  expect(findBrokenLink(set)).toBeNull();
}

describe('toW3cCollection', () => {
  it('writes the records of the release digest as W3C annotations', () => {
    const set = makeRecordSet();
    const [mention, fact] = set.annotations;
    const c = exported(set);
    expect(c['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(c['@context'][1].sa).toBe('https://source-annotator.org/ns#');
    expect(c).toMatchObject({ type: 'AnnotationCollection', total: 2, creator: { type: 'Person', name: 'Alesia K.' } });
    expect(c.generator).toEqual({ type: 'Software', name: 'Source Annotator', 'schema:softwareVersion': '0.1.0' });
    const [first, second] = c.first.items;
    expect(first).toMatchObject({ id: `urn:uuid:${mention?.id}`, motivation: 'identifying', 'sa:kind': 'person' });
    expect(first.target.source).toEqual({
      id: 'https://rights-monitor.example/news/political-prisoners-released-january-2024/',
      type: 'Text',
      language: 'en',
      canonical: 'https://rights-monitor.example/news/political-prisoners-released-january-2024/',
      via: 'http://127.0.0.1:5179/release-digest.html?utm_source=feed',
      'dc:title': set.sources[0]?.title,
      'dc:publisher': 'Belarus Rights Monitor',
      'dc:creator': ['Belarus Rights Monitor'],
      'dcterms:issued': '2024-02-02T12:47:42+03:00',
      'dcterms:modified': '2024-02-02T12:47:42+03:00',
    });
    expect(first.target.selector).toEqual(mention?.selectors);
    expect(first.body).toEqual([
      { type: 'TextualBody', purpose: 'classifying', value: 'Person', format: 'text/plain' },
      { type: 'TextualBody', purpose: 'tagging', value: 'released', format: 'text/plain' },
      {
        type: 'SpecificResource',
        purpose: 'identifying',
        source: { id: `urn:uuid:${set.persons[0]?.id}`, type: 'sa:Person', label: 'Zinaida Mikhniuk' },
      },
    ]);
    expect(second.body).toContainEqual({
      type: 'TextualBody',
      purpose: 'commenting',
      value: 'Charge; sentence handed down in May 2022.',
      format: 'text/plain',
    });
    expect(second.body).toContainEqual({
      type: 'SpecificResource',
      purpose: 'identifying',
      source: { id: `urn:uuid:${set.cases[0]?.id}`, type: 'sa:Case', label: 'Mikhniuk: insulting the head of state' },
    });
    expect(second['sa:fact']).toEqual(fact?.fact);
    expect(first).not.toHaveProperty('sa:fact');
    expect(c['sa:sources']).toEqual(set.sources);
  });

  it('labels kinds from the header, then the built-ins, then by id', () => {
    const source = makeSource();
    const kinds = ['custom-kind-2', 'legal-article', 'unlisted'].map((kind) => makeAnnotation(source.id, { kind }));
    const c = exported({ ...empty, sources: [source], annotations: kinds });
    expect(c.first.items.map((a: Json) => a.body[0].value)).toEqual(['Detention centre', 'Legal article', 'unlisted']);
  });

  it('writes times in UTC with "Z" and keeps the recorded form beside them', () => {
    const source = makeSource();
    const a = makeAnnotation(source.id, { created: '2026-11-22T13:03:00.5+03:00', modified: '2026-11-22T10:04:00Z' });
    const item = exported({ ...empty, sources: [source], annotations: [a] }).first.items[0];
    expect(item).toMatchObject({ created: '2026-11-22T10:03:00.5Z', 'sa:created': '2026-11-22T13:03:00.5+03:00' });
    expect(item.target.state.sourceDate).toBe('2026-11-22T10:03:00.5Z');
    expect(item.modified).toBe('2026-11-22T10:04:00Z');
    expect(item).not.toHaveProperty('sa:modified');
  });

  it('gives the page language as BCP 47 and leaves out what is not a tag', () => {
    const langs = ['en_US', 'zh-Hant-TW', 'not a tag', null].map((lang) => makeSource({ lang }));
    const annotations = langs.map((s) => makeAnnotation(s.id));
    const items = exported({ ...empty, sources: langs, annotations }).first.items;
    expect(items.map((a: Json) => a.target.source.language)).toEqual(['en-US', 'zh-Hant-TW', undefined, undefined]);
  });

  it('names the page by its visited URL when it declares no canonical one', () => {
    const source = makeSource({ canonicalUrl: null, siteName: null, authors: [], title: '' });
    const target = exported({ ...empty, sources: [source], annotations: [makeAnnotation(source.id)] }).first.items[0]
      .target;
    expect(target.source).toEqual({
      id: source.url,
      type: 'Text',
      language: 'en',
      'dcterms:issued': source.publishedTime,
      'dcterms:modified': source.modifiedTime,
    });
  });

  it('derives a stable collection id from the contents, or keeps the given one', () => {
    const set = makeRecordSet();
    expect(exported(set).id).toBe(exported(set).id);
    expect(exported(set).id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(exported(set, { ...header, exportedAt: '2026-11-23T11:00:00.000Z' }).id).not.toBe(exported(set).id);
    expect(exported(set, { ...header, id: 'https://archive.example/exports/7' }).id).toBe(
      'https://archive.example/exports/7',
    );
    expect(() => toW3cCollection(set, { ...header, id: 'not an iri' })).toThrow(RangeError);
  });

  it('refuses an annotation whose source is not in the set', () => {
    const set = makeRecordSet();
    expect(() => toW3cCollection({ ...set, sources: [] }, header)).toThrow(/no source/);
  });
});

describe('toUtcInstant', () => {
  it.each([
    ['2026-11-22T10:03:00.000Z', '2026-11-22T10:03:00.000Z'],
    ['2026-11-22T10:03:00Z', '2026-11-22T10:03:00Z'],
    ['2026-11-22T13:03:00.123456+03:00', '2026-11-22T10:03:00.123456Z'],
    ['2000-01-01T00:30:00+01:00', '1999-12-31T23:30:00Z'],
    ['2024-02-28T22:00:00-05:30', '2024-02-29T03:30:00Z'],
    ['0050-06-01T00:00:00+00:00', '0050-06-01T00:00:00Z'],
  ])('%s → %s', (input, utc) => {
    expect(toUtcInstant(input)).toBe(utc);
  });
});

describe('fromW3cCollection', () => {
  it('reads makeRecordSet() back exactly', () => {
    const set = makeRecordSet();
    const back = fromW3cCollection(exported(set));
    expect(back).toEqual({ ok: true, set, header: { ...header, id: expect.stringMatching(/^urn:uuid:/) } });
    if (back.ok) expectImportable(back.set, back.header);
  });

  it('reads an empty collection back', () => {
    expect(fromW3cCollection(exported(empty, { ...header, creator: null }))).toEqual({
      ok: true,
      set: empty,
      header: { ...header, creator: null, id: expect.any(String) },
    });
  });

  it('reads varied records back exactly (property)', () => {
    const headers = fc.record({
      exportedAt: instant,
      generator: fc.constant(header.generator),
      creator: fc.option(text(LIMITS.name, 1)),
      kinds: fc.constant(header.kinds),
    });
    fc.assert(
      fc.property(recordSet, headers, (set, h) => {
        expectImportable(set, h); // the arbitrary makes valid sets only
        const back = fromW3cCollection(exported(set, h));
        expect(back).toEqual({ ok: true, set, header: { ...h, id: expect.any(String) } });
      }),
      { numRuns: 150 },
    );
  });

  it('reads a collection whose one-item lists were compacted to single values, as JSON-LD does', () => {
    const set = makeRecordSet();
    const c = exported(set);
    for (const a of c.first.items) {
      a.type = ['Annotation'];
      if (a.body.length === 1) a.body = a.body[0];
      if (a.target.selector.length === 1) a.target.selector = a.target.selector[0];
      a.target = [a.target];
    }
    c.first.items[1].body[0].purpose = ['classifying'];
    expect(fromW3cCollection(c)).toMatchObject({ ok: true, set });
  });

  it('ignores what other tools add: unknown bodies, selectors and members', () => {
    const set = makeRecordSet();
    const c = exported(set);
    const item = c.first.items[0];
    item.body.push('https://example.org/review1', { type: 'TextualBody', purpose: 'describing', value: 'x' });
    item.body.push({ type: 'SpecificResource', purpose: 'identifying', source: 'https://www.wikidata.org/wiki/Q1' });
    item.target.selector.push({ type: 'XPathSelector', value: '/html/body/p[2]' });
    item.audience = { type: 'schema:Audience' };
    expect(fromW3cCollection(c)).toMatchObject({ ok: true, set });
  });

  it.each<[string, (c: Json) => void, string, RegExp]>([
    [
      'a page given by IRI',
      (c) => void (c.first = 'urn:uuid:00000000-0000-4000-8000-000000000099'),
      'first',
      /embedded/,
    ],
    ['another context', (c) => void (c['@context'] = 'https://schema.org/'), '@context', /anno\.jsonld/],
    ['not a collection', (c) => void (c.type = 'AnnotationPage'), 'type', /AnnotationCollection/],
    ['a wrong total', (c) => void (c.total = 3), 'total', /says 3 but the collection holds 2/],
    ['a bad annotation id', (c) => void (c.first.items[1].id = 'urn:uuid:nope'), 'first.items[1].id', /urn:uuid/],
    [
      'a second page',
      (c) => void (c.first.next = 'urn:uuid:00000000-0000-4000-8000-000000000099'),
      'first.next',
      /single page/,
    ],
    [
      'no quote',
      (c) => void c.first.items[0].target.selector.shift(),
      'first.items[0].target.selector',
      /TextQuoteSelector/,
    ],
    [
      'two targets',
      (c) => void (c.first.items[0].target = [c.first.items[0].target, c.first.items[0].target]),
      'first.items[0].target',
      /exactly one/,
    ],
    [
      'a bad source',
      (c) => void (c['sa:sources'][0].url = 'file:///etc/passwd'),
      'sa:sources[0].url',
      /not a valid url/,
    ],
    [
      'an overlong tag',
      (c) => void (c.first.items[0].body[1].value = 'x'.repeat(201)),
      'first.items[0]',
      /tags\[0\]: text longer than 200/,
    ],
    [
      'a duplicate tag',
      (c) => void c.first.items[0].body.push(c.first.items[0].body[1]),
      'first.items[0]',
      /tags: items must be unique/,
    ],
    [
      'two notes',
      (c) => void c.first.items[1].body.push(c.first.items[1].body[2]),
      'first.items[1].body[5]',
      /second note/,
    ],
    ['a missing person', (c) => void (c['sa:persons'] = []), 'first.items[0]', /personIds\[0\]: no person/],
    [
      'a bad fact',
      (c) => void (c.first.items[1]['sa:fact'].eventType = 'arrest'),
      'first.items[1].sa:fact.eventType',
      /must be/,
    ],
  ])('reports %s with its JSON path', (_, breakIt, path, message) => {
    const c = exported(makeRecordSet());
    breakIt(c);
    const result = fromW3cCollection(c);
    expect(result).toMatchObject({ ok: false, path });
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses input that is not one of our exports', () => {
    expect(fromW3cCollection(null)).toEqual({ ok: false, path: '(top level)', message: 'expected a JSON object' });
    expect(
      fromW3cCollection({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection' }),
    ).toMatchObject({
      ok: false,
      path: 'sa:sources',
    });
  });
});
