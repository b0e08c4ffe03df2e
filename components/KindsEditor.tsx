import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { kindUsage } from '@/lib/db';
import type { KindDefinition } from '@/lib/schema/kinds';
import {
  addKind,
  isBuiltInKind,
  recolorKind,
  removeKind,
  renameKind,
  saveKinds,
  type KindsEdit,
} from '@/lib/settings/kinds-vocabulary';
import { recordsDb } from './hooks/records-db';
import { useKinds } from './hooks/use-kinds';

const NEW_KIND_COLOR = '#a5b4fc';

/** The kinds vocabulary: rename and recolour any kind, add kinds, delete unused kinds of one's own. */
export function KindsEditor() {
  const kinds = useKinds();
  const [status, setStatus] = useState<{ error: boolean; text: string } | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const [newColor, setNewColor] = useState(NEW_KIND_COLOR);

  // Every edit is validated in full, then stored; the list re-reads storage, so all pages agree.
  const apply = async (edit: KindsEdit, done: string): Promise<boolean> => {
    if (!edit.ok) {
      setStatus({ error: true, text: edit.message });
      return false;
    }
    try {
      await saveKinds(browser.storage.local, edit.kinds);
      setStatus({ error: false, text: done });
      return true;
    } catch (error) {
      setStatus({ error: true, text: error instanceof Error ? error.message : String(error) });
      return false;
    }
  };

  const rename = (kind: KindDefinition, input: HTMLInputElement) => {
    if (input.value.trim() === kind.label) return;
    void apply(renameKind(kinds, kind.id, input.value), `Renamed "${kind.label}" to "${input.value.trim()}".`).then(
      (ok) => ok || (input.value = kind.label),
    );
  };
  const remove = async (kind: KindDefinition) => {
    const usage = (await kindUsage(recordsDb(), [kind.id])).get(kind.id) ?? 0;
    await apply(removeKind(kinds, kind.id, usage), `Deleted "${kind.label}".`);
  };
  const add = (event: Event) => {
    event.preventDefault();
    void apply(addKind(kinds, newLabel, newColor), `Added "${newLabel.trim()}".`).then((ok) => {
      if (ok) setNewLabel('');
    });
  };

  return (
    <>
      <table class="kinds-table">
        <caption class="muted">
          Kinds name what a highlight is about; keys 1–9 on the page's toolbar follow this order.
        </caption>
        <thead>
          <tr>
            <th scope="col">Colour</th>
            <th scope="col">Name</th>
            <th scope="col">Id in exports</th>
            <th scope="col">
              <span class="visually-hidden">Delete</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {kinds.map((kind) => (
            <tr key={kind.id}>
              <td>
                <input
                  type="color"
                  aria-label={`Colour of ${kind.label}`}
                  value={kind.color}
                  onChange={(e) =>
                    void apply(recolorKind(kinds, kind.id, e.currentTarget.value), `Recoloured "${kind.label}".`)
                  }
                />
              </td>
              <td>
                <input
                  // Uncontrolled while typing; a stored rename (from any page) remounts it with the new name.
                  key={kind.label}
                  type="text"
                  aria-label={`Name of ${kind.label}`}
                  defaultValue={kind.label}
                  maxLength={200}
                  onChange={(e) => rename(kind, e.currentTarget)}
                />
              </td>
              <td>
                <code>{kind.id}</code>
              </td>
              <td>
                {isBuiltInKind(kind.id) ? (
                  <span class="muted">Built in</span>
                ) : (
                  <button type="button" class="danger" onClick={() => void remove(kind)}>
                    Delete <span class="visually-hidden">{kind.label}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form class="inline-form" onSubmit={add} aria-label="Add a kind">
        <label>
          <span>New kind</span>
          <input
            type="text"
            value={newLabel}
            maxLength={200}
            required
            onInput={(e) => setNewLabel(e.currentTarget.value)}
          />
        </label>
        <label>
          <span>Colour</span>
          <input type="color" value={newColor} onInput={(e) => setNewColor(e.currentTarget.value)} />
        </label>
        <button type="submit">Add kind</button>
      </form>
      {status && (
        <p role={status.error ? 'alert' : 'status'} class={status.error ? 'error' : 'muted'}>
          {status.text}
        </p>
      )}
    </>
  );
}
