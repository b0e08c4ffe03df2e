import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickRole } from './accessibility';
import {
  launchExtension,
  openFixture,
  phraseBox,
  screenshotRegion,
  selectPhrase,
  type ExtensionSession,
} from './harness';
import { countPixels, near } from './pixels';
import { PERSON_PINK } from '../support/colours';

// Highlights are drawn over the page, not in it: a highlight whose words scroll out of sight inside
// a box of their own (a live log, a comment thread) must not be drawn over what is outside the box.

const NAME = 'Volha Zalatar';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

/** Pink pixels in a viewport region. */
const pink = async (page: Page, region: { x: number; y: number; width: number; height: number }) =>
  countPixels(await screenshotRegion(page, region), near(PERSON_PINK));

describe('a highlight inside a scrolling box', () => {
  it('is painted while its words are in the box, and nowhere outside the box when they scroll out', async () => {
    const page = await openFixture(session, '/scroll-box.html');
    await page.waitForSelector('source-annotator-ui', { state: 'attached' });
    await selectPhrase(page, NAME);
    await clickRole(page, 'button', 'Person');
    const words = await phraseBox(page, NAME);
    await expect.poll(() => pink(page, words)).toBeGreaterThan(100);

    const box = await page.locator('#log').boundingBox();
    // Scroll the log so the words sit above its top edge, over the page's own blank margin.
    const shift = words.y + words.height - box!.y + 30;
    await page.locator('#log').evaluate((log, by) => log.scrollBy(0, by), shift);
    const wouldBe = { ...words, y: Math.max(0, Math.floor(words.y - shift)) };
    expect(wouldBe.y + wouldBe.height).toBeLessThan(box!.y);
    await expect
      .poll(() => pink(page, { x: wouldBe.x, y: wouldBe.y, width: wouldBe.width, height: wouldBe.height }))
      .toBe(0);
    // Scrolled back, it is painted again.
    await page.locator('#log').evaluate((log, by) => log.scrollBy(0, -by), shift);
    await expect.poll(() => pink(page, words)).toBeGreaterThan(100);
  });
});
