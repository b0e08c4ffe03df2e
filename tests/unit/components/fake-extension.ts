import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { getAnnotation, putAnnotation } from '@/lib/db/records';
import type { MessageType, PayloadOf } from '@/lib/messaging/protocol';
import type { RecordsContext } from '@/lib/records/edit';

// The other ends of the panel's messages, for component tests: a background that writes a
// highlight's note as the real one does (the one writer of highlights), and a tab whose content
// script answers what the test says. Each returns its mock, to see what was sent; both are undone
// by vi.restoreAllMocks().

type Sent = { type: MessageType; payload: unknown };
type Answer = (payload: unknown) => unknown;

const ok = (data: unknown) => ({ ok: true, data });

/** Error reply, as a handler that threw sends it. */
export const failed = (message: string) => ({ ok: false, error: { code: 'handler-failed', message } });

/** The background: `annotation/update` writes the note to `ctx.db` unless `reply` answers first (return undefined to go on). */
export function fakeBackground(ctx: RecordsContext, reply?: (message: Sent) => unknown) {
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: Sent) => {
    const early = reply?.(message);
    if (early !== undefined) return early;
    if (message.type !== 'annotation/update') return failed(`unexpected ${message.type}`);
    const { id, note } = message.payload as PayloadOf<'annotation/update'>;
    const current = await getAnnotation(ctx.db, id);
    if (!current) return failed('That highlight no longer exists.');
    return ok(await putAnnotation(ctx.db, { ...current, note: note ?? current.note, modified: ctx.now() }));
  }) as never);
}

/** The content script of any tab: answers the message types given, fails the others as a missing receiver would. */
export function fakeTab(answers: Partial<Record<MessageType, Answer>>) {
  return vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, message: Sent) => {
    const answer = answers[message.type];
    if (!answer) throw new Error('Could not establish connection. Receiving end does not exist.');
    return ok(await answer(message.payload));
  }) as never);
}

/** The messages of `type` a mock was sent, as payloads. */
export function sentOf(mock: { mock: { calls: unknown[][] } }, type: MessageType): unknown[] {
  return mock.mock.calls
    .map((call) => call.find((a) => typeof a === 'object') as Sent)
    .filter((m) => m.type === type)
    .map((m) => m.payload);
}
