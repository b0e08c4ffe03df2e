import { describe, expect, it, vi } from 'vitest';
import { MessagingError } from '@/lib/messaging/client';
import { createMessageHandler } from '@/lib/messaging/handler';
import { sendToBackground } from '@/lib/messaging/send-to-background';
import type { PageDescription } from '@/lib/messaging/protocol';

const self = { runtimeId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const contentSender = { id: 'ext-id', url: 'https://news.example/a', tab: { id: 7 } };
const page: PageDescription = {
  url: 'https://news.example/a',
  title: 'T',
  canonicalUrl: null,
  lang: null,
  textLength: 1,
};

// The content script's path carries no payload schemas: the background's handler is the check.
const background = (onOpened = vi.fn(async () => ({ tabId: 7, discreet: false }))) => {
  const handler = createMessageHandler(self, { 'page/opened': onOpened }, { answerUnknown: true });
  return { onOpened, transport: (m: unknown) => handler(m, contentSender)! };
};

describe('sendToBackground', () => {
  it('round-trips through the background handler and returns the typed result', async () => {
    const { onOpened, transport } = background();
    await expect(sendToBackground(transport, 'page/opened', page)).resolves.toEqual({ tabId: 7, discreet: false });
    expect(onOpened).toHaveBeenCalledWith(page, contentSender);
  });

  it.each([
    ['a negative length', { ...page, textLength: -1 }],
    ['a non-http URL', { ...page, url: 'javascript:alert(1)' }],
    ['an extra field', { ...page, script: 'alert(1)' }],
  ])('sends a payload with %s, which the background refuses before its handler runs', async (_label, bad) => {
    const { onOpened, transport } = background();
    const failure = sendToBackground(transport, 'page/opened', bad as PageDescription);
    await expect(failure).rejects.toBeInstanceOf(MessagingError);
    await expect(failure).rejects.toMatchObject({
      code: 'bad-message',
      message: expect.stringMatching(/^page\/opened: /),
    });
    expect(onOpened).not.toHaveBeenCalled();
  });

  it.each([
    ['nobody answers', async () => undefined, 'no-receiver'],
    ['the transport throws', async () => Promise.reject(new Error('Receiving end does not exist.')), 'no-receiver'],
    ['the reply is not a reply envelope', async () => ({ tabId: 7 }), 'bad-message'],
    [
      'the reply carries an unknown error code',
      async () => ({ ok: false, error: { code: 'x', message: 'm' } }),
      'bad-message',
    ],
    [
      'the reply is an error',
      async () => ({ ok: false, error: { code: 'forbidden-sender', message: 'no' } }),
      'forbidden-sender',
    ],
  ])('throws a MessagingError when %s', async (_label, transport, code) => {
    const failure = sendToBackground(transport, 'page/opened', page);
    await expect(failure).rejects.toBeInstanceOf(MessagingError);
    await expect(failure).rejects.toMatchObject({ code });
  });
});
