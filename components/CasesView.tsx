import { useMemo, useState } from 'preact/hooks';
import { casesByTitle, personsByName } from '@/lib/db';
import { createCase } from '@/lib/records/case-ops';
import { matchNames } from '@/lib/records/name-match';
import { CaseCard } from './CaseCard';
import { useLinkCounts } from './hooks/mention-counts';
import { useLiveQuery } from './hooks/use-live-query';
import { useWorkspace } from './hooks/workspace';

/** Most cases listed at once; the finder reaches the rest. */
const LIST_LIMIT = 200;

/** Every case with its persons, articles, facts and conflicts; find, add, edit, merge and delete. */
export function CasesView() {
  const { ctx, run } = useWorkspace();
  const data = useLiveQuery(async () => {
    return { cases: await casesByTitle(ctx.db, 100_000), persons: await personsByName(ctx.db, 100_000) };
  }, [ctx.db]);
  const [query, setQuery] = useState('');
  const [title, setTitle] = useState('');
  const shown = useMemo(() => {
    if (!data) return [];
    if (!query.trim()) return data.cases.slice(0, LIST_LIMIT);
    const ids = matchNames(
      query,
      data.cases.map((c) => ({ id: c.id, names: [c.title] })),
      LIST_LIMIT,
    ).map((m) => m.id);
    const byId = new Map(data.cases.map((c) => [c.id, c]));
    return ids.map((id) => byId.get(id)!);
  }, [data, query]);
  const counts = useLinkCounts(
    ctx.db,
    'caseIds',
    shown.map((c) => c.id),
  );
  const add = async (event: Event) => {
    event.preventDefault();
    if ((await run((c) => createCase(c, { title }))) !== null) setTitle('');
  };
  return (
    <section aria-labelledby="cases-heading">
      <h2 id="cases-heading">Cases</h2>
      <label class="stacked">
        <span>Find a case</span>
        <input type="search" value={query} onInput={(e) => setQuery((e.target as HTMLInputElement).value)} />
      </label>
      {!data && <p class="muted">Loading cases…</p>}
      {data && !data.cases.length && (
        <p class="muted">No cases yet. Link a highlight to a new case, or add one below.</p>
      )}
      <ul class="records" aria-label="Cases">
        {shown.map((kase) => (
          <CaseCard
            key={kase.id}
            kase={kase}
            facts={counts?.get(kase.id) ?? null}
            cases={data?.cases ?? []}
            persons={data?.persons ?? []}
          />
        ))}
      </ul>
      <form class="row" aria-label="New case" onSubmit={(e) => void add(e)}>
        <label>
          <span>New case</span>
          <input
            type="text"
            value={title}
            maxLength={2000}
            onInput={(e) => setTitle((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" disabled={!title.trim()}>
          Add case
        </button>
      </form>
    </section>
  );
}
