import { useEffect } from 'preact/hooks';
import { AllRecords } from './AllRecords';
import { requestPersistentStorage } from '@/lib/db/errors';
import { PageAnnotations } from './PageAnnotations';
import { PageSummary } from './PageSummary';
import { RecordCounts } from './RecordCounts';
import { RecordsTransfer } from './RecordsTransfer';
import { useActivePage } from './hooks/use-active-page';

/** The researcher's workspace beside the page: the page as the extension reads it, and the records. */
export function SidePanelApp() {
  const active = useActivePage();
  useEffect(() => {
    // Evidence must survive storage pressure: ask once per panel; the browser remembers a grant.
    void requestPersistentStorage();
  }, []);
  return (
    <main>
      <h1>Source Annotator</h1>
      <section aria-labelledby="this-page">
        <h2 id="this-page">This page</h2>
        {active.state === 'loading' && <p class="muted">Reading the page…</p>}
        {active.state === 'unavailable' && <p class="muted">{active.reason}</p>}
        {active.state === 'ready' && (
          <>
            <PageSummary page={active.page} />
            <h3>Highlights</h3>
            <PageAnnotations page={active.page} />
          </>
        )}
      </section>
      <section aria-labelledby="records">
        <h2 id="records">Records</h2>
        <RecordCounts />
        <RecordsTransfer pageUrl={active.state === 'ready' ? active.page.url : null} />
      </section>
      <section aria-labelledby="all-records">
        <h2 id="all-records">All records</h2>
        <AllRecords />
      </section>
    </main>
  );
}
