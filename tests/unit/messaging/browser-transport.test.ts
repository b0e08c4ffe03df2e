import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toTab } from '@/lib/messaging/browser-transport';

// The content script runs in top frames only, so messages to a tab go to frame 0: a frame's
// document (which another site may supply) never receives "annotate the selection" (issue 11).

describe('toTab', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it.each([0, 7])('sends to frame 0 of tab %i only', async (tabId) => {
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue(undefined);
    const message = { type: 'selection/annotate', payload: { kind: 'person', selectionText: null } };
    await toTab(tabId)(message);
    expect(send).toHaveBeenCalledExactlyOnceWith(tabId, message, { frameId: 0 });
  });
});
