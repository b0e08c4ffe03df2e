import { useMemo, useState } from 'preact/hooks';
import { annotationsForPerson } from '@/lib/db';
import { mentionsOf } from '@/lib/records/mentions';
import { mergePersons } from '@/lib/records/merge-persons';
import { matchNames } from '@/lib/records/name-match';
import { deletePerson, updatePerson } from '@/lib/records/person-ops';
import type { Person } from '@/lib/schema/person';
import { MentionList } from './MentionList';
import { useLiveQuery } from './hooks/use-live-query';
import { useWorkspace } from './hooks/workspace';

/** One person: a summary line that opens to their names, mentions, and the edits a researcher makes. */
export function PersonCard({
  person,
  mentions,
  others,
}: {
  person: Person;
  mentions: number | null;
  others: readonly Person[];
}) {
  const [open, setOpen] = useState(false);
  return (
    <li>
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>
          <strong>{person.name}</strong>
          <span class="muted">
            {' '}
            · {mentions === null ? 'counting…' : mentions === 1 ? '1 mention' : `${mentions} mentions`}
            {person.aliases.length > 0 && ` · also ${person.aliases.join(', ')}`}
          </span>
        </summary>
        {open && <PersonDetails person={person} others={others} />}
      </details>
    </li>
  );
}

function PersonDetails({ person, others }: { person: Person; others: readonly Person[] }) {
  const { ctx, run } = useWorkspace();
  const [name, setName] = useState(person.name);
  const [alias, setAlias] = useState('');
  const [duplicate, setDuplicate] = useState('');
  const mentions = useLiveQuery(
    async () => mentionsOf(ctx.db, await annotationsForPerson(ctx.db, person.id)),
    [ctx.db, person.id],
  );
  const candidates = useMemo(
    () =>
      matchNames(
        duplicate,
        others.filter((o) => o.id !== person.id).map((o) => ({ id: o.id, names: [o.name, ...o.aliases] })),
        5,
      ).map((m) => others.find((o) => o.id === m.id)!),
    [duplicate, others, person.id],
  );
  const setAliases = (aliases: string[]) => run((c) => updatePerson(c, person.id, { aliases }));

  return (
    <div class="details">
      <form
        class="row"
        aria-label="Rename"
        onSubmit={(e) => {
          e.preventDefault();
          void run((c) => updatePerson(c, person.id, { name }));
        }}
      >
        <label>
          <span>Name</span>
          <input
            type="text"
            value={name}
            maxLength={500}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" disabled={!name.trim() || name === person.name}>
          Rename
        </button>
      </form>
      <h4>Aliases</h4>
      {person.aliases.length === 0 && <p class="muted">No other spellings yet.</p>}
      <ul class="chips" aria-label={`Aliases of ${person.name}`}>
        {person.aliases.map((a) => (
          <li key={a}>
            {a}{' '}
            <button
              type="button"
              class="link"
              aria-label={`Remove alias ${a}`}
              onClick={() => void setAliases(person.aliases.filter((x) => x !== a))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form
        class="row"
        aria-label="Add alias"
        onSubmit={(e) => {
          e.preventDefault();
          void setAliases([...person.aliases, alias]).then((done) => done && setAlias(''));
        }}
      >
        <label>
          <span>New alias</span>
          <input
            type="text"
            value={alias}
            maxLength={500}
            onInput={(e) => setAlias((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" disabled={!alias.trim()}>
          Add alias
        </button>
      </form>
      <h4>Mentions</h4>
      {mentions ? (
        <MentionList mentions={mentions} label={`Mentions of ${person.name}`} />
      ) : (
        <p class="muted">Loading…</p>
      )}
      <h4>Merge a duplicate</h4>
      <label class="stacked">
        <span>Find the duplicate of {person.name}</span>
        <input type="search" value={duplicate} onInput={(e) => setDuplicate((e.target as HTMLInputElement).value)} />
      </label>
      <ul class="plain">
        {candidates.map((o) => (
          <li key={o.id}>
            <button type="button" class="secondary" onClick={() => void run((c) => mergePersons(c, person.id, o.id))}>
              Merge {o.name} into {person.name}
            </button>
          </li>
        ))}
      </ul>
      <div class="row danger-zone">
        <button type="button" class="danger" onClick={() => void run((c) => deletePerson(c, person.id))}>
          Delete person
        </button>
        <span class="muted">Their highlights are kept; only the links go. Undo brings them back.</span>
      </div>
    </div>
  );
}
