import { describe, expect, it } from 'vitest';
import { Annotation } from '@/lib/schema/annotation';
import { Case } from '@/lib/schema/case';
import { ExportEnvelope, SCHEMA_ID } from '@/lib/schema/envelope';
import { formatIssue } from '@/lib/schema/issues';
import { findBrokenLink } from '@/lib/schema/links';
import { Person } from '@/lib/schema/person';
import { Source } from '@/lib/schema/source';
import { makeAnnotation, makeCase, makePerson, makeRecordSet, makeSource, uuid } from '../../support/records';

const firstIssue = (result: { success: boolean; error?: { issues: Parameters<typeof formatIssue>[0][] } }) =>
  result.success ? null : formatIssue(result.error!.issues[0]!);

describe('Source', () => {
  it.each([
    ['a full record', {}, null],
    ['no canonical URL and no dates', { canonicalUrl: null, publishedTime: null, modifiedTime: null }, null],
    ['a date-only published time', { publishedTime: '2024-02-02' }, null],
    ['a local date-time (no offset declared)', { publishedTime: '2024-02-02T12:47:42' }, null],
    ['a free-text date', { publishedTime: 'Feb 2, 2024' }, 'publishedTime: does not match any allowed shape'],
    ['a file URL', { url: 'file:///home/a.html' }, 'url: not a valid url'],
    ['an upper-case hash', { textSha256: 'A'.repeat(64) }, 'textSha256: must be 64 lower-case hex digits'],
    ['an empty author', { authors: [''] }, 'authors[0]: must not be empty'],
  ])('%s → %s', (_label, change, expected) => {
    expect(firstIssue(Source.safeParse(makeSource(change)))).toBe(expected);
  });
});

describe('Annotation', () => {
  const source = uuid();
  it.each([
    ['a person mention', {}, null],
    ['Cyrillic, RTL and emoji quotes', { selectors: [{ type: 'TextQuoteSelector', exact: 'Зінаіда ‏حقوق 👩‍⚖️' }] }, null],
    ['no selectors', { selectors: [] }, 'selectors: less than 1 items'],
    ['only a position', { selectors: [{ type: 'TextPositionSelector', start: 1, end: 2 }] }, 'selectors: a TextQuoteSelector is required'],
    ['an empty quote', { selectors: [{ type: 'TextQuoteSelector', exact: '' }] }, 'selectors[0].exact: must not be empty'],
    ['a backwards position', { selectors: [{ type: 'TextQuoteSelector', exact: 'a' }, { type: 'TextPositionSelector', start: 5, end: 2 }] }, 'selectors[1].end: end must not be before start'],
    ['an unknown selector type', { selectors: [{ type: 'XPathSelector', value: '/p' }] }, 'selectors[0].type: must be "TextQuoteSelector" or "TextPositionSelector"'],
    ['a user-defined kind', { kind: 'prison-facility' }, null],
    ['a kind with spaces', { kind: 'Prison facility' }, 'kind: must be lower-case letters, digits and hyphens (at most 40)'],
    ['duplicate tags', { tags: ['a', 'a'] }, 'tags: items must be unique'],
    ['duplicate person links', { personIds: [source, source] }, 'personIds: ids must be unique'],
    ['an unknown field', { html: '<b>x</b>' }, 'unknown field "html"'],
    ['a partial fact date', { kind: 'fact', fact: { eventType: 'release', date: '2024-01', place: null, legalArticle: null, term: null } }, null],
    ['an unknown event type', { fact: { eventType: 'party', date: null, place: null, legalArticle: null, term: null } }, 'fact.eventType: must be "detention" or "search" or "charge" or "trial" or "sentence" or "appeal" or "transfer" or "release" or "death" or "fine" or "designation" or "other"'],
  ])('%s → %s', (_label, change, expected) => {
    const issue = firstIssue(Annotation.safeParse({ ...makeAnnotation(source), ...change }));
    if (expected?.startsWith('unknown field')) expect(issue).toContain(expected);
    else expect(issue).toBe(expected);
  });
});

describe('Person and Case', () => {
  it('accept aliases in several scripts and a case with its article and dates', () => {
    expect(Person.safeParse(makePerson({ aliases: ['Зінаіда Міхнюк', 'Зинаида Михнюк', 'Zinaida Mikhnyuk'] })).success).toBe(true);
    expect(Case.safeParse(makeCase()).success).toBe(true);
  });
  it('refuse an empty name and an impossible date', () => {
    expect(firstIssue(Person.safeParse(makePerson({ name: '' })))).toBe('name: must not be empty');
    expect(firstIssue(Case.safeParse(makeCase({ keyDates: [{ event: 'release', date: '2024-13-01' }] })))).toBe(
      'keyDates[0].date: must be a date as YYYY, YYYY-MM or YYYY-MM-DD',
    );
  });
});

describe('ExportEnvelope and links', () => {
  const envelope = { schema: SCHEMA_ID, version: 1, exportedAt: '2026-11-22T12:00:00Z', generator: { name: 'x', version: '1' }, creator: null, scope: { kind: 'all' }, kinds: [] };

  it('accepts a linked record set', () => {
    const set = makeRecordSet();
    expect(ExportEnvelope.safeParse({ ...envelope, ...set }).success).toBe(true);
    expect(findBrokenLink(set)).toBeNull();
  });

  it('treats a __proto__ key as an unknown field, not as a prototype', () => {
    const hostile = JSON.parse(JSON.stringify({ ...envelope, ...makeRecordSet() }).replace('"kinds":[]', '"kinds":[],"__proto__":{"polluted":true}'));
    expect(firstIssue(ExportEnvelope.safeParse(hostile))).toContain('unknown field "__proto__"');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it.each([
    ['an annotation whose source is missing', (s: ReturnType<typeof makeRecordSet>) => ({ ...s, sources: [] }), 'annotations[0].sourceId'],
    ['a link to a missing person', (s: ReturnType<typeof makeRecordSet>) => ({ ...s, persons: [] }), 'annotations[0].personIds[0]'],
    ['a link to a missing case', (s: ReturnType<typeof makeRecordSet>) => ({ ...s, cases: [] }), 'annotations[1].caseIds[0]'],
    ['a duplicate id', (s: ReturnType<typeof makeRecordSet>) => ({ ...s, persons: [s.persons[0]!, s.persons[0]!] }), 'persons[1].id'],
  ])('finds %s', (_label, change, path) => {
    expect(findBrokenLink(change(makeRecordSet()))?.path).toBe(path);
  });
});
