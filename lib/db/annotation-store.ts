import { Dexie, type Table } from 'dexie';
import type { Annotation } from '@/lib/schema/annotation';
import {
  BLOCK_SIZE,
  blocksHolding,
  blocksOfSources,
  buildBlocks,
  changeBlocks,
  hasLaterBlock,
  type AnnotationBlock,
  type BlockChange,
  type BlockKey,
} from './annotation-blocks';
import { locate, locationChanges, locationOf } from './annotation-locations';
import { allWritten, putRows, type Queued } from './raw-puts';
import { TERMS_OF } from './rows';
import {
  applyTermChanges,
  buildTermRows,
  clearScope,
  rankOf,
  termChanges,
  type TermChange,
  type TermKey,
  type TermRow,
} from './terms';

// Reading and writing highlights in their storage layout: blocks per source (annotation-blocks.ts),
// where each id is (annotation-locations.ts), and the posting lists of their words and fields
// (terms.ts, field-keys.ts). Every change of a highlight changes all three in the caller's
// read-write transaction, so they cannot disagree after a commit.

/** The tables highlights live in; an upgrade passes its transaction's tables, everything else the database's. */
export interface AnnotationTables {
  blocks: Table<AnnotationBlock, BlockKey>;
  terms: Table<TermRow, TermKey>;
  /** The IndexedDB read-write transaction the tables are bound to, for an import's bulk writes. */
  idb?: IDBTransaction;
}

/** One highlight to store, with the stored copy it replaces (read in the same transaction). */
export interface AnnotationWrite {
  before: Annotation | undefined;
  after: Annotation | null;
}

/** What the posting lists hold for a highlight: its words and field keys, ranked by its modification time. */
export function postingOfAnnotation(annotation: Annotation) {
  return { terms: TERMS_OF.annotations(annotation), rank: rankOf(annotation.modified) };
}

/** Every highlight of some sources, as stored (block order: by source, then id). */
export async function annotationsOfSources(
  tables: AnnotationTables,
  sourceIds: Iterable<string>,
): Promise<Annotation[]> {
  const blocks = await blocksOfSources(tables.blocks, sourceIds);
  return [...blocks.values()].flatMap((list) => list.flatMap((block) => block.annotations));
}

/** The stored highlights among `ids`, in the order asked; ids not stored are left out. */
export async function getAnnotations(tables: AnnotationTables, ids: Iterable<string>): Promise<Annotation[]> {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return [];
  const where = await locate(tables.terms, wanted);
  const found = new Map<string, Annotation>();
  // Most sources fit in one block: the sources' first blocks come in one bulkGet, and only the
  // sources of ids not found there are read whole.
  const sourceIds = [...new Set(where.values())];
  const firsts = await tables.blocks.bulkGet(sourceIds.map((id): BlockKey => [id, '']));
  const keep = (annotation: Annotation) => {
    if (where.get(annotation.id) === annotation.sourceId) found.set(annotation.id, annotation);
  };
  for (const block of firsts) block?.annotations.forEach(keep);
  const rest = new Set([...where].filter(([id]) => !found.has(id)).map(([, sourceId]) => sourceId));
  if (rest.size) (await annotationsOfSources(tables, rest)).forEach(keep);
  return wanted.flatMap((id) => found.get(id) ?? []);
}

