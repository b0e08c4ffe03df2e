import { getAnnotations } from '@/lib/db/annotation-store';
import type { RecordsDatabase } from '@/lib/db/database';
import { everyAnnotation } from '@/lib/db/field-keys';
import { annotationTables } from '@/lib/db/indexed-writes';
import { intersectAll, newestIds } from '@/lib/db/search';
import { queryPrefixes } from '@/lib/db/search-tokens';
import { entriesWithPrefix } from '@/lib/db/terms';
import { since } from './measure';
import { round2 } from './report';

// Where a slow search's time goes, step by step, on the annotations (the large table): reading the
// posting lists of every prefix, intersecting and ordering, reading the 50 newest matches; and, for
// comparison, what ordering every highlight (the unfiltered list) and reading 400 of them cost.

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
  matchesGet50Ms: number;
  /** Reading every highlight's rank from the kind lists and ordering them all newest first. */
  orderAllMs: number;
  /** Reading 400 highlights further down that order. */
  get400Ms: number;
}

/** Times the steps of `query` on the annotations. */
export async function searchAnatomy(db: RecordsDatabase, query: string): Promise<SearchAnatomy> {
  const words = queryPrefixes(query);
  return db.transaction('r', [db.annotationBlocks, db.terms], async () => {
    const tables = annotationTables(db);
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
    await getAnnotations(tables, newestFifty);
    const matchesGet50Ms = since(start);
    start = performance.now();
    const all = await everyAnnotation(db);
    const ordered = newestIds(all, all.size);
    const orderAllMs = since(start);
    start = performance.now();
    await getAnnotations(tables, ordered.slice(1000, 1400));
    const get400Ms = since(start);
    return {
      query,
      prefixes: words.flat().length,
      idsRead: sets.reduce((sum, set) => sum + set.size, 0),
      matches: ids.size,
      postingsMs: round2(postingsMs),
      intersectMs: round2(intersectMs),
      matchesGet50Ms: round2(matchesGet50Ms),
      orderAllMs: round2(orderAllMs),
      get400Ms: round2(get400Ms),
    };
  });
}
