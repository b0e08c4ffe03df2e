import type { Annotation } from '@/lib/schema/annotation';
import type { Case } from '@/lib/schema/case';
import type { RecordSet } from '@/lib/schema/envelope';
import type { Person } from '@/lib/schema/person';
import type { Source } from '@/lib/schema/source';

// Builders for valid records, drawn from the release-digest fixture page (quotes, context and
// positions match its body text), for tests to vary.

let counter = 0;
/** A deterministic UUID (v4 layout) for tests: uuid(1) is always the same id. */
export function uuid(n = ++counter): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

export function makeSource(overrides: Partial<Source> = {}): Source {
  return {
    id: uuid(),
    url: 'http://127.0.0.1:5179/release-digest.html?utm_source=feed',
    canonicalUrl: 'https://rights-monitor.example/news/political-prisoners-released-january-2024/',
    title: 'Freed after serving their terms: political prisoners released in January 2024 | Belarus Rights Monitor',
    siteName: 'Belarus Rights Monitor',
    authors: ['Belarus Rights Monitor'],
    lang: 'en',
    publishedTime: '2024-02-02T12:47:42+03:00',
    modifiedTime: '2024-02-02T12:47:42+03:00',
    firstAccessed: '2026-11-22T10:00:00.000Z',
    lastAccessed: '2026-11-22T10:05:00.000Z',
    textSha256: 'a'.repeat(64),
    ...overrides,
  };
}

export function makePerson(overrides: Partial<Person> = {}): Person {
  return {
    id: uuid(),
    name: 'Zinaida Mikhniuk',
    aliases: ['Зінаіда Міхнюк'],
    notes: 'Trade union activist from Brest.',
    created: '2026-11-22T10:01:00.000Z',
    modified: '2026-11-22T10:01:00.000Z',
    ...overrides,
  };
}

export function makeCase(overrides: Partial<Case> = {}): Case {
  return {
    id: uuid(),
    title: 'Mikhniuk: insulting the head of state',
    personIds: [],
    legalArticles: [{ code: 'Criminal Code', article: '368', part: '1' }],
    court: null,
    judge: null,
    facility: 'Homieĺ colony No. 4',
    sentence: 'two years in a penal colony',
    status: 'released',
    keyDates: [
      { event: 'detention', date: '2020-03-25' },
      { event: 'release', date: '2024-01-29' },
    ],
    notes: '',
    created: '2026-11-22T10:02:00.000Z',
    modified: '2026-11-22T10:02:00.000Z',
    ...overrides,
  };
}

export function makeAnnotation(sourceId: string, overrides: Partial<Annotation> = {}): Annotation {
  return {
    id: uuid(),
    sourceId,
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: 'Zinaida Mikhniuk',
        prefix: 'om social networks\n      \n      ',
        suffix: ', a trade union activist, was de',
      },
      { type: 'TextPositionSelector', start: 1467, end: 1483 },
    ],
    kind: 'person',
    tags: ['released'],
    note: '',
    personIds: [],
    caseIds: [],
    fact: null,
    creator: 'Alesia K.',
    created: '2026-11-22T10:03:00.000Z',
    modified: '2026-11-22T10:03:00.000Z',
    anchoring: { state: 'anchored', checkedAt: '2026-11-22T10:03:00.000Z' },
    ...overrides,
  };
}

/** A small, fully linked record set: one source, a person, a case, a person and a fact highlight. */
export function makeRecordSet(): RecordSet {
  const source = makeSource();
  const person = makePerson();
  const kase = makeCase({ personIds: [person.id] });
  const mention = makeAnnotation(source.id, { personIds: [person.id] });
  const fact = makeAnnotation(source.id, {
    kind: 'fact',
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: 'Part 1 of Article 368 of the Criminal Code',
        prefix: 'with insulting Lukashenka under ',
        suffix: ', and in May 2022 the court gave',
      },
      { type: 'TextPositionSelector', start: 1723, end: 1765 },
    ],
    caseIds: [kase.id],
    personIds: [person.id],
    note: 'Charge; sentence handed down in May 2022.',
    fact: {
      eventType: 'charge',
      date: null,
      place: 'Brest',
      legalArticle: { code: 'Criminal Code', article: '368', part: '1' },
      term: null,
    },
  });
  return { sources: [source], annotations: [mention, fact], persons: [person], cases: [kase] };
}
