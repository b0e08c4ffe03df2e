import { annotationsForUrl } from '@/lib/db/records';
import type { PageDescription } from '@/lib/messaging/protocol';
import { BUILT_IN_KINDS } from '@/lib/schema/kinds';
import { recordsDb } from './hooks/records-db';
import { useLiveQuery } from './hooks/use-live-query';

const labelOf = (kind: string) => BUILT_IN_KINDS.find((k) => k.id === kind)?.label ?? kind;

/** The highlights of the page beside the panel, orphans flagged with their quote kept. */
export function PageAnnotations({ page }: { page: PageDescription }) {
  const annotations = useLiveQuery(
    () => annotationsForUrl(recordsDb(), page.url, page.canonicalUrl),
    [page.url, page.canonicalUrl],
  );
  if (!annotations) return <p class="muted">Loading highlights…</p>;
  if (!annotations.length) return <p class="muted">No highlights on this page yet. Select words to add one.</p>;
  const orphans = annotations.filter((a) => a.anchoring.state === 'orphaned').length;
  return (
    <>
      {orphans > 0 && (
        <p role="status">
          {orphans === 1 ? '1 highlight' : `${orphans} highlights`} could not be found in the page's current text. Each
          is kept with its quote.
        </p>
      )}
      <ul aria-label="Highlights on this page" class="records">
        {annotations.map((a) => (
          <li key={a.id}>
            <strong>{labelOf(a.kind)}</strong> <q>{a.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact}</q>
            {a.anchoring.state === 'orphaned' && <span class="badge"> Not found on the page</span>}
            {a.note && <div class="muted">{a.note}</div>}
          </li>
        ))}
      </ul>
    </>
  );
}
