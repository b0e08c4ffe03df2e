// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceDetails } from '@/components/SourceDetails';
import { getSource } from '@/lib/db/records';
import type { PageDescription } from '@/lib/messaging/protocol';
import { makeSource } from '../../support/records';
import { putAll } from '../../support/test-db';
import { InWorkspace, testContext } from './workspace-harness';

afterEach(cleanup);

const source = makeSource({ publishedTime: null });
const PAGE: PageDescription = { url: source.url, title: source.title, canonicalUrl: null, lang: 'en', textLength: 1 };

async function setup() {
  const ctx = testContext();
  await putAll(ctx.db, { sources: [source], persons: [], cases: [], annotations: [] });
  render(
    <InWorkspace ctx={ctx}>
      <SourceDetails page={PAGE} />
    </InWorkspace>,
  );
  fireEvent.click(await screen.findByRole('button', { name: 'Correct details' }));
  const form = screen.getByRole('form', { name: 'Correct source details' });
  const set = (label: string, value: string) =>
    fireEvent.input(within(form).getByLabelText(label), { target: { value } });
  return { ctx, form, set };
}

describe('This page: correcting the recorded source', () => {
  it('refuses a date that is not a date, naming the field, and changes nothing', async () => {
    const { ctx, form, set } = await setup();
    set('Published', '2 February');
    fireEvent.submit(form);
    expect((await screen.findByRole('alert')).textContent).toMatch(/publishedTime/);
    expect(await getSource(ctx.db, source.id)).toEqual(source);
  });

  it('saves a corrected date, shows it, and Undo restores the page’s own', async () => {
    const { ctx, form, set } = await setup();
    set('Published', '2024-02-02');
    fireEvent.submit(form);
    await waitFor(() => expect(screen.getByLabelText('Recorded source details').textContent).toContain('2024-02-02'));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(async () => expect(await getSource(ctx.db, source.id)).toEqual(source));
  });
});
