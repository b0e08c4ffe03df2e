import { protocol, type MessageType, type Protocol, type ReplyOf } from './protocol';
import { createTableHandler, type TableHandler, type TableHandlers } from './table-handler';
import type { ExtensionIdentity, MessageSenderInfo } from './sender';

// The receiving half over the whole protocol table, for the background and extension pages.
// The content script uses createTableHandler with its own small table instead (protocol-content.ts).

/** A typed handler for one message kind. */
export type Handler<T extends MessageType> = TableHandler<Protocol, T>;

/** The handlers one context provides; a context handles only the messages addressed to it. */
export type Handlers = TableHandlers<Protocol>;

/** What `createMessageHandler` returns: undefined means "not for this context, stay silent". */
export type IncomingHandler = (raw: unknown, sender: MessageSenderInfo) => Promise<ReplyOf<MessageType>> | undefined;

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
  // Every success reply's data has passed its declaration's result schema, so it is a ReplyOf.
  return createTableHandler(protocol, self, handlers, options) as IncomingHandler;
}
