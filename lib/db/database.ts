import { Dexie, type DexieOptions, type Table, type Transaction } from 'dexie';
import type { AnnotationRow, CaseRow, PersonRow, SourceRow, TableName } from './rows';

// The records live in one IndexedDB database in the extension's origin. Its layout is versioned:
// a researcher who skips several releases must still be upgraded step by step from whatever version
// their browser holds, so every version declaration stays in DB_VERSIONS forever. Never edit or
// remove a released entry; add a new one with its store spec and, when data must move, an upgrade.

/** The database name the extension uses; tests pass their own. */
export const DEFAULT_DATABASE_NAME = 'source-annotator';

/** The store spec of one database version: primary key first, `*` marks a multi-entry index. */
export type StoreSpec = Readonly<Record<TableName, string>>;

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

/** One step of the layout's history. */
export interface DatabaseVersion {
  version: number;
  stores: StoreSpec;
  /** Moves data written by the previous version into this version's shape. */
  upgrade?: (transaction: Transaction) => Promise<void> | void;
}

/** Every layout ever released, oldest first; the migration test opens a database of each. */
export const DB_VERSIONS: readonly DatabaseVersion[] = [{ version: 1, stores: STORES_V1 }];

/** The extension's records store: typed tables of stored rows (see rows.ts for what they add). */
export class RecordsDatabase extends Dexie {
  // `declare` so no class field shadows the tables Dexie installs in the constructor.
  declare readonly sources: Table<SourceRow, string>;
  declare readonly annotations: Table<AnnotationRow, string>;
  declare readonly persons: Table<PersonRow, string>;
  declare readonly cases: Table<CaseRow, string>;

  constructor(name: string = DEFAULT_DATABASE_NAME, options?: DexieOptions) {
    super(name, options);
    for (const step of DB_VERSIONS) {
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade) version.upgrade(step.upgrade);
    }
  }
}
