import { useMemo, useState } from 'preact/hooks';
import { type RecordsDatabase, casesByTitle, personsByName } from '@/lib/db';
import { setAnnotationLink } from '@/lib/records/annotation-links';
import { createCase } from '@/lib/records/case-ops';
import { cleanName } from '@/lib/records/edit';
import { matchNames, type NamedRecord } from '@/lib/records/name-match';
import { createPerson } from '@/lib/records/person-ops';
import { useLiveQuery } from './hooks/use-live-query';
import { useWorkspace } from './hooks/workspace';

/** Enough for every person or case a researcher keeps; the list is only read while the picker is open. */
const CANDIDATE_LIMIT = 100_000;

async function candidates(db: RecordsDatabase, target: 'person' | 'case'): Promise<NamedRecord[]> {
  if (target === 'person') {
    return (await personsByName(db, CANDIDATE_LIMIT)).map((p) => ({
      id: p.id,
      names: [p.name, ...p.aliases],
    }));
  }
  return (await casesByTitle(db, CANDIDATE_LIMIT)).map((c) => ({ id: c.id, names: [c.title] }));
}

/**
 * "New person" prefilled with the quote, or "Link to person" through an autocomplete that finds a
 * person under any spelling or script of their names (the same for cases). A combobox with a
 * listbox: arrow keys move through suggestions, Enter links the chosen one.
 */
export function LinkPicker(props: {
  target: 'person' | 'case';
  annotationId: string;
  quote: string;
  linked: readonly string[];
  onDone: () => void;
}) {
  const { target, annotationId, quote } = props;
  const { ctx, run } = useWorkspace();
  const records = useLiveQuery(() => candidates(ctx.db, target), [ctx.db, target]);
  const [query, setQuery] = useState(cleanName(quote).slice(0, 200));
  const [active, setActive] = useState(0);
  const noun = target === 'person' ? 'person' : 'case';
  const listId = `suggest-${target}-${annotationId}`;
  const suggestions = useMemo(
    () => (records ? matchNames(query, records).filter((m) => !props.linked.includes(m.id)) : []),
    [records, query, props.linked],
  );
  const names = useMemo(() => new Map(records?.map((r) => [r.id, r.names[0]!])), [records]);

  const link = async (id: string) => {
    if (
      (await run((ctx) =>
        setAnnotationLink(ctx, annotationId, target === 'person' ? 'personIds' : 'caseIds', id, true),
      )) !== null
    ) {
      props.onDone();
    }
  };
  const create = async () => {
    const name = cleanName(query);
    const quoted = cleanName(quote);
    const done =
      target === 'person'
        ? await run((ctx) =>
            createPerson(ctx, { name, aliases: quoted && quoted !== name ? [quoted] : [] }, annotationId),
          )
        : await run((ctx) => createCase(ctx, { title: name }, annotationId));
    if (done !== null) props.onDone();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!suggestions.length) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + suggestions.length) % suggestions.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = suggestions[active];
      if (chosen) void link(chosen.id);
    } else if (event.key === 'Escape') {
      props.onDone();
    }
  };
  const optionId = (i: number) => `${listId}-${i}`;
  return (
    <div class="picker" role="group" aria-label={`Link to ${noun}`}>
      <label>
        <span>Link to {noun}</span>
        <input
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={suggestions.length > 0}
          aria-controls={listId}
          aria-activedescendant={suggestions.length ? optionId(active) : undefined}
          value={query}
          maxLength={target === 'person' ? 500 : 2000}
          onInput={(e) => {
            setQuery((e.target as HTMLInputElement).value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      <ul role="listbox" id={listId} aria-label={`Matching ${noun}s`} class="suggestions">
        {suggestions.map((m, i) => (
          <li
            key={m.id}
            role="option"
            id={optionId(i)}
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => void link(m.id)}
          >
            {names.get(m.id)}
            {m.matched !== names.get(m.id) && <span class="muted"> (as {m.matched})</span>}
          </li>
        ))}
      </ul>
      {records && query.trim() !== '' && !suggestions.length && (
        <p class="muted">
          No {noun} matches “{query}”.
        </p>
      )}
      <div class="row">
        <button type="button" disabled={!cleanName(query)} onClick={() => void create()}>
          New {noun} “{cleanName(query)}”
        </button>
        <button type="button" class="secondary" onClick={props.onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}
