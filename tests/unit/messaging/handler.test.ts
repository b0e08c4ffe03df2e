import { describe, expect, it, vi } from 'vitest';
import { createMessageHandler } from '@/lib/messaging/handler';
import type { PageDescription } from '@/lib/messaging/protocol';

const self = { runtimeId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const contentSender = { id: 'ext-id', url: 'https://news.example/a', tab: { id: 7 } };
const pageSender = { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' };
const page: PageDescription = {
  url: 'https://news.example/a',
  title: 'A report',
  canonicalUrl: null,
  lang: 'en',
  textLength: 120,
};

const background = (
  onOpened = vi.fn(async (_p: PageDescription, s: { tab?: { id?: number } }) => ({
    tabId: s.tab?.id ?? -1,
    discreet: false,
  })),
) => createMessageHandler(self, { 'page/opened': onOpened }, { answerUnknown: true });

describe('createMessageHandler', () => {
  it('calls the handler with the validated payload and replies with its result', async () => {
    const onOpened = vi.fn(async () => ({ tabId: 7, discreet: false }));
    const reply = await background(onOpened)({ type: 'page/opened', payload: page }, contentSender);
    expect(reply).toEqual({ ok: true, data: { tabId: 7, discreet: false } });
    expect(onOpened).toHaveBeenCalledWith(page, contentSender);
  });

  it.each([
    ['a string', 'hello'],
    ['null', null],
    ['no type', { payload: page }],
    ['an unknown type', { type: 'db/drop', payload: {} }],
    ['a prototype key as type', { type: '__proto__', payload: {} }],
  ])('answers %s with a bad-message error in the background', async (_label, raw) => {
    const reply = await background()(raw, contentSender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-message' } });
  });

  it('stays silent for messages another context handles, so it does not race the real receiver', () => {
    const content = createMessageHandler(self, { 'page/describe': () => page }, { answerUnknown: false });
    expect(content({ type: 'page/opened', payload: page }, contentSender)).toBeUndefined();
    expect(content('garbage', contentSender)).toBeUndefined();
  });

  it.each([
    ['a missing field', { ...page, title: undefined }],
    ['a wrong type', { ...page, textLength: 'many' }],
    ['an extra field', { ...page, script: 'alert(1)' }],
    ['a non-http URL', { ...page, url: 'javascript:alert(1)' }],
    ['an oversized title', { ...page, title: 'x'.repeat(2001) }],
  ])('refuses a payload with %s and names the field', async (_label, payload) => {
    const reply = await background()({ type: 'page/opened', payload }, contentSender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    if (reply && !reply.ok) expect(reply.error.message).toMatch(/^page\/opened: /);
  });

  it.each([
    ['another extension', { ...contentSender, id: 'other-ext' }],
    ['an extension page (not a content script)', pageSender],
    ['a content script without a tab', { id: 'ext-id', url: 'https://news.example/a' }],
  ])('refuses page/opened from %s', async (_label, sender) => {
    const reply = await background()({ type: 'page/opened', payload: page }, sender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('refuses page/describe from a web page context', async () => {
    const content = createMessageHandler(self, { 'page/describe': () => page }, { answerUnknown: false });
    expect(await content({ type: 'page/describe', payload: {} }, contentSender)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await content({ type: 'page/describe', payload: {} }, pageSender)).toEqual({ ok: true, data: page });
  });

  it('turns a throwing handler into an error reply', async () => {
    const reply = await background(vi.fn(async () => Promise.reject(new Error('disk full'))))(
      { type: 'page/opened', payload: page },
      contentSender,
    );
    expect(reply).toEqual({ ok: false, error: { code: 'handler-failed', message: 'disk full' } });
  });

  it('refuses to send a result that breaks the protocol', async () => {
    const broken = vi.fn(
      async () => ({ tabId: 'seven', discreet: false }) as unknown as { tabId: number; discreet: boolean },
    );
    const reply = await background(broken)({ type: 'page/opened', payload: page }, contentSender);
    expect(reply).toMatchObject({ ok: false, error: { code: 'handler-failed' } });
  });
});
