import { browser } from 'wxt/browser';
import type { Transport } from './client';
import type { ExtensionIdentity } from './sender';

// The only file in lib/messaging that touches the real browser API: everything else is testable
// with plain values.

/** This extension's id and origin, as the sender checks need them. */
export function selfIdentity(): ExtensionIdentity {
  return { runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') };
}

/** Sends to the background (and other extension pages, which stay silent for messages not theirs). */
export const toBackground: Transport = (message) => browser.runtime.sendMessage(message);

/** Sends to the content script of one tab's top frame. */
export const toTab =
  (tabId: number): Transport =>
  (message) =>
    browser.tabs.sendMessage(tabId, message, { frameId: 0 });
