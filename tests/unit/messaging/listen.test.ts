import { describe, expect, it, vi } from 'vitest';
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
});
