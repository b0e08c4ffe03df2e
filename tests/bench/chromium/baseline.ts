import { Dexie } from 'dexie';
import { RecordsDatabase } from '@/lib/db/database';
import {
  CODECS,
  SEARCHABLE_TABLES,
  TABLE_NAMES,
  type RecordOf,
  type RowOf,
  type SearchableTable,
  type TableName,
} from '@/lib/db/rows';
import { termDocsOf } from '@/lib/db/indexed-writes';
import { buildTermRows, type TermRow } from '@/lib/db/terms';
import { generateStore, ISSUE_SIZE } from './generate';
import { since, timed } from './measure';
import { deleteDatabase, log, seconds, type BenchRow } from './report';

// The raw Dexie baseline: the same records converted to rows as the store converts them, with the
// same posting blocks, written with one bulkPut per table in one rw transaction, with no validation
// and no merge. It runs in its
// own page origin (so its own, empty LevelDB, as the import had), after the store phase.

const BASELINE_DB_NAME = 'bench-baseline';
const FLOOR_DB_NAME = 'bench-floor';

/** The stored rows of one table's records, converted as the store converts them. */
function toRows<K extends TableName>(name: K, records: readonly RecordOf[K][]): RowOf[K][] {
  return records.map((record) => CODECS[name].toRow(record));
}

/** The posting blocks of one table's records, built as the store builds them on import. */
function termRows<K extends SearchableTable>(name: K, records: readonly RecordOf[K][]): TermRow[] {
  return buildTermRows(name, termDocsOf(name, records));
}

/** Runs the baseline on the records the seed gives (identical to the imported file's). */
export async function runBaseline(seed: number): Promise<{ rows: BenchRow[]; details: Record<string, unknown> }> {
  const set = generateStore(seed, ISSUE_SIZE).set;
  await deleteDatabase(BASELINE_DB_NAME);
  const db = new RecordsDatabase(BASELINE_DB_NAME);
  await db.open();
  const tables = [db.sources, db.annotations, db.persons, db.cases, db.terms];

  // What mergeRecordSet's first step, a bulkGet of every incoming id, costs on empty tables.
  log('bulkGet of every id on empty tables…');
  const bulkGet = await timed(() =>
    db.transaction('r', tables, async () => {
      for (const name of TABLE_NAMES) await db.table(name).bulkGet(set[name].map((r) => r.id));
    }),
  );

  log('raw bulkPut…');
  let toRowMs = 0;
  const total = await timed(() =>
    db.transaction('rw', tables, async () => {
      for (const name of TABLE_NAMES) {
        const start = performance.now();
        const rows = toRows(name, set[name]);
        toRowMs += since(start);
        await db.table(name).bulkPut(rows);
      }
      const start = performance.now();
      const terms = SEARCHABLE_TABLES.flatMap((name) => termRows(name, set[name]));
      toRowMs += since(start);
      await db.terms.bulkPut(terms);
    }),
  );
  const counts = await Promise.all(TABLE_NAMES.map((name) => db.table(name).count()));
  db.close();
  log(`baseline ${seconds(total.ms)} (toRow ${seconds(toRowMs)}); IndexedDB floor…`);

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
    toRowMs,
    bulkPutMs: total.ms - toRowMs,
    emptyBulkGetMs: bulkGet.ms,
    floorMs: floor.ms,
    counts: Object.fromEntries(TABLE_NAMES.map((name, i) => [name, counts[i]])),
  };
  const rows: BenchRow[] = [
    {
      section: 'baseline',
      case: 'raw Dexie baseline: toRow + posting blocks + bulkPut, one rw transaction',
      figure: seconds(total.ms),
      target: 'beside the import',
      pass: null,
    },
    {
      section: 'baseline',
      case: '  of which toRow and blocks / bulkPut',
      figure: `${seconds(toRowMs)} / ${seconds(total.ms - toRowMs)}`,
      target: '',
      pass: null,
    },
    {
      section: 'baseline',
      case: "  mergeRecordSet's bulkGet of every id, empty tables",
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
