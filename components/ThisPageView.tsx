import { DiscreetNotice } from './DiscreetNotice';
import type { ActivePage } from './hooks/use-active-page';
import { PageAnnotations } from './PageAnnotations';
import { PageSuggestions } from './PageSuggestions';
import { PageSummary } from './PageSummary';
import { SourceDetails } from './SourceDetails';

/** The page beside the panel: how the extension reads it, whether it is discreet, its recorded source, its highlights and its suggestions. */
export function ThisPageView({ active }: { active: ActivePage }) {
  return (
    <section aria-labelledby="this-page">
      <h2 id="this-page">This page</h2>
      {active.state === 'loading' && <p class="muted">Reading the page…</p>}
      {active.state === 'unavailable' && <p class="muted">{active.reason}</p>}
      {active.state === 'ready' && (
        <>
          <PageSummary page={active.page} />
          <DiscreetNotice tabId={active.tabId} page={active.page} />
          <SourceDetails page={active.page} />
          <h3>Highlights</h3>
          <PageAnnotations page={active.page} tabId={active.tabId} />
          <h3>Suggestions</h3>
          <PageSuggestions tabId={active.tabId} />
        </>
      )}
    </section>
  );
}
