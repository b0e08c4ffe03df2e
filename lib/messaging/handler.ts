import {
  isMessageType,
  protocol,
  Reply,
  type ErrorCode,
  type MessageType,
  type PayloadOf,
  type ReplyOf,
  type ResultOf,
} from './protocol';
import { isAllowedSender, type ExtensionIdentity, type MessageSenderInfo } from './sender';

// One place turns an untrusted incoming value into a validated call of a typed handler.
// Whatever arrives, the caller gets a reply object back; nothing thrown escapes to the browser.

/** A typed handler for one message kind. */
export type Handler<T extends MessageType> = (
  payload: PayloadOf<T>,
  sender: MessageSenderInfo,
) => Promise<ResultOf<T>> | ResultOf<T>;

/** The handlers one context provides; a context handles only the messages addressed to it. */
export type Handlers = { [T in MessageType]?: Handler<T> };

/** What `createMessageHandler` returns: undefined means "not for this context, stay silent". */
export type IncomingHandler = (raw: unknown, sender: MessageSenderInfo) => Promise<ReplyOf<MessageType>> | undefined;

const failure = (code: ErrorCode, message: string) => ({ ok: false as const, error: { code, message } });

function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  const first = issues[0];
  if (!first) return 'invalid value';
  const path = first.path.map(String).join('.');
  return path ? `${path}: ${first.message}` : first.message;
}

/**
 * Builds the listener body for one context. `answerUnknown` is true only in the background,
 * the one receiver that must answer malformed messages; other contexts stay silent so they do not
 * race the background to reply.
 */
export function createMessageHandler(
  self: ExtensionIdentity,
  handlers: Handlers,
  options: { answerUnknown: boolean },
): IncomingHandler {
  return (raw, sender) => {
    const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
    if (!isMessageType(type) || !handlers[type]) {
      return options.answerUnknown
        ? Promise.resolve(failure('bad-message', 'unknown or missing message type'))
        : undefined;
    }
    return handle(type, raw as { payload?: unknown }, sender, self, handlers);
  };
}

async function handle<T extends MessageType>(
  type: T,
  raw: { payload?: unknown },
  sender: MessageSenderInfo,
  self: ExtensionIdentity,
  handlers: Handlers,
): Promise<ReplyOf<MessageType>> {
  const declaration = protocol[type];
  if (!declaration.from.some((kind) => isAllowedSender(kind, sender, self))) {
    return failure('forbidden-sender', `${type} is not accepted from this sender`);
  }
  const payload = declaration.payload.safeParse(raw.payload);
  if (!payload.success) return failure('bad-message', `${type}: ${describeIssues(payload.error.issues)}`);
  try {
    const handler = handlers[type] as Handler<T>;
    const data = await handler(payload.data as PayloadOf<T>, sender);
    const reply = Reply(declaration.result).safeParse({ ok: true, data });
    if (!reply.success) return failure('handler-failed', `${type} produced an invalid result`);
    return reply.data as ReplyOf<T>;
  } catch (error) {
    return failure('handler-failed', error instanceof Error ? error.message : String(error));
  }
}
