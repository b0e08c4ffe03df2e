import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request } from '@/lib/messaging/client';
import { toTab } from '@/lib/messaging/browser-transport';
import type { Edit, RecordsContext } from '@/lib/records/edit';
import { undoEdit } from '@/lib/records/inverse';
import { emptyUndo, nextUndoLabel, popUndo, pushUndo, type UndoStack } from '@/lib/records/undo';
import { loadHistory, saveHistory, type Change } from './history-store';
import { recordsDb } from './records-db';

// What every view of the side panel shares: one way to make an edit (so each one can be undone and
// is announced), the undo history, and the tab beside the panel to tell when its records changed.
// Most edits are written here and undone from a snapshot; a highlight's note is written by the
// background (the one writer of highlights' own fields), so its undo is an inverse sent the same way.

/**
 * Takes back an edit another context wrote. Resolves to null when it did, or to the reason it must
 * not (the record changed again since, or is gone): that entry is then dropped, never forced.
 */
export type Revert = () => Promise<string | null>;

/** What undoing one entry means: apply the change's inverse, or run the background's inverse. */
type UndoData = Change | Revert;

/** The line under the tabs that says what just happened. */
export interface WorkspaceStatus {
  text: string;
  error: boolean;
}

/** The side panel's shared editing state. */
export interface Workspace {
  ctx: RecordsContext;
  /** Runs an edit; on success it is announced and can be undone. Errors are announced, never thrown. */
  run<R>(edit: (ctx: RecordsContext) => Promise<Edit<R>>): Promise<R | null>;
  /** Announces an edit made through the background and keeps its inverse for Undo. */
  remember(label: string, revert: Revert): void;
  undo(): Promise<void>;
  undoLabel: string | null;
  /** Does again the edit Undo took back last (edits made in the panel; a note's undo is final). */
  redo(): Promise<void>;
  redoLabel: string | null;
  /** Says something on the status line that is not an edit (e.g. a highlight not found on the page). */
  announce(text: string, error?: boolean): void;
  status: WorkspaceStatus | null;
  /** The tab beside the panel, when it has a page the content script runs in. */
  tabId: number | null;
}

const defaultContext = (): RecordsContext => ({
  db: recordsDb(),
  now: () => new Date().toISOString(),
  newId: () => crypto.randomUUID(),
});

/** The workspace a view reads; SidePanelApp provides it. */
export const WorkspaceContext = createContext<Workspace | null>(null);

/** The workspace of the enclosing side panel. */
export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace needs a WorkspaceContext provider');
  return workspace;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Creates the workspace state for a panel following `tabId`; tests pass their own records context. */
