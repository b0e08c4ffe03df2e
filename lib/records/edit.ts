import type { RecordsDatabase } from '../db';
import { allTables, takeSnapshot, type Snapshot, type SnapshotIds } from './snapshot';

// Every change the workspace makes to persons, cases and links is one Edit: done in a single
// transaction, with copies of what it touched before and after, so undo can reverse its own changes.

/** What record edits need: the store, a clock and an id maker (tests pass fixed ones). */
export interface RecordsContext {
  db: RecordsDatabase;
  now: () => string;
  newId: () => string;
}

/** A finished edit: its result, a sentence for the status line, and the records before and after it. */
export interface Edit<R> {
  result: R;
  label: string;
  before: Snapshot;
  /** The same records once the edit was done: undo reverses only what the edit itself changed. */
  after: Snapshot;
}

/** Runs `work` in one transaction, copying the records named in `ids` before and after it; all or nothing. */
export function recordEdit<R>(
  ctx: RecordsContext,
  ids: SnapshotIds | (() => Promise<SnapshotIds>),
  label: string,
  work: () => Promise<R>,
): Promise<Edit<R>> {
  return ctx.db.transaction('rw', allTables(ctx.db), async () => {
    const named = typeof ids === 'function' ? await ids() : ids;
    const before = await takeSnapshot(ctx.db, named);
    const result = await work();
    return { result, label, before, after: await takeSnapshot(ctx.db, named) };
  });
}

/** A name as typed, with runs of spaces and the ends trimmed, so "  Zinaida  Mikhniuk " is one spelling. */
export function cleanName(name: string): string {
  return name.replace(/\s+/g, ' ').trim();
}

/** Distinct non-empty spellings in order, leaving out any equal to `except`. */
export function distinctNames(names: readonly string[], except: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const name = cleanName(raw);
    if (name && !out.includes(name) && !except.includes(name)) out.push(name);
  }
  return out;
}

/** `ids` with `from` replaced by `to` (once, keeping order), for moving links during a merge. */
export function replaceId(ids: readonly string[], from: string, to: string): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const next = id === from ? to : id;
    if (!out.includes(next)) out.push(next);
  }
  return out;
}
