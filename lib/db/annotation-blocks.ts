import { Dexie, type Table } from 'dexie';
import type { Annotation } from '@/lib/schema/annotation';

// Highlights are stored a block of a source's highlights per IndexedDB row, not one row each. In
// Chromium every IndexedDB record and index entry costs a fixed ~70–90 µs to write, so 100,000
// highlights in their own rows took 7–10 s before any index; 5,000 source blocks take about 2 s.
// A page's highlights, the lookup made on every page load, are one range read of its blocks.
// A source's highlights are kept sorted by id and cut into blocks of at most twice BLOCK_SIZE, so
// a save reads and rewrites one block however many highlights a long report carries. Each block is
// keyed by its source and the smallest id it may hold (`start`); a source's first block starts at
// '' (and may be empty while later blocks are not), so the block of an id is the last one whose
// start is not above it.

/** One row of the `annotationBlocks` table: some highlights of one source, sorted by id. */
export interface AnnotationBlock {
  sourceId: string;
  start: string;
  annotations: Annotation[];
}

/** The primary key of a block: source id, start. */
export type BlockKey = [string, string];

/** The store spec of the blocks table: one compound primary key, no other index. */
export const BLOCKS_STORE = '[sourceId+start]';

/** Highlights per block when a source's list is cut; a block is split once it holds twice this many. */
export const BLOCK_SIZE = 64;

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: Annotation, b: Annotation) => compare(a.id, b.id);

/** Cuts highlights sorted by id into even blocks of at most `blockSize`, the first starting at `firstStart`. */
function cut(
  sourceId: string,
  sorted: readonly Annotation[],
  firstStart: string,
  blockSize: number,
): AnnotationBlock[] {
  const blocks: AnnotationBlock[] = [];
  const count = Math.ceil(sorted.length / blockSize);
  for (let k = 0; k < count; k++) {
    const part = sorted.slice(Math.floor((k * sorted.length) / count), Math.floor(((k + 1) * sorted.length) / count));
    blocks.push({ sourceId, start: k === 0 ? firstStart : part[0]!.id, annotations: part });
  }
  return blocks;
}

/** The blocks of highlights for a store that holds none yet: per source, sorted and cut. */
export function buildBlocks(annotations: Iterable<Annotation>, blockSize = BLOCK_SIZE): AnnotationBlock[] {
  const bySource = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    const list = bySource.get(annotation.sourceId);
    if (list) list.push(annotation);
    else bySource.set(annotation.sourceId, [annotation]);
  }
  const blocks: AnnotationBlock[] = [];
  for (const [sourceId, list] of bySource) blocks.push(...cut(sourceId, list.sort(byId), '', blockSize));
  return blocks;
}

/** What a change does to the blocks table: rows to write and keys to delete. */
export interface BlockChange {
  put: AnnotationBlock[];
  remove: BlockKey[];
  /** The source's first block ('' start) was emptied; it is in `put`, empty, for the caller to settle. */
  emptiedFirst: boolean;
}

/** The index of the block an id belongs in: the last whose start is not above it (the first if none). */
function blockIndexOf(blocks: readonly AnnotationBlock[], id: string): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (blocks[mid]!.start <= id) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Applies puts and removals to one source's blocks, rewriting only the blocks that change. `blocks`
 * (sorted by start) may be a subset of the source's, but must hold the block of every id concerned,
 * and is empty only when the source has none. A put of an id already stored replaces it. A block
 * that outgrows twice `blockSize` is cut; an emptied block goes, except the first: it stays, empty,
 * so lookups keep finding a block, and the caller deletes it if no other block is left.
 */
export function changeBlocks(
  sourceId: string,
  blocks: readonly AnnotationBlock[],
  put: readonly Annotation[],
  remove: ReadonlySet<string>,
  blockSize = BLOCK_SIZE,
): BlockChange {
  if (!blocks.length)
    return { put: cut(sourceId, [...put].sort(byId), '', blockSize), remove: [], emptiedFirst: false };
  const putIds = new Set(put.map((a) => a.id));
  const items = blocks.map((block) => block.annotations);
  const dirty = new Set<number>();
  items.forEach((list, i) => {
    const kept = list.filter((a) => !remove.has(a.id) && !putIds.has(a.id));
    if (kept.length !== list.length) dirty.add(i);
    items[i] = kept;
  });
  for (const annotation of put) {
    const i = blockIndexOf(blocks, annotation.id);
    items[i] = [...items[i]!, annotation];
    dirty.add(i);
  }
  const change: BlockChange = { put: [], remove: [], emptiedFirst: false };
  for (const i of dirty) {
    const block = blocks[i]!;
    const sorted = items[i]!.sort(byId);
    if (sorted.length > 2 * blockSize) change.put.push(...cut(sourceId, sorted, block.start, blockSize));
    else if (sorted.length || block.start === '')
      change.put.push({ sourceId, start: block.start, annotations: sorted });
    else change.remove.push([sourceId, block.start]);
    if (!sorted.length && block.start === '') change.emptiedFirst = true;
  }
  return change;
}

/** Every block of each source, per source in start order. */
export async function blocksOfSources(
  table: Table<AnnotationBlock, BlockKey>,
  sourceIds: Iterable<string>,
): Promise<Map<string, AnnotationBlock[]>> {
  const ids = [...new Set(sourceIds)];
  const lists = await Promise.all(
    ids.map((id) =>
      table.where('[sourceId+start]').between([id, Dexie.minKey], [id, Dexie.maxKey], true, true).toArray(),
    ),
  );
  return new Map(ids.map((id, i) => [id, lists[i]!]));
}

/** The block each id belongs in (the last whose start is not above it), each read once. */
export async function blocksHolding(
  table: Table<AnnotationBlock, BlockKey>,
  sourceId: string,
  ids: Iterable<string>,
): Promise<AnnotationBlock[]> {
  const found = await Promise.all(
    [...new Set(ids)].map((id) =>
      table.where('[sourceId+start]').between([sourceId, ''], [sourceId, id], true, true).reverse().first(),
    ),
  );
  const byStart = new Map(found.flatMap((block) => (block ? [[block.start, block] as const] : [])));
  return [...byStart.values()].sort((a, b) => compare(a.start, b.start));
}

/** Whether a source has a block other than its first, apart from those about to be deleted. */
export async function hasLaterBlock(
  table: Table<AnnotationBlock, BlockKey>,
  sourceId: string,
  deleting: readonly BlockKey[],
): Promise<boolean> {
  const gone = new Set(deleting.map(([, start]) => start));
  const keys = await table
    .where('[sourceId+start]')
    .between([sourceId, ''], [sourceId, Dexie.maxKey], false, true)
    .limit(gone.size + 1)
    .primaryKeys();
  return keys.some(([, start]) => !gone.has(start));
}
