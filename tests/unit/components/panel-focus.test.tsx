// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanelApp } from '@/components/SidePanelApp';
import type { PageDescription } from '@/lib/messaging/protocol';
import { PANEL_FOCUS_KEY } from '@/lib/settings/storage-keys';
import { makeAnnotation, makeSource } from '../../support/records';
import { putAll } from '../../support/test-db';
import { fakeTab } from './fake-extension';
import { testContext } from './workspace-harness';

// The page's card has no text field: its "Note and links in the side panel" button has the
// background open the panel and leave { tabId, annotationId } under `panel-focus` in session
// storage. The panel shows that highlight with its note field focused, then removes the request.

const KEY = PANEL_FOCUS_KEY;

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const source = makeSource();
const PAGE: PageDescription = {
  url: source.url,
  title: source.title,
  canonicalUrl: source.canonicalUrl,
  lang: 'en',
  textLength: 8000,
};
const first = makeAnnotation(source.id, { note: 'First note.' });
const second = makeAnnotation(source.id, { note: 'Second note.' });

async function panelBesidePage() {
  const ctx = testContext();
  await putAll(ctx.db, { sources: [source], persons: [], cases: [], annotations: [first, second] });
  const window = (await fakeBrowser.windows.create({ focused: true }))!;
  const tab = await fakeBrowser.tabs.create({ url: source.url, active: true, windowId: window.id! });
  fakeTab({
    'page/describe': () => PAGE,
    'page/state': () => ({ discreet: true, shown: false }),
    'suggestions/list': () => ({ suggestions: [] }),
    'annotations/changed': () => ({ reloaded: true }),
  });
  const scrolled = vi.spyOn(Element.prototype, 'scrollIntoView');
  return { ctx, tabId: tab.id!, scrolled };
}

const render_ = (ctx: ReturnType<typeof testContext>) => render(<SidePanelApp recordsContext={ctx} />);
const pending = async () => (await fakeBrowser.storage.session.get(KEY))[KEY];
const itemOf = (id: string) =>
  screen.getAllByRole('listitem').find((li) => li.querySelector('textarea')?.id === `note-${id}`);

async function expectNoteFocused(id: string, note: string, scrolled: ReturnType<typeof vi.spyOn>) {
  await waitFor(() => expect(document.activeElement?.id).toBe(`note-${id}`));
  const field = document.activeElement as HTMLTextAreaElement;
  expect(field.value).toBe(note);
  expect(within(itemOf(id)!).getByRole('button', { name: 'Note…' }).getAttribute('aria-expanded')).toBe('true');
  expect(scrolled.mock.contexts).toContain(itemOf(id));
  await waitFor(async () => expect(await pending()).toBeUndefined());
}

describe('side panel: a highlight asked for from the page', () => {
  it('opens at the highlight with its note field focused when the panel opens, and clears the request', async () => {
    const { ctx, tabId, scrolled } = await panelBesidePage();
    await fakeBrowser.storage.session.set({ [KEY]: { tabId, annotationId: second.id } });
    render_(ctx);
    await expectNoteFocused(second.id, 'Second note.', scrolled);
    // Only that one: the other highlight's note stays closed.
    expect(screen.getAllByRole('textbox', { name: 'Note' })).toHaveLength(1);
  });

  it('answers a request that comes while the panel is open on another view', async () => {
    const { ctx, tabId, scrolled } = await panelBesidePage();
    render_(ctx);
    await screen.findByRole('list', { name: 'Highlights on this page' });
    fireEvent.click(screen.getByRole('tab', { name: 'Persons' }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Highlights on this page' })).toBeNull());
    await fakeBrowser.storage.session.set({ [KEY]: { tabId, annotationId: first.id } });
    await waitFor(() =>
      expect(screen.getByRole('tab', { name: 'This page' }).getAttribute('aria-selected')).toBe('true'),
    );
    await expectNoteFocused(first.id, 'First note.', scrolled);
    // A second click on the page, for the other highlight, works the same way.
    await fakeBrowser.storage.session.set({ [KEY]: { tabId, annotationId: second.id } });
    await expectNoteFocused(second.id, 'Second note.', scrolled);
  });

  it('leaves a request for another tab alone', async () => {
    const { ctx, tabId } = await panelBesidePage();
    const other = { tabId: tabId + 100, annotationId: first.id };
    await fakeBrowser.storage.session.set({ [KEY]: other });
    render_(ctx);
    await screen.findByRole('list', { name: 'Highlights on this page' });
    await new Promise((r) => setTimeout(r, 30));
    expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull();
    expect(await pending()).toEqual(other);
  });

  it('drops a request for a highlight the page does not have, and says so', async () => {
    const { ctx, tabId } = await panelBesidePage();
    render_(ctx);
    await screen.findByRole('list', { name: 'Highlights on this page' });
    await fakeBrowser.storage.session.set({ [KEY]: { tabId, annotationId: makeAnnotation(source.id).id } });
    await waitFor(async () => expect(await pending()).toBeUndefined());
    expect(document.getElementById('last-change')!.textContent).toMatch(/not on this page’s list/);
    expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull();
  });

  it('stops listening when the panel closes', async () => {
    const { ctx } = await panelBesidePage();
    const added = vi.spyOn(fakeBrowser.storage.session.onChanged, 'addListener');
    const removed = vi.spyOn(fakeBrowser.storage.session.onChanged, 'removeListener');
    const { unmount } = render_(ctx);
    await screen.findByRole('list', { name: 'Highlights on this page' });
    unmount();
    expect(added).toHaveBeenCalledOnce();
    await waitFor(() => expect(removed.mock.calls.map((c) => c[0])).toEqual(added.mock.calls.map((c) => c[0])));
  });
});
