import { describe, expect, it } from 'vitest';
import { annotationsForPerson, getCase, getPerson, readAll } from '@/lib/db/records';
import { searchRecords } from '@/lib/db/search';
import { setAnnotationLink } from '@/lib/records/annotation-links';
import { mergePersons } from '@/lib/records/merge-persons';
import { createPerson, deletePerson, updatePerson } from '@/lib/records/person-ops';
import { undoEdit } from '@/lib/records/inverse';
import { makeAnnotation, makeCase, makePerson, makeRecordSet, makeSource } from '../../support/records';
import { putAll, testContext } from '../../support/test-db';

const context = testContext;

describe('person edits', () => {
  it('creates a person from a highlight, linked to it, and undo removes both the person and the link', async () => {
    const ctx = context();
    const set = makeRecordSet();
    const lone = makeAnnotation(set.sources[0]!.id);
    await putAll(ctx.db, { ...set, annotations: [...set.annotations, lone] });
    const before = await readAll(ctx.db);
    const edit = await createPerson(
      ctx,
      { name: '  Zinaida   Mikhniuk ', aliases: ['Zinaida Mikhniuk', 'Міхнюк'] },
      lone.id,
    );
    expect(edit.result).toMatchObject({ name: 'Zinaida Mikhniuk', aliases: ['Міхнюк'] });
    expect((await annotationsForPerson(ctx.db, edit.result.id)).map((a) => a.id)).toEqual([lone.id]);
    await undoEdit(ctx.db, edit);
    expect(await readAll(ctx.db)).toEqual(before);
  });

  it.each([
    { input: { name: '   ' }, error: /needs a name/ },
    { input: { name: '' }, error: /needs a name/ },
  ])('refuses a person without a name ($input.name)', async ({ input, error }) => {
    await expect(createPerson(context(), input)).rejects.toThrow(error);
  });

  it('renames and edits aliases; undo restores the old spelling', async () => {
    const ctx = context();
    const set = makeRecordSet();
    await putAll(ctx.db, set);
    const id = set.persons[0]!.id;
    const edit = await updatePerson(ctx, id, {
      name: 'Zinaïda Mikhniuk',
      aliases: ['Зінаіда Міхнюк', 'Зинаида Михнюк'],
    });
    expect(edit.label).toBe('Renamed Zinaida Mikhniuk to Zinaïda Mikhniuk.');
    expect(await getPerson(ctx.db, id)).toMatchObject({ aliases: ['Зінаіда Міхнюк', 'Зинаида Михнюк'] });
    await undoEdit(ctx.db, edit);
    expect(await getPerson(ctx.db, id)).toEqual(set.persons[0]);
  });

  it('deleting a person keeps every highlight and case, only the links go; undo brings the links back', async () => {
    const ctx = context();
    const set = makeRecordSet();
    await putAll(ctx.db, set);
    const before = await readAll(ctx.db);
    await deletePerson(ctx, set.persons[0]!.id).then(async (edit) => {
      const after = await readAll(ctx.db);
      expect(after.persons).toEqual([]);
      expect(after.annotations.map((a) => a.id).sort()).toEqual(before.annotations.map((a) => a.id).sort());
      expect(after.annotations.every((a) => a.personIds.length === 0)).toBe(true);
      expect((await getCase(ctx.db, set.cases[0]!.id))!.personIds).toEqual([]);
      await undoEdit(ctx.db, edit);
    });
    expect(await readAll(ctx.db)).toEqual(before);
  });

  it('a deleted person leaves search with it, and undo brings it back to search', async () => {
    const ctx = context();
    const set = makeRecordSet();
    await putAll(ctx.db, set);
    const person = set.persons[0]!;
    const word = person.name.split(' ')[0]!;
    const found = async () => (await searchRecords(ctx.db, word)).persons.map((p) => p.id);
    const matches = async () => (await searchRecords(ctx.db, word)).matches.persons;
    const stored = await matches();
    expect(await found()).toContain(person.id);
    const edit = await deletePerson(ctx, person.id);
    expect(await found()).not.toContain(person.id);
    // No posting may outlive its record: the count of matches would still include it.
    expect(await matches()).toBe(stored - 1);
    await undoEdit(ctx.db, edit);
    expect(await found()).toContain(person.id);
    expect(await matches()).toBe(stored);
  });

  it('links and unlinks a highlight', async () => {
    const ctx = context();
    const set = makeRecordSet();
    const other = makePerson({ name: 'Ihar Losik', aliases: [] });
    await putAll(ctx.db, { ...set, persons: [...set.persons, other] });
    const mention = set.annotations[0]!;
    const linked = await setAnnotationLink(ctx, mention.id, 'personIds', other.id, true);
    expect(linked.result.personIds).toEqual([set.persons[0]!.id, other.id]);
    expect(linked.label).toBe('Linked “Zinaida Mikhniuk” to Ihar Losik.');
    const unlinked = await setAnnotationLink(ctx, mention.id, 'personIds', set.persons[0]!.id, false);
    expect(unlinked.result.personIds).toEqual([other.id]);
  });
});

describe('merging persons', () => {
  it('moves every link to the survivor, keeps the other’s spellings and notes, and undo restores both', async () => {
    const ctx = context();
    const source = makeSource();
    const survivor = makePerson({ name: 'Siarhei Tsikhanouski', aliases: ['Сяргей Ціханоўскі'], notes: 'Blogger.' });
    const other = makePerson({
      name: 'Sergei Tikhanovsky',
      aliases: ['Сергей Тихановский', 'Сяргей Ціханоўскі'],
      notes: 'Held in isolation.',
    });
    const both = makeAnnotation(source.id, { personIds: [other.id, survivor.id] });
    const theirs = makeAnnotation(source.id, { personIds: [other.id] });
    const kase = makeCase({ personIds: [other.id] });
    await putAll(ctx.db, { sources: [source], persons: [survivor, other], cases: [kase], annotations: [both, theirs] });
    const before = await readAll(ctx.db);

    const edit = await mergePersons(ctx, survivor.id, other.id);
    expect(edit.result.aliases).toEqual(['Сяргей Ціханоўскі', 'Sergei Tikhanovsky', 'Сергей Тихановский']);
    expect(edit.result.notes).toBe('Blogger.\n\nFrom Sergei Tikhanovsky:\nHeld in isolation.');
    const after = await readAll(ctx.db);
    expect(after.persons.map((p) => p.id)).toEqual([survivor.id]);
    expect(after.annotations.map((a) => a.personIds)).toEqual([[survivor.id], [survivor.id]]);
    expect(after.cases[0]!.personIds).toEqual([survivor.id]);
    expect(after.annotations).toHaveLength(2);

    await undoEdit(ctx.db, edit);
    expect(await readAll(ctx.db)).toEqual(before);
  });

  it('refuses to merge a person with themselves', async () => {
    const ctx = context();
    const p = makePerson();
    await putAll(ctx.db, { sources: [], persons: [p], cases: [], annotations: [] });
    await expect(mergePersons(ctx, p.id, p.id)).rejects.toThrow(/themselves/);
  });
});
