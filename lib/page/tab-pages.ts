import * as z from 'zod/mini';
import { PageDescription } from '../messaging/protocol';

// The background remembers what each open tab shows, in session storage, so the popup can name the
// page at once and a restarted service worker does not forget.

/** The slice of a `storage.StorageArea` used here. */
export interface KeyValueArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const key = (tabId: number) => `tab-page:${tabId}`;

/** Records the page a tab shows; replaces what was there. */
export async function rememberTabPage(area: KeyValueArea, tabId: number, page: PageDescription): Promise<void> {
  await area.set({ [key(tabId)]: page });
}

/** The page a tab last reported, or null when unknown or unreadable. */
export async function readTabPage(area: KeyValueArea, tabId: number): Promise<PageDescription | null> {
  const stored = (await area.get(key(tabId)))[key(tabId)];
  const parsed = z.safeParse(PageDescription, stored);
  return parsed.success ? parsed.data : null;
}

/** Forgets a closed tab. */
export async function forgetTabPage(area: KeyValueArea, tabId: number): Promise<void> {
  await area.remove(key(tabId));
}
