import { describe, expect, it } from 'vitest';
import { getAnnotation, getSource, readAll } from '@/lib/db/records';
import { caseConflicts, caseProposals, caseTimeline } from '@/lib/records/case-facts';
import { createCase, deleteCase, mergeCases, updateCase } from '@/lib/records/case-ops';
import type { Mention } from '@/lib/records/mentions';
import { undoEdit } from '@/lib/records/inverse';
import { correctSource } from '@/lib/records/source-ops';
import type { FactFields } from '@/lib/schema/annotation';
import { makeAnnotation, makeCase, makePerson, makeRecordSet, makeSource, uuid } from '../../support/records';
import { putAll, testContext } from '../../support/test-db';

const context = testContext;

describe('case edits', () => {
  it('creates a case from a highlight and undo removes it and the link', async () => {
    const ctx = context();
    const set = makeRecordSet();
    await putAll(ctx.db, set);
    const before = await readAll(ctx.db);
    const edit = await createCase(ctx, { title: ' Mikhniuk  case ', court: '  ' }, set.annotations[0]!.id);
    expect(edit.result).toMatchObject({ title: 'Mikhniuk case', court: null, status: 'unknown' });
    expect((await getAnnotation(ctx.db, set.annotations[0]!.id))!.caseIds).toEqual([edit.result.id]);
    await undoEdit(ctx.db, edit);
    expect(await readAll(ctx.db)).toEqual(before);
  });

  it('updates fields and refuses an empty title', async () => {
    const ctx = context();
    const set = makeRecordSet();
    await putAll(ctx.db, set);
    const id = set.cases[0]!.id;
    const edit = await updateCase(ctx, id, { court: 'Brest Regional Court', sentence: '' });
    expect(edit.result).toMatchObject({ court: 'Brest Regional Court', sentence: null });
    await expect(updateCase(ctx, id, { title: ' ' })).rejects.toThrow(/needs a title/);
  });

  it('deletes a case keeping its highlights; undo restores the links', async () => {
    const ctx = context();
    const set = makeRecordSet();
    await putAll(ctx.db, set);
    const before = await readAll(ctx.db);
    const edit = await deleteCase(ctx, set.cases[0]!.id);
    const after = await readAll(ctx.db);
    expect(after.cases).toEqual([]);
    expect(after.annotations).toHaveLength(2);
    await undoEdit(ctx.db, edit);
    expect(await readAll(ctx.db)).toEqual(before);
  });

  it('merges a duplicate case: links, persons, articles and dates join, differing values kept in notes', async () => {
    const ctx = context();
    const source = makeSource();
    const [p1, p2] = [makePerson(), makePerson({ name: 'Ihar Losik', aliases: [] })];
    const survivor = makeCase({ personIds: [p1.id], court: 'Brest Regional Court' });
    const other = makeCase({
      title: 'Mikhniuk: insult',
      personIds: [p2.id],
      court: 'Brest District Court',
      legalArticles: [{ code: 'Criminal Code', article: '130', part: '3' }],
      keyDates: [{ event: 'trial', date: '2022-05' }],
    });
    const fact = makeAnnotation(source.id, { caseIds: [other.id] });
    await putAll(ctx.db, { sources: [source], persons: [p1, p2], cases: [survivor, other], annotations: [fact] });
    const before = await readAll(ctx.db);
    const edit = await mergeCases(ctx, survivor.id, other.id);
    expect(edit.result.personIds).toEqual([p1.id, p2.id]);
    expect(edit.result.legalArticles.map((a) => a.article)).toEqual(['368', '130']);
    expect(edit.result.keyDates).toHaveLength(3);
    expect(edit.result.court).toBe('Brest Regional Court');
    expect(edit.result.notes).toContain('court: Brest District Court');
    expect((await getAnnotation(ctx.db, fact.id))!.caseIds).toEqual([survivor.id]);
    await undoEdit(ctx.db, edit);
    expect(await readAll(ctx.db)).toEqual(before);
  });
});

