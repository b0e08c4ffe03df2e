// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PageAnnotations } from '@/components/PageAnnotations';
import { getAnnotation, putAnnotation } from '@/lib/db/records';
import type { PageDescription } from '@/lib/messaging/protocol';
import { makeAnnotation, makeSource } from '../../support/records';
import { putAll } from '../../support/test-db';
import { failed, fakeBackground, fakeTab, sentOf } from './fake-extension';
import { InWorkspace, testContext } from './workspace-harness';

// A highlight's note is written in the side panel (what is typed in the page reaches the page's
// scripts) and saved by the background; the page beside the panel is told to reload its records.

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const TAB = 7;
const source = makeSource();
const PAGE: PageDescription = {
  url: source.url,
  title: source.title,
  canonicalUrl: source.canonicalUrl,
  lang: 'en',
  textLength: 8000,
};
const highlight = makeAnnotation(source.id, { note: 'Seen in the January digest.' });

async function setup() {
  const ctx = testContext();
  await putAll(ctx.db, { sources: [source], persons: [], cases: [], annotations: [highlight] });
  // The page is gone: telling it to reload fails, which must not matter.
  const tab = fakeTab({});
  const background = fakeBackground(ctx);
  render(
    <InWorkspace ctx={ctx} tabId={TAB}>
      <PageAnnotations page={PAGE} tabId={TAB} />
    </InWorkspace>,
  );
  const list = await screen.findByRole('list', { name: 'Highlights on this page' });
  const item = list.querySelector<HTMLElement>(':scope > li')!;
  const button = within(item).getByRole('button', { name: 'Note…' });
  const open = () => {
    fireEvent.click(button);
    return within(item).getByRole('textbox', { name: 'Note' }) as HTMLTextAreaElement;
  };
  const stored = async () => (await getAnnotation(ctx.db, highlight.id))!.note;
  return { ctx, item, button, open, stored, tab, background };
}

const lastChange = () => document.getElementById('last-change')!.textContent;

describe('This page: a highlight’s note', () => {
  it('opens prefilled and focused, saves through the background and tells the page', async () => {
    const { item, button, open, stored, tab, background } = await setup();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const field = open();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(field.value).toBe('Seen in the January digest.');
    expect(field.maxLength).toBe(100_000);
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: 'Released on 29 January; confirmed by family.' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Save note' }));
    await waitFor(async () => expect(await stored()).toBe('Released on 29 January; confirmed by family.'));
    expect(sentOf(background, 'annotation/update')).toEqual([
      { id: highlight.id, note: 'Released on 29 January; confirmed by family.' },
    ]);
    await waitFor(() => expect(within(item).queryByRole('textbox', { name: 'Note' })).toBeNull());
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(button);
    await waitFor(() => expect(item.textContent).toContain('Released on 29 January; confirmed by family.'));
    expect(lastChange()).toMatch(/^Saved the note on “/);
    expect(sentOf(tab, 'annotations/changed')).toEqual([{}]);
    expect(tab.mock.calls[0]![0]).toBe(TAB);
  });

  it('saves with Ctrl+Enter and cancels with Escape, sending nothing', async () => {
    const { open, stored, background } = await setup();
    let field = open();
    fireEvent.input(field, { target: { value: 'Not this.' } });
    fireEvent.keyDown(field, { key: 'Escape' });
    expect(screen.queryByRole('textbox', { name: 'Note' })).toBeNull();
    expect(background).not.toHaveBeenCalled();
    field = open();
    // Cancelled text is gone: the editor opens on the stored note again.
    expect(field.value).toBe('Seen in the January digest.');
    fireEvent.input(field, { target: { value: 'This one.' } });
    fireEvent.keyDown(field, { key: 'Enter', ctrlKey: true });
    await waitFor(async () => expect(await stored()).toBe('This one.'));
  });

  it('keeps the typed text and says why when the background refuses', async () => {
    const { ctx, item, open, stored } = await setup();
    vi.restoreAllMocks();
    fakeBackground(ctx, () => failed('The database is full.'));
    const field = open();
    fireEvent.input(field, { target: { value: 'Typed, not to be lost.' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Save note' }));
    expect((await within(item).findByRole('alert')).textContent).toBe('Note not saved: The database is full.');
    expect(field.value).toBe('Typed, not to be lost.');
    expect(await stored()).toBe('Seen in the January digest.');
    // Fixed: it saves on a second try, and the error goes.
    vi.restoreAllMocks();
    fakeBackground(ctx);
    fireEvent.click(within(item).getByRole('button', { name: 'Save note' }));
    await waitFor(async () => expect(await stored()).toBe('Typed, not to be lost.'));
  });

  it('says so when the background does not answer', async () => {
    const { item, open } = await setup();
    vi.restoreAllMocks();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    fireEvent.input(open(), { target: { value: 'Anything' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Save note' }));
    expect((await within(item).findByRole('alert')).textContent).toMatch(
      /^Note not saved: the extension did not answer/,
    );
  });

  it('undoes a saved note through the background, and only while nobody changed it since', async () => {
    const { ctx, item, open, stored, background } = await setup();
    fireEvent.input(open(), { target: { value: 'First edit.' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Save note' }));
    await waitFor(async () => expect(await stored()).toBe('First edit.'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await stored()).toBe('Seen in the January digest.'));
    expect(sentOf(background, 'annotation/update').at(-1)).toEqual({
      id: highlight.id,
      note: 'Seen in the January digest.',
    });
    expect(lastChange()).toMatch(/^Undone: Saved the note/);

    fireEvent.input(open(), { target: { value: 'Second edit.' } });
    fireEvent.click(within(item).getByRole('button', { name: 'Save note' }));
    await waitFor(async () => expect(await stored()).toBe('Second edit.'));
    // Another panel changes the note meanwhile: undo here must not overwrite that.
    const now = (await getAnnotation(ctx.db, highlight.id))!;
    await putAnnotation(ctx.db, { ...now, note: 'Written elsewhere.' });
    const sends = background.mock.calls.length;
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(lastChange()).toBe('Not undone: the note was changed again since.'));
    expect(await stored()).toBe('Written elsewhere.');
    expect(background.mock.calls.length).toBe(sends);
    // That entry is dropped rather than left to block the ones under it.
    expect((screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('keeps the person and case pickers beside the note', async () => {
    const { item } = await setup();
    expect(within(item).getByRole('button', { name: 'Person…' })).toBeTruthy();
    expect(within(item).getByRole('button', { name: 'Case…' })).toBeTruthy();
  });
});