/** Every stored highlight, sorted by id. */
export async function readAllAnnotations(tables: AnnotationTables): Promise<Annotation[]> {
  const blocks = await tables.blocks.toArray();
  const all = blocks.flatMap((block) => block.annotations);
  return all.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Whether no highlight is stored: no location list has a block (a block may be empty, a list may not). */
export async function noAnnotations(tables: AnnotationTables): Promise<boolean> {
  const keys = await tables.terms
    .where('[scope+term+start]')
    .between(['locations'], ['locations', Dexie.maxKey], true, true)
    .limit(1)
    .primaryKeys();
  return keys.length === 0;
}

/**
 * Stores and deletes highlights whose stored copies the caller has read in this transaction: the
 * blocks of every source concerned, the locations and the posting lists. Ids must be unique.
 */
export async function writeAnnotations(
  tables: AnnotationTables,
  writes: readonly AnnotationWrite[],
  blockSize = BLOCK_SIZE,
): Promise<void> {
  if (!writes.length) return;
  const words = new Map<string, TermChange>();
  const locations = new Map<string, TermChange>();
  const perSource = new Map<string, { put: Annotation[]; remove: Set<string> }>();
  const changesOf = (sourceId: string) => {
    let change = perSource.get(sourceId);
    if (!change) perSource.set(sourceId, (change = { put: [], remove: new Set() }));
    return change;
  };
  for (const { before, after } of writes) {
    const id = (after ?? before)?.id;
    if (!id) continue;
    termChanges(words, id, before ? postingOfAnnotation(before) : null, after && postingOfAnnotation(after));
    locationChanges(locations, id, before ?? null, after);
    if (after) changesOf(after.sourceId).put.push(after);
    if (before && before.sourceId !== after?.sourceId) changesOf(before.sourceId).remove.add(id);
  }
  await Promise.all([
    ...[...perSource].map(([sourceId, { put, remove }]) => changeSource(tables, sourceId, put, remove, blockSize)),
    applyTermChanges(tables.terms, 'annotations', words),
    applyTermChanges(tables.terms, 'locations', locations),
  ]);
}

/** Up to this many highlights of one source changed at once, only their blocks are read; above it, all of the source's. */
export const READ_BLOCKS_SINGLY_UP_TO = 32;

/** Puts and removes highlights of one source: reads the blocks concerned, writes those that change. */
async function changeSource(
  tables: AnnotationTables,
  sourceId: string,
  put: readonly Annotation[],
  remove: ReadonlySet<string>,
  blockSize: number,
): Promise<void> {
  const ids = [...put.map((a) => a.id), ...remove];
  const blocks =
    ids.length <= READ_BLOCKS_SINGLY_UP_TO
      ? await blocksHolding(tables.blocks, sourceId, ids)
      : ((await blocksOfSources(tables.blocks, [sourceId])).get(sourceId) ?? []);
  const change = changeBlocks(sourceId, blocks, put, remove, blockSize);
  if (change.remove.length || change.emptiedFirst) await dropEmptyFirst(tables, sourceId, change);
  if (change.remove.length) await tables.blocks.bulkDelete(change.remove);
  if (change.put.length) await tables.blocks.bulkPut(change.put);
}

/**
 * A source whose last highlight went leaves no empty block behind: the first block may stay empty
 * only while later blocks hold highlights, and it may have emptied in an earlier write than theirs.
 */
async function dropEmptyFirst(tables: AnnotationTables, sourceId: string, change: BlockChange): Promise<void> {
  const first = change.put.find((block) => block.start === '') ?? (await tables.blocks.get([sourceId, '']));
  if (!first || first.annotations.length) return;
  if (change.put.some((block) => block.start !== '' && block.annotations.length)) return;
  if (await hasLaterBlock(tables.blocks, sourceId, change.remove)) return;
  change.put = change.put.filter((block) => block.start !== '');
  change.remove.push([sourceId, '']);
}

/**
 * Empties the highlights' tables and posting scopes before a fill. Dexie-level, so live queries learn
 * the ranges changed; made before any fill is queued, since a request queued behind 100 MB of rows
 * waits for all of them.
 */
export async function clearAnnotations(tables: AnnotationTables): Promise<void> {
  await Promise.all([
    tables.blocks.clear(),
    clearScope(tables.terms, 'annotations'),
    clearScope(tables.terms, 'locations'),
  ]);
}

/**
 * Stores highlights into a store that holds none (see clearAnnotations): blocks, locations and
 * posting lists are built whole and queued with no reads; the caller awaits `written` before its
 * transaction ends. A highlight listed twice ends as its last copy.
 */
export function fillAnnotations(
  tables: AnnotationTables,
  records: readonly Annotation[],
  blockSize = BLOCK_SIZE,
): Queued {
  const idb = tables.idb;
  if (!idb) throw new Error('Highlights can only be filled inside a read-write transaction; nothing was written.');
  const last = [...new Map(records.map((record) => [record.id, record])).values()];
  // The lists first: they are the most for the browser to write (about 90 MB for 100,000 highlights)
  // and the least for this thread to hand over, so the browser writes them while this thread
  // serialises the blocks, which is the other way round.
  const words = buildTermRows(
    'annotations',
    last.map((record) => ({ id: record.id, ...postingOfAnnotation(record) })),
  );
  const wordsWritten = putRows(idb, 'terms', words);
  const locationsWritten = putRows(idb, 'terms', buildTermRows('locations', last.map(locationOf)));
  const blocksWritten = putRows(idb, 'annotationBlocks', buildBlocks(last, blockSize));
  return allWritten([wordsWritten, locationsWritten, blocksWritten]);
}
