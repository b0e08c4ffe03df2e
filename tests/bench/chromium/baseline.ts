import { Dexie } from 'dexie';
import { TABLE_NAMES } from '@/lib/db/rows';
import { generateStore, ISSUE_SIZE } from './generate';
import { timed } from './measure';
import { deleteDatabase, log, seconds, type BenchRow } from './report';

// The raw Dexie baseline: what a straightforward Dexie store of the same records costs. One row per
// record, with the indexes the side panel needs declared as Dexie indexes (source, persons, cases,
// kind, tags, modification time; URLs; names), written with one bulkPut per table in one rw
// transaction, with no validation, no merge and no search index at all. It runs in its own page
// origin (so its own, empty LevelDB, as the import had), after the store phase.

const BASELINE_DB_NAME = 'bench-baseline';
const FLOOR_DB_NAME = 'bench-floor';

/** The baseline's layout: every index a Dexie user would declare for the side panel's lists. */
const BASELINE_STORES = {
  sources: 'id, url, canonicalUrl, lastAccessed',
  annotations: 'id, sourceId, *personIds, *caseIds, kind, *tags, modified',
  persons: 'id, name, modified',
  cases: 'id, title, *personIds, modified',
};

/** Runs the baseline on the records the seed gives (identical to the imported file's). */
export async function runBaseline(seed: number): Promise<{ rows: BenchRow[]; details: Record<string, unknown> }> {
  const set = generateStore(seed, ISSUE_SIZE).set;
  await deleteDatabase(BASELINE_DB_NAME);
  const db = new Dexie(BASELINE_DB_NAME);
  db.version(1).stores(BASELINE_STORES);
  await db.open();
  const tables = TABLE_NAMES.map((name) => db.table(name));

  // What mergeRecordSet's first step, a bulkGet of every incoming id, costs on empty tables.
  log('bulkGet of every id on empty tables…');
  const bulkGet = await timed(() =>
    db.transaction('r', tables, async () => {
      for (const name of TABLE_NAMES) await db.table(name).bulkGet(set[name].map((r) => r.id));
    }),
  );

  log('raw bulkPut…');
  const total = await timed(() =>
    db.transaction('rw', tables, async () => {
      for (const name of TABLE_NAMES) await db.table(name).bulkPut(set[name]);
    }),
  );
  const counts = await Promise.all(TABLE_NAMES.map((name) => db.table(name).count()));
  db.close();
  log(`baseline ${seconds(total.ms)}; IndexedDB floor…`);

  // What any 100k separate records cost this IndexedDB: the smallest rows, no secondary index.
  const ids = set.annotations.map((a) => ({ id: a.id }));
  await deleteDatabase(FLOOR_DB_NAME);
  const floorDb = new Dexie(FLOOR_DB_NAME);
  floorDb.version(1).stores({ records: 'id' });
  await floorDb.open();
  const floor = await timed(() => floorDb.transaction('rw', 'records', () => floorDb.table('records').bulkPut(ids)));
  floorDb.close();

  const details = {
    totalMs: total.ms,
    emptyBulkGetMs: bulkGet.ms,
    floorMs: floor.ms,
    counts: Object.fromEntries(TABLE_NAMES.map((name, i) => [name, counts[i]])),
  };
  const rows: BenchRow[] = [
    {
      section: 'baseline',
      case: 'raw Dexie baseline: bulkPut of the records, a row each, 7 annotation indexes, no search',
      figure: seconds(total.ms),
      target: 'beside the import',
      pass: null,
    },
    {
      section: 'baseline',
      case: '  bulkGet of every id on its empty tables',
      figure: seconds(bulkGet.ms),
      target: '',
      pass: null,
    },
    {
      section: 'baseline',
      case: '  IndexedDB floor: bulkPut of 100k `{ id }` rows, no index',
      figure: seconds(floor.ms),
      target: '',
      pass: null,
    },
  ];
  return { rows, details };
}
