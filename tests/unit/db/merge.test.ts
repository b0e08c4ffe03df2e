import { describe, expect, it } from 'vitest';
import { countAnnotations } from '@/lib/db/field-keys';
import { mergeRecordSet, sameValue, type ImportReport } from '@/lib/db/merge';
import { readAll } from '@/lib/db/records';
import { searchRecords } from '@/lib/db/search';
import type { RecordSet } from '@/lib/schema/envelope';
import { makeAnnotation, makeRecordSet, makeSource, uuid } from '../../support/records';
import { openTestDb, putAll, sortedById } from '../../support/test-db';

const NOW = () => '2026-12-01T00:00:00.000Z';
const EARLIER = '2026-11-22T09:00:00.000Z';
const LATER = '2026-11-23T09:00:00.000Z';

/** The set with one field of its first person changed, to compare stored and incoming versions. */
function withPerson(set: RecordSet, changes: Partial<RecordSet['persons'][number]>): RecordSet {
  return { ...set, persons: [{ ...set.persons[0]!, ...changes }] };
}

const totals = (report: ImportReport) => [report.added, report.updated, report.skipped, report.conflicts.length];

describe('mergeRecordSet', () => {
  it('adds everything into an empty store, then skips everything the second time', async () => {
    const db = openTestDb();
    const set = makeRecordSet();
    const first = await mergeRecordSet(db, set, NOW);
    expect(totals(first)).toEqual([5, 0, 0, 0]);
    expect(first.tables.annotations).toEqual({ added: 2, updated: 0, skipped: 0, conflicts: 0 });
    expect(first.mergedAt).toBe(NOW());
    const second = await mergeRecordSet(db, set, NOW);
    expect(totals(second)).toEqual([0, 0, 5, 0]);
    expect(await readAll(db)).toStrictEqual(sortedById(set));
  });

  it.each<
    [string, Partial<RecordSet['persons'][number]>, Partial<RecordSet['persons'][number]>, string, string | null]
  >([
    [
      'a newer incoming record replaces the stored one',
      { modified: EARLIER },
      { modified: LATER, notes: 'new' },
      'new',
      null,
    ],
    [
      'a newer stored record stays and the incoming one is a conflict',
      { modified: LATER, notes: 'mine' },
      { modified: EARLIER, notes: 'theirs' },
      'mine',
      'stored-newer',
    ],
    [
      'the same time with different content keeps the stored one as a conflict',
      { modified: EARLIER, notes: 'mine' },
      { modified: EARLIER, notes: 'theirs' },
      'mine',
      'same-modified-different-content',
    ],
    [
      'times compare as instants, not as text',
      { modified: '2026-11-22T09:00:00.000Z', notes: 'mine' },
      { modified: '2026-11-22T11:00:00.000+03:00', notes: 'theirs' },
      'mine',
      'stored-newer',
    ],
  ])('%s', async (_label, stored, incoming, notesAfter, conflict) => {
    const db = openTestDb();
    const set = makeRecordSet();
    await putAll(db, withPerson(set, stored));
    const report = await mergeRecordSet(db, withPerson(set, incoming), NOW);
    const person = set.persons[0]!;
    expect((await db.persons.get(person.id))?.notes).toBe(notesAfter);
    if (conflict) {
      expect(report.conflicts).toEqual([
        {
          table: 'persons',
          id: person.id,
          reason: conflict,
          storedModified: stored.modified,
          incomingModified: incoming.modified,
        },
      ]);
      expect(report.tables.persons).toEqual({ added: 0, updated: 0, skipped: 0, conflicts: 1 });
    } else {
      expect(report.conflicts).toEqual([]);
      expect(report.tables.persons).toEqual({ added: 0, updated: 1, skipped: 0, conflicts: 0 });
    }
    expect(report.skipped).toBe(4);
  });

  it('re-indexes a replaced record, so search sees the new words', async () => {
    const db = openTestDb();
    const set = makeRecordSet();
    await putAll(db, set);
    await mergeRecordSet(db, withPerson(set, { modified: LATER, notes: 'Moved to Vilnius.' }), NOW);
    expect((await searchRecords(db, 'vilnius')).persons.map((p) => p.notes)).toEqual(['Moved to Vilnius.']);
    expect((await searchRecords(db, 'brest')).matches.persons).toBe(0);
  });

  describe('sources', () => {
    const visit = (firstAccessed: string, lastAccessed: string, title = 'Title') =>
      makeSource({ id: '00000000-0000-4000-8000-00000000abcd', firstAccessed, lastAccessed, title });
    const D = (day: number) => `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;

    it.each([
      [
        'a later visit replaces and keeps the first visit',
        visit(D(10), D(12)),
        visit(D(11), D(14), 'New'),
        'updated',
        visit(D(10), D(14), 'New'),
      ],
      [
        'an older copy with an earlier first visit lowers it',
        visit(D(11), D(14)),
        visit(D(10), D(12)),
        'updated',
        visit(D(10), D(14)),
      ],
      ['an identical copy is skipped', visit(D(10), D(14)), visit(D(10), D(14)), 'skipped', visit(D(10), D(14))],
      [
        'an older copy differing only in visits is skipped',
        visit(D(10), D(14)),
        visit(D(11), D(12)),
        'skipped',
        visit(D(10), D(14)),
      ],
      [
        'an older copy with other content is a conflict',
        visit(D(10), D(14)),
        visit(D(10), D(12), 'Old'),
        'conflict',
        visit(D(10), D(14)),
      ],
      [
        'a conflict still takes the earlier first visit',
        visit(D(11), D(14)),
        visit(D(9), D(12), 'Old'),
        'conflict',
        visit(D(9), D(14)),
      ],
    ] as const)('%s', async (_label, stored, incoming, outcome, after) => {
      const db = openTestDb();
      const empty = { annotations: [], persons: [], cases: [] };
      await mergeRecordSet(db, { ...empty, sources: [stored] }, NOW);
      const report = await mergeRecordSet(db, { ...empty, sources: [incoming] }, NOW);
      const counts = report.tables.sources;
      expect(outcome === 'conflict' ? counts.conflicts : counts[outcome]).toBe(1);
      expect((await readAll(db)).sources).toStrictEqual([after]);
    });
  });

  it('writes nothing when a write fails half-way', async () => {
    const db = openTestDb();
    const stored = makeRecordSet();
    await putAll(db, stored);
    const before = await readAll(db);
    // A second set, plus newer versions of the stored records; cases are written last.
    const incoming = makeRecordSet();
    const updates = withPerson(stored, { modified: LATER, notes: 'changed' });
    const set: RecordSet = {
      sources: [...updates.sources, ...incoming.sources],
      annotations: [...updates.annotations, ...incoming.annotations],
      persons: [...updates.persons, ...incoming.persons],
      cases: [...updates.cases, ...incoming.cases],
    };
    const failing = () => {
      throw new Error('disk on fire');
    };
    db.cases.hook('creating', failing);
    await expect(mergeRecordSet(db, set, NOW)).rejects.toThrow('disk on fire');
    expect(await readAll(db)).toStrictEqual(before);
    expect(await countAnnotations(db)).toBe(2);
    // The store is still usable, and the same import then goes through whole.
    db.cases.hook('creating').unsubscribe(failing);
    expect(totals(await mergeRecordSet(db, set, NOW))).toEqual([5, 1, 4, 0]);
  });

  it('writes nothing into an empty store when a write fails after the highlights went in', async () => {
    // Into an empty store the rows and lists are queued straight to IndexedDB, cases last; a case
    // IndexedDB cannot store (here a value it cannot clone) must take everything queued back out.
    const db = openTestDb();
    const set = makeRecordSet();
    const unstorable = { ...set, cases: [{ ...set.cases[0]!, notes: (() => 'no') as unknown as string }] };
    await expect(mergeRecordSet(db, unstorable, NOW)).rejects.toThrow(/clone/i);
    expect(await db.annotationBlocks.count()).toBe(0);
    expect(await db.terms.count()).toBe(0);
    expect(await readAll(db)).toStrictEqual({ sources: [], annotations: [], persons: [], cases: [] });
    await mergeRecordSet(db, set, NOW);
    expect(await readAll(db)).toStrictEqual(sortedById(set));
  });

  it('refuses a set that links outside itself, writing nothing', async () => {
    const db = openTestDb();
    const set = makeRecordSet();
    set.annotations.push(makeAnnotation(uuid()));
    await expect(mergeRecordSet(db, set, NOW)).rejects.toThrow(/not self-contained: annotations\[2\]\.sourceId/);
    expect(await db.sources.count()).toBe(0);
  });
});

describe('sameValue', () => {
  it.each([
    [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: [1, 2] }, { a: [2, 1] }, false],
    [{ a: null }, { a: {} }, false],
    [[], {}, false],
    ['x', 'x', true],
  ])('%j vs %j → %s', (a, b, same) => {
    expect(sameValue(a, b)).toBe(same);
  });
});

describe('evidence is never rewritten by an import (issue 13)', () => {
  const rewrite = (set: RecordSet, change: (set: RecordSet) => RecordSet) => change(structuredClone(set));
  it.each<[string, (set: RecordSet) => RecordSet, 'annotations' | 'sources' | null]>([
    [
      'a newer note on the same words is an update',
      (set) => ({ ...set, annotations: set.annotations.map((a) => ({ ...a, note: 'theirs', modified: LATER })) }),
      null,
    ],
    [
      'a newer copy whose quote says "released" instead of "detained" is a conflict',
      (set) => ({
        ...set,
        annotations: set.annotations.map((a, i) =>
          i === 0
            ? {
                ...a,
                modified: LATER,
                selectors: a.selectors.map((s) =>
                  s.type === 'TextQuoteSelector' ? { ...s, exact: `${s.exact} released` } : s,
                ),
              }
            : a,
        ),
      }),
      'annotations',
    ],
    [
      'a newer copy made by someone else is a conflict',
      (set) => ({
        ...set,
        annotations: set.annotations.map((a, i) => (i === 0 ? { ...a, creator: 'Someone', modified: LATER } : a)),
      }),
      'annotations',
    ],
    [
      'a later visit with another address is a conflict',
      (set) => ({
        ...set,
        sources: set.sources.map((s) => ({ ...s, url: 'https://elsewhere.example/story', lastAccessed: LATER })),
      }),
      'sources',
    ],
    [
      'a later visit with another text hash is a conflict',
      (set) => ({
        ...set,
        sources: set.sources.map((s) => ({ ...s, textSha256: 'f'.repeat(64), lastAccessed: LATER })),
      }),
      'sources',
    ],
  ])('%s', async (_label, change, conflictIn) => {
    const db = openTestDb();
    const set = makeRecordSet();
    await putAll(db, set);
    const incoming = rewrite(set, change);
    const report = await mergeRecordSet(db, incoming, NOW);
    const after = await readAll(db);
    if (conflictIn === null) {
      expect(report.conflicts).toEqual([]);
      expect(after.annotations.map((a) => a.note)).toEqual(incoming.annotations.map((a) => a.note).sort());
      return;
    }
    expect(report.conflicts).toEqual([expect.objectContaining({ table: conflictIn, reason: 'evidence-differs' })]);
    // The stored records stand as they were: no quote, address, hash or creator changed.
    expect(after).toStrictEqual(sortedById(set));
  });
});
