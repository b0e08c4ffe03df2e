import { Dexie, type Table } from 'dexie';

// The search index as posting lists: for each scope (annotations, persons, cases) and each term,
// the ids of the records holding it, sorted and cut into blocks. A multi-entry index gave every
// (term, record) pair its own IndexedDB entry, about 1.5 million for 100,000 highlights, and cost
// two thirds of an import; blocks of up to a thousand ids cost a few thousand rows instead.
// A block is keyed by its term and the smallest id it may hold (`start`), so the block of an id is
// the last one whose start is not above it: a single put or delete reads and rewrites one block.
// The first block of a term always starts at '' so that lookup never comes back empty.

/** Which records a posting list points into. */
export type TermScope = 'annotations' | 'persons' | 'cases';

/** One block of a posting list: sorted, space-separated ids (UUIDs hold no space). */
export interface TermRow {
  scope: TermScope;
  term: string;
  start: string;
  ids: string;
}

/** The store spec of the posting table: one compound primary key, no other index. */
export const TERMS_STORE = '[scope+term+start]';

/** Ids per block when lists are built or re-cut; a block is split once it holds twice this many. */
export const BLOCK_SIZE = 1_024;

/** What to add to and remove from one term's list. */
export interface TermChange {
  add: string[];
  remove: string[];
}

/** The primary key of a block: scope, term, start. */
export type TermKey = [TermScope, string, string];

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Splits a sorted id list into blocks of at most BLOCK_SIZE, the first starting at `firstStart`. */
function cut(scope: TermScope, term: string, ids: readonly string[], firstStart: string, blockSize: number): TermRow[] {
  const rows: TermRow[] = [];
  const count = Math.ceil(ids.length / blockSize);
  // Even blocks, so no list ends in a sliver that the next put would have to rewrite anyway.
  for (let k = 0; k < count; k++) {
    const part = ids.slice(Math.floor((k * ids.length) / count), Math.floor(((k + 1) * ids.length) / count));
    rows.push({ scope, term, start: k === 0 ? firstStart : part[0]!, ids: part.join(' ') });
  }
  return rows;
}

/** The posting blocks of records given with their terms, for a scope that has none stored yet. */
export function buildTermRows(
  scope: TermScope,
  docs: Iterable<{ id: string; terms: readonly string[] }>,
  blockSize = BLOCK_SIZE,
): TermRow[] {
  const lists = new Map<string, string[]>();
  for (const { id, terms } of docs) {
    for (const term of terms) {
      const list = lists.get(term);
      if (list) list.push(id);
      else lists.set(term, [id]);
    }
  }
  const rows: TermRow[] = [];
  for (const [term, ids] of lists) rows.push(...cut(scope, term, ids.sort(compare), '', blockSize));
  return rows;
}

/** The ids of one block. */
export function idsOf(row: TermRow): string[] {
  return row.ids ? row.ids.split(' ') : [];
}

/** Per term, what changes between a record's old terms and its new ones. */
export function termChanges(
  changes: Map<string, TermChange>,
  id: string,
  before: readonly string[],
  after: readonly string[],
): void {
  const old = new Set(before);
  const next = new Set(after);
  const entry = (term: string) => {
    let change = changes.get(term);
    if (!change) changes.set(term, (change = { add: [], remove: [] }));
    return change;
  };
  for (const term of old) if (!next.has(term)) entry(term).remove.push(id);
  for (const term of next) if (!old.has(term)) entry(term).add.push(id);
}

/** Applies one term's change: reads the blocks covering the ids concerned, rewrites them. */
async function applyOne(
  table: Table<TermRow, TermKey>,
  scope: TermScope,
  term: string,
  change: TermChange,
  blockSize: number,
) {
  const touched = [...change.add, ...change.remove].sort(compare);
  const low = touched[0]!;
  const high = touched[touched.length - 1]!;
  // The block holding `low`: the last whose start is not above it (every list's first starts at '').
  const firstKey = await table
    .where('[scope+term+start]')
    .between([scope, term, ''], [scope, term, low], true, true)
    .reverse()
    .limit(1)
    .primaryKeys();
  const from = firstKey[0]?.[2] ?? '';
  const blocks = await table
    .where('[scope+term+start]')
    .between([scope, term, from], [scope, term, high], true, true)
    .toArray();
  // Is there a block after the ones read? Then the re-cut range must keep its first start.
  const after = await table
    .where('[scope+term+start]')
    .between([scope, term, high], [scope, term, Dexie.maxKey], false, true)
    .limit(1)
    .primaryKeys();
  const removed = new Set(change.remove);
  const ids = new Set<string>();
  for (const block of blocks) for (const id of idsOf(block)) if (!removed.has(id)) ids.add(id);
  for (const id of change.add) ids.add(id);
  const sorted = [...ids].sort(compare);
  // Blocks are re-cut only when one outgrows twice the block size, so a put rewrites one block.
  let rows =
    blocks.length === 1 && sorted.length <= 2 * blockSize && sorted.length > 0
      ? [{ scope, term, start: from, ids: sorted.join(' ') }]
      : cut(scope, term, sorted, from, blockSize);
  // A list whose first blocks emptied but which goes on keeps an empty first block, so lookups still start at ''.
  if (!rows.length && from === '' && after.length) rows = [{ scope, term, start: '', ids: '' }];
  const keep = new Set(rows.map((row) => row.start));
  const stale = blocks.filter((block) => !keep.has(block.start)).map((b): TermKey => [scope, term, b.start]);
  if (stale.length) await table.bulkDelete(stale);
  if (rows.length) await table.bulkPut(rows);
}

/** Applies changes to a scope's posting lists; call inside a rw transaction that includes the table. */
export async function applyTermChanges(
  table: Table<TermRow, TermKey>,
  scope: TermScope,
  changes: ReadonlyMap<string, TermChange>,
  blockSize = BLOCK_SIZE,
): Promise<void> {
  await Promise.all([...changes].map(([term, change]) => applyOne(table, scope, term, change, blockSize)));
}

/** Removes every posting list of a scope (before rebuilding it). */
export async function clearScope(table: Table<TermRow, TermKey>, scope: TermScope): Promise<void> {
  await table.where('[scope+term+start]').between([scope], [scope, Dexie.maxKey], true, true).delete();
}

/** The ids of every record holding a term that starts with `prefix`. */
export async function idsWithPrefix(
  table: Table<TermRow, TermKey>,
  scope: TermScope,
  prefix: string,
): Promise<Set<string>> {
  const rows = await table
    .where('[scope+term+start]')
    .between([scope, prefix], [scope, `${prefix}\uffff`], true, false)
    .toArray();
  const ids = new Set<string>();
  for (const row of rows) for (const id of idsOf(row)) ids.add(id);
  return ids;
}
