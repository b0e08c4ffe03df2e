// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PopupApp } from '@/components/PopupApp';
import { recordsDb } from '@/components/hooks/records-db';
import { rememberTabPage } from '@/lib/page/tab-pages';
import { defaultKinds, saveKinds } from '@/lib/settings/kinds-vocabulary';
import { makeRecordSet } from '../../support/records';
import { clearRecords, putAll } from '../../support/test-db';

// The popup of the active tab: what page it is, how many highlights of each kind it holds, and
// the button that opens the side panel.

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  cleanup();
  const db = recordsDb();
  await clearRecords(db);
});

async function activeTabShowing(url: string, canonicalUrl: string | null) {
  const tabWindow = (await fakeBrowser.windows.create({ focused: true }))!;
  const tab = await fakeBrowser.tabs.create({ url, active: true, windowId: tabWindow.id! });
  await rememberTabPage(fakeBrowser.storage.session, tab.id!, {
    url,
    title: 'Freed after serving their terms',
    canonicalUrl,
    lang: 'en',
    textLength: 5000,
  });
  return tab.id!;
}

describe('PopupApp', () => {
  it("counts the page's highlights by kind, with the kinds' names and colours", async () => {
    const set = makeRecordSet();
    await putAll(recordsDb(), set);
    await saveKinds(
      fakeBrowser.storage.local,
      defaultKinds().map((k) => (k.id === 'fact' ? { ...k, label: 'Event', color: '#123456' } : k)),
    );
    const source = set.sources[0]!;
    await activeTabShowing(source.url, source.canonicalUrl);
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByText('2 highlights on this page')).toBeTruthy());
    const items = within(screen.getByRole('list', { name: 'Highlights by kind' })).getAllByRole('listitem');
    await waitFor(() => expect(items.map((li) => li.textContent)).toEqual(['Person1', 'Event1']));
    const swatch = items[1]!.querySelector<HTMLElement>('.kind-swatch')!;
    expect(swatch.style.background).toMatch(/#123456|rgb\(18, 52, 86\)/);
  });

  it('says when the page has no highlights', async () => {
    await activeTabShowing('https://news.example/story', null);
    render(<PopupApp />);
    await waitFor(() => expect(screen.getByText('No highlights on this page yet.')).toBeTruthy());
  });

  it('opens the side panel for the tab straight from the click', async () => {
    const tabId = await activeTabShowing('https://news.example/story', null);
    const open = vi.fn(async () => {});
    fakeBrowser.sidePanel.open = open;
    const close = vi.spyOn(window, 'close').mockImplementation(() => {});
    render(<PopupApp />);
    const button = screen.getByRole('button', { name: 'Open side panel' }) as HTMLButtonElement;
    await waitFor(() => expect(button.disabled).toBe(false));
    fireEvent.click(button);
    // Called synchronously within the click: the browser only allows it during the user's gesture.
    expect(open).toHaveBeenCalledWith({ tabId });
    await waitFor(() => expect(close).toHaveBeenCalled());
  });
});
