import { useEffect, useRef, useState } from 'preact/hooks';
import { type RecordsDatabase, getAnnotation } from '@/lib/db';
import { toBackground } from '@/lib/messaging/browser-transport';
import { MessagingError, request } from '@/lib/messaging/client';
import type { Annotation } from '@/lib/schema/annotation';
import { LIMITS } from '@/lib/schema/primitives';
import { useWorkspace, type Revert } from './hooks/workspace';

// A highlight's note is typed here, in the side panel, and never in the page's card: key and input
// events in the page's document reach the page's own scripts. The background is the one writer of
// a highlight's fields, so the note is saved by asking it, and undone the same way.

/**
 * Undo of a note saved as `after`: puts `before` back only while the note still says `after`, so it
 * never overwrites a later edit (another panel's, say) and touches no other field of the record.
 */
function revertNote(db: RecordsDatabase, id: string, before: string, after: string): Revert {
  return async () => {
    const current = await getAnnotation(db, id);
    if (!current) return 'that highlight no longer exists.';
    if (current.note !== after) return 'the note was changed again since.';
    await request(toBackground, 'annotation/update', { id, note: before });
    return null;
  };
}

function explain(error: unknown): string {
  if (error instanceof MessagingError && error.code === 'no-receiver') {
    return 'the extension did not answer. Try again in a moment.';
  }
  return error instanceof Error ? error.message : String(error);
}

/**
 * The note of one highlight, prefilled, with Save (also Ctrl+Enter) and Cancel (also Escape).
 * `focusSignal` changes when the note is asked for from the page's card: the field takes the focus
 * then, as it does when the editor opens.
 */
export function NoteEditor(props: { annotation: Annotation; quote: string; focusSignal: number; onDone: () => void }) {
  const { annotation: a } = props;
  const { ctx, remember } = useWorkspace();
  const [draft, setDraft] = useState(a.note);
  const [error, setError] = useState('');
  const [saving, setSaving] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const fieldId = `note-${a.id}`;
  useEffect(() => field.current?.focus(), [props.focusSignal]);

  const save = async () => {
    if (saving) return;
    if (draft.length > LIMITS.note) return setError('A note can be at most 100,000 characters.');
    setSaving(true);
    setError('');
    try {
      // The note as stored now, not as this list last showed it: that is what undo puts back.
      const current = await getAnnotation(ctx.db, a.id);
      if (!current) throw new Error('that highlight no longer exists.');
      if (current.note !== draft) {
        const saved = await request(toBackground, 'annotation/update', { id: a.id, note: draft });
        const label = draft ? `Saved the note on “${props.quote}”.` : `Removed the note on “${props.quote}”.`;
        remember(label, revertNote(ctx.db, a.id, current.note, saved.note));
      }
      props.onDone();
    } catch (e) {
      // The typed text stays in the field, to be saved again.
      setError(`Note not saved: ${explain(e)}`);
      setSaving(false);
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      props.onDone();
    }
  };
  return (
    <form
      class="picker"
      aria-label="Edit note"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label for={fieldId}>Note</label>
      <textarea
        id={fieldId}
        ref={field}
        rows={4}
        maxLength={LIMITS.note}
        value={draft}
        aria-describedby={`${fieldId}-keys`}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p id={`${fieldId}-keys`} class="muted">
        Ctrl+Enter saves, Escape cancels.
      </p>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit" disabled={saving} aria-keyshortcuts="Control+Enter">
          Save note
        </button>
        <button type="button" class="secondary" onClick={props.onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
