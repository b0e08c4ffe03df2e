import { DiscreetNotice } from './DiscreetNotice';
import type { ActivePage } from './hooks/use-active-page';
import type { PanelFocus } from './hooks/use-panel-focus';
import { PageAnnotations } from './PageAnnotations';
import { PageSuggestions } from './PageSuggestions';
import { PageSummary } from './PageSummary';
import { SourceDetails } from './SourceDetails';

/**
 * The page beside the panel: how the extension reads it, whether it is discreet, its recorded
 * source, its highlights and its suggestions. `focus` asks for one highlight (from the page's card).
 */
export function ThisPageView({
  active,
  focus = null,
  onFocused,
}: {
  active: ActivePage;
  focus?: PanelFocus | null;
  onFocused?: (request: PanelFocus) => void;
}) {
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
          <PageAnnotations page={active.page} tabId={active.tabId} focus={focus} onFocused={onFocused} />
          <h3>Suggestions</h3>
          <PageSuggestions tabId={active.tabId} />
        </>
      )}
    </section>
  );
}
