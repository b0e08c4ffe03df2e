import { describe, expect, it, vi } from 'vitest';
import { MessagingError } from '@/lib/messaging/client';
import { plainReason, sendSaveToBackground } from '@/lib/messaging/send-to-background';
import type { PayloadOf } from '@/lib/messaging/protocol';

// Issue 13: the browser stops an MV3 service worker when it likes; a save whose answer is lost is
// sent once more with the same id (the background then returns the record it stored), and what
// the researcher reads is plain words, never a message name.

const payload = { id: '00000000-0000-4000-8000-000000000001' } as PayloadOf<'annotation/create'>;
const saved = { ok: true, data: { id: payload.id } };

describe('sendSaveToBackground', () => {
  it.each<[string, unknown[], number, boolean]>([
    ['answered at once', [saved], 1, true],
    ['nobody answered the first time (undefined reply)', [undefined, saved], 2, true],
    ['the connection failed the first time', [new Error('Could not establish connection.'), saved], 2, true],
    ['nobody answered twice', [undefined, undefined], 2, false],
    [
      'the background refused it (not retried)',
      [{ ok: false, error: { code: 'handler-failed', message: 'No.' } }],
      1,
      false,
    ],
  ])('%s', async (_label, replies, sends, ok) => {
    const queue = [...replies];
    const transport = vi.fn(async (message: unknown) => {
      expect(message).toEqual({ type: 'annotation/create', payload });
      const next = queue.shift();
      if (next instanceof Error) throw next;
      return next;
    });
    const result = sendSaveToBackground(transport, 'annotation/create', payload);
    if (ok) await expect(result).resolves.toEqual({ id: payload.id });
    else await expect(result).rejects.toBeInstanceOf(MessagingError);
    expect(transport).toHaveBeenCalledTimes(sends);
  });
});

describe('plainReason', () => {
  it.each([
    [
      new MessagingError('no-receiver', 'annotation/create: nobody answered'),
      'the extension restarted or did not answer; try again.',
    ],
    [new MessagingError('handler-failed', 'The disk is full.'), 'The disk is full.'],
    ['plain text', 'plain text'],
  ])('%s', (error, words) => {
    expect(plainReason(error)).toBe(words);
    expect(plainReason(error)).not.toMatch(/annotation\/create|nobody answered/);
  });
});
