import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toW3cCollection, type W3cHeader } from '@/lib/export/w3c';
import { makeRecordSet } from '@/tests/support/records';
import { recordSet } from '../../support/arbitraries';

// The MUST statements of the W3C Web Annotation Data Model (REC 2017-02-23,
// https://www.w3.org/TR/annotation-model/) for what the export writes, as a JSON Schema written from
// the spec rather than from our code, plus one test per MUST: the export satisfies it, and breaking
// it makes the schema refuse the file. Section numbers are the spec's.

const ANNO = 'http://www.w3.org/ns/anno.jsonld';
const MOTIVATIONS = ['assessing', 'bookmarking', 'classifying', 'commenting', 'describing', 'editing'].concat([
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
]);
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
const UTC = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

const iri = { type: 'string', pattern: IRI.source };
const utc = { type: 'string', pattern: UTC.source }; // a string, so also "not more than 1"
const nonNegativeInteger = { type: 'integer', minimum: 0 };
const single = (schema: object) => ({ allOf: [{ not: { type: 'array' } }, schema] }); // "exactly 1"
const oneOrMore = (schema: object) => ({ anyOf: [schema, { type: 'array', minItems: 1, items: schema }] });
const hasType = (name: string) => ({ anyOf: [{ const: name }, { type: 'array', contains: { const: name } }] });
const ifType = (name: string, then: object) => ({
  if: { type: 'object', required: ['type'], properties: { type: hasType(name) } },
  then,
});
// 3.1, 5.1: 1 or more contexts with the anno context among them; a single one given as a string.
const context = { anyOf: [{ const: ANNO }, { type: 'array', minItems: 2, contains: { const: ANNO } }] };
// 3.2.1, 3.3.7: what the model says of any Web Resource given as an object.
const resourceProperties = {
  id: single(iri),
  textDirection: { enum: ['ltr', 'rtl', 'auto'] },
  rights: oneOrMore(iri),
  canonical: single(iri),
  via: oneOrMore(iri),
};
const withId = { type: 'object', required: ['id'], properties: resourceProperties };

const selector = {
  type: 'object',
  required: ['type'],
  properties: { type: { type: 'string' } },
  allOf: [
    ifType('TextQuoteSelector', {
      required: ['exact'],
      properties: { exact: single({ type: 'string' }), prefix: { type: 'string' }, suffix: { type: 'string' } },
    }),
    ifType('TextPositionSelector', {
      required: ['start', 'end'],
      properties: { start: nonNegativeInteger, end: nonNegativeInteger },
    }),
  ],
};
const state = ifType('TimeState', {
  properties: { type: { const: 'TimeState' }, sourceDate: oneOrMore(utc), sourceDateStart: utc, sourceDateEnd: utc },
  dependencies: { sourceDateStart: ['sourceDateEnd'], sourceDateEnd: ['sourceDateStart'] },
  not: { anyOf: [{ required: ['sourceDate', 'sourceDateStart'] }, { required: ['sourceDate', 'sourceDateEnd'] }] },
});
const agent = { anyOf: [iri, { type: 'object', properties: { id: single(iri) } }] };
const resource = {
  anyOf: [
    iri,
    {
      type: 'object',
      properties: {
        ...resourceProperties,
        purpose: oneOrMore({ enum: MOTIVATIONS }),
        created: utc,
        modified: utc,
        selector: oneOrMore(selector),
        state: oneOrMore(state),
      },
      allOf: [
        ifType('TextualBody', { required: ['value'], properties: { value: single({ type: 'string' }) } }),
        ifType('SpecificResource', { required: ['source'], properties: { source: single({ anyOf: [iri, withId] }) } }),
        // Neither embedded nor specific: an External Web Resource, which has exactly 1 id.
        {
          if: { not: { required: ['type'], properties: { type: { enum: ['TextualBody', 'SpecificResource'] } } } },
          then: withId,
        },
      ],
    },
  ],
};
const annotation = {
  type: 'object',
  required: ['id', 'type', 'target'],
  properties: {
    id: single(iri),
    type: hasType('Annotation'),
    target: oneOrMore(resource),
    body: oneOrMore(resource),
    motivation: oneOrMore({ enum: MOTIVATIONS }),
    created: utc,
    modified: utc,
    generated: utc,
    creator: oneOrMore(agent),
    generator: oneOrMore(agent),
  },
  not: { required: ['body', 'bodyValue'] },
};
const page = {
  type: 'object',
  required: ['id', 'type', 'items'],
  properties: {
    id: single(iri),
    type: hasType('AnnotationPage'),
    items: { type: 'array', minItems: 1, items: annotation },
    startIndex: single(nonNegativeInteger),
    partOf: { anyOf: [iri, withId] },
    next: iri,
  },
  not: { required: ['@context'] }, // embedded: SHOULD NOT have one
};
const collectionSchema = {
  type: 'object',
  required: ['@context', 'id', 'type'],
  properties: {
    '@context': context,
    id: single(iri),
    type: hasType('AnnotationCollection'),
    label: oneOrMore({ type: 'string' }),
    total: single(nonNegativeInteger),
    first: single({ anyOf: [iri, page] }),
    last: iri,
    generated: utc,
    creator: oneOrMore(agent),
    generator: oneOrMore(agent),
  },
  if: { required: ['total'], properties: { total: { minimum: 1 } } },
  then: { required: ['first'] },
};

