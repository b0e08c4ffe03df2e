// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DataManagement, formatBytes } from '@/components/DataManagement';
import { KindsEditor } from '@/components/KindsEditor';
import { recordsDb } from '@/components/hooks/records-db';
import { defaultKinds, loadKinds, saveKinds } from '@/lib/settings/kinds-vocabulary';
import { makeAnnotation, makeSource } from '../../support/records';
import { deleteAnnotation } from '@/lib/db/records';
import { clearRecords, putAll } from '../../support/test-db';

// The options page's parts: the kinds vocabulary editor and data management.

const WITNESS = { id: 'witness', label: 'Witness', color: '#aabbcc' };

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  const db = recordsDb();
  await clearRecords(db);
});

async function highlightOfKind(kind: string) {
  const source = makeSource();
  const highlight = makeAnnotation(source.id, { kind });
  await putAll(recordsDb(), { sources: [source], annotations: [highlight], persons: [], cases: [] });
  return highlight;
}

const stored = () => loadKinds(fakeBrowser.storage.local);
const said = (text: string | RegExp) => waitFor(() => expect(screen.getByText(text)).toBeTruthy());

describe('KindsEditor', () => {
  it('adds a kind with its colour at the end of the vocabulary', async () => {
    render(<KindsEditor />);
    fireEvent.input(screen.getByLabelText('New kind'), { target: { value: 'Witness' } });
    fireEvent.input(screen.getByLabelText('Colour'), { target: { value: '#aabbcc' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Add a kind' }));
    await said('Added "Witness".');
    expect((await stored()).at(-1)).toEqual(WITNESS);
    await waitFor(() => expect(screen.getByLabelText('Name of Witness')).toBeTruthy());
  });

  it('renames and recolours a built-in kind, keeping its id', async () => {
    render(<KindsEditor />);
    const name = await screen.findByLabelText('Name of Person');
    fireEvent.change(name, { target: { value: 'Individual' } });
    await said('Renamed "Person" to "Individual".');
    fireEvent.change(await screen.findByLabelText('Colour of Individual'), { target: { value: '#3366ff' } });
    await said('Recoloured "Individual".');
    expect((await stored()).find((k) => k.id === 'person')).toEqual({
      id: 'person',
      label: 'Individual',
      color: '#3366ff',
    });
  });

  it('refuses a name another kind has and puts the old name back', async () => {
    render(<KindsEditor />);
    const name = (await screen.findByLabelText('Name of Case')) as HTMLInputElement;
    fireEvent.change(name, { target: { value: 'fact' } });
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('There is already a kind called "Fact".'));
    expect(name.value).toBe('Case');
    expect((await stored()).find((k) => k.id === 'case')?.label).toBe('Case');
  });

  it('refuses to delete a kind in use, with the count, and deletes it once unused', async () => {
    await saveKinds(fakeBrowser.storage.local, [...defaultKinds(), WITNESS]);
    const witness = await highlightOfKind('witness');
    render(<KindsEditor />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete Witness' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/^1 highlight uses "Witness"/));
    expect((await stored()).some((k) => k.id === 'witness')).toBe(true);
    await deleteAnnotation(recordsDb(), witness.id);
    fireEvent.click(screen.getByRole('button', { name: 'Delete Witness' }));
    await said('Deleted "Witness".');
    expect(await stored()).toEqual(defaultKinds());
  });

  it('offers no delete for built-in kinds', async () => {
    render(<KindsEditor />);
    await screen.findByLabelText('Name of Person');
    expect(screen.queryAllByRole('button', { name: /^Delete/ })).toEqual([]);
    expect(screen.getAllByText('Built in')).toHaveLength(defaultKinds().length);
  });
});

function fakeStorage(persisted: boolean, grants: boolean) {
  return {
    estimate: vi.fn(async () => ({ usage: 1536, quota: 10 * 1024 ** 3 })),
    persisted: vi.fn(async () => persisted),
    persist: vi.fn(async () => grants),
  } as unknown as StorageManager;
}

describe('DataManagement', () => {
  it('shows storage used and asks for persistent storage on request', async () => {
    const storage = fakeStorage(false, true);
    render(<DataManagement storage={storage} />);
    await said('1.5 KB of 10.0 GB available');
    await said(/^Not protected/);
    fireEvent.click(screen.getByRole('button', { name: 'Protect my records' }));
    await said(/^Protected/);
    expect(storage.persist).toHaveBeenCalledOnce();
    expect(screen.queryByRole('button', { name: 'Protect my records' })).toBeNull();
  });

  it('says when the browser refuses protection', async () => {
    render(<DataManagement storage={fakeStorage(false, false)} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Protect my records' }));
    await said(/refused protection/);
  });

  it('exports everything with the custom kinds the records use', async () => {
    await saveKinds(fakeBrowser.storage.local, [
      ...defaultKinds(),
      WITNESS,
      { id: 'unused', label: 'Unused', color: '#000000' },
    ]);
    await highlightOfKind('witness');
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:export'));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    fakeBrowser.runtime.getManifest = () => ({ manifest_version: 3, name: 'Source Annotator', version: '0.1.0' });
    render(<DataManagement storage={fakeStorage(true, true)} />);
    fireEvent.click(screen.getByRole('button', { name: 'Export everything' }));
    await said(/^Exported 1 annotations to /);
    expect(click).toHaveBeenCalledOnce();
    const file = JSON.parse(await blobs[0]!.text());
    expect(file.kinds).toEqual([WITNESS]);
    expect(file.annotations).toHaveLength(1);
  });

  it.each([
    { input: 0, expected: '0 bytes' },
    { input: 1023, expected: '1023 bytes' },
    { input: 1536, expected: '1.5 KB' },
    { input: 5 * 1024 ** 3, expected: '5.0 GB' },
  ])('writes $input bytes as $expected', ({ input, expected }) => expect(formatBytes(input)).toBe(expected));
});
