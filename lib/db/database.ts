import { Dexie, type DexieOptions, type Table, type Transaction } from 'dexie';
import { BLOCKS_STORE, type AnnotationBlock, type BlockKey } from './annotation-blocks';
import type { CaseRow, PersonRow, SourceRow } from './rows';
import { TERMS_STORE, type TermKey, type TermRow } from './terms';
import { moveSearchTokensToTerms } from './upgrade-v2';
import { moveAnnotationsToBlocks } from './upgrade-v3';

// The records live in one IndexedDB database in the extension's origin. Its layout is versioned:
// a researcher who skips several releases must still be upgraded step by step from whatever version
// their browser holds, so every version declaration stays in DB_VERSIONS forever. Never edit or
// remove a released entry; add a new one with its store spec and, when data must move, an upgrade.

/** The database name the extension uses; tests pass their own. */
export const DEFAULT_DATABASE_NAME = 'source-annotator';

/**
 * The store spec of one database version, per table: primary key first, `*` marks a multi-entry
 * index; null deletes a table the previous version had (after the upgrade has read it).
 */
export type StoreSpec = Readonly<Record<string, string | null>>;

/**
 * Version 1. `urlKey`/`canonicalKey` are the normalised visited and canonical URLs; `*Key` instants
 * are UTC so index order is time order; `searchTokens` holds the folded words for search.
 */
export const STORES_V1: StoreSpec = {
  sources: 'id, urlKey, canonicalKey, lastAccessedKey',
  annotations: 'id, sourceId, *personIds, *caseIds, kind, *tags, modifiedKey, *searchTokens',
  persons: 'id, name, modifiedKey, *searchTokens',
  cases: 'id, title, *personIds, modifiedKey, *searchTokens',
};

/**
 * Version 2. Search moves from the multi-entry `searchTokens` indexes to posting lists in `terms`
 * (see terms.ts): 100,000 highlights wrote about 1.5 million index entries, two thirds of an import.
 */
export const STORES_V2: StoreSpec = {
  sources: 'id, urlKey, canonicalKey, lastAccessedKey',
  annotations: 'id, sourceId, *personIds, *caseIds, kind, *tags, modifiedKey',
  persons: 'id, name, modifiedKey',
  cases: 'id, title, *personIds, modifiedKey',
  terms: TERMS_STORE,
};

/**
 * Version 3. Highlights move from a row each to blocks per source (`annotationBlocks`, see
 * annotation-blocks.ts), and their kind, tag, person, case and source indexes to posting lists in
 * `terms` (field-keys.ts): in Chromium every IndexedDB record and index entry has a fixed cost, and
 * 100,000 highlights in their own rows with six indexes took 20–25 s to import against 8 s wanted.
 */
export const STORES_V3: StoreSpec = {
  sources: 'id, urlKey, canonicalKey, lastAccessedKey',
  annotations: null,
  annotationBlocks: BLOCKS_STORE,
  persons: 'id, name, modifiedKey',
  cases: 'id, title, *personIds, modifiedKey',
  terms: TERMS_STORE,
};

/** One step of the layout's history. */
export interface DatabaseVersion {
  version: number;
  stores: StoreSpec;
  /** Moves data written by the previous version into this version's shape. */
  upgrade?: (transaction: Transaction) => Promise<void> | void;
}

/** Every layout ever released, oldest first; the migration test opens a database of each. */
export const DB_VERSIONS: readonly DatabaseVersion[] = [
  { version: 1, stores: STORES_V1 },
  { version: 2, stores: STORES_V2, upgrade: moveSearchTokensToTerms },
  { version: 3, stores: STORES_V3, upgrade: moveAnnotationsToBlocks },
];

/**
 * The tables of the four kinds of record and `terms`, for a transaction around an edit that may touch
 * any of them: every write of highlights, persons and cases also updates their posting lists in
 * `terms`, so a read-write transaction over them names it too (it used to be added by patching
 * Dexie's private `_createTransaction`; naming it is public API and plain to read).
 */
export function recordTables(db: RecordsDatabase) {
  return [db.sources, db.annotationBlocks, db.persons, db.cases, db.terms];
}

/** The extension's records store: typed tables of stored rows (see rows.ts for what they add). */
export class RecordsDatabase extends Dexie {
  // `declare` so no class field shadows the tables Dexie installs in the constructor.
  declare readonly sources: Table<SourceRow, string>;
  /** Highlights, in blocks per source: read and write them only through lib/db (annotation-store.ts). */
  declare readonly annotationBlocks: Table<AnnotationBlock, BlockKey>;
  declare readonly persons: Table<PersonRow, string>;
  declare readonly cases: Table<CaseRow, string>;
  declare readonly terms: Table<TermRow, TermKey>;

  constructor(name: string = DEFAULT_DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    for (const step of DB_VERSIONS) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}