const ajv = new Ajv({ allErrors: true, strict: false });
const validCollection = ajv.compile(collectionSchema);
const validStandalone = ajv.compile({
  allOf: [annotation, { required: ['@context'], properties: { '@context': context } }],
});

const header: W3cHeader = {
  exportedAt: '2026-11-22T13:00:00+03:00',
  generator: { name: 'Source Annotator', version: '0.1.0' },
  creator: 'Alesia K.',
  kinds: [],
};
// The export read as any consumer would, from JSON text; `any` keeps the mutations below short.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
const exported = (): Json => JSON.parse(JSON.stringify(toW3cCollection(makeRecordSet(), header)));
const items = (c: Json): Json[] => c.first.items;
const bodies = (c: Json): Json[] => items(c).flatMap((a) => a.body);
const selectors = (c: Json): Json[] => items(c).flatMap((a) => a.target.selector);

/** [the rule as the spec states it, the export satisfies it, a change that breaks it] */
type Must = [string, (c: Json) => void, (c: Json) => void];

const MUSTS: Must[] = [
  [
    '5.1 Collection: 1 or more @context values, anno.jsonld among them',
    (c) => expect(c['@context'][0]).toBe(ANNO),
    (c) => void (c['@context'] = ['http://example.org/other.jsonld', c['@context'][1]]),
  ],
  ['5.1 Collection: exactly 1 IRI as id', (c) => expect(c.id).toMatch(IRI), (c) => void (c.id = [c.id, c.id])],
  [
    '5.1 Collection: AnnotationCollection among its types',
    (c) => expect(c.type).toBe('AnnotationCollection'),
    (c) => void (c.type = 'OrderedCollection'),
  ],
  [
    '5.1 Collection: label is a string',
    (c) => expect(c.label).toEqual(expect.any(String)),
    (c) => void (c.label = { en: 'x' }),
  ],
  [
    '5.1 Collection: total is an xsd:nonNegativeInteger, here the number of annotations',
    (c) => expect(c.total).toBe(items(c).length),
    (c) => void (c.total = -1),
  ],
  [
    '5.1 Collection with total > 0: exactly 1 first page, embedded or an IRI',
    (c) => expect(c.first.type).toBe('AnnotationPage'),
    (c) => void delete c.first,
  ],
  ['5.2 Page: exactly 1 IRI as id', (c) => expect(c.first.id).toMatch(IRI), (c) => void delete c.first.id],
  [
    '5.2 Page: AnnotationPage among its types',
    (c) => expect(c.first.type).toBe('AnnotationPage'),
    (c) => void (c.first.type = 'Page'),
  ],
  [
    '5.2 Page: items is an array of 1 or more Annotations',
    (c) => expect(items(c).length).toBeGreaterThan(0),
    (c) => void (c.first.items = []),
  ],
  [
    '5.2 Page: startIndex is an xsd:nonNegativeInteger',
    (c) => expect(c.first.startIndex).toBe(0),
    (c) => void (c.first.startIndex = 0.5),
  ],
  [
    '5.2 Page: a page other than the last links the next (ours is first and last)',
    (c) => expect([c.last, c.first.next]).toEqual([c.first.id, undefined]),
    (c) => void (c.first.next = 'page 2'),
  ],
  [
    '5.2 Page embedded in its collection: no @context (SHOULD NOT)',
    (c) => expect(c.first).not.toHaveProperty('@context'),
    (c) => void (c.first['@context'] = ANNO),
  ],
  [
    '3.1 Annotation: exactly 1 IRI as id (unique here)',
    (c) => {
      for (const a of items(c)) expect(a.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
      expect(new Set(items(c).map((a) => a.id)).size).toBe(items(c).length);
    },
    (c) => void (items(c)[0].id = 'Zinaida Mikhniuk'),
  ],
  [
    '3.1 Annotation: Annotation among its types',
    (c) => items(c).forEach((a) => expect(a.type).toBe('Annotation')),
    (c) => void (items(c)[1].type = 'Note'),
  ],
  [
    '3.1 Annotation: 1 or more targets',
    (c) => items(c).forEach((a) => expect(a.target).toBeTruthy()),
    (c) => void delete items(c)[0].target,
  ],
  [
    '3.2.4 TextualBody: exactly 1 value',
    (c) =>
      bodies(c)
        .filter((b) => b.type === 'TextualBody')
        .forEach((b) => expect(b.value).toEqual(expect.any(String))),
    (c) => void delete items(c)[0].body[0].value,
  ],
  [
    '4 SpecificResource: exactly 1 source',
    (c) => {
      for (const a of items(c)) expect(a.target.source.id).toMatch(IRI);
      for (const b of bodies(c).filter((x) => x.type === 'SpecificResource')) expect(b.source.id).toMatch(IRI);
    },
    (c) => void (items(c)[0].target.source = [items(c)[0].target.source, 'https://example.org/other']),
  ],
  [
    '3.2.1 External Web Resource: exactly 1 id, its IRI',
    (c) =>
      items(c).forEach((a) =>
        expect(a.target.source.id).toBe(
          'https://rights-monitor.example/news/political-prisoners-released-january-2024/',
        ),
      ),
    (c) => void delete items(c)[0].target.source.id,
  ],
  [
    '3.3.1 created: at most 1, an xsd:dateTime in UTC with "Z"',
    (c) => items(c).forEach((a) => expect(a.created).toMatch(UTC)),
    (c) => void (items(c)[0].created = '2026-11-22T13:03:00+03:00'),
  ],
  [
    '3.3.1 modified: at most 1, an xsd:dateTime in UTC with "Z"',
    (c) => items(c).forEach((a) => expect(a.modified).toMatch(UTC)),
    (c) => void (items(c)[0].modified = [items(c)[0].modified, items(c)[0].modified]),
  ],
  [
    '3.3.1 generated: at most 1, an xsd:dateTime in UTC with "Z"',
    (c) => expect(c.generated).toBe('2026-11-22T10:00:00Z'),
    (c) => void (c.generated = '2026-11-22 10:00'),
  ],
  [
    '3.3.2 Agent: not more than 1 id',
    (c) =>
      expect([c.creator, c.generator, ...items(c).map((a) => a.creator)].every((x) => !Array.isArray(x.id))).toBe(true),
    (c) => void (c.creator.id = ['urn:a:1', 'urn:a:2']),
  ],
  [
    '3.3.5 motivation and purpose: W3C Motivation instances',
    (c) => {
      for (const a of items(c)) expect(MOTIVATIONS).toContain(a.motivation);
      for (const b of bodies(c)) expect(MOTIVATIONS).toContain(b.purpose);
    },
    (c) => void (items(c)[0].motivation = 'mentioning'),
  ],
  [
    '3.2.5 body and bodyValue are never both present',
    (c) => items(c).forEach((a) => expect(a).not.toHaveProperty('bodyValue')),
    (c) => void (items(c)[0].bodyValue = 'Charge'),
  ],
  [
    '3.3.7 canonical and via: IRIs',
    (c) =>
      items(c).forEach((a) =>
        expect([a.target.source.canonical, a.target.source.via]).toEqual([
          expect.stringMatching(IRI),
          expect.stringMatching(IRI),
        ]),
      ),
    (c) => void (items(c)[0].target.source.canonical = 'news/released'),
  ],
  [
    '4.2.4 TextQuoteSelector: exactly 1 type and 1 exact; prefix and suffix at most 1',
    (c) =>
      selectors(c)
        .filter((s) => s.type === 'TextQuoteSelector')
        .forEach((s) => expect(s.exact).toEqual(expect.any(String))),
    (c) => void delete items(c)[0].target.selector[0].exact,
  ],
  [
    '4.2.5 TextPositionSelector: exactly 1 start and 1 end, non-negative integers',
    (c) =>
      expect(selectors(c).filter((s) => s.type === 'TextPositionSelector')).toEqual([
        { type: 'TextPositionSelector', start: 1467, end: 1483 },
        { type: 'TextPositionSelector', start: 1723, end: 1765 },
      ]),
    (c) => void (items(c)[0].target.selector[1].start = -1),
  ],
  [
    '4.3.1 TimeState: type TimeState, sourceDate an xsd:dateTime in UTC with "Z"',
    (c) =>
      items(c).forEach((a) =>
        expect(a.target.state).toEqual({ type: 'TimeState', sourceDate: expect.stringMatching(UTC) }),
      ),
    (c) => void (items(c)[0].target.state.sourceDate = '2026-11-22T13:03:00+03:00'),
  ],
];

describe('W3C Web Annotation MUSTs', () => {
  it('the exported collection validates against the MUST schema', () => {
    const c = exported();
    expect(validCollection(c), ajv.errorsText(validCollection.errors)).toBe(true);
  });

  it.each(MUSTS)('%s', (_, holds, breaks) => {
    const c = exported();
    holds(c);
    breaks(c);
    expect(validCollection(c)).toBe(false);
  });

  it('3.1 Annotation on its own: the collection @context, given as two values with anno.jsonld first', () => {
    const c = exported();
    for (const a of items(c))
      expect(validStandalone({ '@context': c['@context'], ...a }), ajv.errorsText(validStandalone.errors)).toBe(true);
    expect(validStandalone({ '@context': [ANNO], ...items(c)[0] })).toBe(false); // one value must be a string
    expect(validStandalone({ '@context': ANNO, ...items(c)[0] })).toBe(true);
  });

  it('an empty collection has no first page and a total of 0', () => {
    const c = JSON.parse(
      JSON.stringify(toW3cCollection({ sources: [], annotations: [], persons: [], cases: [] }, header)),
    );
    expect(c.total).toBe(0);
    expect(c).not.toHaveProperty('first');
    expect(validCollection(c), ajv.errorsText(validCollection.errors)).toBe(true);
  });

  it('every collection of varied records validates', () => {
    fc.assert(
      fc.property(recordSet, (set) => {
        const c = JSON.parse(JSON.stringify(toW3cCollection(set, header)));
        expect(validCollection(c), ajv.errorsText(validCollection.errors)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});
