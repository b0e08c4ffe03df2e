import { describe, expect, it } from 'vitest';
import { firstFutureTime } from '@/lib/export/future-times';
import { parseImport } from '@/lib/export/parse-import';
import { MIGRATIONS } from '@/lib/export/migrations';
import { SCHEMA_ID } from '@/lib/schema/envelope';
import type { RecordSet } from '@/lib/schema/envelope';
import { makeRecordSet } from '../../support/records';

// Issue 13: a record time more than a day after the importing clock is refused with its path, so a
// file cannot win every merge by dating its records next year.

const NOW = '2026-12-07T12:00:00.000Z';

const file = (set: RecordSet) =>
  JSON.stringify({
    schema: SCHEMA_ID,
    version: 1,
    exportedAt: NOW,
    generator: { name: 'Source Annotator', version: '0.1.0' },
    creator: null,
    scope: { kind: 'all' },
    kinds: [],
    ...set,
  });

describe('record times in the future', () => {
  it.each<[string, (set: RecordSet) => RecordSet, string | null]>([
    ['none: every time is today or before', (set) => set, null],
    [
      'a highlight modified next year',
      (set) => ({
        ...set,
        annotations: set.annotations.map((a, i) => (i === 1 ? { ...a, modified: '2027-06-01T00:00:00.000Z' } : a)),
      }),
      'annotations[1].modified',
    ],
    [
      'an hour ahead, within the day of slack (another clock, another zone)',
      (set) => ({ ...set, persons: set.persons.map((p) => ({ ...p, modified: '2026-12-07T13:00:00.000+00:00' })) }),
      null,
    ],
    [
      'a source visited the day after tomorrow',
      (set) => ({ ...set, sources: set.sources.map((s) => ({ ...s, lastAccessed: '2026-12-09T12:00:00.001Z' })) }),
      'sources[0].lastAccessed',
    ],
    [
      'an anchoring check in the future',
      (set) => ({
        ...set,
        annotations: set.annotations.map((a) => ({
          ...a,
          anchoring: { ...a.anchoring, checkedAt: '2030-01-01T00:00:00Z' },
        })),
      }),
      'annotations[0].anchoring.checkedAt',
    ],
  ])('%s', (_label, change, path) => {
    const set = change(makeRecordSet());
    expect(firstFutureTime(set, NOW)?.path ?? null).toBe(path);
    const parsed = parseImport(file(set), MIGRATIONS, NOW);
    if (path === null) expect(parsed.ok).toBe(true);
    else expect(parsed).toEqual({ ok: false, message: expect.stringContaining(`${path} is `) });
  });
});
