import { useMemo, useState } from 'preact/hooks';
import { personsByName } from '@/lib/db';
import { matchNames } from '@/lib/records/name-match';
import { createPerson } from '@/lib/records/person-ops';
import type { Person } from '@/lib/schema/person';
import { PersonCard } from './PersonCard';
import { useLinkCounts } from './hooks/mention-counts';
import { useLiveQuery } from './hooks/use-live-query';
import { useWorkspace } from './hooks/workspace';

/** Most persons listed at once; a name typed in the finder reaches the rest. */
const LIST_LIMIT = 200;

/** Every person with their spellings and mentions; find, add, rename, merge and delete. */
export function PersonsView() {
  const { ctx, run } = useWorkspace();
  const data = useLiveQuery(async () => ({ persons: await personsByName(ctx.db, 100_000) }), [ctx.db]);
  const [query, setQuery] = useState('');
  const [newName, setNewName] = useState('');
  const shown = useMemo((): Person[] => {
    if (!data) return [];
    if (!query.trim()) return data.persons.slice(0, LIST_LIMIT);
    const byId = new Map(data.persons.map((p) => [p.id, p]));
    const records = data.persons.map((p) => ({ id: p.id, names: [p.name, ...p.aliases] }));
    return matchNames(query, records, LIST_LIMIT).map((m) => byId.get(m.id)!);
  }, [data, query]);
  const counts = useLinkCounts(
    ctx.db,
    'personIds',
    shown.map((p) => p.id),
  );
  const add = async (event: Event) => {
    event.preventDefault();
    if ((await run((c) => createPerson(c, { name: newName }))) !== null) setNewName('');
  };
  return (
    <section aria-labelledby="persons-heading">
      <h2 id="persons-heading">Persons</h2>
      <label class="stacked">
        <span>Find a person (any spelling or script)</span>
        <input type="search" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
      </label>
      {!data && <p class="muted">Loading persons…</p>}
      {data && !data.persons.length && <p class="muted">No persons yet. Link a highlight to a new person.</p>}
      {data && data.persons.length > 0 && !shown.length && <p class="muted">No person matches “{query}”.</p>}
      <ul class="records" aria-label="Persons">
        {shown.map((p) => (
          <PersonCard key={p.id} person={p} mentions={counts?.get(p.id) ?? null} others={data?.persons ?? []} />
        ))}
      </ul>
      <form class="row" aria-label="New person" onSubmit={(e) => void add(e)}>
        <label>
          <span>New person</span>
          <input
            type="text"
            value={newName}
            maxLength={500}
            onInput={(e) => setNewName((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" disabled={!newName.trim()}>
          Add person
        </button>
      </form>
    </section>
  );
}
