import * as z from 'zod/mini';

// Every message that crosses a context boundary is declared here, once, with who may send it,
// what it carries and what it answers. Handlers, clients and tests all derive from this table.

/** Who is allowed to send a message; checked against the browser's `sender` on arrival. */
export type SenderKind = 'content-script' | 'extension-page';

// Bounded strings keep a hostile page from pushing megabytes through the message channel.
const shortText = (max: number) => z.string().check(z.maxLength(max));
const httpUrl = z.string().check(
  z.maxLength(8192),
  z.refine((value) => /^https?:\/\//i.test(value) && URL.canParse(value), 'must be an http(s) URL'),
);

/** What the content script can tell about the page it runs in, without touching page scripts. */
export const PageDescription = z.strictObject({
  url: httpUrl,
  title: shortText(2000),
  canonicalUrl: z.nullable(httpUrl),
  lang: z.nullable(shortText(64)),
  textLength: z.int().check(z.nonnegative()),
});
export type PageDescription = z.infer<typeof PageDescription>;

const Empty = z.strictObject({});

/** Declares one message kind: its allowed sender and the shapes of its payload and result. */
function message<P extends z.ZodMiniType, R extends z.ZodMiniType>(from: SenderKind, payload: P, result: R) {
  return { from, payload, result };
}

/** The protocol table: message type to its declaration. */
export const protocol = {
  /** Content script to background: a page with the content script has loaded. */
  'page/opened': message('content-script', PageDescription, z.strictObject({ tabId: z.int() })),
  /** Extension page to content script: describe the page you are running in. */
  'page/describe': message('extension-page', Empty, PageDescription),
};

export type Protocol = typeof protocol;
export type MessageType = keyof Protocol;
export type PayloadOf<T extends MessageType> = z.infer<Protocol[T]['payload']>;
export type ResultOf<T extends MessageType> = z.infer<Protocol[T]['result']>;

/** The wire form of a request. */
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: PayloadOf<T>;
}

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
export type ReplyOf<T extends MessageType> =
  { ok: true; data: ResultOf<T> } | { ok: false; error: { code: ErrorCode; message: string } };

/** Narrowing guard for message type names arriving from outside. */
export function isMessageType(value: unknown): value is MessageType {
  return typeof value === 'string' && Object.hasOwn(protocol, value);
}
