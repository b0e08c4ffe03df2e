import { describe, expect, it } from 'vitest';
import { readAll } from '@/lib/db/records';
import type { ServiceContext } from '@/lib/records/annotation-service';
import { linkFromPage, matchRecords } from '@/lib/records/link-service';
import { makeAnnotation, makeCase, makePerson, makeSource, uuid } from '../../support/records';
import { openTestDb, putAll } from '../../support/test-db';

function context(): ServiceContext {
  let tick = 0;
  return {
    db: openTestDb(),
    now: () => `2026-11-23T10:00:${String(tick++).padStart(2, '0')}.000Z`,
    newId: () => uuid(),
    creator: async () => null,
    lastKind: async () => 'person',
    rememberKind: async () => undefined,
  };
}

async function setup() {
  const ctx = context();
  const source = makeSource();
  const person = makePerson({ name: 'Zinaida Mikhniuk', aliases: ['Зінаіда Міхнюк'] });
  const kase = makeCase({ title: 'Mikhniuk: insulting the head of state' });
  const annotation = makeAnnotation(source.id);
  await putAll(ctx.db, { sources: [source], persons: [person], cases: [kase], annotations: [annotation] });
  return { ctx, source, person, kase, annotation };
}

describe('linking from the card on the page', () => {
  it.each([
    {
      target: 'person' as const,
      query: 'Михнюк',
      expected: [{ name: 'Zinaida Mikhniuk', matched: 'Zinaida Mikhniuk' }],
    },
    {
      target: 'person' as const,
      query: 'Зінаіда',
      expected: [{ name: 'Zinaida Mikhniuk', matched: 'Zinaida Mikhniuk' }],
    },
    {
      target: 'case' as const,
      query: 'mikhn',
      expected: [{ name: 'Mikhniuk: insulting the head of state', matched: 'Mikhniuk: insulting the head of state' }],
    },
    { target: 'case' as const, query: 'Losik', expected: [] },
  ])('matches $target "$query"', async ({ target, query, expected }) => {
    const { ctx } = await setup();
    expect((await matchRecords(ctx.db, target, query)).map(({ name, matched }) => ({ name, matched }))).toEqual(
      expected,
    );
  });

  it('links, unlinks and creates from the page the highlight is on', async () => {
    const { ctx, source, person, annotation } = await setup();
    const base = { id: annotation.id, target: 'person' as const, create: null };
    expect((await linkFromPage(ctx, { ...base, targetId: person.id, on: true }, source.url)).personIds).toEqual([
      person.id,
    ]);
    expect((await linkFromPage(ctx, { ...base, targetId: person.id, on: false }, source.url)).personIds).toEqual([]);
    const created = await linkFromPage(ctx, { ...base, targetId: null, create: 'Ihar Losik', on: true }, source.url);
    const { persons } = await readAll(ctx.db);
    expect(persons.find((p) => p.id === created.personIds[0])?.name).toBe('Ihar Losik');
  });

  it('refuses a highlight of another page and changes nothing', async () => {
    const { ctx, person, annotation } = await setup();
    const before = await readAll(ctx.db);
    await expect(
      linkFromPage(
        ctx,
        { id: annotation.id, target: 'person', targetId: person.id, create: null, on: true },
        'https://elsewhere.example/',
      ),
    ).rejects.toThrow(/another page/);
    expect(await readAll(ctx.db)).toEqual(before);
  });
});
