import type { RecordsDatabase } from './database';
import {
  annotationsOfSourceIds,
  annotationsWhere,
  annotationsWhereAny,
  countWhere,
  everyAnnotation,
  valuesOf,
} from './field-keys';
import { fixedOrder, type LazyOrder } from './newest-first';
import type { SourceRow } from './rows';
import { intersectAll, newestIds, searchIds } from './search';
import { rankOf } from './terms';

// The "All records" view narrows 100,000 highlights by words and filters. Each filter is one posting
// list (field-keys.ts) of id → modification rank; the lists are intersected, ordered newest change
// first by rank, and only the rows the list shows are ever read (see record-details.ts). Sources
// have no site or publication-date index, but a researcher keeps far fewer pages than highlights,
// so those two filters read the sources table, then the location lists of the highlights.

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
 * Most highlights a word search lists, newest first; beyond it the list says the search was cut,
 * as a word matching most of the store narrows nothing.
 */
export const SEARCH_CAP = 2_000;

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

/** The rank bounds (terms.ts rankOf) of a day range of changes, end exclusive. */
function changedBounds(from: string | null, to: string | null): [string, string] {
  const lower = from ? rankOf(`${from}T00:00:00.000Z`) : '';
  const upper = to ? rankOf(new Date(Date.parse(`${to}T00:00:00.000Z`) + 86_400_000).toISOString()) : '\uffff';
  return [lower, upper];
}

async function sourceIdsWhere(db: RecordsDatabase, keep: (source: SourceRow) => boolean): Promise<string[]> {
  const ids: string[] = [];
  await db.sources.each((source) => {
    if (keep(source)) ids.push(source.id);
  });
  return ids;
}

/** The entries of `entries` whose rank lies in [lower, upper). */
function rankedWithin(entries: ReadonlyMap<string, string>, [lower, upper]: [string, string]): Map<string, string> {
  const out = new Map<string, string>();
  for (const [id, rank] of entries) if (rank >= lower && rank < upper) out.set(id, rank);
  return out;
}

/**
 * The highlights the words find, as id → rank: their own matches, cut to the newest SEARCH_CAP, and
 * every highlight linked to a person or case the words find.
 */
async function searchEntries(db: RecordsDatabase, query: string) {
  const found = await searchIds(db, query);
  const [viaPersons, viaCases] = await Promise.all([
    annotationsWhereAny(db, 'person', [...found.persons.keys()]),
    annotationsWhereAny(db, 'case', [...found.cases.keys()]),
  ]);
  const own = found.annotations;
  const kept =
    own.size > SEARCH_CAP ? newestIds(own, SEARCH_CAP).map((id): [string, string] => [id, own.get(id)!]) : own;
  return { entries: new Map([...viaPersons, ...viaCases, ...kept]), matches: own.size };
}

/** The id → rank map of each active filter; an empty list means nothing narrows the list. */
async function filterSets(db: RecordsDatabase, filter: RecordFilter): Promise<Map<string, string>[]> {
  const sets: Promise<Map<string, string>>[] = [];
  if (filter.kind) sets.push(annotationsWhere(db, 'kind', filter.kind));
  if (filter.tag) sets.push(annotationsWhere(db, 'tag', filter.tag));
  if (filter.personId) sets.push(annotationsWhere(db, 'person', filter.personId));
  if (filter.caseId) sets.push(annotationsWhere(db, 'case', filter.caseId));
  const byDate = Boolean(filter.from || filter.to);
  if (byDate && filter.dateField === 'changed') {
    sets.push(everyAnnotation(db).then((all) => rankedWithin(all, changedBounds(filter.from, filter.to))));
  }
  const bySourceDate = byDate && filter.dateField === 'published';
  if (filter.site || bySourceDate) {
    sets.push(
      sourceIdsWhere(
        db,
        (s) =>
          (!filter.site || siteOf(s) === filter.site) &&
          (!bySourceDate || within(publishedDay(s), filter.from, filter.to)),
      ).then((ids) => annotationsOfSourceIds(db, ids)),
    );
  }
  return Promise.all(sets);
}

/**
 * The highlights matching the words (quotes, notes, tags; persons' names and aliases; cases) and every
 * filter, ordered newest change first from the posting lists' ranks: no highlight is read here.
 */
export async function filterAnnotationIds(db: RecordsDatabase, filter: RecordFilter): Promise<FilteredIds> {
  // No enclosing transaction: a write landing between the steps only means the live query runs again.
  const sets = await filterSets(db, filter);
  let searchMatches = 0;
  let searchCapped = false;
  if (filter.query.trim()) {
    const { entries, matches } = await searchEntries(db, filter.query);
    searchMatches = matches;
    searchCapped = matches > SEARCH_CAP;
    sets.push(entries);
  }
  const members = sets.length ? intersectAll(sets) : await everyAnnotation(db);
  return { count: members.size, order: fixedOrder(newestIds(members, members.size)), searchMatches, searchCapped };
}

/** What the filter menus offer: the values present in the records, not a fixed list. */
export interface FilterChoices {
  kinds: string[];
  tags: string[];
  sites: string[];
}

// More distinct tags than this are not offered in the menu (the search box finds tags too).
const MAX_MENU_VALUES = 2_000;

/** Kinds and tags in use (the keys of their posting lists) and the sites of the stored pages. */
export async function filterChoices(db: RecordsDatabase): Promise<FilterChoices> {
  return db.transaction('r', [db.terms, db.sources], async () => {
    const [kinds, tags] = await Promise.all([valuesOf(db, 'kind'), valuesOf(db, 'tag')]);
    const sites = new Set<string>();
    await db.sources.each((s) => void sites.add(siteOf(s)));
    const byText = (x: string, y: string) => x.localeCompare(y, 'en');
    return {
      kinds,
      tags: tags.slice(0, MAX_MENU_VALUES).sort(byText),
      sites: [...sites].sort(byText),
    };
  });
}

/** How many highlights have each kind, counted from the kind lists: what deleting a kind would orphan. */
export async function kindUsage(db: RecordsDatabase, kindIds: readonly string[]): Promise<Map<string, number>> {
  const counts = await Promise.all(kindIds.map((id) => countWhere(db, 'kind', id)));
  return new Map(kindIds.map((id, i) => [id, counts[i]!]));
}
