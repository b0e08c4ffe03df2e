import { describe, expect, it } from 'vitest';
import { fixedOrder, newestFirstOrder } from '@/lib/db/newest-first';
import { mergeRecordSet } from '@/lib/db/merge';
import { makeAnnotation, makeSource, uuid } from '../../support/records';
import { openTestDb } from '../../support/test-db';

// 1,000 highlights, one second apart: index i is the i-th oldest. The lazy order must give exactly
// what sorting everything would, whatever the page sizes it reads on the way.
const SIZE = 1_000;

async function store() {
  const db = openTestDb();
  const source = makeSource();
  const ids = Array.from({ length: SIZE }, (_, i) => uuid(800_000 + i));
  const annotations = ids.map((id, i) =>
    makeAnnotation(source.id, { id, modified: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString() }),
  );
  await mergeRecordSet(
    db,
    { sources: [source], annotations, persons: [], cases: [] },
    () => '2026-11-22T10:00:00.000Z',
  );
  return { db, ids, newestFirst: [...ids].reverse() };
}

describe('newestFirstOrder', () => {
  it.each([
    { name: 'every highlight, a screenful', member: null, upTo: [20] },
    {
      name: 'every highlight, scrolled in steps to the end and beyond',
      member: null,
      upTo: [20, 350, 999, 1_000, 5_000],
    },
    {
      name: 'every 7th highlight, needing several pages',
      member: (i: number) => i % 7 === 0,
      upTo: [10, 60, 143, 500],
    },
    { name: 'a few old highlights only', member: (i: number) => i < 5, upTo: [3, 5, 10] },
    { name: 'no highlight at all', member: () => false, upTo: [10] },
  ])('$name', async ({ member, upTo }) => {
    const { db, ids, newestFirst } = await store();
    const members = member ? new Set(ids.filter((_, i) => member(i))) : null;
    const expected = members ? newestFirst.filter((id) => members.has(id)) : newestFirst;
    const order = newestFirstOrder(db, members);
    for (const n of upTo) expect(await order.upTo(n)).toEqual(expected.slice(0, n));
  });

  it('keeps a fixed order as given', async () => {
    expect(await fixedOrder(['c', 'a', 'b']).upTo(2)).toEqual(['c', 'a']);
  });
});
