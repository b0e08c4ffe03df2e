import type { Annotation } from '@/lib/schema/annotation';
import { getAnnotations } from './annotation-store';
import type { RecordsDatabase } from './database';
import { siteOf } from './filters';
import { annotationTables } from './indexed-writes';

// One line of the "All records" list needs more than the highlight: the page it was made on and the
// names of what it links to. Only the rows on screen are read, a window at a time.

/** A highlight with what the list shows beside it. */
export interface RecordDetails {
  annotation: Annotation;
  /** The page, or null when the source record is missing (a damaged import). */
  source: { title: string; site: string; url: string; publishedTime: string | null } | null;
  persons: { id: string; name: string }[];
  cases: { id: string; title: string }[];
}

/** The details of the given highlights, in the given order; ids no longer stored are left out. */
export async function recordDetails(db: RecordsDatabase, ids: readonly string[]): Promise<RecordDetails[]> {
  return db.transaction('r', [db.annotationBlocks, db.terms, db.sources, db.persons, db.cases], async () => {
    const rows = await getAnnotations(annotationTables(db), ids);
    const unique = (list: string[]) => [...new Set(list)];
    const [sources, persons, cases] = await Promise.all([
      db.sources.bulkGet(unique(rows.map((r) => r.sourceId))),
      db.persons.bulkGet(unique(rows.flatMap((r) => r.personIds))),
      db.cases.bulkGet(unique(rows.flatMap((r) => r.caseIds))),
    ]);
    const sourceById = new Map(sources.flatMap((s) => (s ? [[s.id, s]] : [])));
    const personName = new Map(persons.flatMap((p) => (p ? [[p.id, p.name]] : [])));
    const caseTitle = new Map(cases.flatMap((c) => (c ? [[c.id, c.title]] : [])));
    return rows.map((row) => {
      const source = sourceById.get(row.sourceId);
      return {
        annotation: row,
        source: source
          ? { title: source.title, site: siteOf(source), url: source.url, publishedTime: source.publishedTime }
          : null,
        persons: row.personIds.flatMap((id) => (personName.has(id) ? [{ id, name: personName.get(id)! }] : [])),
        cases: row.caseIds.flatMap((id) => (caseTitle.has(id) ? [{ id, title: caseTitle.get(id)! }] : [])),
      };
    });
  });
}
