import { exchange, MessagingError, type Transport } from './exchange';
import type { backgroundProtocol, PayloadOf, ResultOf } from './protocol';

// The content script's sending path. It does not bundle the schemas of the messages it only sends
// (they would put the whole record model, about 2 KB gzipped, into every web page; issue 4), as the
// checks that matter happen elsewhere:
// - the background validates every payload and sender on arrival (handler.ts) and refuses anything
//   malformed with a `bad-message` reply, which arrives here as a MessagingError as before;
// - the background validates its own result against the protocol before replying, and only this
//   extension's contexts can answer runtime.sendMessage (a page cannot), so the reply is trusted:
//   its envelope is still checked here, its data is typed at compile time from the protocol table.
// What the content script receives from outside is still fully validated (protocol-content.ts).

/** A message the background receives, so one the content script may send it. */
export type BackgroundMessageType = keyof typeof backgroundProtocol;

/** Sends one typed message to the background and returns its result, or throws MessagingError. */
export async function sendToBackground<T extends BackgroundMessageType>(
  transport: Transport,
  type: T,
  payload: PayloadOf<T>,
): Promise<ResultOf<T>> {
  return (await exchange(transport, type, payload)) as ResultOf<T>;
}

/**
 * Sends a save whose payload names its record's id, and sends it once more when nobody answered:
 * the browser may stop the service worker at any moment (MV3), and an answer lost that way says
 * nothing of whether the record was stored. The background treats a repeated id as the same save.
 */
export async function sendSaveToBackground<T extends 'annotation/create' | 'suggestion/accept'>(
  transport: Transport,
  type: T,
  payload: PayloadOf<T>,
): Promise<ResultOf<T>> {
  try {
    return await sendToBackground(transport, type, payload);
  } catch (error) {
    if (!(error instanceof MessagingError) || error.code !== 'no-receiver') throw error;
    return sendToBackground(transport, type, payload);
  }
}

/** Why a request failed, in the researcher's words: never a message name or a browser's phrase. */
export function plainReason(error: unknown): string {
  if (error instanceof MessagingError && error.code === 'no-receiver') {
    return 'the extension restarted or did not answer; try again.';
  }
  return error instanceof Error ? error.message : String(error);
}
