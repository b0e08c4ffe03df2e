import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parsePanelFocus as parse, type PanelFocus } from '@/lib/page/panel-focus';
import { PANEL_FOCUS_KEY } from '@/lib/settings/storage-keys';

export type { PanelFocus };

// The page's card has no text field (what is typed in a page reaches the page's scripts), so its
// "Note and links in the side panel" button asks the background to open the panel, and the
// background leaves the highlight it was about in session storage. The panel reads it when it opens
// and while it is open, shows that highlight, and removes the request once it has.

/**
 * The pending request for the tab beside the panel (a new object for each request), or null; and
 * `done`, which removes that request once it has been acted on. Listeners end with the component.
 */
export function usePanelFocus(tabId: number | null): { request: PanelFocus | null; done: (r: PanelFocus) => void } {
  const [stored, setStored] = useState<PanelFocus | null>(null);
  useEffect(() => {
    let live = true;
    const onChanged = (changes: Record<string, { newValue?: unknown }>) => {
      if (PANEL_FOCUS_KEY in changes) setStored(parse(changes[PANEL_FOCUS_KEY]!.newValue));
    };
    browser.storage.session.onChanged.addListener(onChanged);
    void browser.storage.session
      .get(PANEL_FOCUS_KEY)
      .then((items) => live && setStored(parse(items[PANEL_FOCUS_KEY])))
      .catch(() => undefined);
    return () => {
      live = false;
      browser.storage.session.onChanged.removeListener(onChanged);
    };
  }, []);

  const done = useCallback((handled: PanelFocus) => {
    setStored((s) => (s === handled ? null : s));
    // Only if it is still the same request: a click on another highlight meanwhile stays pending.
    void browser.storage.session
      .get(PANEL_FOCUS_KEY)
      .then((items) => {
        const now = parse(items[PANEL_FOCUS_KEY]);
        if (now && now.tabId === handled.tabId && now.annotationId === handled.annotationId) {
          return browser.storage.session.remove(PANEL_FOCUS_KEY);
        }
      })
      .catch(() => undefined);
  }, []);

  return { request: stored !== null && stored.tabId === tabId ? stored : null, done };
}
