import type { SenderKind } from './protocol';

// The browser tells each listener who sent a message; these checks turn that into a yes or no,
// so a message meant for extension pages can never be accepted from a web page's content script.

/** The parts of `runtime.MessageSender` the checks look at. */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
}

/** Where this extension lives, so senders can be compared against it. */
export interface ExtensionIdentity {
  runtimeId: string;
  /** The extension's own origin with a trailing slash, e.g. `chrome-extension://abc/`. */
  extensionOrigin: string;
}

/** True when `sender` is the kind of context the message declaration allows. */
export function isAllowedSender(kind: SenderKind, sender: MessageSenderInfo, self: ExtensionIdentity): boolean {
  if (sender.id !== self.runtimeId) return false;
  const url = sender.url ?? '';
  if (kind === 'content-script') {
    return typeof sender.tab?.id === 'number' && /^https?:\/\//i.test(url);
  }
  return url.startsWith(self.extensionOrigin);
}
