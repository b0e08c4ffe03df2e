import { RecordsDatabase } from '@/lib/db';

let db: RecordsDatabase | null = null;

/** The records database of this extension page: one connection per page, opened on first use. */
export function recordsDb(): RecordsDatabase {
  db ??= new RecordsDatabase();
  return db;
}
