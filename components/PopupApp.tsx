import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { readTabPage } from '@/lib/page/tab-pages';
import type { PageDescription } from '@/lib/messaging/protocol';

async function openSidePanel(windowId: number): Promise<void> {
  // Chrome has sidePanel; Firefox has sidebarAction. Both need this click's user gesture.
  // The build-time constant drops the other browser's branch, so neither build names an API it lacks.
  if (import.meta.env.FIREFOX) {
    await (browser as unknown as { sidebarAction: { open(): Promise<void> } }).sidebarAction.open();
  } else {
    await browser.sidePanel.open({ windowId });
  }
  window.close();
}

/** The toolbar popup: names the current page and opens the side panel. */
export function PopupApp() {
  const [tab, setTab] = useState<{ windowId: number; page: PageDescription | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(async ([active]) => {
      if (active?.id === undefined) return;
      setTab({ windowId: active.windowId ?? -1, page: await readTabPage(browser.storage.session, active.id) });
    });
  }, []);
  const open = () => {
    if (tab) openSidePanel(tab.windowId).catch((e: unknown) => setError(`Could not open the side panel: ${String(e)}`));
  };
  return (
    <main style={{ width: '20rem' }}>
      <h1>Source Annotator</h1>
      <p>{tab?.page ? tab.page.title || tab.page.url : 'No annotatable page in this tab.'}</p>
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
