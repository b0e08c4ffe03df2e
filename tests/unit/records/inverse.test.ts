import { describe, expect, it } from 'vitest';
import { getAnnotation, getPerson } from '@/lib/db';
import { setAnnotationLink } from '@/lib/records/annotation-links';
import { inverseOf, undoEdit } from '@/lib/records/inverse';
import { createPerson } from '@/lib/records/person-ops';
import { updateAnnotation } from '@/lib/records/annotation-service';
import { makeAnnotation, makeRecordSet } from '../../support/records';
import { putAll, testContext } from '../../support/test-db';

// Issue 13: an undo applies the inverse of its own edit to the records as they are now, so it never
// overwrites a later change, never deletes a person something still links to, never breaks a link.

describe('inverseOf', () => {
  it.each<[string, object, object, object, object]>([
    ['a field the edit changed goes back', { note: 'a' }, { note: 'b' }, { note: 'b' }, { note: 'a' }],
    ['a field changed again since keeps the later value', { note: 'a' }, { note: 'b' }, { note: 'c' }, { note: 'c' }],
    [
      'a field the edit did not touch keeps its later value',
      { note: 'a', kind: 'x' },
      { note: 'b', kind: 'x' },
      { note: 'b', kind: 'y' },
      { note: 'a', kind: 'y' },
    ],
    [
      'a link the edit added goes, a later one stays',
      { personIds: ['p1'] },
      { personIds: ['p1', 'p2'] },
      { personIds: ['p1', 'p2', 'p3'] },
      { personIds: ['p1', 'p3'] },
    ],
    [
      'a link the edit removed comes back in its place',
      { personIds: ['p1', 'p2'] },
      { personIds: ['p2'] },
      { personIds: ['p2', 'p3'] },
      { personIds: ['p1', 'p2', 'p3'] },
    ],
  ])('%s', (_label, before, after, current, expected) => {
    expect(inverseOf(before, after, current)).toEqual(expected);
  });
});

describe('undo after later work (the scenario of issue 13)', () => {
  it('keeps the later note, the person another highlight links to, and every link whole', async () => {
    const ctx = testContext();
    const set = makeRecordSet();
    const h = makeAnnotation(set.sources[0]!.id);
    const h2 = makeAnnotation(set.sources[0]!.id);
    await putAll(ctx.db, { ...set, annotations: [...set.annotations, h, h2] });
    const service = {
      ...ctx,
      creator: async () => null,
      lastKind: async () => 'person',
      rememberKind: async () => undefined,
    };

    // "New person" from H in the side panel, then H2 linked to that person, then a note on H.
    const created = await createPerson(ctx, { name: 'Zinaida Mikhniuk', aliases: [] }, h.id);
    const person = created.result;
    await setAnnotationLink(ctx, h2.id, 'personIds', person.id, true);
    await updateAnnotation(service, { id: h.id, note: 'Her lawyer confirmed the date.' }, null);

    // Ctrl+Z on the first edit.
    const { kept } = await undoEdit(ctx.db, created);
    expect(kept).toEqual([`the person “Zinaida Mikhniuk”, still linked`]);
    expect(await getPerson(ctx.db, person.id)).toBeTruthy();
    expect(await getAnnotation(ctx.db, h.id)).toMatchObject({ note: 'Her lawyer confirmed the date.', personIds: [] });
    expect((await getAnnotation(ctx.db, h2.id))?.personIds).toEqual([person.id]);
  });

  it('removes the person it made when nothing changed or links to it since', async () => {
    const ctx = testContext();
    const set = makeRecordSet();
    const h = makeAnnotation(set.sources[0]!.id);
    await putAll(ctx.db, { ...set, annotations: [...set.annotations, h] });
    const created = await createPerson(ctx, { name: 'Zinaida Mikhniuk', aliases: [] }, h.id);
    expect((await undoEdit(ctx.db, created)).kept).toEqual([]);
    expect(await getPerson(ctx.db, created.result.id)).toBeUndefined();
    expect((await getAnnotation(ctx.db, h.id))?.personIds).toEqual([]);
  });
});
