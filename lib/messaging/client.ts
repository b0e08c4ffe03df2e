import { exchange, MessagingError, type Transport } from './exchange';
import { protocol, type MessageType, type PayloadOf, type ResultOf } from './protocol';

// The sending half of the protocol for extension pages and the background: payloads are checked
// before they leave and replies are checked when they arrive, so both ends can trust the types the
// protocol table promises. (The content script sends through send-to-background.ts instead.)

export { MessagingError, type Transport };

/** Sends one typed message over `transport` and returns its validated result, or throws MessagingError. */
export async function request<T extends MessageType>(
  transport: Transport,
  type: T,
  payload: PayloadOf<T>,
): Promise<ResultOf<T>> {
  const declaration = protocol[type];
  const checked = declaration.payload.safeParse(payload);
  if (!checked.success) throw new MessagingError('bad-message', `${type}: refused to send an invalid payload`);
  return (await exchange(transport, type, checked.data, declaration.result)) as ResultOf<T>;
}
