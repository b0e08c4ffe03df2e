import { Dexie, type Table } from 'dexie';

// The search index as posting lists: for each scope (annotations, persons, cases) and each term,
// the records holding it, sorted by id and cut into blocks. A multi-entry index gave every
// (term, record) pair its own IndexedDB entry, about 1.5 million for 100,000 highlights, and cost
// two thirds of an import; blocks of up to a thousand entries cost a few thousand rows instead.
// Each entry is `id:rank`, the rank being the record's modification time, so a search can order
// its matches newest first from the lists alone: reading the modification index or the rows of
// thousands of matches cost 100–400 ms. A change of `modified` therefore rewrites the record's entries.
// A block is keyed by its term and the smallest id it may hold (`start`), so the block of an id is
// the last one whose start is not above it: a single put or delete reads and rewrites one block.
// The first block of a term always starts at '' so that lookup never comes back empty.

/**
 * Which records a posting list points into. `locations` is not a search scope: its lists map each
 * highlight's id to the source whose blocks hold it (annotation-locations.ts).
 */
export type TermScope = 'annotations' | 'persons' | 'cases' | 'locations';

/** One block of a posting list: space-separated `id:rank` entries in id order (UUIDs hold no space or colon). */
export interface TermRow {
  scope: TermScope;
  term: string;
  start: string;
  entries: string;
}

/** The store spec of the posting table: one compound primary key, no other index. */
export const TERMS_STORE = '[scope+term+start]';

/** Entries per block when lists are built or re-cut; a block is split once it holds twice this many. */
export const BLOCK_SIZE = 1_024;

/** A record as the posting lists see it. */
export interface TermDoc {
  id: string;
  /** rankOf(its modification time). */
  rank: string;
  terms: readonly string[];
}

/** What to do to one term's list: entries to add, ids whose entries go. */
export interface TermChange {
  add: string[];
  remove: string[];
}

/** The primary key of a block: scope, term, start. */
export type TermKey = [TermScope, string, string];

/**
 * A modification time as nine base-36 digits of milliseconds since 1970, so text order is time
 * order at the same precision as the rows' `modifiedKey`, in a fifth of its length.
 */
export function rankOf(instant: string): string {
  const time = Date.parse(instant);
  return Math.max(0, Number.isNaN(time) ? 0 : time)
    .toString(36)
    .padStart(RANK_WIDTH, '0');
}

/** The width of a rank: nine base-36 digits hold every millisecond until the year 5188. */
export const RANK_WIDTH = 9;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const entryId = (entry: string) => entry.slice(0, entry.lastIndexOf(':'));

/** Splits entries sorted by id into even blocks of at most `blockSize`, the first starting at `firstStart`. */
function cut(scope: TermScope, term: string, sorted: readonly string[], firstStart: string, blockSize: number) {
  const rows: TermRow[] = [];
  const count = Math.ceil(sorted.length / blockSize);
  // Even blocks, so no list ends in a sliver that the next put would have to rewrite anyway.
  for (let k = 0; k < count; k++) {
    const part = sorted.slice(Math.floor((k * sorted.length) / count), Math.floor(((k + 1) * sorted.length) / count));
    rows.push({ scope, term, start: k === 0 ? firstStart : entryId(part[0]!), entries: part.join(' ') });
  }
  return rows;
}

/** The posting blocks of records, for a scope that has none stored yet. */
export function buildTermRows(scope: TermScope, docs: Iterable<TermDoc>, blockSize = BLOCK_SIZE): TermRow[] {
  // The records are put in entry order once, so every list is built already sorted: sorting each
  // list instead cost a third of building them for 100,000 highlights.
  const entries = [...docs].map((doc) => ({ entry: `${doc.id}:${doc.rank}`, terms: doc.terms }));
  entries.sort((a, b) => compare(a.entry, b.entry));
  const lists = new Map<string, string[]>();
  for (const { entry, terms } of entries) {
    for (const term of terms) {
      const list = lists.get(term);
      if (list) list.push(entry);
      else lists.set(term, [entry]);
    }
  }
  const rows: TermRow[] = [];
  // Entries start with the id and ids do not contain ':', so entry order is id order.
  for (const [term, list] of lists) rows.push(...cut(scope, term, list, '', blockSize));
  return rows;
}

/** The `id:rank` entries of one block. */
export function entriesOf(row: TermRow): string[] {
  return row.entries ? row.entries.split(' ') : [];
}

/** Adds to `changes`, per term, what replacing a record's old terms and rank with new ones changes. */
export function termChanges(
  changes: Map<string, TermChange>,
  id: string,
  before: { terms: readonly string[]; rank: string } | null,
  after: { terms: readonly string[]; rank: string } | null,
): void {
  const next = new Set(after?.terms);
  const sameRank = before?.rank === after?.rank;
  const entry = (term: string) => {
    let change = changes.get(term);
    if (!change) changes.set(term, (change = { add: [], remove: [] }));
    return change;
  };
  const old = new Set(before?.terms);
  for (const term of old) if (!next.has(term) || !sameRank) entry(term).remove.push(id);
  for (const term of next) if (!old.has(term) || !sameRank) entry(term).add.push(`${id}:${after!.rank}`);
}

