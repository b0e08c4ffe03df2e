import { bench, describe } from 'vitest';
import { createMessageHandler } from '@/lib/messaging/handler';

// Every message is validated on arrival; this keeps an eye on what that costs per message.
const self = { runtimeId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };
const sender = { id: 'ext-id', url: 'https://news.example/a', tab: { id: 7 } };
const handler = createMessageHandler(
  self,
  { 'page/opened': () => ({ tabId: 7, discreet: false }) },
  { answerUnknown: true },
);
const message = {
  type: 'page/opened',
  payload: {
    url: 'https://news.example/2024/02/06/review',
    title: 'Human rights situation in Belarus: January 2024',
    canonicalUrl: 'https://news.example/review',
    lang: 'en',
    textLength: 25_000,
  },
};

describe('message validation', () => {
  bench('validate and handle page/opened', async () => {
    await handler(message, sender);
  });
  bench('reject a malformed message', async () => {
    await handler({ type: 'page/opened', payload: { url: 42 } }, sender);
  });
});
