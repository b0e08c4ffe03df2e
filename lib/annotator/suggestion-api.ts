import { browser } from 'wxt/browser';
import { sendToBackground as request, sendSaveToBackground } from '../messaging/send-to-background';
import { toBackground } from '../messaging/browser-transport';
import type { SuggestionApi } from './page-suggestions';
import { SETTINGS_KEY } from '../settings/storage-keys';

/** The suggestions' requests, sent to the background as typed protocol messages the background validates on arrival. */
export const suggestionApi: SuggestionApi = {
  // Read raw, not through the settings schema, which the content script does not bundle; the
  // background checks the switch again before scanning.
  enabled: async () =>
    ((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY] as { suggestionsEnabled?: unknown } | undefined)
      ?.suggestionsEnabled !== false,
  scan: async (text) => (await request(toBackground, 'suggestions/scan', { text })).suggestions,
  accept: (input) => sendSaveToBackground(toBackground, 'suggestion/accept', { ...input, id: crypto.randomUUID() }),
  dismiss: async (key) => void (await request(toBackground, 'suggestion/dismiss', { key })),
  changed: () => void request(toBackground, 'page/changed', { what: 'suggestions' }).catch(() => undefined),
};
