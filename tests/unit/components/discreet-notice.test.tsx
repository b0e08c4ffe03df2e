// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ThisPageView } from '@/components/ThisPageView';
import type { PageDescription } from '@/lib/messaging/protocol';
import { makeAnnotation, makeSource } from '../../support/records';
import { putAll } from '../../support/test-db';
import { fakeTab, sentOf } from './fake-extension';
import { InWorkspace, testContext } from './workspace-harness';

// Discreet mode: the page shows nothing until the researcher asks, and the panel is where they see
// the page's highlights and suggestions and ask ("Show on this page").

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const TAB = 3;
const source = makeSource();
const PAGE: PageDescription = {
  url: source.url,
  title: source.title,
  canonicalUrl: source.canonicalUrl,
  lang: 'en',
  textLength: 8000,
};
const SUGGESTION = { id: 40, quote: 'Zinaida Mikhniuk', label: 'Zinaida Mikhniuk', kind: 'person' as const };

async function panelBeside(state: { discreet: boolean; shown: boolean } | null) {
  const ctx = testContext();
  await putAll(ctx.db, { sources: [source], persons: [], cases: [], annotations: [makeAnnotation(source.id)] });
  let current = state;
  const tab = fakeTab({
    ...(state && {
      'page/state': () => current,
      'page/show': () => {
        current = { discreet: true, shown: true };
        return { shown: true };
      },
    }),
    'suggestions/list': () => ({ suggestions: [SUGGESTION] }),
  });
  render(
    <InWorkspace ctx={ctx} tabId={TAB}>
      <ThisPageView active={{ state: 'ready', tabId: TAB, page: PAGE }} />
    </InWorkspace>,
  );
  // Both lists work whatever the mode: they ask the database and the tab, never the page's display.
  await screen.findByRole('list', { name: 'Highlights on this page' });
  await screen.findByRole('list', { name: 'Suggestions on this page' });
  await waitFor(() => expect(sentOf(tab, 'page/state').length).toBeGreaterThan(0));
  return tab;
}

const showButton = () => screen.queryByRole('button', { name: 'Show on this page' });

describe('This page: discreet mode', () => {
  it('explains discreet mode and shows the page’s highlights on it in one click', async () => {
    const tab = await panelBeside({ discreet: true, shown: false });
    const button = await screen.findByRole('button', { name: 'Show on this page' });
    expect(screen.getByText(/this page cannot tell that the extension is installed/).textContent).toBe(
      'Discreet mode: this page cannot tell that the extension is installed. Highlights and suggestions are listed here only.',
    );
    fireEvent.click(button);
    await waitFor(() => expect(showButton()).toBeNull());
    expect(sentOf(tab, 'page/show')).toEqual([{}]);
    expect(tab.mock.calls.every((call) => call[0] === TAB)).toBe(true);
    expect(screen.queryByText(/Discreet mode:/)).toBeNull();
    expect(screen.getByRole('list', { name: 'Highlights on this page' })).toBeTruthy();
  });

  it('offers nothing when the page is not discreet, or already shown', async () => {
    await panelBeside({ discreet: false, shown: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(showButton()).toBeNull();
    cleanup();
    await panelBeside({ discreet: true, shown: true });
    await new Promise((r) => setTimeout(r, 20));
    expect(showButton()).toBeNull();
    expect(screen.queryByText(/Discreet mode:/)).toBeNull();
  });

  it('offers nothing when the page has no content script to ask', async () => {
    await panelBeside(null);
    await new Promise((r) => setTimeout(r, 20));
    expect(showButton()).toBeNull();
    expect(screen.queryByText(/Discreet mode:/)).toBeNull();
  });

  it('keeps the button and says so when the page does not answer the click', async () => {
    const tab = await panelBeside({ discreet: true, shown: false });
    const button = await screen.findByRole('button', { name: 'Show on this page' });
    tab.mockRejectedValue(new Error('Receiving end does not exist.'));
    fireEvent.click(button);
    expect((await screen.findByRole('alert')).textContent).toMatch(/did not answer/);
    expect(showButton()).toBeTruthy();
  });
});

describe('This page: told by the page, never asking on a timer', () => {
  /** What the browser delivers to the panel when a content script sends `page/changed`. */
  const changed = (what: 'suggestions' | 'shown', tabId = TAB, url = PAGE.url) =>
    fakeBrowser.runtime.onMessage.trigger(
      { type: 'page/changed', payload: { what } },
      { id: fakeBrowser.runtime.id, url, tab: { id: tabId } as Browser.tabs.Tab, frameId: 0 },
      () => undefined,
    );

  it('drops the button when the page says it was shown another way (menu, command)', async () => {
    await panelBeside({ discreet: true, shown: false });
    await screen.findByRole('button', { name: 'Show on this page' });
    await changed('shown', TAB + 1); // another tab's page: not this one
    await changed('shown', TAB, 'moz-extension://elsewhere/'); // not a content script
    expect(showButton()).toBeTruthy();
    await changed('shown');
    await waitFor(() => expect(showButton()).toBeNull());
  });

  it('reads the suggestions again when the page says they changed, and not otherwise', async () => {
    const tab = await panelBeside({ discreet: false, shown: true });
    const asked = () => sentOf(tab, 'suggestions/list').length;
    const before = asked();
    await new Promise((r) => setTimeout(r, 50));
    expect(asked()).toBe(before);
    await changed('suggestions');
    await waitFor(() => expect(asked()).toBe(before + 1));
  });
});
