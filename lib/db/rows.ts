import type { Annotation } from '@/lib/schema/annotation';
import type { Case } from '@/lib/schema/case';
import type { Person } from '@/lib/schema/person';
import type { Source } from '@/lib/schema/source';
import { normalizeUrl } from '@/lib/source/normalize-url';
import { fieldKeysOf } from './field-keys';
import { termsOfAnnotation, termsOfCase, termsOfPerson } from './search-tokens';
import type { TermScope } from './terms';

// A stored row is the schema record plus keys derived from it for the indexes. The derived keys
// are recomputed on every write and stripped on every read, so callers only ever see schema records
// and an export can never leak storage details.

/** The four record tables, in the order a RecordSet lists them. */
export const TABLE_NAMES = ['sources', 'annotations', 'persons', 'cases'] as const;
/** One of the four record tables. */
export type TableName = (typeof TABLE_NAMES)[number];

/** A stored source: the URL keys let a visit find it whatever tracking parameters the link carried. */
export type SourceRow = Source & { urlKey: string; canonicalKey?: string; lastAccessedKey: string };
/**
 * A stored highlight: the schema record itself, kept in its source's block (annotation-blocks.ts);
 * its words and indexed fields live in the `terms` table.
 */
export type AnnotationRow = Annotation;
/** A stored person, with a sortable modification time. */
export type PersonRow = Person & { modifiedKey: string };
/** A stored case, with a sortable modification time. */
export type CaseRow = Case & { modifiedKey: string };

/** The schema record each table holds, so generic code can stay typed per table. */
export interface RecordOf {
  sources: Source;
  annotations: Annotation;
  persons: Person;
  cases: Case;
}
/** The stored row of each table. */
export interface RowOf {
  sources: SourceRow;
  annotations: AnnotationRow;
  persons: PersonRow;
  cases: CaseRow;
}

/** The key a URL is looked up by: normalised, or as given when it cannot be parsed. */
export function urlKey(url: string): string {
  return normalizeUrl(url) ?? url;
}

/**
 * An instant as fixed-width UTC (`2026-11-22T07:00:00.000Z`). Instants may carry any offset and any
 * number of fraction digits, so their text order is not time order; this key's is.
 */
export function instantKey(instant: string): string {
  const time = Date.parse(instant);
  return Number.isNaN(time) ? instant : new Date(time).toISOString();
}

/** Orders two instants by time: negative when `a` is earlier. */
export function compareInstants(a: string, b: string): number {
  const ka = instantKey(a);
  const kb = instantKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** Converts records to rows and back, per table; merge and the data-access functions share it. */
export const CODECS: {
  [K in TableName]: {
    toRow(record: RecordOf[K]): RowOf[K];
    fromRow(row: RowOf[K]): RecordOf[K];
    /** When the record last changed; sources have no `modified`, so their last visit stands in. */
    modified(record: RecordOf[K]): string;
  };
} = {
  sources: {
    toRow(source) {
      const row: SourceRow = {
        ...source,
        urlKey: urlKey(source.url),
        lastAccessedKey: instantKey(source.lastAccessed),
      };
      // IndexedDB cannot index null; leaving the key out keeps the row out of that index.
      if (source.canonicalUrl !== null) row.canonicalKey = urlKey(source.canonicalUrl);
      return row;
    },
    fromRow({ urlKey: _u, canonicalKey: _c, lastAccessedKey: _l, ...source }) {
      return source;
    },
    modified: (source) => source.lastAccessed,
  },
  annotations: {
    toRow: (annotation) => annotation,
    fromRow: (annotation) => annotation,
    modified: (annotation) => annotation.modified,
  },
  persons: {
    toRow: (person) => ({ ...person, modifiedKey: instantKey(person.modified) }),
    fromRow: ({ modifiedKey: _m, ...person }) => person,
    modified: (person) => person.modified,
  },
  cases: {
    toRow: (kase) => ({ ...kase, modifiedKey: instantKey(kase.modified) }),
    fromRow: ({ modifiedKey: _m, ...kase }) => kase,
    modified: (kase) => kase.modified,
  },
};

/** The tables search covers; each keeps its posting lists in the `terms` table under its own name. */
export const SEARCHABLE_TABLES = ['annotations', 'persons', 'cases'] as const satisfies readonly TermScope[];
/** One of the searchable tables. */
export type SearchableTable = (typeof SEARCHABLE_TABLES)[number];

/**
 * The search terms of a record (and a highlight's field keys, see field-keys.ts): a pure function of
 * the record, so the terms to take out of the index when a record changes or goes are recomputed from
 * the stored copy, never stored beside it. Changing what these return needs a new database version
 * whose upgrade rebuilds the `terms` table.
 */
export const TERMS_OF: { [K in SearchableTable]: (record: RecordOf[K]) => string[] } = {
  annotations: (annotation) => [...termsOfAnnotation(annotation), ...fieldKeysOf(annotation)],
  persons: termsOfPerson,
  cases: termsOfCase,
};
