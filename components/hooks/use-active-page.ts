import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { request } from '@/lib/messaging/client';
import { toTab } from '@/lib/messaging/browser-transport';
import type { PageDescription } from '@/lib/messaging/protocol';

/** What the panel knows about the tab beside it. */
export type ActivePage =
  | { state: 'loading' }
  | { state: 'ready'; tabId: number; page: PageDescription }
  | { state: 'unavailable'; reason: string };

/** A panel opened for one tab (`sidepanel.html?tab=ID`, as Chrome's per-tab panels are) follows that tab. */
function pinnedTabId(): number | null {
  const id = Number(new URLSearchParams(location.search).get('tab'));
  return Number.isInteger(id) && id > 0 ? id : null;
}

async function describeActiveTab(): Promise<ActivePage> {
  const pinned = pinnedTabId();
  const [tab] =
    pinned === null
      ? await browser.tabs.query({ active: true, currentWindow: true })
      : [await browser.tabs.get(pinned)];
  if (tab?.id === undefined || !/^https?:/i.test(tab.url ?? '')) {
    return { state: 'unavailable', reason: 'Open a news page (http or https) to annotate it.' };
  }
  try {
    return { state: 'ready', tabId: tab.id, page: await request(toTab(tab.id), 'page/describe', {}) };
  } catch {
    return {
      state: 'unavailable',
      reason: 'This page is still loading or cannot be annotated. Reload it and try again.',
    };
  }
}

/** Follows the active tab of this window and describes the page in it; listeners end with the component. */
export function useActivePage(): ActivePage {
  const [active, setActive] = useState<ActivePage>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    const refresh = () => void describeActiveTab().then((next) => live && setActive(next));
    const onUpdated = (_id: number, change: { status?: string }) => change.status === 'complete' && refresh();
    refresh();
    browser.tabs.onActivated.addListener(refresh);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return active;
}
