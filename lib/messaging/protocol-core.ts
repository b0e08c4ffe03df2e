import * as z from 'zod/mini';

// The pieces every protocol table shares: how a message is declared and what a reply looks like.
// Kept apart from the tables so the content script can load its own small table without the
// background's record schemas (its 30 KB budget, issue 4).

/** Who is allowed to send a message; checked against the browser's `sender` on arrival. */
export type SenderKind = 'content-script' | 'extension-page';

/** Bounded text: keeps a hostile page from pushing megabytes through the message channel. */
export const shortText = (max: number) => z.string().check(z.maxLength(max));

/** The payload of messages that carry nothing. */
export const Empty = z.strictObject({});

/** Declares one message kind: its allowed senders and the shapes of its payload and result. */
export function message<P extends z.ZodMiniType, R extends z.ZodMiniType>(
  from: SenderKind | readonly SenderKind[],
  payload: P,
  result: R,
) {
  return { from: typeof from === 'string' ? [from] : from, payload, result };
}

/** One row of a protocol table, as `message` builds it. */
export type Declaration = ReturnType<typeof message<z.ZodMiniType, z.ZodMiniType>>;
/** A protocol table: message type to its declaration. */
export type Table = Record<string, Declaration>;

/** Error codes a reply can carry; the UI maps them to words a researcher understands. */
export const ErrorCode = z.enum(['bad-message', 'forbidden-sender', 'handler-failed', 'no-receiver']);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** The wire form of every reply: success with data, or a typed error, never a thrown exception. */
export const Reply = <R extends z.ZodMiniType>(result: R) =>
  z.union([
    z.strictObject({ ok: z.literal(true), data: result }),
    z.strictObject({
      ok: z.literal(false),
      error: z.strictObject({ code: ErrorCode, message: shortText(4000) }),
    }),
  ]);

/** Narrowing guard for message type names arriving from outside, against one table. */
export function isTypeIn<P extends Table>(table: P, value: unknown): value is keyof P & string {
  return typeof value === 'string' && Object.hasOwn(table, value);
}
