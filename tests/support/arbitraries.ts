import fc from 'fast-check';
import { EVENT_TYPES, type Annotation, type FactFields } from '@/lib/schema/annotation';
import { CASE_STATUSES, type Case } from '@/lib/schema/case';
import type { RecordSet } from '@/lib/schema/envelope';
import type { Person } from '@/lib/schema/person';
import { LIMITS } from '@/lib/schema/primitives';
import type { Selector } from '@/lib/schema/selectors';
import type { Source } from '@/lib/schema/source';

// Valid, fully linked record sets with the text researchers actually meet: Cyrillic and Belarusian
// Latin, Arabic and Hebrew (RTL), emoji sequences, quotes, commas, line breaks and formula-like
// openings, next to arbitrary Unicode (lone surrogates included) and the longest allowed note.

const SAMPLES = [
  'Зінаіда Міхнюк',
  'Homieĺ colony No. 4',
  'محمد عبد الله',
  'אסיר פוליטי',
  '👩🏽‍⚖️ ⚖️ 🇧🇾',
  'He said "free them all", twice',
  'line one\nline two\r\nline three',
  '=HYPERLINK("http://evil.example")',
  '@SUM(1)',
  '-2+3',
  '\tindented',
  ' leading and trailing ',
];

/** Text of at most `max` UTF-16 code units and at least `min`. */
export function text(max: number, min = 0): fc.Arbitrary<string> {
  return fc
    .oneof(
      { weight: 3, arbitrary: fc.constantFrom(...SAMPLES) },
      { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
    )
    .map((s) => s.slice(0, max))
    .filter((s) => s.length >= min);
}

const note = fc.oneof(
  { weight: 6, arbitrary: text(LIMITS.note) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.constant('Ж'.repeat(LIMITS.note)) },
);

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const date = fc.date({
  min: new Date('1990-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});

/** An instant as the extension writes it, or with an offset, or with more than millisecond precision. */
export const instant: fc.Arbitrary<string> = fc.oneof(
  date.map((d) => d.toISOString()),
  date.map((d) =>
    d
      .toISOString()
      .replace('.000Z', 'Z')
      .replace(/\.\d{3}Z$/, '.123456Z'),
  ),
  fc
    .tuple(date, fc.integer({ min: -12, max: 14 }), fc.constantFrom(0, 30, 45))
    .map(([d, h, m]) => `${d.toISOString().slice(0, 19)}${h < 0 ? '-' : '+'}${pad(Math.abs(h))}:${pad(m)}`),
);

const partialDate = date.chain((d) =>
  fc.constantFrom(d.toISOString().slice(0, 10), d.toISOString().slice(0, 7), d.toISOString().slice(0, 4)),
);

const pageDate = fc.option(
  fc.oneof(
    instant,
    partialDate.filter((s) => s.length === 10),
    date.map((d) => d.toISOString().slice(0, 19)),
  ),
);

const url = fc
  .tuple(
    fc.constantFrom(
      'https://rights-monitor.example',
      'http://127.0.0.1:5179',
      'https://xn--80aaxitdbjk.by',
      'https://news.example:8443',
    ),
    fc.webPath(),
    fc.option(fc.webQueryParameters(), { nil: '' }),
  )
  .map(([origin, path, query]) => `${origin}${path}${query ? `?${query}` : ''}`);

const hex64 = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });

function source(id: string): fc.Arbitrary<Source> {
  return fc.record({
    id: fc.constant(id),
    url,
    canonicalUrl: fc.option(url),
    title: text(LIMITS.title),
    siteName: fc.option(text(LIMITS.label)),
    authors: fc.array(text(LIMITS.name, 1), { maxLength: 3 }),
    lang: fc.option(fc.constantFrom('en', 'be', 'ru', 'ar', 'he', 'en_US', 'zh-Hant-TW', 'not a tag')),
    publishedTime: pageDate,
    modifiedTime: pageDate,
    firstAccessed: instant,
    lastAccessed: instant,
    textSha256: fc.option(hex64),
  });
}

function person(id: string): fc.Arbitrary<Person> {
  return fc.record({
    id: fc.constant(id),
    name: text(LIMITS.name, 1),
    aliases: fc.uniqueArray(text(LIMITS.name, 1), { maxLength: 3 }),
    notes: text(LIMITS.note),
    created: instant,
    modified: instant,
  });
}

const legalArticle = fc.record({
  code: fc.constantFrom('Criminal Code', 'Code of Administrative Offenses', 'Крымінальны кодэкс'),
  article: fc.constantFrom('368', '361-1', '342', '130'),
  part: fc.option(fc.constantFrom('1', '2', '3')),
});

function kase(id: string, personIds: string[]): fc.Arbitrary<Case> {
  return fc.record({
    id: fc.constant(id),
    title: text(LIMITS.title, 1),
    personIds: fc.shuffledSubarray(personIds),
    legalArticles: fc.array(legalArticle, { maxLength: 2 }),
    court: fc.option(text(LIMITS.label, 1)),
    judge: fc.option(text(LIMITS.name, 1)),
    facility: fc.option(text(LIMITS.label, 1)),
    sentence: fc.option(text(LIMITS.label, 1)),
    status: fc.constantFrom(...CASE_STATUSES),
    keyDates: fc.array(fc.record({ event: text(LIMITS.label, 1), date: partialDate }), { maxLength: 3 }),
    notes: text(LIMITS.note),
    created: instant,
    modified: instant,
  });
}

const quoteSelector: fc.Arbitrary<Selector> = fc.record(
  {
    type: fc.constant('TextQuoteSelector' as const),
    exact: text(LIMITS.quote, 1),
    prefix: text(LIMITS.context),
    suffix: text(LIMITS.context),
  },
  { requiredKeys: ['type', 'exact'] },
);

const positionSelector: fc.Arbitrary<Selector> = fc
  .tuple(fc.nat(1_000_000), fc.nat(5_000))
  .map(([start, length]) => ({ type: 'TextPositionSelector' as const, start, end: start + length }));

const selectors = fc
  .tuple(quoteSelector, fc.array(fc.oneof(quoteSelector, positionSelector), { maxLength: 3 }), fc.boolean())
  .map(([quote, others, quoteLast]) => (quoteLast ? [...others, quote] : [quote, ...others]));

const fact: fc.Arbitrary<FactFields | null> = fc.option(
  fc.record({
    eventType: fc.option(fc.constantFrom(...EVENT_TYPES)),
    date: fc.option(partialDate),
    place: fc.option(text(LIMITS.label, 1)),
    legalArticle: fc.option(legalArticle),
    term: fc.option(
      fc.record({
        text: text(LIMITS.label, 1),
        years: fc.integer({ min: 0, max: 100 }),
        months: fc.integer({ min: 0, max: 1200 }),
        days: fc.integer({ min: 0, max: 36500 }),
      }),
    ),
  }),
);

function annotation(id: string, sourceIds: string[], personIds: string[], caseIds: string[]): fc.Arbitrary<Annotation> {
  return fc.record({
    id: fc.constant(id),
    sourceId: fc.constantFrom(...sourceIds),
    selectors,
    kind: fc.constantFrom('person', 'case', 'fact', 'legal-article', 'other', 'custom-kind-2'),
    tags: fc.uniqueArray(text(LIMITS.label, 1), { maxLength: 12 }),
    note,
    personIds: fc.shuffledSubarray(personIds),
    caseIds: fc.shuffledSubarray(caseIds),
    fact,
    creator: fc.option(text(LIMITS.name, 1)),
    created: instant,
    modified: instant,
    anchoring: fc.record({
      state: fc.constantFrom('anchored' as const, 'orphaned' as const, 'unchecked' as const),
      checkedAt: fc.option(instant),
    }),
  });
}

/** A valid record set whose every link resolves: 1-3 sources, up to 3 persons and cases, up to 6 annotations. */
export const recordSet: fc.Arbitrary<RecordSet> = fc
  .record({
    sources: fc.integer({ min: 1, max: 3 }),
    persons: fc.integer({ min: 0, max: 3 }),
    cases: fc.integer({ min: 0, max: 3 }),
    annotations: fc.integer({ min: 0, max: 6 }),
  })
  .chain((n) =>
    fc
      .uniqueArray(fc.uuid(), {
        minLength: n.sources + n.persons + n.cases + n.annotations,
        maxLength: n.sources + n.persons + n.cases + n.annotations,
      })
      .chain((ids) => {
        const sourceIds = ids.slice(0, n.sources);
        const personIds = ids.slice(n.sources, n.sources + n.persons);
        const caseIds = ids.slice(n.sources + n.persons, n.sources + n.persons + n.cases);
        const annotationIds = ids.slice(n.sources + n.persons + n.cases);
        return fc.record({
          sources: fc.tuple(...sourceIds.map(source)),
          persons: fc.tuple(...personIds.map(person)),
          cases: fc.tuple(...caseIds.map((id) => kase(id, personIds))),
          annotations: fc.tuple(...annotationIds.map((id) => annotation(id, sourceIds, personIds, caseIds))),
        });
      }),
  );
