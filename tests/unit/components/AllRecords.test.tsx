// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AllRecords } from '@/components/AllRecords';
import { recordsDb } from '@/components/hooks/records-db';
import { mergeRecordSet } from '@/lib/db/merge';
import { defaultKinds, saveKinds } from '@/lib/settings/kinds-vocabulary';
import { makeAnnotation, makePerson, makeSource, uuid } from '../../support/records';
import { clearRecords } from '../../support/test-db';

// The view over the extension's own database (an in-memory IndexedDB here), as a researcher uses it.

const MANY = 1_000;

async function seed() {
  const source = makeSource();
  const person = makePerson({ name: 'Zinaida Mikhniuk', aliases: ['Зінаіда Міхнюк'] });
  const mention = makeAnnotation(source.id, { personIds: [person.id], modified: '2026-01-01T00:00:00.000Z' });
  const places = Array.from({ length: MANY - 1 }, (_, i) =>
    makeAnnotation(source.id, {
      id: uuid(500_000 + i),
      kind: 'place',
      tags: [],
      selectors: [{ type: 'TextQuoteSelector', exact: `Detention centre ${i}` }],
      modified: new Date(Date.UTC(2026, 5, 1) + i * 1000).toISOString(),
    }),
  );
  // Stored as an import would store them: a thousand single saves would time the saves, not the view.
  await mergeRecordSet(
    recordsDb(),
    { sources: [source], persons: [person], cases: [], annotations: [mention, ...places] },
    () => '2026-11-22T10:00:00.000Z',
  );
  return { source, mention };
}

const status = () => document.querySelector<HTMLElement>('.records-count')!;
const list = () => screen.getByRole('listbox', { name: 'Records' });

beforeEach(() => fakeBrowser.reset());
afterEach(async () => {
  cleanup();
  const db = recordsDb();
  await clearRecords(db);
});

describe('AllRecords', () => {
  it('counts every record and renders only a window of rows', async () => {
    await seed();
    render(<AllRecords openUrl={() => {}} />);
    await waitFor(() => expect(status().textContent).toMatch(/^1,000 records/));
    const rows = within(list()).getAllByRole('option');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(30);
    await waitFor(() => expect(rows[0]!.textContent).toMatch(/Detention centre 998/));
  });

  it('finds a record by the Cyrillic alias of its person and opens it at the quote with the keyboard', async () => {
    const { source } = await seed();
    const openUrl = vi.fn();
    render(<AllRecords openUrl={openUrl} />);
    const search = screen.getByLabelText('Search records');
    fireEvent.input(search, { target: { value: 'міхнюк' } });
    await waitFor(() => expect(status().textContent).toMatch(/^1 record\b/));
    await waitFor(() => expect(list().textContent).toMatch(/Zinaida Mikhniuk.*Person: Zinaida Mikhniuk/));
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(list());
    expect(list().getAttribute('aria-activedescendant')).toMatch(/^record-/);
    fireEvent.keyDown(list(), { key: 'Enter' });
    // The visited address without its tracking parameters (utm_source): they are not replayed to the site.
    expect(source.url).toContain('?utm_source=feed');
    expect(openUrl).toHaveBeenCalledWith(
      'http://127.0.0.1:5179/release-digest.html#:~:text=social%20networks-,Zinaida%20Mikhniuk,-%2C%20a%20trade',
    );
  });

  it('narrows by kind and shows kinds with the names the researcher gave them', async () => {
    await saveKinds(
      fakeBrowser.storage.local,
      defaultKinds().map((k) => (k.id === 'person' ? { ...k, label: 'Individual' } : k)),
    );
    await seed();
    render(<AllRecords openUrl={() => {}} />);
    await waitFor(() => expect(screen.getByRole('option', { name: 'Individual' })).toBeTruthy());
    fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'person' } });
    await waitFor(() => expect(status().textContent).toMatch(/^1 record\b/));
    await waitFor(() => expect(list().textContent).toMatch(/^Individual/));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(status().textContent).toMatch(/^1,000 records/));
  });

  it('says so when nothing matches', async () => {
    await seed();
    render(<AllRecords openUrl={() => {}} />);
    fireEvent.input(screen.getByLabelText('Search records'), { target: { value: 'nowhere' } });
    await waitFor(() => expect(status().textContent).toBe('0 records'));
    expect(within(list()).queryAllByRole('option')).toEqual([]);
  });
});
