// The side panel's undo history: the newest edit is undone first. Pure: it holds entries and knows
// nothing about what undoing one means, so it is tested without a database.

/** One undoable edit: what the status line says about it, and what undoing it needs. */
export interface UndoEntry<T> {
  label: string;
  data: T;
}

/** An immutable stack of undoable edits, capped so a long session does not hold every old copy. */
export interface UndoStack<T> {
  readonly entries: readonly UndoEntry<T>[];
  readonly limit: number;
}

/** Default number of edits kept for undo. */
export const UNDO_LIMIT = 50;

/** An empty history. */
export function emptyUndo<T>(limit = UNDO_LIMIT): UndoStack<T> {
  return { entries: [], limit };
}

/** The history with `entry` on top; the oldest entry falls off past the limit. */
export function pushUndo<T>(stack: UndoStack<T>, entry: UndoEntry<T>): UndoStack<T> {
  const entries = [...stack.entries, entry];
  return { ...stack, entries: entries.slice(Math.max(0, entries.length - stack.limit)) };
}

/** The newest entry and the history without it, or null when there is nothing to undo. */
export function popUndo<T>(stack: UndoStack<T>): { entry: UndoEntry<T>; rest: UndoStack<T> } | null {
  const entry = stack.entries.at(-1);
  return entry ? { entry, rest: { ...stack, entries: stack.entries.slice(0, -1) } } : null;
}

/** The label of the edit Undo would reverse, for the button's name; null when there is none. */
export function nextUndoLabel<T>(stack: UndoStack<T>): string | null {
  return stack.entries.at(-1)?.label ?? null;
}
