import { protocol, Reply, type ErrorCode, type MessageType, type PayloadOf, type ResultOf } from './protocol';

// The sending half of the protocol: payloads are checked before they leave and replies are checked
// when they arrive, so both ends can trust the types the protocol table promises.

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

/** Sends one typed message over `transport` and returns its validated result, or throws MessagingError. */
export async function request<T extends MessageType>(
  transport: Transport,
  type: T,
  payload: PayloadOf<T>,
): Promise<ResultOf<T>> {
  const declaration = protocol[type];
  const checked = declaration.payload.safeParse(payload);
  if (!checked.success) throw new MessagingError('bad-message', `${type}: refused to send an invalid payload`);
  let raw: unknown;
  try {
    raw = await transport({ type, payload: checked.data });
  } catch (error) {
    throw new MessagingError('no-receiver', error instanceof Error ? error.message : String(error));
  }
  if (raw === undefined) throw new MessagingError('no-receiver', `${type}: nobody answered`);
  const reply = Reply(declaration.result).safeParse(raw);
  if (!reply.success) throw new MessagingError('bad-message', `${type}: malformed reply`);
  if (!reply.data.ok) throw new MessagingError(reply.data.error.code, reply.data.error.message);
  return reply.data.data as ResultOf<T>;
}
