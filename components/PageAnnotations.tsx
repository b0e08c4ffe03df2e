import { annotationsForUrl, sourcesForUrl, type RecordsDatabase } from '@/lib/db';
import type { PageDescription } from '@/lib/messaging/protocol';
import { inDocumentOrder } from '@/lib/records/document-order';
import { useEffect } from 'preact/hooks';
import { AnnotationItem } from './AnnotationItem';
import { useLiveQuery } from './hooks/use-live-query';
import type { PanelFocus } from './hooks/use-panel-focus';
import { useWorkspace } from './hooks/workspace';

async function loadPage(db: RecordsDatabase, url: string, canonicalUrl: string | null) {
  const [annotations, sources] = await Promise.all([
    annotationsForUrl(db, url, canonicalUrl),
    sourcesForUrl(db, url, canonicalUrl),
  ]);
  const personIds = [...new Set(annotations.flatMap((a) => a.personIds))];
  const caseIds = [...new Set(annotations.flatMap((a) => a.caseIds))];
  const persons = new Map((await db.persons.bulkGet(personIds)).flatMap((p) => (p ? [[p.id, p.name] as const] : [])));
  const cases = new Map((await db.cases.bulkGet(caseIds)).flatMap((c) => (c ? [[c.id, c.title] as const] : [])));
  return { url, annotations: inDocumentOrder(annotations), persons, cases, source: sources[0] ?? null };
}

/**
 * The highlights of the page beside the panel in the order they appear, orphans flagged with their
 * quote kept. `focus` asks for one of them (from the page's card); `onFocused` is told once it is shown.
 */
export function PageAnnotations({
  page,
  tabId,
  focus = null,
  onFocused,
}: {
  page: PageDescription;
  tabId: number | null;
  focus?: PanelFocus | null;
  onFocused?: (request: PanelFocus) => void;
}) {
  const { ctx, announce } = useWorkspace();
  const data = useLiveQuery(() => loadPage(ctx.db, page.url, page.canonicalUrl), [ctx.db, page.url, page.canonicalUrl]);
  // Wait for this page's list (not the one before a navigation) before deciding it lacks the highlight.
  const current = data?.url === page.url ? data : undefined;
  const missing = !!focus && !!current && !current.annotations.some((a) => a.id === focus.annotationId);
  useEffect(() => {
    if (!missing || !focus) return;
    announce('That highlight is not on this page’s list any more.', true);
    onFocused?.(focus);
  }, [missing, focus]);
  if (!data) return <p class="muted">Loading highlights…</p>;
  const { annotations } = data;
  if (!annotations.length) return <p class="muted">No highlights on this page yet. Select words to add one.</p>;
  const orphans = annotations.filter((a) => a.anchoring.state === 'orphaned').length;
  const year = data.source?.publishedTime ? Number(data.source.publishedTime.slice(0, 4)) : null;
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
          <AnnotationItem
            key={a.id}
            annotation={a}
            tabId={tabId}
            year={year}
            persons={a.personIds.flatMap((id) => (data.persons.has(id) ? [{ id, name: data.persons.get(id)! }] : []))}
            cases={a.caseIds.flatMap((id) => (data.cases.has(id) ? [{ id, name: data.cases.get(id)! }] : []))}
            focusRequest={current && focus?.annotationId === a.id ? focus : null}
            onFocused={() => focus && onFocused?.(focus)}
          />
        ))}
      </ul>
    </>
  );
}
