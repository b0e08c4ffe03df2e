import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyTermChanges,
  buildTermRows,
  clearScope,
  idsOf,
  idsWithPrefix,
  termChanges,
  type TermChange,
  type TermRow,
} from '@/lib/db/terms';
import { openTestDb } from '../../support/test-db';

// The posting lists must always hold exactly the ids whose records carry each term, however puts
// and deletes interleave, and keep their block layout valid: sorted ids, each block within its
// start and the next block's, the first block of a term at ''. Small blocks make splits happen.

const BLOCK = 3;
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const TERMS = ['brest', 'brestskaya', 'homiel', 'minsk', 'mikhniuk', 'міхнюк'];

/** Checks every term's blocks for the layout rules and returns the ids per term. */
function layoutOf(rows: readonly TermRow[]): Map<string, string[]> {
  const byTerm = new Map<string, TermRow[]>();
  for (const row of rows) byTerm.set(row.term, [...(byTerm.get(row.term) ?? []), row]);
  const lists = new Map<string, string[]>();
  for (const [term, blocks] of byTerm) {
    expect(blocks[0]!.start).toBe('');
    const ids: string[] = [];
    blocks.forEach((block, i) => {
      const own = idsOf(block);
      const next = blocks[i + 1]?.start;
      for (const x of own) {
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
  it('builds sorted blocks of at most the block size, the first at ""', () => {
    const docs = [5, 1, 4, 2, 3, 7, 6].map((n) => ({ id: id(n), terms: ['brest'] }));
    const rows = buildTermRows('persons', docs, BLOCK);
    expect(rows.map((r) => [r.start, idsOf(r).length])).toEqual([
      ['', 2],
      [id(3), 2],
      [id(5), 3],
    ]);
    expect([...layoutOf(rows).get('brest')!]).toEqual([1, 2, 3, 4, 5, 6, 7].map(id));
  });

  it('follows any sequence of puts and deletes like a plain map of sets', async () => {
    const op = fc.record({
      record: fc.integer({ min: 1, max: 40 }),
      terms: fc.option(fc.uniqueArray(fc.constantFrom(...TERMS), { maxLength: 4 }), { nil: null }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 12 }), { maxLength: 8 }), async (batches) => {
        const db = openTestDb();
        const model = new Map<string, string[]>(); // record id → its terms
        for (const batch of batches) {
          const changes = new Map<string, TermChange>();
          const next = new Map(model);
          for (const { record, terms } of batch) {
            const key = id(record);
            const before = next.get(key) ?? [];
            termChanges(changes, key, before, terms ?? []);
            // termChanges is given each record's state before this write, as a store reads it.
            if (terms) next.set(key, terms);
            else next.delete(key);
            // Applied per write, so one record written twice in a batch stays consistent.
            await db.transaction('rw', db.terms, () => applyTermChanges(db.terms, 'persons', changes, BLOCK));
            changes.clear();
          }
          model.clear();
          for (const [k, v] of next) model.set(k, v);
          const expected = new Map<string, string[]>();
          for (const [key, terms] of model) {
            for (const term of terms) expected.set(term, [...(expected.get(term) ?? []), key].sort());
          }
          expect(layoutOf(await db.terms.toArray())).toEqual(expected);
        }
        await db.delete();
      }),
      { numRuns: 40 },
    );
  });

  it('finds every id under a prefix, once, and only in its scope', async () => {
    const db = openTestDb();
    await db.terms.bulkPut([
      ...buildTermRows(
        'persons',
        [
          { id: id(1), terms: ['brest', 'minsk'] },
          { id: id(2), terms: ['brestskaya'] },
          { id: id(3), terms: ['homiel'] },
        ],
        BLOCK,
      ),
      ...buildTermRows('cases', [{ id: id(9), terms: ['brest'] }], BLOCK),
    ]);
    expect([...(await idsWithPrefix(db.terms, 'persons', 'brest'))].sort()).toEqual([id(1), id(2)]);
    expect([...(await idsWithPrefix(db.terms, 'persons', 'brests'))]).toEqual([id(2)]);
    expect([...(await idsWithPrefix(db.terms, 'persons', 'b'))].sort()).toEqual([id(1), id(2)]);
    expect([...(await idsWithPrefix(db.terms, 'cases', 'brest'))]).toEqual([id(9)]);
    expect([...(await idsWithPrefix(db.terms, 'annotations', 'brest'))]).toEqual([]);
    await db.transaction('rw', db.terms, () => clearScope(db.terms, 'persons'));
    expect((await db.terms.toArray()).map((r) => r.scope)).toEqual(['cases']);
  });
});
