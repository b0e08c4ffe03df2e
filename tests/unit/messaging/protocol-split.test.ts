import { describe, expect, it, vi } from 'vitest';
import { backgroundProtocol, protocol } from '@/lib/messaging/protocol';
import { contentProtocol } from '@/lib/messaging/protocol-content';
import { createTableHandler } from '@/lib/messaging/table-handler';

const self = { runtimeId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const panel = { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' };
const contentSender = { id: 'ext-id', url: 'https://news.example/a', tab: { id: 7 } };

describe('the protocol split by receiver', () => {
  it('gives every message exactly one receiving table, and the union is the whole protocol', () => {
    const content = Object.keys(contentProtocol);
    const background = Object.keys(backgroundProtocol);
    expect(content.filter((type) => background.includes(type))).toEqual([]);
    expect([...content, ...background].sort()).toEqual(Object.keys(protocol).sort());
  });

  it('lets only extension pages send to the content script', () => {
    for (const [type, declaration] of Object.entries(contentProtocol)) {
      expect({ type, from: declaration.from }).toEqual({ type, from: ['extension-page'] });
    }
  });
});

describe('the content script handler over its own table', () => {
  const act = vi.fn(async () => ({ done: true }));
  const handler = createTableHandler(contentProtocol, self, { 'suggestion/act': act }, { answerUnknown: false });
  const valid = { id: 12, quote: 'Ales Bialiatski', action: 'accept' };

  it.each([
    {
      label: 'a valid message from the side panel',
      raw: { type: 'suggestion/act', payload: valid },
      sender: panel,
      expected: { ok: true, data: { done: true } },
    },
    {
      label: 'a negative offset',
      raw: { type: 'suggestion/act', payload: { ...valid, id: -1 } },
      sender: panel,
      expected: { ok: false, error: { code: 'bad-message' } },
    },
    {
      label: 'an unknown action',
      raw: { type: 'suggestion/act', payload: { ...valid, action: 'delete' } },
      sender: panel,
      expected: { ok: false, error: { code: 'bad-message' } },
    },
    {
      label: 'an extra field',
      raw: { type: 'suggestion/act', payload: { ...valid, html: '<b>' } },
      sender: panel,
      expected: { ok: false, error: { code: 'bad-message' } },
    },
    {
      label: 'a content-script sender',
      raw: { type: 'suggestion/act', payload: valid },
      sender: contentSender,
      expected: { ok: false, error: { code: 'forbidden-sender' } },
    },
  ])('answers $label as expected', async ({ raw, sender, expected }) => {
    act.mockClear();
    const reply = await handler(raw, sender);
    expect(reply).toMatchObject(expected);
    expect(act).toHaveBeenCalledTimes(expected.ok ? 1 : 0);
  });

  it('stays silent for a message the background receives', () => {
    expect(handler({ type: 'page/opened', payload: {} }, contentSender)).toBeUndefined();
  });
});
