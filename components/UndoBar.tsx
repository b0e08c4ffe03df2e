import { useWorkspace } from './hooks/workspace';

/** What the last edit did, and the button (also Ctrl+Z) that takes it back. */
export function UndoBar() {
  const { status, undo, undoLabel } = useWorkspace();
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
    </div>
  );
}
