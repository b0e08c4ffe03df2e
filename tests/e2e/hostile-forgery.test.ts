import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleCentre, waitForNoRole, waitForRole } from './accessibility';
import {
  dragAcross,
  type ExtensionSession,
  launchExtension,
  openFixture,
  pressKeys,
  selectPhrase,
  tabIdOf,
} from './harness';
import { storedQuotes } from './records-store';

// Issue 11: the page's own script tries to make the researcher's extension save words the
// researcher did not choose (tests/fixtures/pages/forgery.js). Every route saves nothing; the
// controls at the end show that the same gestures save when the page does not interfere, so the
// zeros are the extension refusing, not the gestures missing.

const PAGE = '/hostile-forgery.html';
const PHRASE = 'Halina Krasnova';
const BAIT = 'Marfa Rabkova admitted every charge and asked the court to assign her no lawyer.';
const NOTICE = 'Comments on this story have been closed by the editors.';

let session: ExtensionSession;
beforeAll(async () => {
  session = await launchExtension();
});
afterAll(async () => {
  await session?.close();
});

/** Opens a page as the only tab, once the extension's host is in it. */
async function open(path: string): Promise<Page> {
  for (const tab of session.context.pages()) await tab.close();
  const page = await openFixture(session, path);
  await page.waitForSelector('source-annotator-ui', { state: 'attached' });
  return page;
}

const selection = (page: Page) => page.evaluate(() => getSelection()?.toString() ?? '');

/** Gives a save that was wrongly started the time to reach the database, then reads it. */
async function quotesAfterAWhile(page: Page) {
  await page.waitForTimeout(1_000);
  return storedQuotes(session);
}

/** The kind the content script saves from the selection, as the context menu or the command asks. */
function annotateFromBackground(page: Page, selectionText: string | null) {
  return tabIdOf(session, page).then((tabId) =>
    session.serviceWorker.evaluate(
      ({ tabId, selectionText }) =>
        chrome.tabs.sendMessage(
          tabId,
          { type: 'selection/annotate', payload: { kind: 'person', selectionText } },
          { frameId: 0 },
        ),
      { tabId, selectionText },
    ),
  );
}

describe('a page forging the researcher’s records', () => {
  it('saves nothing when the page swaps an invisible bait into the selection at the mouseup', async () => {
    const page = await open(`${PAGE}?swap=sync`);
    await dragAcross(page, PHRASE);
    expect(await selection(page)).toBe(BAIT);
    // The toolbar shows for the words selected at the mouseup, the bait, and refuses them.
    await waitForRole(page, 'toolbar', 'Annotate selection');
    expect(await waitForRole(page, 'alert')).toMatch(/hidden on the page: nothing is saved/);
    const person = await roleCentre(page, 'button', 'Person');
    await page.mouse.click(person.x, person.y);
    expect(await quotesAfterAWhile(page)).toEqual([]);
  });

  it('saves nothing when the page swaps the bait in as the pointer travels to "Person"', async () => {
    const page = await open(`${PAGE}?swap=move`);
    await selectPhrase(page, PHRASE);
    const person = await roleCentre(page, 'button', 'Person');
    await page.mouse.move(person.x, person.y, { steps: 4 });
    expect(await selection(page)).toBe(BAIT);
    // The selection changed after the gesture: the toolbar closed.
    await waitForNoRole(page, 'toolbar', 'Annotate selection');
    await page.mouse.click(person.x, person.y);
    expect(await quotesAfterAWhile(page)).toEqual([]);
  });

  it('saves nothing when a page button selects words on mouseup and asks for "1"', async () => {
    const page = await open(PAGE);
    for (const [button, selected] of [
      ['Read the full letter', BAIT],
      ['Why are comments closed?', NOTICE],
    ] as const) {
      await page.getByRole('button', { name: button }).click();
      await expect.poll(() => page.locator('#hint').textContent()).toMatch(/^Press 1/);
      expect(await selection(page)).toBe(selected);
      await waitForRole(page, 'toolbar', 'Annotate selection');
      await pressKeys(page, '1');
    }
    expect(await quotesAfterAWhile(page)).toEqual([]);
  });

  for (const how of ['opacity', 'parent'] as const) {
    it(`saves nothing when the page hides the toolbar (${how}) and the researcher clicks where "Person" is`, async () => {
      const page = await open(PAGE);
      await selectPhrase(page, PHRASE);
      const person = await roleCentre(page, 'button', 'Person');
      expect(await page.evaluate((how) => (window as unknown as Hidable).hideAnnotatorHost(how), how)).toBe(true);
      // The click still lands on the button, now invisible: a decoy drawn under it would get it.
      expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.localName, person)).toBe(
        'source-annotator-ui',
      );
      await page.mouse.click(person.x, person.y);
      expect(await quotesAfterAWhile(page)).toEqual([]);
    });
  }

  it('saves nothing from the context menu when the page’s selection is not what the menu saw', async () => {
    const page = await open(PAGE);
    await selectPhrase(page, PHRASE);
    expect(await annotateFromBackground(page, 'words that are not selected')).toEqual({
      ok: true,
      data: { created: false },
    });
    expect(await waitForRole(page, 'alert')).toMatch(/selection changed/);
    expect(await quotesAfterAWhile(page)).toEqual([]);
  });

  it('saves nothing from the keyboard command when the page made the selection itself', async () => {
    const page = await open(PAGE);
    await page.evaluate(() => {
      const text = document.getElementById('notice')!.firstChild as Text;
      getSelection()!.setBaseAndExtent(text, 0, text, text.data.length);
    });
    expect(await selection(page)).toBe(NOTICE);
    expect(await annotateFromBackground(page, null)).toEqual({ ok: true, data: { created: false } });
    expect(await quotesAfterAWhile(page)).toEqual([]);
  });

  describe('controls: the same gestures save when the page does not interfere', () => {
    it('saves the selected words with a click on "Person"', async () => {
      const page = await open(PAGE);
      await selectPhrase(page, PHRASE);
      const person = await roleCentre(page, 'button', 'Person');
      await page.mouse.click(person.x, person.y);
      await expect.poll(() => storedQuotes(session), { timeout: 5_000 }).toEqual([PHRASE]);
    });

    it('saves words a page button selected once the researcher moves to the toolbar and presses 1', async () => {
      const page = await open(PAGE);
      await page.getByRole('button', { name: 'Why are comments closed?' }).click();
      await waitForRole(page, 'toolbar', 'Annotate selection');
      await pressKeys(page, 'Tab', '1');
      await expect.poll(() => storedQuotes(session), { timeout: 5_000 }).toContain(NOTICE);
    });

    it('saves from the context menu when the page’s selection is what the menu saw', async () => {
      const page = await open(PAGE);
      await selectPhrase(page, 'Marfa Rabkova');
      expect(await annotateFromBackground(page, 'Marfa Rabkova')).toEqual({ ok: true, data: { created: true } });
      expect(await storedQuotes(session)).toContain('Marfa Rabkova');
    });
  });
});

interface Hidable {
  hideAnnotatorHost(how: 'opacity' | 'parent' | 'display-none-parent'): boolean;
}
