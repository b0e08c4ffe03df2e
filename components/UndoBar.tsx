import { useWorkspace } from './hooks/workspace';

/** What the last edit did, and the buttons (also Ctrl+Z, Ctrl+Shift+Z) that take it back and do it again. */
export function UndoBar() {
  const { status, undo, undoLabel, redo, redoLabel } = useWorkspace();
  return (
    <div class="undo-bar">
      {/* aria-live rather than role=status: the import/export line keeps the panel's one status role. */}
      <p aria-live="polite" id="last-change" class={status?.error ? 'error' : 'muted'}>
        {status?.text ?? ''}
      </p>
      <button
        type="button"
        class="secondary"
        disabled={!undoLabel}
        title={undoLabel ? `Undo: ${undoLabel} (Ctrl+Z)` : 'Nothing to undo'}
        aria-keyshortcuts="Control+Z"
        onClick={() => void undo()}
      >
        Undo
      </button>
      <button
        type="button"
        class="secondary"
        disabled={!redoLabel}
        title={redoLabel ? `Redo: ${redoLabel} (Ctrl+Shift+Z)` : 'Nothing to redo'}
        aria-keyshortcuts="Control+Shift+Z Control+Y"
        onClick={() => void redo()}
      >
        Redo
      </button>
    </div>
  );
}
