// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PageAnnotations } from '@/components/PageAnnotations';
import { readAll } from '@/lib/db/records';
import type { PageDescription } from '@/lib/messaging/protocol';
import type { Annotation } from '@/lib/schema/annotation';
import { makeAnnotation, makePerson, makeSource } from '../../support/records';
import { putAll } from '../../support/test-db';
import { InWorkspace, testContext } from './workspace-harness';

afterEach(cleanup);

const source = makeSource();
const PAGE: PageDescription = {
  url: source.url,
  title: source.title,
  canonicalUrl: source.canonicalUrl,
  lang: 'en',
  textLength: 8000,
};
const at = (exact: string, start: number, extra: Partial<Annotation> = {}) =>
  makeAnnotation(source.id, {
    selectors: [
      { type: 'TextQuoteSelector', exact, prefix: 'under ', suffix: ', and' },
      { type: 'TextPositionSelector', start, end: start + exact.length },
    ],
    ...extra,
  });

async function setup(annotations: Annotation[], persons = [makePerson()]) {
  const ctx = testContext();
  await putAll(ctx.db, { sources: [source], persons, cases: [], annotations });
  render(
    <InWorkspace ctx={ctx}>
      <PageAnnotations page={PAGE} tabId={null} />
    </InWorkspace>,
  );
  const list = await screen.findByRole('list', { name: 'Highlights on this page' });
  const items = () => [...list.querySelectorAll<HTMLElement>(':scope > li')];
  return { ctx, list, items };
}

describe('This page: highlights', () => {
  it('lists highlights in document order, whatever order they were made in, orphans flagged', async () => {
    const later = at('two years in a penal colony', 1900, { created: '2026-11-22T09:00:00.000Z' });
    const earlier = at('Zinaida Mikhniuk', 1467, {
      created: '2026-11-22T11:00:00.000Z',
      anchoring: { state: 'orphaned', checkedAt: '2026-11-22T11:00:00.000Z' },
    });
    const { items } = await setup([later, earlier]);
    expect(items().map((li) => li.querySelector('q')!.textContent)).toEqual([
      'Zinaida Mikhniuk',
      'two years in a penal colony',
    ]);
    expect(items()[0]!.textContent).toContain('Not found on the page');
    expect(screen.getByRole('status').textContent).toMatch(/1 highlight could not be found/);
  });

  it('creates a new person prefilled with the quote and shows the link', async () => {
    const mention = at('Sviatlana  Tsikhanouskaya', 100);
    const { ctx, items } = await setup([mention], []);
    fireEvent.click(within(items()[0]!).getByRole('button', { name: 'Person…' }));
    const picker = screen.getByRole('group', { name: 'Link to person' });
    expect((within(picker).getByRole('combobox') as HTMLInputElement).value).toBe('Sviatlana Tsikhanouskaya');
    fireEvent.click(within(picker).getByRole('button', { name: 'New person “Sviatlana Tsikhanouskaya”' }));
    await waitFor(() => expect(items()[0]!.textContent).toContain('Person: Sviatlana Tsikhanouskaya'));
    const { persons, annotations } = await readAll(ctx.db);
    expect(annotations[0]!.personIds).toEqual([persons[0]!.id]);
    // Runs of spaces in the quote are not another spelling: no alias is added for them.
    expect(persons[0]!.aliases).toEqual([]);
  });

  it('links to an existing person through the autocomplete with the keyboard, and unlinks', async () => {
    const person = makePerson({ name: 'Zinaida Mikhniuk', aliases: [] });
    const mention = at('Зинаида Михнюк', 200);
    const { ctx, items } = await setup([mention], [person]);
    fireEvent.click(within(items()[0]!).getByRole('button', { name: 'Person…' }));
    const combobox = screen.getByRole('combobox');
    const option = await screen.findByRole('option', { name: /Zinaida Mikhniuk/ });
    expect(option.getAttribute('aria-selected')).toBe('true');
    expect(combobox.getAttribute('aria-activedescendant')).toBe(option.id);
    fireEvent.keyDown(combobox, { key: 'Enter' });
    await waitFor(() => expect(items()[0]!.textContent).toContain('Person: Zinaida Mikhniuk'));
    expect((await readAll(ctx.db)).annotations[0]!.personIds).toEqual([person.id]);
    fireEvent.click(screen.getByRole('button', { name: 'Unlink Zinaida Mikhniuk' }));
    await waitFor(async () => expect((await readAll(ctx.db)).annotations[0]!.personIds).toEqual([]));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await readAll(ctx.db)).annotations[0]!.personIds).toEqual([person.id]));
  });

  it('prefills a fact’s typed fields from its quote and saves only when confirmed', async () => {
    const fact = at('Part 1 of Article 368 of the Criminal Code', 1723, {
      kind: 'fact',
      fact: { eventType: null, date: null, place: null, legalArticle: null, term: null },
    });
    const { ctx, items } = await setup([fact]);
    fireEvent.click(within(items()[0]!).getByRole('button', { name: 'Fact details…' }));
    const form = screen.getByRole('form', { name: 'Fact details' });
    const field = (label: string) => within(form).getByLabelText(label, { exact: true }) as HTMLInputElement;
    expect([field('Code').value, field('Article').value, field('Part').value]).toEqual(['Criminal Code', '368', '1']);
    expect((await readAll(ctx.db)).annotations[0]!.fact!.legalArticle).toBeNull();
    fireEvent.input(field('Date'), { target: { value: 'May 2022' } });
    fireEvent.submit(form);
    expect((await screen.findByRole('alert')).textContent).toMatch(/date/);
    fireEvent.input(field('Date'), { target: { value: '2022-05' } });
    fireEvent.submit(form);
    await waitFor(async () =>
      expect((await readAll(ctx.db)).annotations[0]!.fact).toEqual({
        eventType: null,
        date: '2022-05',
        place: null,
        legalArticle: { code: 'Criminal Code', article: '368', part: '1' },
        term: null,
      }),
    );
  });
});
