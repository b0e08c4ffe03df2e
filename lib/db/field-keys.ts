import type { Annotation } from '@/lib/schema/annotation';
import type { RecordsDatabase } from './database';
import { allLocations } from './annotation-locations';
import { countOfTerm, entriesOfTerm, entriesWithPrefix, termsWithPrefix } from './terms';

// Highlights are stored in blocks per source (annotation-blocks.ts), so IndexedDB has no index on
// their kind, tags, persons or cases. Those indexes are posting lists instead, in the
// `annotations` scope of the `terms` table beside the search words, under keys that begin with `#`:
// a search word is letters and digits only, so no query prefix can ever reach them. Each entry
// carries the highlight's modification rank (terms.ts), so a filter orders its matches newest first
// without reading a single highlight. An import writes a few thousand blocks for these instead of
// half a million index entries.

/** What starts every field key; never the first character of a search word. */
export const FIELD_KEY_MARK = '#';

/** The posting-list key of each indexed field value. */
export const fieldKey = {
  kind: (kind: string) => `${FIELD_KEY_MARK}kind:${kind}`,
  tag: (tag: string) => `${FIELD_KEY_MARK}tag:${tag}`,
  person: (personId: string) => `${FIELD_KEY_MARK}person:${personId}`,
  case: (caseId: string) => `${FIELD_KEY_MARK}case:${caseId}`,
} as const;

/** The fields whose values are indexed. */
export type IndexedField = keyof typeof fieldKey;

/**
 * The field keys of a highlight: its kind, tags, persons and cases. Its source needs none: the
 * blocks are keyed by source, and the location lists map every highlight to its source.
 */
export function fieldKeysOf(annotation: Annotation): string[] {
  return [
    ...new Set([
      fieldKey.kind(annotation.kind),
      ...annotation.tags.map(fieldKey.tag),
      ...annotation.personIds.map(fieldKey.person),
      ...annotation.caseIds.map(fieldKey.case),
    ]),
  ];
}

/** The highlights whose `field` holds `value`, as id → rank. */
export function annotationsWhere(
  db: RecordsDatabase,
  field: IndexedField,
  value: string,
): Promise<Map<string, string>> {
  return entriesOfTerm(db.terms, 'annotations', fieldKey[field](value));
}

/** The highlights whose `field` holds any of `values`, as id → rank. */
export async function annotationsWhereAny(
  db: RecordsDatabase,
  field: IndexedField,
  values: readonly string[],
): Promise<Map<string, string>> {
  const maps = await Promise.all([...new Set(values)].map((value) => annotationsWhere(db, field, value)));
  if (maps.length === 1) return maps[0]!;
  const union = new Map<string, string>();
  for (const map of maps) for (const [id, rank] of map) union.set(id, rank);
  return union;
}

/** How many highlights have `value` in `field`, counted from the lists alone. */
export function countWhere(db: RecordsDatabase, field: IndexedField, value: string): Promise<number> {
  return countOfTerm(db.terms, 'annotations', fieldKey[field](value));
}

/** Every stored highlight as id → rank: each has exactly one kind, so the kind lists cover them all once. */
export function everyAnnotation(db: RecordsDatabase): Promise<Map<string, string>> {
  return entriesWithPrefix(db.terms, 'annotations', fieldKey.kind(''));
}

/** The values of `field` some stored highlight holds, in code-unit order. */
export async function valuesOf(db: RecordsDatabase, field: IndexedField): Promise<string[]> {
  const prefix = fieldKey[field]('');
  return (await termsWithPrefix(db.terms, 'annotations', prefix)).map((key) => key.slice(prefix.length));
}

/** The highlights made on any of `sourceIds`, as id → rank: the location lists give each highlight's source. */
export async function annotationsOfSourceIds(
  db: RecordsDatabase,
  sourceIds: readonly string[],
): Promise<Map<string, string>> {
  if (!sourceIds.length) return new Map();
  const wanted = new Set(sourceIds);
  const [where, ranks] = await Promise.all([allLocations(db.terms), everyAnnotation(db)]);
  const found = new Map<string, string>();
  for (const [id, sourceId] of where) if (wanted.has(sourceId) && ranks.has(id)) found.set(id, ranks.get(id)!);
  return found;
}

/** How many highlights are stored: the sum of the kind counts. */
export async function countAnnotations(db: RecordsDatabase): Promise<number> {
  const kinds = await valuesOf(db, 'kind');
  const counts = await Promise.all(kinds.map((kind) => countWhere(db, 'kind', kind)));
  return counts.reduce((sum, n) => sum + n, 0);
}
