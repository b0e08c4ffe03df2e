import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickRole, waitForRole } from './accessibility';
import {
  type ExtensionSession,
  launchExtension,
  openExtensionPage,
  phraseBox,
  screenshotRegion,
  selectPhrase,
  tabIdOf,
} from './harness';
import { countPixels, near } from './pixels';
import { storedRecords } from './records-store';
import { PERSON_PINK } from '../support/colours';

// Issue 11: a page's canonical URL comes from the page's own DOM. A copy of a story on another
// site that declares the story's canonical URL must neither see the story's records nor file its
// own highlights under the story. `localhost` and `127.0.0.1` reach the same fixture server but
// are different sites, as two registrable domains are.

const STORY = '/hostile-story.html';
const CANONICAL_PATH = '/news/courts/volunteers-appeal/';
const COPY = '/copy/volunteers-appeal.html';
const STORY_HTML = readFileSync(resolve(`tests/fixtures/pages${STORY}`), 'utf8');
const PHRASE = 'Halina Krasnova';
const ON_COPY = 'Andrei Chapiuk';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

/** The same address on the other site: `localhost` for `127.0.0.1`. */
const onOtherSite = (url: string) => url.replace('//127.0.0.1:', '//localhost:');

async function openUrl(url: string): Promise<Page> {
  for (const tab of session.context.pages()) await tab.close();
  const page = await session.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('source-annotator-ui', { state: 'attached' });
  return page;
}

const pink = async (page: Page, phrase: string) =>
  countPixels(await screenshotRegion(page, await phraseBox(page, phrase)), near(PERSON_PINK));

/** Serves a copy of the story at COPY (on both hosts) declaring `canonical`. */
function serveCopy(canonical: string) {
  const link = `<link rel="canonical" href="${CANONICAL_PATH}">`;
  expect(STORY_HTML).toContain(link);
  session.server.override(COPY, STORY_HTML.replace(link, `<link rel="canonical" href="${canonical}">`));
}

describe('a copy of a story on another site, declaring the story’s canonical URL', () => {
  it('files a highlight on the story under its address and its own canonical URL', async () => {
    const page = await openUrl(session.server.url(STORY));
    await selectPhrase(page, PHRASE);
    await clickRole(page, 'button', 'Person');
    await expect.poll(() => pink(page, PHRASE), { timeout: 5_000 }).toBeGreaterThan(100);
    const { sources, highlights } = await storedRecords(session);
    expect(sources).toEqual([
      { id: expect.any(String), url: session.server.url(STORY), canonicalUrl: session.server.url(CANONICAL_PATH) },
    ]);
    expect(highlights).toEqual([expect.objectContaining({ quote: PHRASE, sourceId: sources[0]!.id })]);
  });

  it('control: a copy on the same site declaring that canonical URL is the same page, and shows it', async () => {
    serveCopy(session.server.url(CANONICAL_PATH));
    const page = await openUrl(session.server.url(COPY));
    await expect.poll(() => pink(page, PHRASE), { timeout: 5_000 }).toBeGreaterThan(100);
  });

  it('shows none of the story’s highlights on the other site, on the page or in the side panel', async () => {
    serveCopy(session.server.url(CANONICAL_PATH));
    const page = await openUrl(onOtherSite(session.server.url(COPY)));
    expect(page.url()).toMatch(/^http:\/\/localhost:\d+\//);
    expect(await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel=canonical]')!.href)).toBe(
      session.server.url(CANONICAL_PATH),
    );
    await page.waitForTimeout(2_000);
    expect(await pink(page, PHRASE)).toBe(0);
    const panel = await openExtensionPage(session, `sidepanel.html?tab=${await tabIdOf(session, page)}`);
    await panel.getByText('No highlights on this page yet').waitFor();
    expect(await panel.getByRole('list', { name: 'Highlights on this page' }).count()).toBe(0);
    await panel.close();
  });

  it('files a highlight made on the copy under the copy’s own address, leaving the story’s source as it was', async () => {
    const before = await storedRecords(session);
    serveCopy(session.server.url(CANONICAL_PATH));
    const copyUrl = onOtherSite(session.server.url(COPY));
    const page = await openUrl(copyUrl);
    await selectPhrase(page, ON_COPY);
    await waitForRole(page, 'toolbar', 'Annotate selection');
    await clickRole(page, 'button', 'Person');
    await expect.poll(() => pink(page, ON_COPY), { timeout: 5_000 }).toBeGreaterThan(100);

    const after = await storedRecords(session);
    const story = before.sources[0]!;
    const copy = after.sources.find((s) => s.id !== story.id);
    expect(after.sources).toHaveLength(2);
    expect(after.sources).toContainEqual(story);
    expect(copy).toEqual({ id: expect.any(String), url: copyUrl, canonicalUrl: null });
    expect(after.highlights.find((h) => h.quote === ON_COPY)?.sourceId).toBe(copy!.id);
    expect(after.highlights.filter((h) => h.sourceId === story.id)).toEqual(
      before.highlights.filter((h) => h.sourceId === story.id),
    );
  });
});
