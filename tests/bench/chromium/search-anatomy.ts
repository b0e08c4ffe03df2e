import type { RecordsDatabase } from '@/lib/db/database';
import { intersectAll, newestIds } from '@/lib/db/search';
import { queryPrefixes } from '@/lib/db/search-tokens';
import { entriesWithPrefix } from '@/lib/db/terms';
import { since } from './measure';
import { round2 } from './report';

// Where a slow search's time goes, step by step, on the annotations (the large table): reading the
// posting lists of every prefix, intersecting and ordering, reading the 50 newest matches; and, for
// comparison, what ranking by the modification index or by reading rows would cost.

/** The steps of one query, in milliseconds. */
export interface SearchAnatomy {
  query: string;
  prefixes: number;
  idsRead: number;
  matches: number;
  postingsMs: number;
  /** Intersecting and ordering the matches. */
  intersectMs: number;
  /** Reading the 50 newest matches in full, as searchRecords does. */
  matchesBulkGet50Ms: number;
  newestKeys256Ms: number;
  newestKeys8192Ms: number;
  bulkGet50Ms: number;
  bulkGet400Ms: number;
}

/** Times the steps of `query` on the annotations. */
export async function searchAnatomy(db: RecordsDatabase, query: string): Promise<SearchAnatomy> {
  const words = queryPrefixes(query);
  return db.transaction('r', [db.annotations, db.terms], async () => {
    let start = performance.now();
    const sets = await Promise.all(
      words.map(async (prefixes) => {
        const found = await Promise.all(prefixes.map((p) => entriesWithPrefix(db.terms, 'annotations', p)));
        return new Map(found.flatMap((entries) => [...entries]));
      }),
    );
    const postingsMs = since(start);
    start = performance.now();
    const ids = intersectAll(sets);
    const newestFifty = newestIds(ids, 50);
    const intersectMs = since(start);
    start = performance.now();
    await db.annotations.bulkGet(newestFifty);
    const matchesBulkGet50Ms = since(start);
    start = performance.now();
    await db.annotations.orderBy('modifiedKey').reverse().limit(256).primaryKeys();
    const newestKeys256Ms = since(start);
    start = performance.now();
    const newest = await db.annotations.orderBy('modifiedKey').reverse().limit(8192).primaryKeys();
    const newestKeys8192Ms = since(start);
    start = performance.now();
    await db.annotations.bulkGet(newest.slice(0, 50));
    const bulkGet50Ms = since(start);
    start = performance.now();
    await db.annotations.bulkGet(newest.slice(1000, 1400));
    const bulkGet400Ms = since(start);
    return {
      query,
      prefixes: words.flat().length,
      idsRead: sets.reduce((sum, set) => sum + set.size, 0),
      matches: ids.size,
      postingsMs: round2(postingsMs),
      intersectMs: round2(intersectMs),
      matchesBulkGet50Ms: round2(matchesBulkGet50Ms),
      newestKeys256Ms: round2(newestKeys256Ms),
      newestKeys8192Ms: round2(newestKeys8192Ms),
      bulkGet50Ms: round2(bulkGet50Ms),
      bulkGet400Ms: round2(bulkGet400Ms),
    };
  });
}
