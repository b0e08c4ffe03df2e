import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dragAcross,
  launchExtension,
  openFixture,
  pressKeys,
  selectPhrase,
  storedQuotes,
  waitForRole,
  type ExtensionSession,
} from './harness';

// Issue 11 in Firefox ESR: a page's own script (tests/fixtures/pages/forgery.js) tries to get words
// the researcher did not choose saved. Each route saves nothing; the control, the same gesture on a
// page that does not interfere, saves the researcher's words, so the routes can fail.

const WORDS = 'Judge Halina Krasnova refused';
const BAIT = 'Marfa Rabkova admitted every charge';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

/** Selects the researcher's words and, if the toolbar offers "Person", clicks where it is drawn. */
async function selectAndClickPerson(page: Page): Promise<void> {
  await dragAcross(page, WORDS);
  const button = await waitForRole(page, 'button', 'Person').catch(() => null);
  const box = await button?.boundingBox();
  if (box) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await new Promise((r) => setTimeout(r, 800));
}

const saved = async () => (await storedQuotes(session)).filter((q) => q.includes('Krasnova') || q.includes('Rabkova'));

describe('forged records in Firefox', () => {
  it('control: the researcher’s own selection is saved', async () => {
    const page = await openFixture(session, '/hostile-forgery.html');
    await selectAndClickPerson(page);
    expect(await saved()).toEqual([WORDS]);
    await page.close();
  });

  it.each([
    { name: 'bait swapped in at the mouseup', query: '?swap=sync' },
    { name: 'bait swapped in on the way to the toolbar', query: '?swap=move' },
  ])('saves nothing when the page has $name', async ({ query }) => {
    const page = await openFixture(session, `/hostile-forgery.html${query}`);
    await selectAndClickPerson(page);
    expect(await saved()).toEqual([WORDS]); // only the control's
    await page.close();
  });

  it('saves nothing when a page button selects bait and asks for 1', async () => {
    const page = await openFixture(session, '/hostile-forgery.html');
    await page.click('#read-letter');
    expect(await page.evaluate(() => getSelection()?.toString())).toContain(BAIT);
    await pressKeys(page, '1');
    await new Promise((r) => setTimeout(r, 800));
    expect(await saved()).toEqual([WORDS]);
    await page.close();
  });

  it('saves nothing when the page made the toolbar transparent', async () => {
    const page = await openFixture(session, '/hostile-forgery.html');
    await selectPhrase(page, WORDS);
    const button = await waitForRole(page, 'button', 'Person');
    const box = (await button.boundingBox())!;
    expect(
      await page.evaluate(() =>
        (window as unknown as { hideAnnotatorHost(how: string): boolean }).hideAnnotatorHost('opacity'),
      ),
    ).toBe(true);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await new Promise((r) => setTimeout(r, 800));
    expect(await saved()).toEqual([WORDS]);
    await page.close();
  });
});
