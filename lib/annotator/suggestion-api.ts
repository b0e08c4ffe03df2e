import { sendToBackground as request } from '../messaging/send-to-background';
import { toBackground } from '../messaging/browser-transport';
import type { SuggestionApi } from './page-suggestions';

/** The suggestions' requests, sent to the background as typed protocol messages the background validates on arrival. */
export const suggestionApi: SuggestionApi = {
  scan: async (url, text) => (await request(toBackground, 'suggestions/scan', { url, text })).suggestions,
  accept: (input) => request(toBackground, 'suggestion/accept', input),
  dismiss: async (url, key) => void (await request(toBackground, 'suggestion/dismiss', { url, key })),
};
