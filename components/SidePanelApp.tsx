import { PageSummary } from './PageSummary';
import { useActivePage } from './hooks/use-active-page';

/** The researcher's workspace beside the page; for now it shows what the extension reads of the page. */
export function SidePanelApp() {
  const active = useActivePage();
  return (
    <main>
      <h1>Source Annotator</h1>
      <section aria-labelledby="this-page">
        <h2 id="this-page">This page</h2>
        {active.state === 'loading' && <p class="muted">Reading the page…</p>}
        {active.state === 'unavailable' && <p class="muted">{active.reason}</p>}
        {active.state === 'ready' && <PageSummary page={active.page} />}
      </section>
    </main>
  );
}
