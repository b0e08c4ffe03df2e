import { describe, expect, it, vi } from 'vitest';
import { MessagingError, request } from '@/lib/messaging/client';
import { createMessageHandler } from '@/lib/messaging/handler';

const self = { runtimeId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const page = { url: 'https://news.example/a', title: 'T', canonicalUrl: null, lang: null, textLength: 1 };

describe('request', () => {
  it('round-trips through a handler and returns the typed result', async () => {
    const handler = createMessageHandler(self, { 'page/describe': () => page }, { answerUnknown: false });
    const transport = (m: unknown) => handler(m, { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' })!;
    await expect(request(transport, 'page/describe', {})).resolves.toEqual(page);
  });

  it('does not send an invalid payload', async () => {
    const transport = vi.fn();
    const bad = { ...page, textLength: -1 };
    await expect(request(transport, 'page/opened', bad)).rejects.toMatchObject({ code: 'bad-message' });
    expect(transport).not.toHaveBeenCalled();
  });

  it.each([
    ['nobody answers', async () => undefined, 'no-receiver'],
    ['the transport throws', async () => Promise.reject(new Error('Receiving end does not exist.')), 'no-receiver'],
    ['the reply is malformed', async () => ({ ok: true, data: { tabId: 'x' } }), 'bad-message'],
    [
      'the reply is an error',
      async () => ({ ok: false, error: { code: 'handler-failed', message: 'quota' } }),
      'handler-failed',
    ],
  ])('throws a MessagingError when %s', async (_label, transport, code) => {
    const failure = request(transport, 'page/opened', page);
    await expect(failure).rejects.toBeInstanceOf(MessagingError);
    await expect(failure).rejects.toMatchObject({ code });
  });
});
