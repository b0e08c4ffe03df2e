import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBlocks, changeBlocks, type AnnotationBlock } from '@/lib/db/annotation-blocks';
import { locate, locationOf } from '@/lib/db/annotation-locations';
import { buildTermRows } from '@/lib/db/terms';
import {
  annotationsOfSources,
  fillAnnotations,
  getAnnotations,
  noAnnotations,
  readAllAnnotations,
  writeAnnotations,
  type AnnotationTables,
} from '@/lib/db/annotation-store';
import type { RecordsDatabase } from '@/lib/db/database';
import { annotationTables } from '@/lib/db/indexed-writes';
import type { Annotation } from '@/lib/schema/annotation';
import { makeAnnotation, uuid } from '../../support/records';
import { openTestDb } from '../../support/test-db';

// Highlights live in blocks per source, cut by id (annotation-blocks.ts), with their locations and
// postings beside them. Whatever sequence of saves, moves and deletes a researcher makes, reading
// them back must give exactly what a plain map of id → highlight would hold, and the blocks must
// keep the shape every lookup relies on.

const SOURCES = [uuid(900_001), uuid(900_002), uuid(900_003)];
const id = (n: number) => uuid(910_000 + n);
const BLOCK = 2;

// For reads outside a transaction; writes take annotationTables(db) inside theirs, bound to it.
const tablesOf = (db: RecordsDatabase): AnnotationTables => ({ blocks: db.annotationBlocks, terms: db.terms });

/** Checks the shape lookups rely on: per source, a first block at '', sorted ids, bounded sizes, ids within their block's range. */
function expectWellFormed(blocks: readonly AnnotationBlock[], blockSize: number) {
  const bySource = new Map<string, AnnotationBlock[]>();
  for (const block of blocks) bySource.set(block.sourceId, [...(bySource.get(block.sourceId) ?? []), block]);
  for (const [sourceId, list] of bySource) {
    expect(list[0]!.start).toBe('');
    list.forEach((block, i) => {
      const ids = block.annotations.map((a) => a.id);
      expect(ids).toEqual([...ids].sort());
      expect(ids.length).toBeLessThanOrEqual(2 * blockSize);
      // Only a first block followed by others may be empty.
      if (!ids.length) expect([i, list.length > 1]).toEqual([0, true]);
      for (const a of block.annotations) {
        expect(a.sourceId).toBe(sourceId);
        expect(a.id >= block.start).toBe(true);
        if (list[i + 1]) expect(a.id < list[i + 1]!.start).toBe(true);
      }
    });
  }
}