describe('what the facts say about a case', () => {
  const fact = (fields: Partial<FactFields>, site: string, id = uuid()): Mention => {
    const source = makeSource({ siteName: site });
    const annotation = makeAnnotation(source.id, {
      id,
      kind: 'fact',
      fact: { eventType: null, date: null, place: null, legalArticle: null, term: null, ...fields },
    });
    return { annotation, source, quote: 'q', link: null };
  };
  const term = (text: string, years: number) => ({ text, years, months: 0, days: 0 });

  it('shows differing values side by side with their sources and never merges them', () => {
    const kase = makeCase({ sentence: 'two years in a penal colony' });
    const mentions = [
      fact({ eventType: 'sentence', date: '2022-05', term: term('two years in a penal colony', 2) }, 'Site A'),
      fact({ eventType: 'sentence', date: '2022-06', term: term('three years in a penal colony', 3) }, 'Site B'),
      fact({ eventType: 'detention', date: '2020-03-25' }, 'Site A'),
      fact({ eventType: 'detention', date: '2020-03-25' }, 'Site B'),
    ];
    expect(caseConflicts(kase, mentions)).toEqual([
      {
        field: 'sentence date',
        values: [
          { value: '2022-05', sources: ['Site A'] },
          { value: '2022-06', sources: ['Site B'] },
        ],
      },
      {
        field: 'sentence',
        values: [
          { value: 'two years in a penal colony', sources: ['Site A', 'this case'] },
          { value: 'three years in a penal colony', sources: ['Site B'] },
        ],
      },
    ]);
    expect(caseTimeline(mentions).map((m) => m.annotation.fact?.date)).toEqual([
      '2020-03-25',
      '2020-03-25',
      '2022-05',
      '2022-06',
    ]);
  });

  it('offers the persons its highlights name that the case does not list', () => {
    const [listed, named] = [uuid(), uuid()];
    const kase = makeCase({ personIds: [listed] });
    const mention = fact({}, 'A');
    const mentions = [{ ...mention, annotation: { ...mention.annotation, personIds: [listed, named] } }];
    expect(caseProposals(kase, mentions).personIds).toEqual([named]);
  });

  it('offers the articles and sentences the case does not record yet', () => {
    const kase = makeCase({ legalArticles: [], sentence: null });
    const article = { code: 'Criminal Code', article: '368', part: '1' };
    const mentions = [
      fact({ legalArticle: article }, 'A'),
      fact({ legalArticle: article }, 'B'),
      fact({ term: term('two years in a penal colony', 2) }, 'A'),
    ];
    expect(caseProposals(kase, mentions)).toEqual({
      articles: [article],
      sentences: ['two years in a penal colony'],
      personIds: [],
    });
    expect(
      caseProposals({ ...kase, legalArticles: [article], sentence: 'two years in a penal colony' }, mentions),
    ).toEqual({
      articles: [],
      sentences: [],
      personIds: [],
    });
  });
});

describe('correcting a page’s metadata', () => {
  it.each([
    { change: { publishedTime: '2024-02-03' }, expected: { publishedTime: '2024-02-03' } },
    { change: { siteName: '  ' }, expected: { siteName: null } },
    { change: { title: ' Corrected title ' }, expected: { title: 'Corrected title' } },
    {
      change: { canonicalUrl: 'https://rights-monitor.example/a' },
      expected: { canonicalUrl: 'https://rights-monitor.example/a' },
    },
  ])('$change', async ({ change, expected }) => {
    const ctx = context();
    const source = makeSource();
    await putAll(ctx.db, { sources: [source], persons: [], cases: [], annotations: [] });
    const edit = await correctSource(ctx, source.id, change);
    expect(edit.result).toMatchObject(expected);
    await undoEdit(ctx.db, edit);
    expect(await getSource(ctx.db, source.id)).toEqual(source);
  });

  it.each([
    { change: { publishedTime: 'yesterday' }, field: /publishedTime/ },
    { change: { canonicalUrl: 'javascript:alert(1)' }, field: /canonicalUrl/ },
  ])('refuses $change naming the field', async ({ change, field }) => {
    const ctx = context();
    const source = makeSource();
    await putAll(ctx.db, { sources: [source], persons: [], cases: [], annotations: [] });
    await expect(correctSource(ctx, source.id, change)).rejects.toThrow(field);
    expect(await getSource(ctx.db, source.id)).toEqual(source);
  });
});