/** The blocks of one term's list, in start order. */
function termBlocks(table: Table<TermRow, TermKey>, scope: TermScope, term: string) {
  return table.where('[scope+term+start]').between([scope, term, ''], [scope, term, Dexie.maxKey], true, true);
}

/** The blocks of every term of a scope that starts with `prefix`. */
function prefixBlocks(table: Table<TermRow, TermKey>, scope: TermScope, prefix: string) {
  return table.where('[scope+term+start]').between([scope, prefix], [scope, `${prefix}\uffff`], true, false);
}

/** Whether a term's list has a block starting above `after`, besides those about to be deleted. */
async function hasBlockAfter(
  table: Table<TermRow, TermKey>,
  scope: TermScope,
  term: string,
  after: string,
  deleting: readonly TermKey[] = [],
) {
  const gone = new Set(deleting.map(([, , start]) => start));
  const keys = await table
    .where('[scope+term+start]')
    .between([scope, term, after], [scope, term, Dexie.maxKey], false, true)
    .limit(gone.size + 1)
    .primaryKeys();
  return keys.some(([, , start]) => !gone.has(start));
}

/** Applies one term's change: reads the blocks covering the ids concerned, rewrites them. */
async function applyOne(
  table: Table<TermRow, TermKey>,
  scope: TermScope,
  term: string,
  change: TermChange,
  blockSize: number,
) {
  const touched = [...change.add.map(entryId), ...change.remove].sort(compare);
  const low = touched[0]!;
  const high = touched[touched.length - 1]!;
  const index = table.where('[scope+term+start]');
  // The block holding `low`: the last whose start is not above it (every list's first starts at '').
  // A single record's change (low = high) reads that block alone: one read and one write per term.
  const [first] = await index.between([scope, term, ''], [scope, term, low], true, true).reverse().limit(1).toArray();
  const from = first?.start ?? '';
  const more = low === high ? [] : await index.between([scope, term, from], [scope, term, high], false, true).toArray();
  const blocks = first ? [first, ...more] : more;
  const gone = new Set(touched);
  const kept: string[] = [];
  for (const block of blocks) for (const e of entriesOf(block)) if (!gone.has(entryId(e))) kept.push(e);
  const sorted = kept.concat(change.add).sort(compare);
  // Blocks are re-cut only when one outgrows twice the block size, so a put rewrites one block.
  let rows =
    blocks.length === 1 && sorted.length > 0 && sorted.length <= 2 * blockSize
      ? [{ scope, term, start: from, entries: sorted.join(' ') }]
      : cut(scope, term, sorted, from, blockSize);
  // A list whose first blocks emptied but which goes on keeps an empty first block, so lookups still start at ''.
  if (!rows.length && from === '' && (await hasBlockAfter(table, scope, term, high))) {
    rows = [{ scope, term, start: '', entries: '' }];
  }
  const keep = new Set(rows.map((row) => row.start));
  const stale = blocks.filter((block) => !keep.has(block.start)).map((b): TermKey => [scope, term, b.start]);
  // The last entries of a list that went on past an empty first block: that block goes with them.
  if (!rows.length && from !== '') {
    const head = await table.get([scope, term, '']);
    if (head && !head.entries && !(await hasBlockAfter(table, scope, term, '', stale))) stale.push([scope, term, '']);
  }
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

/** Adds the `id:rank` entries of blocks to `into`. */
function collect(rows: readonly TermRow[], into: Map<string, string>): Map<string, string> {
  for (const row of rows) {
    for (const entry of entriesOf(row)) {
      const colon = entry.lastIndexOf(':');
      into.set(entry.slice(0, colon), entry.slice(colon + 1));
    }
  }
  return into;
}

/** Every record holding exactly `term`, as id → rank. */
export async function entriesOfTerm(
  table: Table<TermRow, TermKey>,
  scope: TermScope,
  term: string,
): Promise<Map<string, string>> {
  return collect(await termBlocks(table, scope, term).toArray(), new Map());
}

/** How many records hold exactly `term`, counted without splitting the blocks. */
export async function countOfTerm(table: Table<TermRow, TermKey>, scope: TermScope, term: string): Promise<number> {
  let count = 0;
  for (const row of await termBlocks(table, scope, term).toArray()) {
    if (!row.entries) continue;
    let at = -1;
    count++;
    while ((at = row.entries.indexOf(' ', at + 1)) >= 0) count++;
  }
  return count;
}

/** The distinct terms of a scope that start with `prefix`, from the blocks' keys alone. */
export async function termsWithPrefix(
  table: Table<TermRow, TermKey>,
  scope: TermScope,
  prefix: string,
): Promise<string[]> {
  const keys = await prefixBlocks(table, scope, prefix).primaryKeys();
  return [...new Set(keys.map((key) => key[1]))];
}

/** Every record holding a term that starts with `prefix`, as id → rank. */
export async function entriesWithPrefix(
  table: Table<TermRow, TermKey>,
  scope: TermScope,
  prefix: string,
): Promise<Map<string, string>> {
  return collect(await prefixBlocks(table, scope, prefix).toArray(), new Map());
}
