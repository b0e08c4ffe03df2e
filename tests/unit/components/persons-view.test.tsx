// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PersonsView } from '@/components/PersonsView';
import { readAll } from '@/lib/db/records';
import { makePerson, makeRecordSet } from '../../support/records';
import { putAll } from '../../support/test-db';
import { InWorkspace, testContext } from './workspace-harness';

afterEach(cleanup);

async function setup() {
  const ctx = testContext();
  const set = makeRecordSet();
  const duplicate = makePerson({ name: 'Zinaida Mikhnyuk', aliases: [], notes: '' });
  await putAll(ctx.db, { ...set, persons: [...set.persons, duplicate] });
  render(
    <InWorkspace ctx={ctx}>
      <PersonsView />
    </InWorkspace>,
  );
  const list = await screen.findByRole('list', { name: 'Persons' });
  await waitFor(() => expect(list.querySelectorAll('summary').length).toBeGreaterThan(0), { timeout: 3000 });
  return { ctx, set, duplicate, list };
}

const summaries = (list: HTMLElement) => [...list.querySelectorAll('summary')].map((s) => s.textContent);
const type = (label: string | RegExp, value: string) =>
  fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('Persons view', () => {
  it('lists each person with their mentions and other spellings', async () => {
    const { list } = await setup();
    await waitFor(() =>
      expect(summaries(list)).toEqual([
        'Zinaida Mikhniuk · 2 mentions · also Зінаіда Міхнюк',
        'Zinaida Mikhnyuk · 0 mentions',
      ]),
    );
  });

  it.each([
    { query: 'Михнюк', expected: 2 },
    { query: 'Зінаіда', expected: 2 },
    { query: 'Losik', expected: 0 },
  ])('finds persons typed as "$query" in any script', async ({ query, expected }) => {
    const { list } = await setup();
    type(/Find a person/, query);
    await waitFor(() => expect(list.querySelectorAll('summary')).toHaveLength(expected));
    if (!expected) expect(screen.getByText(`No person matches “${query}”.`)).toBeTruthy();
  });

  it('opens a person at their mentions with source and link', async () => {
    const { list } = await setup();
    fireEvent.click(within(list).getByText('Zinaida Mikhniuk'));
    const mentions = await screen.findByRole('list', { name: 'Mentions of Zinaida Mikhniuk' });
    await waitFor(() => expect(mentions.querySelectorAll(':scope > li')).toHaveLength(2));
    expect(mentions.textContent).toContain('Belarus Rights Monitor');
    expect(within(mentions).getAllByRole('link', { name: 'Open at the highlight' })[0]!.getAttribute('href')).toMatch(
      /#:~:text=/,
    );
  });

  it('merges a duplicate and the Undo button takes the merge back', async () => {
    const { ctx, list } = await setup();
    const before = await readAll(ctx.db);
    fireEvent.click(within(list).getByText('Zinaida Mikhniuk'));
    type('Find the duplicate of Zinaida Mikhniuk', 'Mikhnyuk');
    fireEvent.click(await screen.findByRole('button', { name: 'Merge Zinaida Mikhnyuk into Zinaida Mikhniuk' }));
    await waitFor(() => expect(list.querySelectorAll('summary')).toHaveLength(1));
    expect(document.getElementById('last-change')!.textContent).toBe('Merged Zinaida Mikhnyuk into Zinaida Mikhniuk.');
    expect((await readAll(ctx.db)).persons[0]!.aliases).toEqual(['Зінаіда Міхнюк', 'Zinaida Mikhnyuk']);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(list.querySelectorAll('summary')).toHaveLength(2));
    expect(await readAll(ctx.db)).toEqual(before);
  });

  it('redoes an undone merge with the Redo button, and a new edit ends the redo', async () => {
    const { ctx, list } = await setup();
    fireEvent.click(within(list).getByText('Zinaida Mikhniuk'));
    type('Find the duplicate of Zinaida Mikhniuk', 'Mikhnyuk');
    fireEvent.click(await screen.findByRole('button', { name: 'Merge Zinaida Mikhnyuk into Zinaida Mikhniuk' }));
    await waitFor(() => expect(list.querySelectorAll('summary')).toHaveLength(1));
    const merged = await readAll(ctx.db);
    const redo = () => screen.getByRole('button', { name: 'Redo' }) as HTMLButtonElement;
    expect(redo().disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(list.querySelectorAll('summary')).toHaveLength(2));
    await waitFor(() => expect(redo().disabled).toBe(false));
    fireEvent.click(redo());
    await waitFor(() => expect(list.querySelectorAll('summary')).toHaveLength(1));
    expect(document.getElementById('last-change')!.textContent).toBe(
      'Redone: Merged Zinaida Mikhnyuk into Zinaida Mikhniuk.',
    );
    expect(await readAll(ctx.db)).toEqual(merged);
    // Undone again, then a new edit: what was undone can no longer be redone.
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(redo().disabled).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Delete person' }));
    await waitFor(() => expect(list.querySelectorAll('summary')).toHaveLength(1));
    await waitFor(() => expect(redo().disabled).toBe(true));
  });

  it('deletes a person but keeps the highlights, and undoes', async () => {
    const { ctx, list, set } = await setup();
    fireEvent.click(within(list).getByText('Zinaida Mikhniuk'));
    fireEvent.click(await screen.findByRole('button', { name: 'Delete person' }));
    await waitFor(() => expect(list.querySelectorAll('summary')).toHaveLength(1));
    expect((await readAll(ctx.db)).annotations).toHaveLength(set.annotations.length);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(list.querySelectorAll('summary')).toHaveLength(2));
  });

  it('renames, adds and removes aliases; an empty name cannot be saved', async () => {
    const { ctx, list, set } = await setup();
    fireEvent.click(within(list).getByText('Zinaida Mikhniuk'));
    type('New alias', 'Зинаида Михнюк');
    fireEvent.click(await screen.findByRole('button', { name: 'Add alias' }));
    await screen.findByRole('button', { name: 'Remove alias Зинаида Михнюк' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove alias Зінаіда Міхнюк' }));
    await waitFor(async () =>
      expect((await readAll(ctx.db)).persons.find((p) => p.id === set.persons[0]!.id)!.aliases).toEqual([
        'Зинаида Михнюк',
      ]),
    );
    type('Name', '   ');
    expect((screen.getByRole('button', { name: 'Rename' }) as HTMLButtonElement).disabled).toBe(true);
    type('Name', 'Zinaïda Mikhniuk');
    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    await waitFor(() => expect(summaries(list)).toContain('Zinaïda Mikhniuk · 2 mentions · also Зинаида Михнюк'));
  });
});
