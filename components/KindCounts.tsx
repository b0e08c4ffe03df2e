import { annotationsForUrl } from '@/lib/db';
import type { PageDescription } from '@/lib/messaging/protocol';
import { KindBadge } from './KindBadge';
import { recordsDb } from './hooks/records-db';
import { useKinds } from './hooks/use-kinds';
import { useLiveQuery } from './hooks/use-live-query';

async function countByKind(page: PageDescription): Promise<{ total: number; byKind: Map<string, number> }> {
  const annotations = await annotationsForUrl(recordsDb(), page.url, page.canonicalUrl);
  const byKind = new Map<string, number>();
  for (const a of annotations) byKind.set(a.kind, (byKind.get(a.kind) ?? 0) + 1);
  return { total: annotations.length, byKind };
}

/** How many highlights a page has of each kind, in the vocabulary's order and colours. */
export function KindCounts({ page }: { page: PageDescription }) {
  const kinds = useKinds();
  const counts = useLiveQuery(() => countByKind(page), [page.url, page.canonicalUrl]);
  if (!counts) return <p class="muted">Counting highlights…</p>;
  if (!counts.total) return <p class="muted">No highlights on this page yet.</p>;
  // Vocabulary order first; kinds missing from it (e.g. imported) after, so every highlight is counted.
  const order = [
    ...kinds.map((k) => k.id),
    ...[...counts.byKind.keys()].filter((id) => !kinds.some((k) => k.id === id)),
  ];
  return (
    <>
      <p>{counts.total === 1 ? '1 highlight' : `${counts.total.toLocaleString('en')} highlights`} on this page</p>
      <ul class="kind-counts" aria-label="Highlights by kind">
        {order
          .filter((id) => counts.byKind.has(id))
          .map((id) => (
            <li key={id}>
              <KindBadge kinds={kinds} id={id} />
              <span>{counts.byKind.get(id)!.toLocaleString('en')}</span>
            </li>
          ))}
      </ul>
    </>
  );
}
