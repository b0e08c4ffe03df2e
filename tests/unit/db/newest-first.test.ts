import { describe, expect, it } from 'vitest';
import { filterAnnotationIds, NO_FILTER } from '@/lib/db/filters';
import { fixedOrder } from '@/lib/db/newest-first';
import { mergeRecordSet } from '@/lib/db/merge';
import { putAnnotation } from '@/lib/db/records';
import { makeAnnotation, makeSource, uuid } from '../../support/records';
import { openTestDb } from '../../support/test-db';

// 1,000 highlights, one second apart: index i is the i-th oldest. The order the "All records" list
// gets from the posting lists' ranks must be exactly what sorting the records by time would give.
const SIZE = 1_000;

async function store() {
  const db = openTestDb();
  const source = makeSource();
  const ids = Array.from({ length: SIZE }, (_, i) => uuid(800_000 + i));
  const annotations = ids.map((id, i) =>
    makeAnnotation(source.id, {
      id,
      kind: i % 7 === 0 ? 'fact' : 'person',
      tags: i < 5 ? ['old'] : [],
      modified: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString(),
    }),
  );
  await mergeRecordSet(
    db,
    { sources: [source], annotations, persons: [], cases: [] },
    () => '2026-11-22T10:00:00.000Z',
  );
  return { db, ids, annotations, newestFirst: [...ids].reverse() };
}

describe('newest-first order of the "All records" list', () => {
  it.each([
    {
      name: 'every highlight, scrolled in steps to the end and beyond',
      filter: {},
      member: null,
      upTo: [20, 350, 1_000, 5_000],
    },
    {
      name: 'every 7th highlight (a kind)',
      filter: { kind: 'fact' },
      member: (i: number) => i % 7 === 0,
      upTo: [10, 143, 500],
    },
    { name: 'a few old highlights only (a tag)', filter: { tag: 'old' }, member: (i: number) => i < 5, upTo: [3, 10] },
    { name: 'no highlight at all', filter: { tag: 'none' }, member: () => false, upTo: [10] },
  ])('$name', async ({ filter, member, upTo }) => {
    const { db, ids, newestFirst } = await store();
    const members = member ? new Set(ids.filter((_, i) => member(i))) : null;
    const expected = members ? newestFirst.filter((id) => members.has(id)) : newestFirst;
    const { order, count } = await filterAnnotationIds(db, { ...NO_FILTER, ...filter });
    expect(count).toBe(expected.length);
    for (const n of upTo) expect(await order.upTo(n)).toEqual(expected.slice(0, n));
  });

  it('moves an edited highlight to the top, and an edit back in time down again', async () => {
    const { db, annotations, newestFirst } = await store();
    const oldest = annotations[0]!;
    await putAnnotation(db, { ...oldest, modified: '2026-01-01T00:00:00.000Z' });
    expect(await (await filterAnnotationIds(db, NO_FILTER)).order.upTo(2)).toEqual([oldest.id, newestFirst[0]]);
    await putAnnotation(db, oldest);
    expect(await (await filterAnnotationIds(db, NO_FILTER)).order.upTo(1000)).toEqual(newestFirst);
  });

  it('keeps a fixed order as given', async () => {
    expect(await fixedOrder(['c', 'a', 'b']).upTo(2)).toEqual(['c', 'a']);
  });
});
