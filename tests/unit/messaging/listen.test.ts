import { describe, expect, it, vi } from 'vitest';
import { createMessageHandler } from '@/lib/messaging/handler';
import { listen } from '@/lib/messaging/listen';

describe('listen', () => {
  it('answers asynchronously through sendResponse and can be stopped', async () => {
    const handler = vi.fn(() => Promise.resolve({ ok: true as const, data: { tabId: 1 } }));
    const added: Parameters<typeof listen>[0] = {
      addListener: vi.fn(),
      removeListener: vi.fn(),
    };
    const stop = listen(added, handler);
    const listener = vi.mocked(added.addListener).mock.calls[0]![0];
    const sendResponse = vi.fn();
    expect(listener({ type: 'page/opened' }, {}, sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledWith({ ok: true, data: { tabId: 1 } }));
    stop();
    expect(added.removeListener).toHaveBeenCalledWith(listener);
  });

  it('leaves messages it does not handle to other listeners', () => {
    const event = { addListener: vi.fn(), removeListener: vi.fn() };
    listen(event, () => undefined);
    const listener = event.addListener.mock.calls[0]![0];
    const sendResponse = vi.fn();
    expect(listener('not mine', {}, sendResponse)).toBeUndefined();
    expect(sendResponse).not.toHaveBeenCalled();
  });

  // Browsers open a side panel only inside a user gesture, which lasts until the first await after
  // the message arrives: validation and the sender check run synchronously, then the handler is
  // called before the listener returns (issue 11, sidepanel/open).
  it('calls a validated handler before the listener returns, and refuses a bad one the same way', () => {
    const self = { runtimeId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
    const sender = { id: 'ext-id', url: 'https://news.example/a', tab: { id: 7 }, frameId: 0 };
    const events: string[] = [];
    const open = vi.fn(() => {
      events.push('handler');
      return { opened: true };
    });
    const event = { addListener: vi.fn(), removeListener: vi.fn() };
    listen(event, createMessageHandler(self, { 'sidepanel/open': open }, { answerUnknown: true }));
    const listener = event.addListener.mock.calls[0]![0];
    listener({ type: 'sidepanel/open', payload: { annotationId: null } }, sender, vi.fn());
    events.push('listener returned');
    expect(events).toEqual(['handler', 'listener returned']);
    listener({ type: 'sidepanel/open', payload: { annotationId: 'not an id' } }, sender, vi.fn());
    listener({ type: 'sidepanel/open', payload: { annotationId: null } }, { ...sender, frameId: 2 }, vi.fn());
    expect(open).toHaveBeenCalledTimes(1);
  });
});
