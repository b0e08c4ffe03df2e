import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickRole, queryRole } from './accessibility';
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

// News sites that load text late or swap stories without a page load: highlights must follow.

const LATE_NAME = 'Ihar Losik';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

async function pink(page: Page, phrase: string) {
  return countPixels(await screenshotRegion(page, await phraseBox(page, phrase)), near(PERSON_PINK));
}

describe('a single-page news app', () => {
  let page: Page;

  it('annotates text that arrived after the page loaded', async () => {
    page = await openFixture(session, '/spa.html?story=court');
    await page.waitForSelector('source-annotator-ui', { state: 'attached' });
    await page.getByText(LATE_NAME).waitFor();
    await selectPhrase(page, LATE_NAME);
    await clickRole(page, 'button', 'Person');
    await expect.poll(() => pink(page, LATE_NAME)).toBeGreaterThan(100);
  });

  it('finds nothing to paint on another story, and paints again when the story comes back', async () => {
    await page.getByRole('link', { name: 'Release report' }).click();
    await page.getByText('Volha Chuprys').waitFor();
    expect(await page.getByText(LATE_NAME).count()).toBe(0);
    await page.getByRole('link', { name: 'Court report' }).click();
    // The highlighted sentence arrives 600 ms after the story: it must be painted when it does.
    await page.getByText(LATE_NAME).waitFor();
    await expect.poll(() => pink(page, LATE_NAME), { timeout: 3_000 }).toBeGreaterThan(100);
    expect(await queryRole(page, 'status', 'Highlights not found').then((n) => n.filter((x) => x.text))).toEqual([]);
  });

  it('shows it after a reload of the story address', async () => {
    await page.reload();
    await page.getByText(LATE_NAME).waitFor();
    await expect.poll(() => pink(page, LATE_NAME), { timeout: 3_000 }).toBeGreaterThan(100);
  });
});
