import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { selfIdentity } from '@/lib/messaging/browser-transport';
import { protocol, type PayloadOf } from '@/lib/messaging/protocol';
import { isAllowedSender, type MessageSenderInfo } from '@/lib/messaging/sender';

// The content script says when what its page shows changed (`page/changed`): its suggestions, or its
// highlights shown in discreet mode. The panel beside that tab reloads that part then, instead of
// asking every few seconds. It never answers: the background does.

type What = PayloadOf<'page/changed'>['what'];

/** Calls `onChange` whenever the content script of tab `tabId` says `what` changed. */
export function usePageChanges(tabId: number, what: What, onChange: () => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    const self = selfIdentity();
    const listener = (message: unknown, sender: MessageSenderInfo): undefined => {
      if (!isAllowedSender('content-script', sender, self) || sender.tab?.id !== tabId) return;
      const envelope = message as { type?: unknown; payload?: unknown } | null;
      if (envelope?.type !== 'page/changed') return;
      const payload = protocol['page/changed'].payload.safeParse(envelope.payload);
      if (payload.success && payload.data.what === what) latest.current();
    };
    browser.runtime.onMessage.addListener(listener);
    return () => browser.runtime.onMessage.removeListener(listener);
  }, [tabId, what]);
}
