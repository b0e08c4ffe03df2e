import type { IncomingHandler } from './table-handler';
import type { MessageSenderInfo } from './sender';

// Adapts a validated handler to the browser's onMessage event. The reply goes through
// `sendResponse` with `return true`, which Chrome and Firefox both honour for asynchronous replies.

type Listener = (
  message: unknown,
  sender: MessageSenderInfo,
  sendResponse: (reply: unknown) => void,
) => boolean | undefined;

/** The slice of `runtime.onMessage` this module needs; lets tests pass a fake. */
export interface MessageEvent {
  addListener(listener: Listener): void;
  removeListener(listener: Listener): void;
}

/** Starts answering messages with `handler`; returns the function that stops it. */
export function listen(event: MessageEvent, handler: IncomingHandler): () => void {
  const listener: Listener = (message, sender, sendResponse) => {
    const pending = handler(message, sender);
    if (!pending) return undefined;
    void pending.then(sendResponse);
    return true;
  };
  event.addListener(listener);
  return () => event.removeListener(listener);
}
