import { describe, expect, it } from 'vitest';
import { isAllowedSender } from '@/lib/messaging/sender';

const self = { runtimeId: 'ext-id', extensionOrigin: 'chrome-extension://ext-id/' };

describe('isAllowedSender', () => {
  it.each([
    ['content-script', { id: 'ext-id', url: 'https://a.example/', tab: { id: 1 } }, true],
    ['content-script', { id: 'ext-id', url: 'http://127.0.0.1:8080/x', tab: { id: 1 } }, true],
    ['content-script', { id: 'ext-id', url: 'file:///etc/passwd', tab: { id: 1 } }, false],
    ['content-script', { id: 'ext-id', url: 'https://a.example/' }, false],
    ['content-script', { id: 'other', url: 'https://a.example/', tab: { id: 1 } }, false],
    ['extension-page', { id: 'ext-id', url: 'chrome-extension://ext-id/sidepanel.html' }, true],
    ['extension-page', { id: 'ext-id', url: 'chrome-extension://ext-id.evil/sidepanel.html' }, false],
    ['extension-page', { id: 'ext-id', url: 'https://a.example/', tab: { id: 1 } }, false],
    ['extension-page', { id: 'other', url: 'chrome-extension://ext-id/x.html' }, false],
    ['extension-page', {}, false],
  ] as const)('%s from %o → %s', (kind, sender, expected) => {
    expect(isAllowedSender(kind, sender, self)).toBe(expected);
  });
});