describe('annotation blocks', () => {
  it('cuts a source into even blocks, the first at ""', () => {
    const annotations = [5, 1, 4, 2, 3].map((n) => makeAnnotation(SOURCES[0]!, { id: id(n) }));
    const blocks = buildBlocks(annotations, 2);
    expect(blocks.map((b) => [b.start, b.annotations.map((a) => a.id)])).toEqual([
      ['', [id(1)]],
      [id(2), [id(2), id(3)]],
      [id(4), [id(4), id(5)]],
    ]);
    expectWellFormed(blocks, 2);
  });

  it('rewrites only the block a put lands in, and cuts it when it outgrows twice the size', () => {
    const blocks = buildBlocks(
      [1, 2, 5, 6].map((n) => makeAnnotation(SOURCES[0]!, { id: id(n) })),
      2,
    );
    const small = changeBlocks(SOURCES[0]!, blocks, [makeAnnotation(SOURCES[0]!, { id: id(7) })], new Set(), 2);
    expect(small.put.map((b) => b.start)).toEqual([id(5)]);
    const grown = changeBlocks(
      SOURCES[0]!,
      blocks,
      [3, 4, 0].map((n) => makeAnnotation(SOURCES[0]!, { id: id(n) })),
      new Set(),
      2,
    );
    // The first block then holds 0–4: five, over twice two, so it is cut in three even pieces.
    expect(grown.put.map((b) => [b.start, b.annotations.map((a) => a.id)])).toEqual([
      ['', [id(0)]],
      [id(1), [id(1), id(2)]],
      [id(3), [id(3), id(4)]],
    ]);
    expect(grown.remove).toEqual([]);
  });

  it('follows any sequence of saves, moves and deletes like a plain map', async () => {
    const op = fc.record({
      n: fc.integer({ min: 1, max: 30 }),
      // null deletes; otherwise the source the highlight is saved under (a different one moves it).
      source: fc.option(fc.integer({ min: 0, max: SOURCES.length - 1 }), { nil: null }),
      edit: fc.integer({ min: 0, max: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { maxLength: 60 }),
        fc.array(fc.integer({ min: 1, max: 30 }), { maxLength: 20 }),
        fc.integer({ min: 1, max: 40 }),
        async (ops, bulk, bulkSource) => {
          const db = openTestDb();
          const tables = tablesOf(db);
          const model = new Map<string, Annotation>();
          // Sometimes start from an imported store, as a second import or an upgrade would.
          const imported = bulk.map((n) => makeAnnotation(SOURCES[bulkSource % SOURCES.length]!, { id: id(n) }));
          await db.transaction(
            'rw',
            [db.annotationBlocks, db.terms],
            () => fillAnnotations(annotationTables(db), imported, BLOCK).written,
          );
          for (const a of imported) model.set(a.id, a);
          for (const { n, source, edit } of ops) {
            const key = id(n);
            const before = model.get(key);
            const after = source === null ? null : makeAnnotation(SOURCES[source]!, { id: key, note: `edit ${edit}` });
            if (!before && !after) continue;
            await db.transaction('rw', [db.annotationBlocks, db.terms], () =>
              writeAnnotations(annotationTables(db), [{ before, after }], BLOCK),
            );
            if (after) model.set(key, after);
            else model.delete(key);
          }
          const expected = [...model.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
          expect(await readAllAnnotations(tables)).toStrictEqual(expected);
          expectWellFormed(await db.annotationBlocks.toArray(), BLOCK);
          for (const sourceId of SOURCES) {
            expect(await annotationsOfSources(tables, [sourceId])).toStrictEqual(
              expected.filter((a) => a.sourceId === sourceId),
            );
          }
          const all = Array.from({ length: 30 }, (_, i) => id(i + 1));
          expect(await getAnnotations(tables, all)).toStrictEqual(expected);
          expect(await locate(db.terms, all)).toEqual(new Map(expected.map((a) => [a.id, a.sourceId])));
          expect(await noAnnotations(tables)).toBe(model.size === 0);
          await db.delete();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('leaves no empty first block behind when the later blocks of a source empty in a later write', async () => {
    const db = openTestDb();
    const tables = tablesOf(db);
    const all = [1, 2, 3, 4, 5, 6].map((n) => makeAnnotation(SOURCES[0]!, { id: id(n) }));
    const write = (writes: { before: Annotation | undefined; after: Annotation | null }[]) =>
      db.transaction('rw', [db.annotationBlocks, db.terms], () =>
        writeAnnotations(annotationTables(db), writes, BLOCK),
      );
    await write(all.map((after) => ({ before: undefined, after })));
    await write(all.slice(0, 2).map((before) => ({ before, after: null })));
    expectWellFormed(await db.annotationBlocks.toArray(), BLOCK);
    expect((await db.annotationBlocks.toArray())[0]!.annotations).toEqual([]);
    await write(all.slice(2).map((before) => ({ before, after: null })));
    expect(await db.annotationBlocks.toArray()).toEqual([]);
    expect(await noAnnotations(tables)).toBe(true);
  });

  it('locates ids in every block of a location list, one at a time and many at once', async () => {
    const db = openTestDb();
    // Ids sharing their first two characters share a list; blocks of two make it seven blocks long.
    const ids = Array.from({ length: 13 }, (_, i) => id(i));
    const where = new Map(ids.map((key, i) => [key, SOURCES[i % SOURCES.length]!]));
    await db.terms.bulkPut(
      buildTermRows(
        'locations',
        ids.map((key) => locationOf({ id: key, sourceId: where.get(key)! })),
        2,
      ),
    );
    expect((await db.terms.count()) > 1).toBe(true);
    for (const key of ids) expect(await locate(db.terms, [key])).toEqual(new Map([[key, where.get(key)]]));
    expect(await locate(db.terms, [...ids, uuid(999_999)])).toEqual(where);
    const many = Array.from({ length: 300 }, (_, i) => uuid(800_000 + i));
    expect(await locate(db.terms, [...many, ids[5]!])).toEqual(new Map([[ids[5]!, where.get(ids[5]!)]]));
  });

  it('reads a batch of many highlights of one source with one range read and still lands each in place', async () => {
    const db = openTestDb();
    const tables = tablesOf(db);
    const first = Array.from({ length: 100 }, (_, i) => makeAnnotation(SOURCES[0]!, { id: id(2 * i) }));
    await db.transaction('rw', [db.annotationBlocks, db.terms], () =>
      writeAnnotations(
        annotationTables(db),
        first.map((after) => ({ before: undefined, after })),
        BLOCK,
      ),
    );
    const second = Array.from({ length: 100 }, (_, i) => makeAnnotation(SOURCES[0]!, { id: id(2 * i + 1) }));
    await db.transaction('rw', [db.annotationBlocks, db.terms], () =>
      writeAnnotations(
        annotationTables(db),
        second.map((after) => ({ before: undefined, after })),
        BLOCK,
      ),
    );
    expectWellFormed(await db.annotationBlocks.toArray(), BLOCK);
    expect((await readAllAnnotations(tables)).map((a) => a.id)).toEqual(Array.from({ length: 200 }, (_, i) => id(i)));
  });
});
