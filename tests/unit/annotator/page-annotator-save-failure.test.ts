// @vitest-environment happy-dom
import { IDBObjectStore } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describeStorageError } from '@/lib/db/errors';
import { readAll } from '@/lib/db/records';
import type { RecordsDatabase } from '@/lib/db/database';
import { openTestDb } from '../../support/test-db';
import {
  button,
  cleanups,
  seen,
  selectWords,
  startAnnotator,
  startBackground,
  trusted,
  WORDS,
  PAGE,
} from '../../support/page-annotator-harness';

// happy-dom has no layout: every word counts as visible here (text-rects is tested in Chromium).
vi.mock('@/lib/annotator/text-rects', () => ({ rangeIsVisible: () => true, textRects: () => [] }));

// Issue 4: "If saving fails, the highlight is not painted and the user sees why." The real page
// annotator on a small page (tests/support/page-annotator-harness.ts). Failures are the browser's:
// a closed database, a full disk, a background that does not answer.

interface Row {
  name: string;
  /** Makes the next save fail; returns what undoes it. */
  fail: (db: RecordsDatabase, stopBackground: () => void) => Promise<() => unknown>;
  reason: string;
}

beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState({}, '', '/news/released.html');
  document.title = 'Released';
  document.body.innerHTML = PAGE; // the test's own fixture, not page data
});

afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  window.getSelection()?.removeAllRanges();
  vi.restoreAllMocks();
});

describe('the page annotator when saving fails', () => {
  it.each<Row>([
    {
      name: 'the records database was closed',
      fail: async (db) => {
        db.close();
        return () => db.open();
      },
      reason: describeStorageError({ name: 'DatabaseClosedError' }),
    },
    {
      name: 'the disk is full',
      fail: async () => {
        const full = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
        const spies = [vi.spyOn(IDBObjectStore.prototype, 'put'), vi.spyOn(IDBObjectStore.prototype, 'add')];
        spies.forEach((spy) => spy.mockImplementation(full));
        return () => spies.forEach((spy) => spy.mockRestore());
      },
      reason: describeStorageError({ name: 'QuotaExceededError' }),
    },
    {
      name: 'the background does not answer',
      fail: async (db, stopBackground) => {
        stopBackground();
        return () => cleanups.push(startBackground(db));
      },
      // Sent twice (a lost answer may hide a stored record), then told in plain words.
      reason: 'the extension restarted or did not answer; try again.',
    },
  ])('paints nothing and says why when $name; the same click paints once it works', async ({ fail, reason }) => {
    const db = openTestDb();
    const stop = startBackground(db);
    cleanups.push(() => stop());
    const { ui } = await startAnnotator();
    const before = document.body.innerHTML;

    selectWords(WORDS);
    await vi.waitFor(() => expect(seen(ui).toolbarShown).toBe(true));
    const undo = await fail(db, stop);
    button(ui, 'Person').dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await vi.waitFor(() => expect(seen(ui).message).not.toBe(''));

    expect(seen(ui)).toEqual({
      toolbarShown: true,
      words: WORDS,
      busy: 'false',
      message: `Not saved: ${reason}`,
      painted: '',
      selected: WORDS,
    });
    expect(document.body.innerHTML).toBe(before);
    await undo();
    expect((await readAll(db)).annotations).toEqual([]);

    // The researcher clicks again once storage works: the record is saved, then painted.
    button(ui, 'Person').dispatchEvent(trusted(new MouseEvent('click', { bubbles: true })));
    await vi.waitFor(() => expect(seen(ui).painted).toBe(WORDS));
    expect(seen(ui)).toMatchObject({ toolbarShown: false, message: '', selected: '' });
    const { annotations } = await readAll(db);
    expect(annotations.map((a) => [a.kind, a.selectors.find((s) => s.type === 'TextQuoteSelector')?.exact])).toEqual([
      ['person', WORDS],
    ]);
  });

  it('shows the reason in the toolbar when the context menu or the shortcut asks, and saves nothing', async () => {
    const db = openTestDb();
    cleanups.push(startBackground(db));
    const { annotator, ui } = await startAnnotator();
    selectWords(WORDS);
    await vi.waitFor(() => expect(seen(ui).toolbarShown).toBe(true));
    db.close();
    expect(await annotator.annotateSelection('fact', WORDS)).toBe(false);
    expect(seen(ui)).toMatchObject({
      toolbarShown: true,
      message: `Not saved: ${describeStorageError({ name: 'DatabaseClosedError' })}`,
      painted: '',
    });
    await db.open();
    expect(await annotator.annotateSelection('fact', WORDS)).toBe(true);
    expect(seen(ui).painted).toBe(WORDS);
    expect((await readAll(db)).annotations.map((a) => a.kind)).toEqual(['fact']);
  });

  it('shows the toolbar with the reason when the menu or shortcut fails while it is hidden', async () => {
    const db = openTestDb();
    cleanups.push(startBackground(db));
    const { annotator, ui } = await startAnnotator();
    selectWords(WORDS);
    await vi.waitFor(() => expect(seen(ui).toolbarShown).toBe(true));
    document.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    await vi.waitFor(() => expect(seen(ui).toolbarShown).toBe(false));
    db.close();
    expect(await annotator.annotateSelection('fact', WORDS)).toBe(false);
    expect(seen(ui)).toMatchObject({
      toolbarShown: true,
      message: `Not saved: ${describeStorageError({ name: 'DatabaseClosedError' })}`,
      painted: '',
    });
  });

  it('ignores a click the page synthesises on the toolbar', async () => {
    const db = openTestDb();
    cleanups.push(startBackground(db));
    const { ui } = await startAnnotator();
    selectWords(WORDS);
    await vi.waitFor(() => expect(seen(ui).toolbarShown).toBe(true));
    button(ui, 'Person').click();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen(ui)).toMatchObject({ toolbarShown: true, message: '', painted: '' });
    expect((await readAll(db)).annotations).toEqual([]);
  });
});
