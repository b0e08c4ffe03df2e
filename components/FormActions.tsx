/** The end of an edit form: the reason a save was refused, then Save details and Cancel. */
export function FormActions({ error, onCancel }: { error: string | null; onCancel: () => void }) {
  return (
    <>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      <div class="row">
        <button type="submit">Save details</button>
        <button type="button" class="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