export function useWorkspaceState(tabId: number | null, ctxOverride?: RecordsContext): Workspace {
  const ctx = useMemo(() => ctxOverride ?? defaultContext(), [ctxOverride]);
  const [stack, setStack] = useState<UndoStack<UndoData>>(() => emptyUndo());
  const [redoStack, setRedoStack] = useState<UndoStack<Change>>(() => emptyUndo());
  const [status, setStatus] = useState<WorkspaceStatus | null>(null);
  const stackRef = useRef(stack);
  stackRef.current = stack;
  const redoRef = useRef(redoStack);
  redoRef.current = redoStack;
  // The history outlives the panel (history-store.ts): read once when it opens, written on each change.
  const loaded = useRef(false);
  /** Set by any edit, undo or redo in this panel: a history read after that would be out of date. */
  const touched = useRef(false);
  useEffect(() => {
    let live = true;
    void loadHistory(browser.storage.session).then(({ undo, redo }) => {
      if (!live) return;
      loaded.current = true;
      if (touched.current) return;
      stackRef.current = undo.reduce((acc, e) => pushUndo<UndoData>(acc, e), emptyUndo<UndoData>());
      redoRef.current = redo.reduce((acc, e) => pushUndo<Change>(acc, e), emptyUndo<Change>());
      setStack(stackRef.current);
      setRedoStack(redoRef.current);
    });
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (loaded.current) void saveHistory(browser.storage.session, stack, redoStack);
  }, [stack, redoStack]);

  /** A new edit starts a new line of history: what was undone can no longer be redone. */
  const pushEdit = (entry: { label: string; data: UndoData }) => {
    touched.current = true;
    setStack((s) => pushUndo<UndoData>(s, entry));
    setRedoStack((r) => (r.entries.length ? emptyUndo() : r));
  };

  // The page's highlights may have changed their links: the content script reloads them.
  const tellPage = useCallback(() => {
    if (tabId === null) return;
    request(toTab(tabId), 'annotations/changed', {}).catch(() => undefined);
  }, [tabId]);

  const run = useCallback(
    async <R>(edit: (ctx: RecordsContext) => Promise<Edit<R>>): Promise<R | null> => {
      try {
        const done = await edit(ctx);
        pushEdit({ label: done.label, data: { before: done.before, after: done.after } });
        setStatus({ text: done.label, error: false });
        tellPage();
        return done.result;
      } catch (error) {
        setStatus({ text: `Not saved: ${messageOf(error)}`, error: true });
        return null;
      }
    },
    [ctx, tellPage],
  );

  const remember = useCallback(
    (label: string, revert: Revert) => {
      pushEdit({ label, data: revert });
      setStatus({ text: label, error: false });
      tellPage();
    },
    [tellPage],
  );

  const undo = useCallback(async () => {
    const popped = popUndo(stackRef.current);
    if (!popped) return setStatus({ text: 'Nothing to undo.', error: false });
    touched.current = true;
    try {
      const { data } = popped.entry;
      let refused: string | null = null;
      let kept: string[] = [];
      if (typeof data === 'function') refused = await data();
      else {
        const outcome = await undoEdit(ctx.db, data);
        kept = outcome.kept;
        redoRef.current = pushUndo(redoRef.current, { label: popped.entry.label, data: outcome.undone });
        setRedoStack(redoRef.current);
      }
      stackRef.current = popped.rest;
      setStack(popped.rest);
      if (refused !== null) return setStatus({ text: `Not undone: ${refused}`, error: true });
      // Later work is never undone with it: say what was kept.
      const keptText = kept.length ? ` Kept ${kept.join('; ')}.` : '';
      setStatus({ text: `Undone: ${popped.entry.label}${keptText}`, error: false });
      tellPage();
    } catch (error) {
      setStatus({ text: `Could not undo: ${messageOf(error)}`, error: true });
    }
  }, [ctx, tellPage]);

  const redo = useCallback(async () => {
    const popped = popUndo(redoRef.current);
    if (!popped) return setStatus({ text: 'Nothing to redo.', error: false });
    touched.current = true;
    try {
      // Redoing is undoing the undo: its inverse, applied to the records as they are now.
      const outcome = await undoEdit(ctx.db, popped.entry.data);
      redoRef.current = popped.rest;
      setRedoStack(popped.rest);
      stackRef.current = pushUndo<UndoData>(stackRef.current, { label: popped.entry.label, data: outcome.undone });
      setStack(stackRef.current);
      const keptText = outcome.kept.length ? ` Kept ${outcome.kept.join('; ')}.` : '';
      setStatus({ text: `Redone: ${popped.entry.label}${keptText}`, error: false });
      tellPage();
    } catch (error) {
      setStatus({ text: `Could not redo: ${messageOf(error)}`, error: true });
    }
  }, [ctx, tellPage]);

  const announce = useCallback((text: string, error = false) => setStatus({ text, error }), []);
  return {
    ctx,
    run,
    remember,
    undo,
    undoLabel: nextUndoLabel(stack),
    redo,
    redoLabel: nextUndoLabel(redoStack),
    announce,
    status,
    tabId,
  };
}
