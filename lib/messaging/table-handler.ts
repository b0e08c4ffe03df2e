import type * as z from 'zod/mini';
import { isTypeIn, Reply, type ErrorCode, type Table } from './protocol-core';
import { isAllowedSender, type ExtensionIdentity, type MessageSenderInfo } from './sender';

// One place turns an untrusted incoming value into a validated call of a typed handler, against the
// table of the messages its context receives. Whatever arrives, the caller gets a reply object back;
// nothing thrown escapes to the browser.

/** A typed handler for message `T` of table `P`. */
export type TableHandler<P extends Table, T extends keyof P> = (
  payload: z.infer<P[T]['payload']>,
  sender: MessageSenderInfo,
) => Promise<z.infer<P[T]['result']>> | z.infer<P[T]['result']>;

/** The handlers one context provides for the messages of table `P` addressed to it. */
export type TableHandlers<P extends Table> = { [T in keyof P]?: TableHandler<P, T> };

/** A reply as the receiver sends it: success with data, or a typed error. */
export type AnyReply = { ok: true; data: unknown } | { ok: false; error: { code: ErrorCode; message: string } };

/** What a created handler returns: undefined means "not for this context, stay silent". */
export type IncomingHandler = (raw: unknown, sender: MessageSenderInfo) => Promise<AnyReply> | undefined;

const failure = (code: ErrorCode, message: string) => ({ ok: false as const, error: { code, message } });

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'invalid value';
  const path = first.path.map(String).join('.');
  return path ? `${path}: ${first.message}` : first.message;
}

/**
 * Builds the listener body for one context that receives the messages of `table`. `answerUnknown`
 * is true only in the background, the one receiver that must answer malformed messages; other
 * contexts stay silent so they do not race the background to reply.
 */
export function createTableHandler<P extends Table>(
  table: P,
  self: ExtensionIdentity,
  handlers: TableHandlers<P>,
  options: { answerUnknown: boolean },
): IncomingHandler {
  return (raw, sender) => {
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    if (!isTypeIn(table, type) || !handlers[type]) {
      return options.answerUnknown
        ? Promise.resolve(failure('bad-message', 'unknown or missing message type'))
        : undefined;
    }
    return handle(
      table[type]!,
      type,
      handlers[type] as TableHandler<P, typeof type>,
      raw as { payload?: unknown },
      sender,
      self,
    );
  };
}

async function handle(
  declaration: Table[string],
  type: string,
  handler: (payload: never, sender: MessageSenderInfo) => unknown,
  raw: { payload?: unknown },
  sender: MessageSenderInfo,
  self: ExtensionIdentity,
): Promise<AnyReply> {
  if (!declaration.from.some((kind) => isAllowedSender(kind, sender, self))) {
    return failure('forbidden-sender', `${type} is not accepted from this sender`);
  }
  const payload = declaration.payload.safeParse(raw.payload);
  if (!payload.success) return failure('bad-message', `${type}: ${describeIssues(payload.error.issues)}`);
  try {
    const data = await handler(payload.data as never, sender);
    const reply = Reply(declaration.result).safeParse({ ok: true, data });
    if (!reply.success) return failure('handler-failed', `${type} produced an invalid result`);
    return reply.data as AnyReply;
  } catch (error) {
    return failure('handler-failed', error instanceof Error ? error.message : String(error));
  }
}
