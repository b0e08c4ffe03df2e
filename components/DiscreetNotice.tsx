import { useEffect, useState } from 'preact/hooks';
import { toTab } from '@/lib/messaging/browser-transport';
import { request } from '@/lib/messaging/client';
import type { PageDescription } from '@/lib/messaging/protocol';
import { usePageChanges } from './hooks/use-page-changes';

// In discreet mode the content script adds nothing to the page until the researcher acts on it, so
// the page cannot tell the extension is there. The panel lists the page's highlights and
// suggestions all the same, and this is the one click that shows them on the page.

type PageState = { discreet: boolean; shown: boolean };

/** "Discreet mode" and the "Show on this page" button, only while the page is discreet and shows nothing. */
export function DiscreetNotice({ tabId, page }: { tabId: number; page: PageDescription }) {
  const [state, setState] = useState<PageState | null>(null);
  const [error, setError] = useState('');
  const [showing, setShowing] = useState(false);
  const hidden = state?.discreet === true && !state.shown;
  // Shown another way (the context menu, the command, a highlight revealed): the button goes.
  usePageChanges(tabId, 'shown', () => setState((prev) => prev && { ...prev, shown: true }));

  useEffect(() => {
    let live = true;
    setState(null);
    setError('');
    // No content script (a page it does not run on, or still loading): nothing to say here. Once
    // the page is not discreet, or shown, it stays so until it loads again: no more asking.
    const ask = () =>
      request(toTab(tabId), 'page/state', {})
        .then((next) => {
          if (!live) return;
          // Shown is for good until the page loads again: an answer sent before the click is stale.
          setState((prev) => (prev?.shown ? prev : next));
        })
        .catch(() => live && setState(null));
    void ask();
    return () => {
      live = false;
    };
    // A new description (a reload or a navigation) is a new page, with its own discreet state.
  }, [tabId, page]);

  if (!hidden) return null;
  const show = async () => {
    setShowing(true);
    setError('');
    try {
      const { shown } = await request(toTab(tabId), 'page/show', {});
      if (!shown) setError('The page did not show its highlights. Reload it and try again.');
      setState({ discreet: true, shown });
    } catch {
      setError('The page did not answer. Reload it and try again.');
    } finally {
      setShowing(false);
    }
  };
  return (
    <div class="discreet" role="group" aria-labelledby="discreet-page-note">
      <p id="discreet-page-note">
        <strong>Discreet mode:</strong> this page cannot tell that the extension is installed. Highlights and
        suggestions are listed here only.
      </p>
      <p class="muted">To add a highlight, select words and use the context menu or Alt+Shift+A.</p>
      <button type="button" disabled={showing} onClick={() => void show()}>
        Show on this page
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </div>
  );
}
