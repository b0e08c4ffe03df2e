// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SidePanelApp } from '@/components/SidePanelApp';
import { readAll } from '@/lib/db/records';
import { testContext } from './workspace-harness';

afterEach(cleanup);

describe('side panel', () => {
  it('offers the four views as tabs and undoes the last edit with Ctrl+Z, but not while typing', async () => {
    const ctx = testContext();
    render(<SidePanelApp recordsContext={ctx} />);
    expect(screen.getAllByRole('tab').map((t) => t.textContent)).toEqual([
      'This page',
      'Persons',
      'Cases',
      'All records',
    ]);
    fireEvent.click(screen.getByRole('tab', { name: 'Persons' }));
    const field = await screen.findByRole('textbox', { name: 'New person' });
    fireEvent.input(field, { target: { value: 'Ihar Losik' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    await waitFor(async () => expect((await readAll(ctx.db)).persons).toHaveLength(1));
    expect(document.getElementById('last-change')!.textContent).toBe('Created person Ihar Losik.');

    // In a text field Ctrl+Z belongs to the field.
    fireEvent.keyDown(field, { key: 'z', ctrlKey: true });
    await new Promise((r) => setTimeout(r, 50));
    expect((await readAll(ctx.db)).persons).toHaveLength(1);

    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(async () => expect((await readAll(ctx.db)).persons).toHaveLength(0));
    expect(document.getElementById('last-change')!.textContent).toBe('Undone: Created person Ihar Losik.');
    expect((screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement).disabled).toBe(true);

    // Ctrl+Shift+Z (and Ctrl+Y) redo it; Ctrl+Z undoes it again.
    fireEvent.keyDown(document.body, { key: 'Z', ctrlKey: true, shiftKey: true });
    await waitFor(async () => expect((await readAll(ctx.db)).persons.map((p) => p.name)).toEqual(['Ihar Losik']));
    expect(document.getElementById('last-change')!.textContent).toBe('Redone: Created person Ihar Losik.');
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    await waitFor(async () => expect((await readAll(ctx.db)).persons).toHaveLength(0));
    fireEvent.keyDown(document.body, { key: 'y', ctrlKey: true });
    await waitFor(async () => expect((await readAll(ctx.db)).persons).toHaveLength(1));
  });

  it('keeps the history when the panel is closed and opened again: undo and redo still work', async () => {
    // A history of its own: the test above left one in the same session storage.
    fakeBrowser.reset();
    const ctx = testContext();
    const first = render(<SidePanelApp recordsContext={ctx} />);
    fireEvent.click(screen.getByRole('tab', { name: 'Persons' }));
    fireEvent.input(await screen.findByRole('textbox', { name: 'New person' }), {
      target: { value: 'Maryia Kalesnikava' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add person' }));
    await waitFor(async () => expect((await readAll(ctx.db)).persons).toHaveLength(1));
    // Give the history its write to storage.session, then close the panel.
    const stored = async () =>
      ((await fakeBrowser.storage.session.get('workspace-history'))['workspace-history'] as { undo?: unknown[] })?.undo
        ?.length ?? 0;
    await waitFor(async () => expect(await stored()).toBeGreaterThan(0));
    first.unmount();

    render(<SidePanelApp recordsContext={ctx} />);
    const undo = () => screen.getByRole('button', { name: 'Undo' }) as HTMLButtonElement;
    await waitFor(() => expect(undo().disabled).toBe(false));
    expect(undo().title).toBe('Undo: Created person Maryia Kalesnikava. (Ctrl+Z)');
    fireEvent.click(undo());
    await waitFor(async () => expect((await readAll(ctx.db)).persons).toHaveLength(0));
    const redoable = async () =>
      ((await fakeBrowser.storage.session.get('workspace-history'))['workspace-history'] as { redo?: unknown[] })?.redo
        ?.length ?? 0;
    await waitFor(async () => expect(await redoable()).toBe(1));
    cleanup();

    // And once more: what was undone can be redone in a panel opened later.
    render(<SidePanelApp recordsContext={ctx} />);
    const redo = () => screen.getByRole('button', { name: 'Redo' }) as HTMLButtonElement;
    await waitFor(() => expect(redo().disabled).toBe(false));
    fireEvent.click(redo());
    await waitFor(async () =>
      expect((await readAll(ctx.db)).persons.map((p) => p.name)).toEqual(['Maryia Kalesnikava']),
    );
  });
});
