import { describe, expect, it } from 'vitest';
import { countAnnotations } from '@/lib/db/field-keys';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { putPerson } from '@/lib/db/records';
import { createAnnotation, type ServiceContext } from '@/lib/records/annotation-service';
import { articleLabel, createSuggestionService, MAX_DISMISSED_PER_PAGE } from '@/lib/records/suggestion-service';
import { MAX_SUGGESTIONS } from '@/lib/messaging/protocol';
import type { RecordsDatabase } from '@/lib/db/database';
import { openTestDb } from '../../support/test-db';
import { makePerson, makeSource, uuid } from '../../support/records';

const PAGE = 'https://rights-monitor.example/news/press-review-january-2024/';
const TEXT = 'Зінаіду Міхнюк затрымалі. Zinaida Mikhnyuk was freed; Mikhniuk was tried under ч. 1 арт. 368 КК.';

async function service(enabled = true) {
  const db = openTestDb();
  const person = await putPerson(db, makePerson());
  fakeBrowser.reset();
  let on = enabled;
  const suggestions = createSuggestionService(db, fakeBrowser.storage.local, async () => on);
  return { db, person, suggestions, switchTo: (value: boolean) => (on = value) };
}

const quotes = (text: string, list: { start: number; end: number; label: string }[]) =>
  list.map((s) => [text.slice(s.start, s.end), s.label]);

describe('suggestion service', () => {
  it('suggests every spelling of a registered person and the legal article, in text order', async () => {
    const { suggestions, person } = await service();
    const found = await suggestions.scan(PAGE, TEXT);
    expect(quotes(TEXT, found)).toEqual([
      ['Зінаіду Міхнюк', 'Zinaida Mikhniuk'],
      ['Zinaida Mikhnyuk', 'Zinaida Mikhniuk'],
      ['Mikhniuk', 'Zinaida Mikhniuk'],
      ['ч. 1 арт. 368 КК', 'Part 1 of Article 368, Criminal Code'],
    ]);
    expect(found.slice(0, 3).every((s) => s.personId === person.id && s.article === null)).toBe(true);
    expect(found[3]).toMatchObject({ personId: null, article: { code: 'Criminal Code', article: '368', part: '1' } });
  });

  it('suggests nothing when switched off', async () => {
    const { suggestions, switchTo } = await service(false);
    expect(await suggestions.scan(PAGE, TEXT)).toEqual([]);
    switchTo(true);
    expect(await suggestions.scan(PAGE, TEXT)).toHaveLength(4);
  });

  it('remembers a dismissal for that page only, for those words of that person', async () => {
    const { suggestions } = await service();
    const [cyrillic] = await suggestions.scan(PAGE, TEXT);
    await suggestions.dismiss(PAGE, cyrillic!.key);
    expect(quotes(TEXT, await suggestions.scan(`${PAGE}?utm_source=feed`, TEXT)).map((q) => q[0])).toEqual([
      'Zinaida Mikhnyuk',
      'Mikhniuk',
      'ч. 1 арт. 368 КК',
    ]);
    expect(await suggestions.scan('https://other.example/a', TEXT)).toHaveLength(4);
  });

  it('keeps at most MAX_DISMISSED_PER_PAGE dismissals, dropping the oldest', async () => {
    const { suggestions } = await service();
    for (let i = 0; i <= MAX_DISMISSED_PER_PAGE; i++) await suggestions.dismiss(PAGE, `k${i}`);
    const stored = Object.values(await fakeBrowser.storage.local.get(null))[0] as string[];
    expect(stored).toHaveLength(MAX_DISMISSED_PER_PAGE);
    expect(stored[0]).toBe('k1');
  });

  it('sees a person added, renamed or deleted since the last scan', async () => {
    const { db, suggestions, person } = await service();
    const text = 'Ihar Losik and Zinaida Mikhniuk';
    expect((await suggestions.scan(PAGE, text)).map((s) => s.label)).toEqual(['Zinaida Mikhniuk']);
    await putPerson(db, makePerson({ name: 'Ihar Losik', aliases: [], modified: '2026-11-22T11:00:00.000Z' }));
    expect((await suggestions.scan(PAGE, text)).map((s) => s.label)).toEqual(['Ihar Losik', 'Zinaida Mikhniuk']);
    await putPerson(db, { ...person, name: 'Zinaida Mikhnyuk', modified: '2026-11-22T12:00:00.000Z' });
    expect((await suggestions.scan(PAGE, text)).map((s) => s.label)).toEqual(['Ihar Losik', 'Zinaida Mikhnyuk']);
    await db.persons.delete(person.id); // as a merge in the side panel does
    expect((await suggestions.scan(PAGE, text)).map((s) => s.label)).toEqual(['Ihar Losik']);
  });

  it(`answers at most ${MAX_SUGGESTIONS} suggestions, persons first`, async () => {
    const { suggestions } = await service();
    const text = `${'Article 342. '.repeat(MAX_SUGGESTIONS)}Zinaida Mikhniuk`;
    const found = await suggestions.scan(PAGE, text);
    expect(found).toHaveLength(MAX_SUGGESTIONS);
    expect(found.at(-1)!.label).toBe('Zinaida Mikhniuk');
  });

  it.each([
    { article: { code: 'Criminal Code', article: '368', part: '1' }, expected: 'Part 1 of Article 368, Criminal Code' },
    { article: { code: 'Criminal Code', article: '342', part: null }, expected: 'Article 342, Criminal Code' },
  ])('labels $expected', ({ article, expected }) => {
    expect(articleLabel(article)).toBe(expected);
  });
});

describe('accepting a suggestion', () => {
  it('saves a person highlight linked to the person, or a fact prefilled with the article', async () => {
    const db: RecordsDatabase = openTestDb();
    const person = await putPerson(db, makePerson());
    const ctx: ServiceContext = {
      db,
      now: () => '2026-11-22T10:00:00.000Z',
      newId: () => uuid(),
      creator: async () => null,
      lastKind: async () => 'person',
      rememberKind: async () => undefined,
    };
    const { id: _id, firstAccessed: _f, lastAccessed: _l, ...source } = makeSource({ url: PAGE });
    const selectors = [{ type: 'TextQuoteSelector' as const, exact: 'Zinaida Mikhnyuk', prefix: '', suffix: '' }];
    const linked = await createAnnotation(
      ctx,
      { source, selectors, kind: 'person', links: { personIds: [person.id] } },
      PAGE,
    );
    expect(linked).toMatchObject({ kind: 'person', personIds: [person.id], fact: null });
    const article = { code: 'Criminal Code', article: '368', part: '1' };
    const fact = await createAnnotation(
      ctx,
      { source, selectors, kind: 'fact', links: { legalArticle: article } },
      PAGE,
    );
    expect(fact.fact).toEqual({ eventType: null, date: null, place: null, legalArticle: article, term: null });
    // A person that is not stored is refused, and nothing is written.
    await expect(
      createAnnotation(ctx, { source, selectors, kind: 'person', links: { personIds: [uuid()] } }, PAGE),
    ).rejects.toThrow(/no person/);
    expect(await countAnnotations(db)).toBe(2);
  });
});
