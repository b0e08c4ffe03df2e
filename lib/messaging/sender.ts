import type { SenderKind } from './protocol';

// The browser tells each listener who sent a message; these checks turn that into a yes or no,
// so a message meant for extension pages can never be accepted from a web page's content script.

/** The parts of `runtime.MessageSender` the checks look at. */
export interface MessageSenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number };
  /** 0 for a tab's top frame; the content script runs only there (see isAllowedSender). */
  frameId?: number;
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
  if (kind === 'content-script') {
    // The content script runs in top frames only (no `allFrames`), so a message from a frame, whose
    // document another site may supply, is not one of ours; the page is always the tab's top frame.
    if (sender.frameId !== undefined && sender.frameId !== 0) return false;
    return senderPage(sender) !== null;
  }
  return (sender.url ?? '').startsWith(self.extensionOrigin);
}

/**
 * The page a content script's message is about: the address the browser gives for the sender's tab
 * frame, never a value of the message. Null for extension pages and anything not an http(s) tab.
 */
export function senderPage(sender: MessageSenderInfo): string | null {
  const url = sender.url ?? '';
  return typeof sender.tab?.id === 'number' && /^https?:\/\//i.test(url) ? url : null;
}
