import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readTabPage } from '@/lib/page/tab-pages';
import type { PageDescription } from '@/lib/messaging/protocol';
import { KindCounts } from './KindCounts';

interface PopupTab {
  tabId: number;
  page: PageDescription | null;
}

async function openSidePanel(tab: PopupTab): Promise<void> {
  // Chrome has sidePanel; Firefox has sidebarAction. Both need this click's user gesture, so this
  // runs straight from the click handler with nothing awaited before the call.
  // The build-time constant drops the other browser's branch, so neither build names an API it lacks.
  if (import.meta.env.FIREFOX) {
    await (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
  } else {
    await browser.sidePanel.open({ tabId: tab.tabId });
  }
  window.close();
}

/** A popup opened for one tab (`popup.html?tab=ID`, as the side panel is) describes that tab. */
function pinnedTabId(): number | null {
  const id = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

async function currentTab(): Promise<PopupTab | null> {
  const pinned = pinnedTabId();
  const [tab] =
    pinned === null
      ? await browser.tabs.query({ active: true, currentWindow: true })
      : [await browser.tabs.get(pinned)];
  if (tab?.id === undefined) return null;
  return { tabId: tab.id, page: await readTabPage(browser.storage.session, tab.id) };
}

/** The toolbar popup: names the current page, counts its highlights by kind, and opens the side panel. */
export function PopupApp() {
  const [tab, setTab] = useState<PopupTab | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void currentTab().then(setTab);
  }, []);
  const open = () => {
    if (tab) openSidePanel(tab).catch((e: unknown) => setError(`Could not open the side panel: ${String(e)}`));
  };
  return (
    <main class="popup">
      <h1>Source Annotator</h1>
      <p>{tab?.page ? tab.page.title || tab.page.url : 'No annotatable page in this tab.'}</p>
      {tab?.page && <KindCounts page={tab.page} />}
      <button type="button" onClick={open} disabled={!tab}>
        Open side panel
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </main>
  );
}
