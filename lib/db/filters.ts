import type { RecordsDatabase } from './database';
import type { SourceRow } from './rows';
import { fixedOrder, newestFirstOrder, type LazyOrder } from './newest-first';
import { searchRecords, type SearchResults } from './search';

// The "All records" view narrows 100,000 highlights by words and filters. Each filter is one walk of
// an index that yields primary keys only; the key sets are intersected, ordered newest change first,
// and only the rows the list shows are ever read (see record-details.ts). Sources have no site or
// publication-date index, but a researcher keeps far fewer pages than highlights, so those two
// filters read the sources table and then use the highlights' `sourceId` index.

/** Which date a date range applies to. */
export type DateField = 'published' | 'changed';

/** What the researcher narrowed the list by; null or '' means "any". */
export interface RecordFilter {
  query: string;
  kind: string | null;
  tag: string | null;
  personId: string | null;
  caseId: string | null;
  /** A site name as the page declares it, or the host when it declares none. */
  site: string | null;
  dateField: DateField;
  /** First day included, YYYY-MM-DD. */
  from: string | null;
  /** Last day included, YYYY-MM-DD. */
  to: string | null;
}

/** No narrowing at all: every highlight. */
export const NO_FILTER: RecordFilter = {
  query: '',
  kind: null,
  tag: null,
  personId: null,
  caseId: null,
  site: null,
  dateField: 'published',
  from: null,
  to: null,
};

/**
 * Most highlights a word search returns, newest first; beyond it the list says the search was cut.
 * searchRecords reads whole rows, so this bounds what a common word costs.
 */
export const SEARCH_CAP = 2_000;
// Up to this many matches, rows are read to sort them; above it the modification index is read lazily.
const SORT_IN_MEMORY_UP_TO = 2_000;

/** How many highlights match, their ids newest change first (read as far as the list scrolls), and whether the word search hit its cap. */
export interface FilteredIds {
  count: number;
  order: LazyOrder;
  /** How many highlights matched the words before the cap (0 without words). */
  searchMatches: number;
  searchCapped: boolean;
}

/** The site a source belongs to, as the list shows and filters it. */
export function siteOf(source: { siteName: string | null; url: string }): string {
  if (source.siteName) return source.siteName;
  try {
    return new URL(source.url).host;
  } catch {
    return source.url;
  }
}

/** A page's publication day as the page states it (its own calendar day, not shifted to UTC), or null. */
export function publishedDay(source: { publishedTime: string | null }): string | null {
  return source.publishedTime ? source.publishedTime.slice(0, 10) : null;
}

const within = (day: string | null, from: string | null, to: string | null) =>
  day !== null && (!from || day >= from) && (!to || day <= to);

/** The UTC bounds of a day range as keys of the `modifiedKey` index (end exclusive). */
function changedBounds(from: string | null, to: string | null): [string, string] {
  const lower = from ? `${from}T00:00:00.000Z` : '';
  const upper = to ? new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000).toISOString() : '\uffff';
  return [lower, upper];
}

async function sourceIdsWhere(db: RecordsDatabase, keep: (source: SourceRow) => boolean): Promise<string[]> {
  const ids: string[] = [];
  await db.sources.each((source) => {
    if (keep(source)) ids.push(source.id);
  });
  return ids;
}

/**
 * Primary keys of the highlights whose `index` holds any of `values`: one key-range read per value
 * (IndexedDB's getAllKeys) rather than Dexie's anyOf, which walks a cursor one entry at a time and
 * takes seconds over tens of thousands of entries.
 */
async function keysOfAny(
  db: RecordsDatabase,
  index: 'sourceId' | 'personIds' | 'caseIds',
  values: readonly string[],
): Promise<string[]> {
  const lists = await Promise.all(values.map((value) => db.annotations.where(index).equals(value).primaryKeys()));
  return lists.flat();
}

/** Highlights linked to the persons and cases the words found, beside those whose own text matched. */
async function searchIds(db: RecordsDatabase, results: SearchResults): Promise<Set<string>> {
  const [viaPersons, viaCases] = await Promise.all([
    keysOfAny(
      db,
      'personIds',
      results.persons.map((p) => p.id),
    ),
    keysOfAny(
      db,
      'caseIds',
      results.cases.map((c) => c.id),
    ),
  ]);
  return new Set([...results.annotations.map((a) => a.id), ...viaPersons, ...viaCases]);
}

