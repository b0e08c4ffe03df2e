import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forgetTabPage, readTabPage, rememberTabPage } from '@/lib/page/tab-pages';

const page = { url: 'https://news.example/a', title: 'A', canonicalUrl: null, lang: 'en', textLength: 10 };

describe('tab pages in session storage', () => {
  beforeEach(() => fakeBrowser.reset());

  it('remembers, reads back and forgets the page of a tab', async () => {
    const area = fakeBrowser.storage.session;
    await rememberTabPage(area, 4, page);
    expect(await readTabPage(area, 4)).toEqual(page);
    expect(await readTabPage(area, 5)).toBeNull();
    await forgetTabPage(area, 4);
    expect(await readTabPage(area, 4)).toBeNull();
  });

  it('treats a corrupted entry as unknown rather than trusting it', async () => {
    await fakeBrowser.storage.session.set({ 'tab-page:4': { url: 42 } });
    expect(await readTabPage(fakeBrowser.storage.session, 4)).toBeNull();
  });
});
