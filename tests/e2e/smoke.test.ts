import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, openExtensionPage, openFixture, screenshotRegion, type ExtensionSession } from './harness';
import { countPixels, isInk } from './pixels';

// The foundation's promise: the built extension loads in real Chromium, its content script runs on a
// news page and talks to the background, and its pages render.

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

describe('the built extension in Chromium', () => {
  it('starts its service worker', () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    expect(session.serviceWorker.url()).toBe(`chrome-extension://${session.extensionId}/background.js`);
  });

  it('runs the content script on a fixture page, which reports the page to the background', async () => {
    const page = await openFixture(session, '/release-digest.html');
    const title = await page.title();
    const stored = await session.serviceWorker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      for (let i = 0; i < 50; i++) {
        const items = await chrome.storage.session.get(`tab-page:${tab!.id}`);
        if (items[`tab-page:${tab!.id}`]) return items[`tab-page:${tab!.id}`];
        await new Promise((r) => setTimeout(r, 100));
      }
      return null;
    }, page.url());
    expect(stored).toMatchObject({
      url: page.url(),
      title,
      canonicalUrl: expect.stringMatching(/^https:\/\/rights-monitor\.example\//),
      lang: 'en',
    });
  });

  it("answers page/describe from the content script; the page's own scripts have no channel to it", async () => {
    const page = await openFixture(session, '/monthly-review.html');
    const reply = await session.serviceWorker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      return chrome.tabs.sendMessage(tab!.id!, { type: 'page/describe', payload: {} }, { frameId: 0 });
    }, page.url());
    expect(reply).toMatchObject({ ok: true, data: { url: page.url(), lang: 'en' } });
    expect((reply as { data: { textLength: number } }).data.textLength).toBeGreaterThan(10_000);
    // The page's own scripts have no extension messaging at all.
    expect(
      await page.evaluate(
        () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
      ),
    ).toBe('undefined');
  });

  it('answers a malformed or misdirected message with an error, and keeps working', async () => {
    const panel = await openExtensionPage(session, 'sidepanel.html');
    const replies = await panel.evaluate(async () => [
      await chrome.runtime.sendMessage({ nonsense: true }),
      await chrome.runtime.sendMessage({ type: 'page/opened', payload: { url: 'https://x.example/' } }),
    ]);
    expect(replies[0]).toMatchObject({ ok: false, error: { code: 'bad-message' } });
    expect(replies[1]).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const page = await openFixture(session, '/index.html');
    const alive = await session.serviceWorker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      return chrome.tabs.sendMessage(tab!.id!, { type: 'page/describe', payload: {} }, { frameId: 0 });
    }, page.url());
    expect(alive).toMatchObject({ ok: true });
  });

  it('renders the side panel page', async () => {
    const panel = await openExtensionPage(session, 'sidepanel.html');
    const heading = panel.getByRole('heading', { name: 'Source Annotator' });
    await heading.waitFor();
    await expect(panel.getByRole('heading', { name: 'This page' }).isVisible()).resolves.toBe(true);
    await panel.getByText('Open a news page').waitFor();
    const box = (await heading.boundingBox())!;
    const shot = await screenshotRegion(panel, box);
    expect(countPixels(shot, isInk)).toBeGreaterThan(50);
  });
});
