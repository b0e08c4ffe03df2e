import type { Annotation } from '@/lib/schema/annotation';
import type { Case } from '@/lib/schema/case';
import type { Person } from '@/lib/schema/person';
import type { Source } from '@/lib/schema/source';
import type { RecordsDatabase } from './database';
import { CODECS, instantKey } from './rows';

// The lists the side panel browses: by kind, by tag, most recent first, alphabetical. Each walks one
// index, so a list costs what it shows, not the size of the store.

/** How many rows a list returns when the caller does not say. */
export const DEFAULT_LIST_LIMIT = 200;

/** Highlights of one kind, in id order (stable between reads). */
export async function annotationsOfKind(
  db: RecordsDatabase,
  kind: string,
  limit = DEFAULT_LIST_LIMIT,
): Promise<Annotation[]> {
  const rows = await db.annotations.where('kind').equals(kind).limit(limit).toArray();
  return rows.map(CODECS.annotations.fromRow);
}

/** Highlights carrying a tag, in id order (exact, case-sensitive: tags are the researcher's own vocabulary). */
export async function annotationsTagged(
  db: RecordsDatabase,
  tag: string,
  limit = DEFAULT_LIST_LIMIT,
): Promise<Annotation[]> {
  const rows = await db.annotations.where('tags').equals(tag).limit(limit).toArray();
  return rows.map(CODECS.annotations.fromRow);
}

/** The most recently changed highlights, newest first. */
export async function recentAnnotations(db: RecordsDatabase, limit = DEFAULT_LIST_LIMIT): Promise<Annotation[]> {
  const rows = await db.annotations.orderBy('modifiedKey').reverse().limit(limit).toArray();
  return rows.map(CODECS.annotations.fromRow);
}

/** Highlights changed strictly after `instant`, oldest change first, e.g. to export what is new since a backup. */
export async function annotationsModifiedSince(db: RecordsDatabase, instant: string): Promise<Annotation[]> {
  const rows = await db.annotations.where('modifiedKey').above(instantKey(instant)).toArray();
  return rows.map(CODECS.annotations.fromRow);
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
