import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openPanelAt, type PanelOpeners } from '@/lib/page/panel-focus';
import { PANEL_FOCUS_KEY } from '@/lib/settings/storage-keys';

// Issue 11: the card's "Note and links in the side panel" opens the panel inside the researcher's
// click (the opener is called before anything is awaited) and leaves the highlight for the panel.

type Opener = 'resolves' | 'rejects' | 'throws';

const opener = (how: Opener) =>
  vi.fn(() => {
    if (how === 'throws') throw new Error('sidePanel.open() may only be called in response to a user gesture.');
    return how === 'resolves' ? Promise.resolve() : Promise.reject(new Error('no user gesture'));
  });

describe('openPanelAt', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each<{ name: string; chrome?: Opener; firefox?: Opener; opened: boolean; used: 'chrome' | 'firefox' | null }>([
    { name: 'Chrome’s side panel opens', chrome: 'resolves', opened: true, used: 'chrome' },
    { name: 'Chrome refuses (the gesture expired)', chrome: 'rejects', opened: false, used: 'chrome' },
    { name: 'Chrome throws at once', chrome: 'throws', opened: false, used: 'chrome' },
    { name: 'Firefox’s sidebar opens', firefox: 'resolves', opened: true, used: 'firefox' },
    { name: 'Firefox refuses (not a user input handler)', firefox: 'rejects', opened: false, used: 'firefox' },
    {
      name: 'both APIs: the side panel is used',
      chrome: 'resolves',
      firefox: 'resolves',
      opened: true,
      used: 'chrome',
    },
    { name: 'neither API', opened: false, used: null },
  ])('$name', async ({ chrome, firefox, opened, used }) => {
    const openers: PanelOpeners = {};
    const sidePanel = chrome && opener(chrome);
    const sidebar = firefox && opener(firefox);
    if (sidePanel) openers.sidePanel = { open: sidePanel };
    if (sidebar) openers.sidebarAction = { open: sidebar };
    const session = fakeBrowser.storage.session;
    const reply = openPanelAt(openers, session, { tabId: 4, annotationId: 'a-1' });
    // Before anything is awaited: the browser's opener has already been called, inside the gesture.
    if (used === 'chrome') expect(sidePanel).toHaveBeenCalledExactlyOnceWith({ tabId: 4 });
    if (used === 'firefox') expect(sidebar).toHaveBeenCalledExactlyOnceWith();
    if (used !== 'chrome' && sidePanel) expect(sidePanel).not.toHaveBeenCalled();
    if (used !== 'firefox' && sidebar) expect(sidebar).not.toHaveBeenCalled();
    await expect(reply).resolves.toEqual({ opened });
    // Stored either way, so a panel opened by hand still shows the highlight.
    expect(await session.get(PANEL_FOCUS_KEY)).toEqual({ [PANEL_FOCUS_KEY]: { tabId: 4, annotationId: 'a-1' } });
  });

  it('stores a request for the page alone (no highlight) and replaces an earlier one', async () => {
    const session = fakeBrowser.storage.session;
    const openers = { sidePanel: { open: opener('resolves') } };
    await openPanelAt(openers, session, { tabId: 1, annotationId: 'a-1' });
    await openPanelAt(openers, session, { tabId: 2, annotationId: null });
    expect((await session.get(PANEL_FOCUS_KEY))[PANEL_FOCUS_KEY]).toEqual({ tabId: 2, annotationId: null });
  });
});
