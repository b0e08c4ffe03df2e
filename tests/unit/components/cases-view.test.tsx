// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { CasesView } from '@/components/CasesView';
import { readAll } from '@/lib/db/records';
import type { FactFields } from '@/lib/schema/annotation';
import { makeAnnotation, makeCase, makePerson, makeSource } from '../../support/records';
import { putAll } from '../../support/test-db';
import { InWorkspace, testContext } from './workspace-harness';

afterEach(cleanup);

const facts = (fields: Partial<FactFields>): FactFields => ({
  eventType: null,
  date: null,
  place: null,
  legalArticle: null,
  term: null,
  ...fields,
});

async function setup() {
  const ctx = testContext();
  const digest = makeSource({ siteName: 'Belarus Rights Monitor' });
  const herald = makeSource({ siteName: 'Brest Herald', url: 'https://brest-herald.example/a', canonicalUrl: null });
  const person = makePerson();
  const kase = makeCase({ personIds: [person.id], sentence: null });
  const duplicate = makeCase({ title: 'Mikhniuk insult case', personIds: [], legalArticles: [] });
  const term = (text: string, years: number) => ({ text, years, months: 0, days: 0 });
  const annotations = [
    makeAnnotation(digest.id, {
      kind: 'fact',
      caseIds: [kase.id],
      fact: facts({ eventType: 'sentence', date: '2022-05', term: term('two years in a penal colony', 2) }),
    }),
    makeAnnotation(herald.id, {
      kind: 'fact',
      caseIds: [kase.id],
      fact: facts({
        eventType: 'sentence',
        date: '2022-05',
        term: term('three years in a penal colony', 3),
        legalArticle: { code: 'Criminal Code', article: '130', part: '3' },
      }),
    }),
  ];
  await putAll(ctx.db, { sources: [digest, herald], persons: [person], cases: [kase, duplicate], annotations });
  render(
    <InWorkspace ctx={ctx}>
      <CasesView />
    </InWorkspace>,
  );
  const list = await screen.findByRole('list', { name: 'Cases' });
  await waitFor(() => expect(list.querySelectorAll('summary')).toHaveLength(2));
  fireEvent.click(within(list).getByText(kase.title));
  await screen.findByRole('list', { name: `Timeline of ${kase.title}` });
  return { ctx, kase, duplicate, list, person };
}

describe('Cases view', () => {
  it('shows persons, articles, a timeline from all sources, and conflicting values side by side', async () => {
    const { kase } = await setup();
    expect(screen.getByRole('list', { name: `Persons in ${kase.title}` }).textContent).toContain('Zinaida Mikhniuk');
    expect(screen.getByRole('list', { name: `Legal articles of ${kase.title}` }).textContent).toContain(
      'Part 1 of Article 368 (Criminal Code)',
    );
    const timeline = screen.getByRole('list', { name: `Timeline of ${kase.title}` });
    await waitFor(() => expect(timeline.querySelectorAll(':scope > li')).toHaveLength(2));
    const conflict = screen.getByRole('group', { name: 'Conflicting sentence' });
    const values = [...conflict.querySelectorAll('.value')].map((v) => v.textContent);
    expect(values).toEqual([
      'two years in a penal colonyBelarus Rights Monitor',
      'three years in a penal colonyBrest Herald',
    ]);
  });

  it('adopts an article a fact states only when asked, and the edit can be undone', async () => {
    const { ctx, kase } = await setup();
    const articles = () => readAll(ctx.db).then((s) => s.cases.find((c) => c.id === kase.id)!.legalArticles);
    expect(await articles()).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: 'Add Part 3 of Article 130 (Criminal Code)' }));
    await waitFor(async () => expect((await articles()).map((a) => a.article)).toEqual(['368', '130']));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect((await articles()).map((a) => a.article)).toEqual(['368']));
  });

  it('saves edited details', async () => {
    const { ctx, kase } = await setup();
    const form = screen.getByRole('form', { name: 'Case details' });
    fireEvent.input(within(form).getByLabelText('Court'), { target: { value: 'Brest Regional Court' } });
    fireEvent.change(within(form).getByLabelText('Status'), { target: { value: 'serving' } });
    fireEvent.submit(form);
    await waitFor(async () =>
      expect((await readAll(ctx.db)).cases.find((c) => c.id === kase.id)).toMatchObject({
        court: 'Brest Regional Court',
        status: 'serving',
      }),
    );
  });

  it('merges a duplicate case and undoes', async () => {
    const { ctx, kase, duplicate, list } = await setup();
    const before = await readAll(ctx.db);
    fireEvent.input(screen.getByLabelText(`Find the duplicate of ${kase.title}`), { target: { value: 'insult' } });
    fireEvent.click(await screen.findByRole('button', { name: `Merge ${duplicate.title} into ${kase.title}` }));
    await waitFor(() => expect(list.querySelectorAll('summary')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(list.querySelectorAll('summary')).toHaveLength(2));
    expect(await readAll(ctx.db)).toEqual(before);
  });
});
