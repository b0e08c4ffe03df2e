import type { Snapshot } from '@/lib/records/snapshot';
import type { UndoStack } from '@/lib/records/undo';

// The side panel's history outlives the panel: closing and opening it again (or the browser
// unloading it) keeps what can be undone and redone, in storage.session (this browser session, the
// extension's own storage). Changes are plain records; a note's undo, a message to the background,
// cannot be stored and stays with the panel that made it.

/** The storage.session key of the panel's history. */
export const HISTORY_KEY = 'workspace-history';

/** An edit's records before and after it. */
export type Change = { before: Snapshot; after: Snapshot };

type StoredSnapshot = { [K in keyof Snapshot]: [string, unknown][] };
type StoredEntry = { label: string; before: StoredSnapshot; after: StoredSnapshot };
interface StoredHistory {
  undo: StoredEntry[];
  redo: StoredEntry[];
}

const TABLES = ['sources', 'persons', 'cases', 'annotations'] as const;

const toStored = (s: Snapshot): StoredSnapshot =>
  Object.fromEntries(TABLES.map((t) => [t, [...s[t]]])) as unknown as StoredSnapshot;
const fromStored = (s: StoredSnapshot): Snapshot =>
  Object.fromEntries(TABLES.map((t) => [t, new Map(s[t])])) as unknown as Snapshot;

const isChange = (data: unknown): data is Change =>
  typeof data === 'object' && data !== null && 'before' in data && 'after' in data;

/** The stack's changes as storable values; entries that are not changes are left out. */
function entriesOf(stack: UndoStack<unknown>): StoredEntry[] {
  return stack.entries.flatMap((e) =>
    isChange(e.data) ? [{ label: e.label, before: toStored(e.data.before), after: toStored(e.data.after) }] : [],
  );
}

/** Writes both stacks; a failure (storage full) only means the history will not outlive the panel. */
export async function saveHistory(
  area: { set(items: Record<string, unknown>): Promise<void> },
  undo: UndoStack<unknown>,
  redo: UndoStack<Change>,
): Promise<void> {
  const history: StoredHistory = { undo: entriesOf(undo), redo: entriesOf(redo) };
  await area.set({ [HISTORY_KEY]: history }).catch(() => undefined);
}

/** The stored history as changes, or empty lists when there is none or it is unreadable. */
export async function loadHistory(area: {
  get(key: string): Promise<Record<string, unknown>>;
}): Promise<{ undo: { label: string; data: Change }[]; redo: { label: string; data: Change }[] }> {
  const all: Record<string, unknown> = await area.get(HISTORY_KEY).catch(() => ({}));
  const stored = all[HISTORY_KEY] as StoredHistory | undefined;
  const read = (entries: unknown) =>
    Array.isArray(entries)
      ? (entries as StoredEntry[]).flatMap((e) => {
          try {
            return [{ label: String(e.label), data: { before: fromStored(e.before), after: fromStored(e.after) } }];
          } catch {
            return [];
          }
        })
      : [];
  return { undo: read(stored?.undo), redo: read(stored?.redo) };
}