/** The key set of each active filter; an empty list means nothing narrows the list. */
async function filterSets(db: RecordsDatabase, filter: RecordFilter): Promise<Set<string>[]> {
  const a = db.annotations;
  const sets: Promise<string[]>[] = [];
  if (filter.kind) sets.push(a.where('kind').equals(filter.kind).primaryKeys());
  if (filter.tag) sets.push(a.where('tags').equals(filter.tag).primaryKeys());
  if (filter.personId) sets.push(a.where('personIds').equals(filter.personId).primaryKeys());
  if (filter.caseId) sets.push(a.where('caseIds').equals(filter.caseId).primaryKeys());
  const byDate = Boolean(filter.from || filter.to);
  if (byDate && filter.dateField === 'changed') {
    const [lower, upper] = changedBounds(filter.from, filter.to);
    sets.push(a.where('modifiedKey').between(lower, upper, true, false).primaryKeys());
  }
  const bySourceDate = byDate && filter.dateField === 'published';
  if (filter.site || bySourceDate) {
    sets.push(
      sourceIdsWhere(
        db,
        (s) =>
          (!filter.site || siteOf(s) === filter.site) &&
          (!bySourceDate || within(publishedDay(s), filter.from, filter.to)),
      ).then((ids) => keysOfAny(db, 'sourceId', ids)),
    );
  }
  return (await Promise.all(sets)).map((keys) => new Set(keys));
}

function intersect(sets: Set<string>[]): Set<string> {
  const [smallest, ...others] = [...sets].sort((x, y) => x.size - y.size);
  const out = new Set<string>();
  for (const id of smallest!) if (others.every((s) => s.has(id))) out.add(id);
  return out;
}

/** A small set of ids ordered newest change first, by reading their rows. */
async function sortNewestFirst(db: RecordsDatabase, ids: ReadonlySet<string>): Promise<string[]> {
  const rows = (await db.annotations.bulkGet([...ids])).filter((r) => r !== undefined);
  rows.sort((x, y) => (x.modifiedKey < y.modifiedKey ? 1 : x.modifiedKey > y.modifiedKey ? -1 : x.id < y.id ? -1 : 1));
  return rows.map((r) => r.id);
}

/** The highlights matching the words (quotes, notes, tags; persons' names and aliases; cases) and every filter. */
export async function filterAnnotationIds(db: RecordsDatabase, filter: RecordFilter): Promise<FilteredIds> {
  // No enclosing transaction: searchRecords opens its own over whatever tables search needs, and a
  // parent transaction would have to name them all. A write landing between the steps only means
  // the live query runs again.
  const sets = await filterSets(db, filter);
  let searchMatches = 0;
  let searchCapped = false;
  if (filter.query.trim()) {
    const results = await searchRecords(db, filter.query, { limit: SEARCH_CAP });
    searchMatches = results.matches.annotations;
    searchCapped = results.matches.annotations > results.annotations.length;
    sets.push(await searchIds(db, results));
  }
  if (!sets.length) {
    return { count: await db.annotations.count(), order: newestFirstOrder(db, null), searchMatches, searchCapped };
  }
  const members = intersect(sets);
  const order =
    members.size <= SORT_IN_MEMORY_UP_TO
      ? fixedOrder(await sortNewestFirst(db, members))
      : newestFirstOrder(db, members);
  return { count: members.size, order, searchMatches, searchCapped };
}

/** What the filter menus offer: the values present in the records, not a fixed list. */
export interface FilterChoices {
  kinds: string[];
  tags: string[];
  sites: string[];
}

// More distinct tags than this are not offered in the menu (the search box finds tags too).
const MAX_MENU_VALUES = 2_000;

/**
 * The distinct keys of an index, by skipping from one to the next (one one-step cursor each).
 * Chromium's "nextunique" cursor visits every entry on the way: seconds for 100,000 highlights.
 */
async function distinctKeys(db: RecordsDatabase, index: 'kind' | 'tags'): Promise<string[]> {
  const keys: string[] = [];
  let next = await db.annotations.orderBy(index).limit(1).keys();
  while (next.length && keys.length < MAX_MENU_VALUES) {
    const key = String(next[0]);
    keys.push(key);
    next = await db.annotations.where(index).above(key).limit(1).keys();
  }
  return keys;
}

/** Kinds and tags in use (unique keys of their indexes) and the sites of the stored pages. */
export async function filterChoices(db: RecordsDatabase): Promise<FilterChoices> {
  return db.transaction('r', [db.annotations, db.sources], async () => {
    const [kinds, tags] = await Promise.all([distinctKeys(db, 'kind'), distinctKeys(db, 'tags')]);
    const sites = new Set<string>();
    await db.sources.each((s) => void sites.add(siteOf(s)));
    const byText = (x: string, y: string) => x.localeCompare(y, 'en');
    return {
      kinds,
      tags: tags.sort(byText),
      sites: [...sites].sort(byText),
    };
  });
}

/** How many highlights have each kind, one indexed count per kind: what deleting a kind would orphan. */
export async function kindUsage(db: RecordsDatabase, kindIds: readonly string[]): Promise<Map<string, number>> {
  const counts = await Promise.all(kindIds.map((id) => db.annotations.where('kind').equals(id).count()));
  return new Map(kindIds.map((id, i) => [id, counts[i]!]));
}
