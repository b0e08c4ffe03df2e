import { describe, expect, it } from 'vitest';
import { isAllowedSender, senderPage, type MessageSenderInfo } from '@/lib/messaging/sender';

const self = { runtimeId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };

describe('isAllowedSender', () => {
  it.each([
    ['content-script', { id: 'ext-id', url: 'https://a.example/', tab: { id: 1 } }, true],
    ['content-script', { id: 'ext-id', url: 'https://a.example/', tab: { id: 1 }, frameId: 0 }, true],
    // A frame (issue 11): the content script does not run there, whatever its document says.
    ['content-script', { id: 'ext-id', url: 'https://a.example/', tab: { id: 1 }, frameId: 3 }, false],
    ['content-script', { id: 'ext-id', url: 'https://a.example/', tab: { id: 1 }, frameId: -1 }, false],
    ['content-script', { id: 'ext-id', url: 'http://127.0.0.1:8080/x', tab: { id: 1 } }, true],
    ['content-script', { id: 'ext-id', url: 'file:///etc/passwd', tab: { id: 1 } }, false],
    ['content-script', { id: 'ext-id', url: 'https://a.example/' }, false],
    ['content-script', { id: 'other', url: 'https://a.example/', tab: { id: 1 } }, false],
    ['extension-page', { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' }, true],
    ['extension-page', { id: 'ext-id', url: 'chrome-extension://ext-id.evil/sidepanel.html' }, false],
    ['extension-page', { id: 'ext-id', url: 'https://a.example/', tab: { id: 1 } }, false],
    ['extension-page', { id: 'other', url: 'chrome-extension://ext-id/x.html' }, false],
    ['extension-page', {}, false],
    ['extension-page', { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html', frameId: 0 }, true],
  ] as const)('%s from %o → %s', (kind, sender, expected) => {
    expect(isAllowedSender(kind, sender, self)).toBe(expected);
  });
});

describe('senderPage', () => {
  it.each<[string, MessageSenderInfo, string | null]>([
    [
      'a content script in a tab',
      { id: 'ext-id', url: 'https://a.example/x?y=1', tab: { id: 1 } },
      'https://a.example/x?y=1',
    ],
    ['tab id 0', { url: 'http://127.0.0.1:5179/p', tab: { id: 0 } }, 'http://127.0.0.1:5179/p'],
    ['no tab', { id: 'ext-id', url: 'https://a.example/' }, null],
    ['a tab without an id', { url: 'https://a.example/', tab: {} }, null],
    ['an extension page in a tab', { url: 'chrome-extension://ext-id/options.html', tab: { id: 2 } }, null],
    ['a file page', { url: 'file:///etc/passwd', tab: { id: 2 } }, null],
    ['no URL', { tab: { id: 2 } }, null],
  ])('%s → %s', (_label, sender, expected) => expect(senderPage(sender)).toBe(expected));
});
