// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readAll } from '@/lib/db/records';
import { openTestDb } from '../../support/test-db';
import {
  button,
  cleanups,
  PAGE,
  seen,
  selectOnly,
  selectWords,
  settle,
  startAnnotator,
  startBackground,
  trusted,
  WORDS,
} from '../../support/page-annotator-harness';

// Issue 11: a record is made only from words the researcher selected with their own gesture. Each
// row is a way a page's script tries to get other words saved; none may save anything. A control
// row shows the same steps without the page's interference do save, so the rows can fail.

// happy-dom has no layout: visibility is decided per test (text-rects itself is tested in Chromium).
const visibility = vi.hoisted(() => ({ hidden: '' }));
vi.mock('@/lib/annotator/text-rects', () => ({
  rangeIsVisible: (range: Range) => !visibility.hidden || !range.toString().includes(visibility.hidden),
  textRects: () => [],
}));

const BAIT = 'Bait words here.';
const pressKey = (key: string, target: EventTarget = document) =>
  target.dispatchEvent(trusted(new KeyboardEvent('keydown', { key, bubbles: true, composed: true })));
const clickPerson = (ui: ShadowRoot) =>
  button(ui, 'Person').dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState({}, '', '/news/released.html');
  document.body.innerHTML = PAGE; // the test's own fixture, not page data
  visibility.hidden = '';
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  window.getSelection()?.removeAllRanges();
});

interface Row {
  name: string;
  /** The page may hide the toolbar; `shown` is what the host's check reports. */
  shown?: boolean;
  hidden?: string;
  /** What happens between the researcher's selection and the click on "Person". */
  between: () => void | Promise<void>;
  saved: string[];
}

describe('the toolbar saves only the researcher’s own selection', () => {
  it.each<Row>([
    { name: 'control: nothing interferes', between: () => undefined, saved: [WORDS] },
    {
      name: 'the page swaps in bait after the gesture',
      between: async () => {
        selectOnly(BAIT);
        document.dispatchEvent(new Event('selectionchange'));
        await settle();
      },
      saved: [],
    },
    {
      name: 'the page swaps in bait without the selectionchange being seen yet',
      between: () => selectOnly(BAIT),
      saved: [],
    },
    {
      name: 'the page changes the words under the selection',
      between: () => {
        document.querySelector('b')!.firstChild!.textContent = 'Zinaidx';
      },
      saved: [],
    },
    { name: 'the page hid or moved the toolbar', shown: false, between: () => undefined, saved: [] },
  ])('$name', async ({ shown = true, between, saved }) => {
    const db = openTestDb();
    cleanups.push(startBackground(db));
    const { ui } = await startAnnotator(() => shown);
    selectWords(WORDS);
    await vi.waitFor(() => expect(seen(ui).toolbarShown).toBe(true));
    expect(seen(ui).words).toBe(WORDS);
    await between();
    if (seen(ui).toolbarShown) clickPerson(ui);
    await settle();
    const { annotations } = await readAll(db);
    expect(annotations.map((a) => a.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact)).toEqual(saved);
  });

  it('closes the toolbar when the selection changes after the gesture', async () => {
    cleanups.push(startBackground(openTestDb()));
    const { ui } = await startAnnotator();
    selectWords(WORDS);
    await vi.waitFor(() => expect(seen(ui).toolbarShown).toBe(true));
    selectOnly(BAIT);
    document.dispatchEvent(new Event('selectionchange'));
    expect(seen(ui).toolbarShown).toBe(false);
  });

  it('refuses a selection with hidden words and says so, with the kinds disabled', async () => {
    const db = openTestDb();
    cleanups.push(startBackground(db));
    const { ui } = await startAnnotator();
    visibility.hidden = 'Mikhniuk';
    selectWords(WORDS);
    await vi.waitFor(() => expect(seen(ui).toolbarShown).toBe(true));
    expect(seen(ui).message).toMatch(/hidden on the page/);
    expect(button(ui, 'Person').disabled).toBe(true);
    clickPerson(ui);
    await settle();
    expect((await readAll(db)).annotations).toEqual([]);
  });

  it('takes digit keys only while the toolbar has focus', async () => {
    const db = openTestDb();
    cleanups.push(startBackground(db));
    const { ui } = await startAnnotator();
    selectWords(WORDS);
    await vi.waitFor(() => expect(seen(ui).toolbarShown).toBe(true));
    pressKey('1'); // focus is on the page (a page button asking "press 1")
    await settle();
    expect((await readAll(db)).annotations).toEqual([]);
    button(ui, 'Person').focus();
    pressKey('1', button(ui, 'Person'));
    await vi.waitFor(async () => expect((await readAll(db)).annotations).toHaveLength(1));
  });
});

describe('the context menu and the command', () => {
  it.each([
    { name: 'menu text matches the selection', menu: WORDS, gesture: false, created: true },
    { name: 'menu text differs from the selection', menu: 'Nasta Loika', gesture: false, created: false },
    { name: 'command after the researcher’s own selection', menu: null, gesture: true, created: true },
    { name: 'command on a selection a script made', menu: null, gesture: false, created: false },
  ])('$name', async ({ menu, gesture, created }) => {
    const db = openTestDb();
    cleanups.push(startBackground(db));
    const { annotator } = await startAnnotator();
    if (gesture) selectWords(WORDS);
    else selectOnly(WORDS);
    await settle(10);
    expect(await annotator.annotateSelection('person', menu)).toBe(created);
    expect((await readAll(db)).annotations).toHaveLength(created ? 1 : 0);
  });
});
