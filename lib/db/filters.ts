import type { RecordsDatabase } from './database';
import type { SourceRow } from './rows';
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
// Up to this many matches, rows are read to sort them; above it the whole key order is read instead.
const SORT_IN_MEMORY_UP_TO = 2_000;

/** The ids of the matching highlights, newest change first, and whether the word search hit its cap. */
export interface FilteredIds {
  ids: string[];
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

/** Highlights linked to the persons and cases the words found, beside those whose own text matched. */
async function searchIds(db: RecordsDatabase, results: SearchResults): Promise<Set<string>> {
  const ids = new Set(results.annotations.map((a) => a.id));
  const personIds = results.persons.map((p) => p.id);
  const caseIds = results.cases.map((c) => c.id);
  if (personIds.length)
    for (const id of await db.annotations.where('personIds').anyOf(personIds).primaryKeys()) ids.add(id);
  if (caseIds.length) for (const id of await db.annotations.where('caseIds').anyOf(caseIds).primaryKeys()) ids.add(id);
  return ids;
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
      ).then((ids) => (ids.length ? a.where('sourceId').anyOf(ids).primaryKeys() : [])),
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

/** Every highlight id, newest change first, read from the index alone. */
async function allIdsNewestFirst(db: RecordsDatabase): Promise<string[]> {
  return (await db.annotations.orderBy('modifiedKey').primaryKeys()).reverse();
}

async function newestFirst(db: RecordsDatabase, ids: Set<string>): Promise<string[]> {
  if (ids.size > SORT_IN_MEMORY_UP_TO) return (await allIdsNewestFirst(db)).filter((id) => ids.has(id));
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
  const ids = sets.length ? await newestFirst(db, intersect(sets)) : await allIdsNewestFirst(db);
  return { ids, searchMatches, searchCapped };
}

/** What the filter menus offer: the values present in the records, not a fixed list. */
export interface FilterChoices {
  kinds: string[];
  tags: string[];
  sites: string[];
}

/** Kinds and tags in use (unique keys of their indexes) and the sites of the stored pages. */
export async function filterChoices(db: RecordsDatabase): Promise<FilterChoices> {
  return db.transaction('r', [db.annotations, db.sources], async () => {
    const [kinds, tags] = await Promise.all([
      db.annotations.orderBy('kind').uniqueKeys(),
      db.annotations.orderBy('tags').uniqueKeys(),
    ]);
    const sites = new Set<string>();
    await db.sources.each((s) => void sites.add(siteOf(s)));
    const byText = (x: string, y: string) => x.localeCompare(y, 'en');
    return {
      kinds: kinds.map(String),
      tags: tags.map(String).sort(byText),
      sites: [...sites].sort(byText),
    };
  });
}

/** How many highlights have each kind, one indexed count per kind: what deleting a kind would orphan. */
export async function kindUsage(db: RecordsDatabase, kindIds: readonly string[]): Promise<Map<string, number>> {
  const counts = await Promise.all(kindIds.map((id) => db.annotations.where('kind').equals(id).count()));
  return new Map(kindIds.map((id, i) => [id, counts[i]!]));
}
