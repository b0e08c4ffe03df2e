import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyTermChanges,
  buildTermRows,
  clearScope,
  entriesOf,
  entriesWithPrefix,
  rankOf,
  termChanges,
  termsWithPrefix,
  type TermChange,
  type TermRow,
} from '@/lib/db/terms';
import { openTestDb } from '../../support/test-db';

// The posting lists must always hold exactly the records carrying each term, with their current
// rank, however puts and deletes interleave, and keep their block layout valid: entries sorted by
// id, each block within its start and the next block's, the first block of a term at ''. Small
// blocks make splits happen.

const BLOCK = 3;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TERMS = ['brest', 'brestskaya', 'homiel', 'minsk', 'mikhniuk', 'міхнюк'];

const R1 = rankOf('2026-11-22T10:00:00Z');
const R2 = rankOf('2026-11-23T10:00:00Z');
const idOf = (entry: string) => entry.split(':')[0]!;

/** Checks every term's blocks for the layout rules and returns the `id:rank` entries per term. */
function layoutOf(rows: readonly TermRow[]): Map<string, string[]> {
  const byTerm = new Map<string, TermRow[]>();
  for (const row of rows) byTerm.set(row.term, [...(byTerm.get(row.term) ?? []), row]);
  const lists = new Map<string, string[]>();
  for (const [term, blocks] of byTerm) {
    expect(blocks[0]!.start).toBe('');
    const ids: string[] = [];
    blocks.forEach((block, i) => {
      const own = entriesOf(block);
      const next = blocks[i + 1]?.start;
      for (const x of own.map(idOf)) {
        expect(x >= block.start && (next === undefined || x < next)).toBe(true);
      }
      ids.push(...own);
    });
    expect(ids).toEqual([...ids].sort());
    if (ids.length) lists.set(term, ids);
  }
  return lists;
}

describe('posting lists', () => {
  it.each([
    ['1970-01-01T00:00:00Z', '000000000'],
    ['2026-11-22T10:00:00Z', '0mwro18g0'],
    ['2026-11-22T13:00:00.000+03:00', '0mwro18g0'],
    ['2026-11-22T10:00:00.001Z', '0mwro18g1'],
  ])('ranks %s as %s, in time order', (instant, rank) => {
    expect(rankOf(instant)).toBe(rank);
  });

  it('builds sorted blocks of at most the block size, the first at ""', () => {
    const docs = [5, 1, 4, 2, 3, 7, 6].map((n) => ({ id: id(n), rank: R1, terms: ['brest'] }));
    const rows = buildTermRows('persons', docs, BLOCK);
    expect(rows.map((r) => [r.start, entriesOf(r).length])).toEqual([
      ['', 2],
      [id(3), 2],
      [id(5), 3],
    ]);
    expect([...layoutOf(rows).get('brest')!]).toEqual([1, 2, 3, 4, 5, 6, 7].map((n) => `${id(n)}:${R1}`));
  });

  it('leaves no empty first block behind when the rest of its list empties in a later write', async () => {
    const db = openTestDb();
    const ids = [1, 2, 3, 4, 5, 6].map(id);
    await db.terms.bulkPut(
      buildTermRows(
        'persons',
        ids.map((key) => ({ id: key, rank: R1, terms: ['brest'] })),
        2,
      ),
    );
    const remove = (keys: string[]) =>
      db.transaction('rw', db.terms, () =>
        applyTermChanges(db.terms, 'persons', new Map([['brest', { add: [], remove: keys }]]), 2),
      );
    await remove(ids.slice(0, 2)); // the first block empties and stays, for the list goes on
    expect((await db.terms.toArray()).map((row) => row.start)).toEqual(['', ids[2], ids[4]]);
    await remove(ids.slice(2)); // the rest empties: the empty first block goes with it
    expect(await db.terms.toArray()).toEqual([]);
    expect(await termsWithPrefix(db.terms, 'persons', 'br')).toEqual([]);
  });

  it('follows any sequence of puts and deletes like a plain map of sets', async () => {
    const op = fc.record({
      record: fc.integer({ min: 1, max: 40 }),
      terms: fc.option(fc.uniqueArray(fc.constantFrom(...TERMS), { maxLength: 4 }), { nil: null }),
      rank: fc.constantFrom(R1, R2),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 12 }), { maxLength: 8 }), async (batches) => {
        const db = openTestDb();
        const model = new Map<string, { terms: string[]; rank: string }>(); // record id → what it holds
        for (const batch of batches) {
          const changes = new Map<string, TermChange>();
          const next = new Map(model);
          for (const { record, terms, rank } of batch) {
            const key = id(record);
            const after = terms ? { terms, rank } : null;
            // termChanges is given each record's state before this write, as a store reads it.
            termChanges(changes, key, next.get(key) ?? null, after);
            if (after) next.set(key, after);
            else next.delete(key);
            // Applied per write, so one record written twice in a batch stays consistent.
            await db.transaction('rw', db.terms, () => applyTermChanges(db.terms, 'persons', changes, BLOCK));
            changes.clear();
          }
          model.clear();
          for (const [k, v] of next) model.set(k, v);
          const expected = new Map<string, string[]>();
          for (const [key, { terms, rank }] of model) {
            for (const term of terms) expected.set(term, [...(expected.get(term) ?? []), `${key}:${rank}`].sort());
          }
          expect(layoutOf(await db.terms.toArray())).toEqual(expected);
        }
        await db.delete();
      }),
      { numRuns: 40 },
    );
  });

  it('finds every record under a prefix, once, with its rank, and only in its scope', async () => {
    const db = openTestDb();
    await db.terms.bulkPut([
      ...buildTermRows(
        'persons',
        [
          { id: id(1), rank: R1, terms: ['brest', 'minsk'] },
          { id: id(2), rank: R2, terms: ['brestskaya'] },
          { id: id(3), rank: R1, terms: ['homiel'] },
        ],
        BLOCK,
      ),
      ...buildTermRows('cases', [{ id: id(9), rank: R1, terms: ['brest'] }], BLOCK),
    ]);
    const found = async (scope: 'persons' | 'cases' | 'annotations', prefix: string) =>
      [...(await entriesWithPrefix(db.terms, scope, prefix))].sort();
    expect(await found('persons', 'brest')).toEqual([
      [id(1), R1],
      [id(2), R2],
    ]);
    expect(await found('persons', 'brests')).toEqual([[id(2), R2]]);
    expect(await found('persons', 'b')).toEqual([
      [id(1), R1],
      [id(2), R2],
    ]);
    expect(await found('cases', 'brest')).toEqual([[id(9), R1]]);
    expect(await found('annotations', 'brest')).toEqual([]);
    await db.transaction('rw', db.terms, () => clearScope(db.terms, 'persons'));
    expect((await db.terms.toArray()).map((r) => r.scope)).toEqual(['cases']);
  });
});
