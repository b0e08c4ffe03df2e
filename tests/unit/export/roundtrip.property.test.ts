import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAll } from '@/lib/db/records';
import { exportRecords } from '@/lib/export/export-records';
import { importRecords } from '@/lib/export/import-records';
import { recordSet } from '../../support/arbitraries';
import { openTestDb, putAll, sortedById } from '../../support/test-db';

// The export is lossless and the import idempotent, for any records the schema allows: this is the
// promise that lets researchers move their evidence between browsers and colleagues.

const request = (format: 'native' | 'w3c') => ({
  scope: { kind: 'all' as const },
  scopeLabel: null,
  format,
  exportedAt: '2026-11-22T12:00:00.000Z',
  generator: { name: 'Source Annotator', version: '0.1.0' },
  creator: null,
  kinds: [],
});
// The records' times run to 2099; the import's clock is after them, so none is refused as future
// (that rule has its own tests in future-times.test.ts).
const now = () => '2100-01-01T00:00:00.000Z';

describe.each(['native', 'w3c'] as const)('%s export then import', (format) => {
  it('gives the same records in an empty database, and a second import changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(recordSet, async (set) => {
        const source = openTestDb();
        await putAll(source, set);
        const file = await exportRecords(source, request(format));

        const target = openTestDb();
        const first = await importRecords(target, file.text, now);
        expect(first).toMatchObject({ ok: true, report: { updated: 0, conflicts: [] } });
        expect(sortedById(await readAll(target))).toEqual(sortedById(set));

        const second = await importRecords(target, file.text, now);
        const total = set.sources.length + set.annotations.length + set.persons.length + set.cases.length;
        expect(second).toMatchObject({ ok: true, report: { added: 0, updated: 0, skipped: total, conflicts: [] } });
        expect(sortedById(await readAll(target))).toEqual(sortedById(set));
        source.close();
        target.close();
      }),
      { numRuns: 25 },
    );
    // 25 databases written record by record, exported and imported twice: seconds under load, not a speed check.
  }, 30_000);
});
