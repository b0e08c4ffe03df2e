import {
  countWhere,
  deleteAnnotation,
  deleteStoredCase,
  deleteStoredPerson,
  getAnnotation,
  getCase,
  getPerson,
  getSource,
  putAnnotation,
  putCase,
  putPerson,
  putSource,
  sameValue,
  type RecordsDatabase,
} from '../db';
import { allTables, takeSnapshot, type Snapshot, type SnapshotIds } from './snapshot';

// Undo as the inverse of one edit, applied to the records as they are now (as Excalidraw's history
// does): a field goes back to what it was before the edit only if it still holds what the edit left
// there; a field changed since keeps the later change. Lists of links are undone as the additions
// and removals the edit made, so a link made later stays. A record the edit created goes only if
// nothing changed it since and nothing links to it; a record it deleted comes back only if it is
// still gone, without links to records that are gone. No undo overwrites later work or leaves a
// broken link; what it kept, it says.

type Row = Record<string, unknown>;

/** Lists whose entries are links or names: undone entry by entry. */
const SET_FIELDS = new Set(['personIds', 'caseIds', 'aliases', 'tags']);

/** The edit's additions and removals in a list, replayed backwards on the current list. */
function undoList(before: unknown[], after: unknown[], current: unknown[]): unknown[] {
  const has = (list: unknown[], x: unknown) => list.some((y) => sameValue(x, y));
  const added = after.filter((x) => !has(before, x));
  const removed = before.filter((x) => !has(after, x));
  const kept = current.filter((x) => !has(added, x));
  const all = [...kept, ...removed.filter((x) => !has(kept, x))];
  // Entries the list had before the edit take their places again; later ones follow, as they came.
  const at = (x: unknown) => before.findIndex((y) => sameValue(x, y));
  const old = all.filter((x) => at(x) >= 0).sort((x, y) => at(x) - at(y));
  return [...old, ...all.filter((x) => at(x) < 0)];
}

/** The current record with the edit's own changes undone, field by field. */
export function inverseOf<T extends object>(before: T, after: T, current: T): T {
  const b = before as Row;
  const a = after as Row;
  const c = current as Row;
  const out: Row = { ...c };
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (sameValue(a[key], b[key])) continue; // the edit did not touch it
    if (SET_FIELDS.has(key) && Array.isArray(b[key]) && Array.isArray(a[key]) && Array.isArray(c[key])) {
      out[key] = undoList(b[key] as unknown[], a[key] as unknown[], c[key] as unknown[]);
    } else if (sameValue(c[key], a[key])) {
      out[key] = b[key];
    }
  }
  return out as T;
}

/** What an undo left as it was, and why, for the status line; and the undo itself as a change. */
export interface UndoOutcome {
  kept: string[];
  /** The same records before and after the undo: undoing this change is redoing the edit. */
  undone: { before: Snapshot; after: Snapshot };
}

/** The ids a snapshot names, to copy the same records again. */
function idsOf(snapshot: Snapshot): SnapshotIds {
  return {
    sources: [...snapshot.sources.keys()],
    persons: [...snapshot.persons.keys()],
    cases: [...snapshot.cases.keys()],
    annotations: [...snapshot.annotations.keys()],
  };
}

/** Undoes one edit, given the records it touched before and after, in one transaction. */
export async function undoEdit(db: RecordsDatabase, edit: { before: Snapshot; after: Snapshot }): Promise<UndoOutcome> {
  const kept: string[] = [];
  const ids = idsOf(edit.before);
  return db.transaction('rw', allTables(db), async () => {
    const before = await takeSnapshot(db, ids);
    const personExists = async (id: string) => !!(await getPerson(db, id));
    const caseExists = async (id: string) => !!(await getCase(db, id));
    const onlyExisting = async <T extends { personIds?: string[]; caseIds?: string[] }>(record: T): Promise<T> => {
      const out = { ...record };
      if (out.personIds) out.personIds = await filterAsync(out.personIds, personExists);
      if (out.caseIds) out.caseIds = await filterAsync(out.caseIds, caseExists);
      return out;
    };

    // Persons and sources first: the highlights and cases written next may link to them.
    for (const [id, before] of edit.before.persons) {
      const after = edit.after.persons.get(id) ?? null;
      const current = (await getPerson(db, id)) ?? null;
      if (before && !after && !current) await putPerson(db, before);
      else if (before && after && current) await putPerson(db, inverseOf(before, after, current));
    }
    for (const [id, before] of edit.before.sources) {
      const after = edit.after.sources.get(id) ?? null;
      const current = (await getSource(db, id)) ?? null;
      if (before && !after && !current) await putSource(db, before);
      else if (before && after && current) await putSource(db, inverseOf(before, after, current));
    }
    for (const [id, before] of edit.before.cases) {
      const after = edit.after.cases.get(id) ?? null;
      const current = (await getCase(db, id)) ?? null;
      if (before && !after && !current) await putCase(db, await onlyExisting(before));
      else if (before && after && current) await putCase(db, await onlyExisting(inverseOf(before, after, current)));
    }
    for (const [id, before] of edit.before.annotations) {
      const after = edit.after.annotations.get(id) ?? null;
      const current = (await getAnnotation(db, id)) ?? null;
      if (!before && after && current) {
        if (sameValue(current, after)) await deleteAnnotation(db, id);
        else kept.push('a highlight changed since it was made');
      } else if (before && !after && !current) await putAnnotation(db, await onlyExisting(before));
      else if (before && after && current) {
        await putAnnotation(db, await onlyExisting(inverseOf(before, after, current)));
      }
    }
    // Records the edit created go last, once nothing it undid links to them, and only if nothing
    // else does and nobody changed them since.
    for (const [id, before] of edit.before.cases) {
      const after = edit.after.cases.get(id) ?? null;
      const current = (await getCase(db, id)) ?? null;
      if (before || !after || !current) continue;
      if (!sameValue(current, after)) kept.push(`the case “${current.title}”, changed since`);
      else if (await countWhere(db, 'case', id)) kept.push(`the case “${current.title}”, still linked`);
      else await deleteStoredCase(db, id);
    }
    for (const [id, before] of edit.before.persons) {
      const after = edit.after.persons.get(id) ?? null;
      const current = (await getPerson(db, id)) ?? null;
      if (before || !after || !current) continue;
      if (!sameValue(current, after)) kept.push(`the person “${current.name}”, changed since`);
      else if ((await countWhere(db, 'person', id)) || (await db.cases.where('personIds').equals(id).count())) {
        kept.push(`the person “${current.name}”, still linked`);
      } else await deleteStoredPerson(db, id);
    }
    return { kept, undone: { before, after: await takeSnapshot(db, ids) } };
  });
}

async function filterAsync<T>(items: readonly T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
  const out: T[] = [];
  for (const item of items) if (await keep(item)) out.push(item);
  return out;
}
