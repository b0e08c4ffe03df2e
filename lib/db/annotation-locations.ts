import type { Table } from 'dexie';
import type { Annotation } from '@/lib/schema/annotation';
import type { TermChange, TermDoc, TermKey, TermRow } from './terms';
import { entriesWithPrefix, termChanges } from './terms';

// A highlight's block is found from its source, so reading one by id needs its source first. That
// map lives in the `terms` table as posting lists of scope `locations`: one list per first two
// characters of the id, each entry `id:sourceId` (the place a search list keeps its rank). At
// 100,000 highlights that is 256 lists of about 400 entries; an id is found with one read.

/** The location list an id belongs to. */
export function locationTerm(id: string): string {
  return id.slice(0, 2);
}

/** The location document of a highlight, for building or changing the lists. */
export function locationOf(annotation: Pick<Annotation, 'id' | 'sourceId'>): TermDoc {
  return { id: annotation.id, rank: annotation.sourceId, terms: [locationTerm(annotation.id)] };
}

/** Adds to `changes` what replacing `before` by `after` (either may be absent) does to the locations. */
export function locationChanges(
  changes: Map<string, TermChange>,
  id: string,
  before: Pick<Annotation, 'id' | 'sourceId'> | null,
  after: Pick<Annotation, 'id' | 'sourceId'> | null,
): void {
  termChanges(changes, id, before && locationOf(before), after && locationOf(after));
}

/** The source id an entry list gives `id`, found without splitting the list. */
function sourceIn(entries: string, id: string): string | undefined {
  const needle = `${id}:`;
  let at = 0;
  if (!entries.startsWith(needle)) {
    const inside = entries.indexOf(` ${needle}`);
    if (inside < 0) return undefined;
    at = inside + 1;
  }
  const from = at + needle.length;
  const end = entries.indexOf(' ', from);
  return entries.slice(from, end < 0 ? undefined : end);
}

// Above this many ids, reading every location list is cheaper than one read per id.
const READ_ALL_ABOVE = 256;

/** Every stored highlight's source, from all the location lists at once. */
export function allLocations(table: Table<TermRow, TermKey>): Promise<Map<string, string>> {
  // Every location list, read as the lists of one scope: the entries' "rank" is the source id.
  return entriesWithPrefix(table, 'locations', '');
}

/** The source of each stored highlight among `ids`; ids not stored are absent from the map. */
export async function locate(table: Table<TermRow, TermKey>, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  const found = new Map<string, string>();
  if (wanted.length > READ_ALL_ABOVE) {
    const all = await allLocations(table);
    for (const id of wanted) if (all.has(id)) found.set(id, all.get(id)!);
    return found;
  }
  // A list stays one block up to twice BLOCK_SIZE entries (half a million highlights), so the
  // lists' first blocks are fetched by key in one bulkGet; an id not in its list's first block is
  // looked for with a cursor in the blocks after it.
  const terms = [...new Set(wanted.map(locationTerm))];
  const firsts = await table.bulkGet(terms.map((term): TermKey => ['locations', term, '']));
  const firstOf = new Map(terms.map((term, i) => [term, firsts[i]]));
  const later: string[] = [];
  for (const id of wanted) {
    const first = firstOf.get(locationTerm(id));
    const sourceId = first && sourceIn(first.entries, id);
    if (sourceId !== undefined) found.set(id, sourceId);
    else if (first) later.push(id);
  }
  await Promise.all(
    later.map(async (id) => {
      const term = locationTerm(id);
      const [block] = await table
        .where('[scope+term+start]')
        .between(['locations', term, ''], ['locations', term, id], false, true)
        .reverse()
        .limit(1)
        .toArray();
      const sourceId = block && sourceIn(block.entries, id);
      if (sourceId !== undefined) found.set(id, sourceId);
    }),
  );
  return found;
}
