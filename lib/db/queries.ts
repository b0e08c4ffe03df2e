import type { Annotation } from '@/lib/schema/annotation';
import type { Case } from '@/lib/schema/case';
import type { Person } from '@/lib/schema/person';
import type { Source } from '@/lib/schema/source';
import { getAnnotations } from './annotation-store';
import type { RecordsDatabase } from './database';
import { annotationsWhere, everyAnnotation } from './field-keys';
import { annotationTables } from './indexed-writes';
import { CODECS } from './rows';
import { newestIds } from './search';
import { rankOf } from './terms';

// The lists the side panel browses: by kind, by tag, most recent first, alphabetical. Each reads one
// index or posting list, and only the records it shows.

/** The highlights of the first `limit` ids of a posting list (which is in id order). */
async function firstOf(db: RecordsDatabase, ids: Iterable<string>, limit: number): Promise<Annotation[]> {
  const first: string[] = [];
  for (const id of ids) {
    if (first.length >= limit) break;
    first.push(id);
  }
  return db.transaction('r', [db.annotationBlocks, db.terms], () => getAnnotations(annotationTables(db), first));
}

/** How many rows a list returns when the caller does not say. */
export const DEFAULT_LIST_LIMIT = 200;

/** Highlights of one kind, in id order (stable between reads). */
export async function annotationsOfKind(
  db: RecordsDatabase,
  kind: string,
  limit = DEFAULT_LIST_LIMIT,
): Promise<Annotation[]> {
  return firstOf(db, (await annotationsWhere(db, 'kind', kind)).keys(), limit);
}

/** Highlights carrying a tag, in id order (exact, case-sensitive: tags are the researcher's own vocabulary). */
export async function annotationsTagged(
  db: RecordsDatabase,
  tag: string,
  limit = DEFAULT_LIST_LIMIT,
): Promise<Annotation[]> {
  return firstOf(db, (await annotationsWhere(db, 'tag', tag)).keys(), limit);
}

/** The most recently changed highlights, newest first. */
export async function recentAnnotations(db: RecordsDatabase, limit = DEFAULT_LIST_LIMIT): Promise<Annotation[]> {
  return firstOf(db, newestIds(await everyAnnotation(db), limit), limit);
}

/** Highlights changed strictly after `instant`, oldest change first, e.g. to export what is new since a backup. */
export async function annotationsModifiedSince(db: RecordsDatabase, instant: string): Promise<Annotation[]> {
  const after = rankOf(instant);
  const changed = [...(await everyAnnotation(db))].filter(([, rank]) => rank > after);
  const ids = newestIds(new Map(changed), changed.length).reverse();
  return firstOf(db, ids, ids.length);
}

/** The most recently changed persons, newest first. */
export async function recentPersons(db: RecordsDatabase, limit = DEFAULT_LIST_LIMIT): Promise<Person[]> {
  const rows = await db.persons.orderBy('modifiedKey').reverse().limit(limit).toArray();
  return rows.map(CODECS.persons.fromRow);
}

/** The most recently changed cases, newest first. */
export async function recentCases(db: RecordsDatabase, limit = DEFAULT_LIST_LIMIT): Promise<Case[]> {
  const rows = await db.cases.orderBy('modifiedKey').reverse().limit(limit).toArray();
  return rows.map(CODECS.cases.fromRow);
}

/** Persons by name (code-unit order; the UI may re-sort with its locale). */
export async function personsByName(db: RecordsDatabase, limit = DEFAULT_LIST_LIMIT): Promise<Person[]> {
  const rows = await db.persons.orderBy('name').limit(limit).toArray();
  return rows.map(CODECS.persons.fromRow);
}

/** Cases by title (code-unit order; the UI may re-sort with its locale). */
export async function casesByTitle(db: RecordsDatabase, limit = DEFAULT_LIST_LIMIT): Promise<Case[]> {
  const rows = await db.cases.orderBy('title').limit(limit).toArray();
  return rows.map(CODECS.cases.fromRow);
}

/** The pages visited most recently, newest first. */
export async function recentSources(db: RecordsDatabase, limit = DEFAULT_LIST_LIMIT): Promise<Source[]> {
  const rows = await db.sources.orderBy('lastAccessedKey').reverse().limit(limit).toArray();
  return rows.map(CODECS.sources.fromRow);
}
