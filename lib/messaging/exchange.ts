import * as z from 'zod/mini';
import { Reply, type ErrorCode } from './protocol-core';

// What both sending paths share: the error they throw, the transport they use and how a reply
// envelope turns into data or that error. No protocol table here, so the content script's path
// stays free of the record schemas.

/** A failed exchange, carrying the protocol's error code for the UI to explain. */
export class MessagingError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MessagingError';
  }
}

/** The transport: runtime.sendMessage or a tabs.sendMessage bound to one tab. */
export type Transport = (message: unknown) => Promise<unknown>;

/**
 * Sends `{ type, payload }` and returns the reply's data, checked against `result` (any data when
 * no schema is given), or throws MessagingError.
 */
export async function exchange(
  transport: Transport,
  type: string,
  payload: unknown,
  result: z.ZodMiniType = z.unknown(),
): Promise<unknown> {
  let raw: unknown;
  try {
    raw = await transport({ type, payload });
  } catch (error) {
    throw new MessagingError('no-receiver', error instanceof Error ? error.message : String(error));
  }
  if (raw === undefined) throw new MessagingError('no-receiver', `${type}: nobody answered`);
  const reply = Reply(result).safeParse(raw);
  if (!reply.success) throw new MessagingError('bad-message', `${type}: malformed reply`);
  if (!reply.data.ok) throw new MessagingError(reply.data.error.code, reply.data.error.message);
  return reply.data.data;
}
