import { PANEL_FOCUS_KEY } from '../settings/storage-keys';
import type { KeyValueArea } from './tab-pages';

// Text entry left the page (issue 11: what is typed in a page reaches the page's scripts), so the
// card's button asks the background to open the side panel at a highlight. Browsers open a panel
// only in answer to a user gesture, and the researcher's click counts as one only until the first
// `await` after the message arrives: the panel is opened first, synchronously, and only then is the
// highlight left in session storage for the panel to show.

/** The browser's ways to open the panel: Chrome's side panel or Firefox's sidebar. */
export interface PanelOpeners {
  sidePanel?: { open(options: { tabId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

/** What the panel is asked to show: one highlight of one tab, or (null) just the tab's page. */
export interface PanelFocus {
  tabId: number;
  annotationId: string | null;
}

/** A stored request read back (the panel reads what the background left), or null when it is not one. */
export function parsePanelFocus(value: unknown): PanelFocus | null {
  if (typeof value !== 'object' || value === null) return null;
  const { tabId, annotationId } = value as Record<string, unknown>;
  if (typeof tabId !== 'number' || !Number.isInteger(tabId)) return null;
  if (annotationId !== null && typeof annotationId !== 'string') return null;
  return { tabId, annotationId };
}

/** Calls the browser's opener now; never throws, a failure arrives as a rejected promise. */
function startOpening(openers: PanelOpeners, tabId: number): Promise<void> {
  try {
    if (openers.sidePanel) return openers.sidePanel.open({ tabId });
    if (openers.sidebarAction) return openers.sidebarAction.open();
    return Promise.reject(new Error('This browser has no side panel.'));
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Opens the side panel beside tab `tabId` and asks it to show `annotationId`. Not `async`: the
 * opener is called before this returns, inside the sender's gesture. The request is stored even
 * when opening failed (the gesture had expired, say), so a panel the researcher opens by hand still
 * shows the highlight. `opened` says whether the browser opened it.
 */
export function openPanelAt(
  openers: PanelOpeners,
  session: KeyValueArea,
  focus: PanelFocus,
): Promise<{ opened: boolean }> {
  const opening = startOpening(openers, focus.tabId).then(
    () => true,
    () => false,
  );
  const stored = session.set({ [PANEL_FOCUS_KEY]: { tabId: focus.tabId, annotationId: focus.annotationId } });
  return Promise.all([opening, stored]).then(([opened]) => ({ opened }));
}
