import { useMemo, useState } from 'preact/hooks';
import { annotationsForCase } from '@/lib/db';
import { deleteCase, mergeCases, updateCase } from '@/lib/records/case-ops';
import { mentionsOf } from '@/lib/records/mentions';
import { matchNames } from '@/lib/records/name-match';
import type { Case } from '@/lib/schema/case';
import type { Person } from '@/lib/schema/person';
import { CaseEditor } from './CaseEditor';
import { CaseFacts } from './CaseFacts';
import { useLiveQuery } from './hooks/use-live-query';
import { useWorkspace } from './hooks/workspace';

/** One case: a summary line that opens to everything known about it. */
export function CaseCard(props: {
  kase: Case;
  facts: number | null;
  cases: readonly Case[];
  persons: readonly Person[];
}) {
  const { kase, facts } = props;
  const [open, setOpen] = useState(false);
  return (
    <li>
      <details open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
        <summary>
          <strong>{kase.title}</strong>
          <span class="muted">
            {' '}
            · {kase.status} · {facts === null ? 'counting…' : facts === 1 ? '1 highlight' : `${facts} highlights`}
          </span>
        </summary>
        {open && <CaseDetails {...props} />}
      </details>
    </li>
  );
}

function CaseDetails({ kase, cases, persons }: { kase: Case; cases: readonly Case[]; persons: readonly Person[] }) {
  const { ctx, run } = useWorkspace();
  const [personQuery, setPersonQuery] = useState('');
  const [duplicate, setDuplicate] = useState('');
  const mentions = useLiveQuery(
    async () => mentionsOf(ctx.db, await annotationsForCase(ctx.db, kase.id)),
    [ctx.db, kase.id],
  );
  const nameOf = (id: string) => persons.find((p) => p.id === id)?.name ?? 'unknown person';
  const personMatches = useMemo(
    () =>
      matchNames(
        personQuery,
        persons.filter((p) => !kase.personIds.includes(p.id)).map((p) => ({ id: p.id, names: [p.name, ...p.aliases] })),
        5,
      ),
    [personQuery, persons, kase.personIds],
  );
  const caseMatches = useMemo(
    () =>
      matchNames(
        duplicate,
        cases.filter((c) => c.id !== kase.id).map((c) => ({ id: c.id, names: [c.title] })),
        5,
      ),
    [duplicate, cases, kase.id],
  );
  const setPersons = (personIds: string[]) => run((c) => updateCase(c, kase.id, { personIds }));
  return (
    <div class="details">
      <h4>Persons</h4>
      {kase.personIds.length === 0 && <p class="muted">No persons on this case yet.</p>}
      <ul class="chips" aria-label={`Persons in ${kase.title}`}>
        {kase.personIds.map((id) => (
          <li key={id}>
            {nameOf(id)}{' '}
            <button
              type="button"
              class="link"
              aria-label={`Remove ${nameOf(id)} from the case`}
              onClick={() => void setPersons(kase.personIds.filter((p) => p !== id))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <label class="stacked">
        <span>Add a person to the case</span>
        <input
          type="search"
          value={personQuery}
          onInput={(e) => setPersonQuery((e.target as HTMLInputElement).value)}
        />
      </label>
      <ul class="plain">
        {personMatches.map((m) => (
          <li key={m.id}>
            <button
              type="button"
              class="secondary"
              onClick={() => void setPersons([...kase.personIds, m.id]).then(() => setPersonQuery(''))}
            >
              Add {nameOf(m.id)}
            </button>
          </li>
        ))}
      </ul>
      <CaseEditor kase={kase} />
      {mentions ? <CaseFacts kase={kase} mentions={mentions} nameOf={nameOf} /> : <p class="muted">Loading facts…</p>}
      <h4>Merge a duplicate</h4>
      <label class="stacked">
        <span>Find the duplicate of {kase.title}</span>
        <input type="search" value={duplicate} onInput={(e) => setDuplicate((e.target as HTMLInputElement).value)} />
      </label>
      <ul class="plain">
        {caseMatches.map((m) => (
          <li key={m.id}>
            <button type="button" class="secondary" onClick={() => void run((c) => mergeCases(c, kase.id, m.id))}>
              Merge {m.matched} into {kase.title}
            </button>
          </li>
        ))}
      </ul>
      <div class="row danger-zone">
        <button type="button" class="danger" onClick={() => void run((c) => deleteCase(c, kase.id))}>
          Delete case
        </button>
        <span class="muted">Its highlights are kept; only the links go. Undo brings them back.</span>
      </div>
    </div>
  );
}
