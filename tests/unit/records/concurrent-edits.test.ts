import { describe, expect, it } from 'vitest';
import { getAnnotation, putAnnotation, putPerson, putSource } from '@/lib/db/records';
import { saveFactFields, setAnnotationLink } from '@/lib/records/annotation-links';
import { recordAnchoring, updateAnnotation, type ServiceContext } from '@/lib/records/annotation-service';
import { openTestDb } from '../../support/test-db';
import { makeAnnotation, makePerson, makeSource, uuid } from '../../support/records';

// Issue 13: edits of the same highlight from two places at the same moment (the page's card through
// the background, the side panel) both survive. Each read-modify-write is one read-write
// transaction, so the second reads what the first wrote instead of an older copy.

const PAGE = 'http://127.0.0.1:5179/release-digest.html';

async function setUp() {
  let tick = 0;
  const db = openTestDb();
  const ctx: ServiceContext = {
    db,
    now: () => `2026-12-07T10:00:${String(tick++).padStart(2, '0')}.000Z`,
    newId: () => uuid(),
    creator: async () => null,
    lastKind: async () => 'person',
    rememberKind: async () => undefined,
  };
  const source = await putSource(db, makeSource({ url: PAGE }));
  const person = await putPerson(db, makePerson());
  const highlight = await putAnnotation(db, makeAnnotation(source.id, { kind: 'fact', fact: null }));
  return { ctx, person, highlight };
}

describe('two edits of one highlight at the same moment', () => {
  it('keeps the note saved from the page and the link made in the side panel', async () => {
    const { ctx, person, highlight } = await setUp();
    await Promise.all([
      updateAnnotation(ctx, { id: highlight.id, note: 'Her lawyer confirmed the date.' }, PAGE),
      setAnnotationLink(ctx, highlight.id, 'personIds', person.id, true),
    ]);
    const stored = await getAnnotation(ctx.db, highlight.id);
    expect(stored).toMatchObject({ note: 'Her lawyer confirmed the date.', personIds: [person.id] });
  });

  it('keeps the fact fields saved in the side panel while the page reports the highlight lost', async () => {
    const { ctx, highlight } = await setUp();
    const fact = { eventType: 'release', date: '2024-01-29', place: 'Homieĺ', legalArticle: null, term: null } as const;
    await Promise.all([
      recordAnchoring(ctx, [{ id: highlight.id, state: 'orphaned' }], PAGE),
      saveFactFields(ctx, highlight.id, { ...fact }),
    ]);
    const stored = await getAnnotation(ctx.db, highlight.id);
    expect(stored?.fact).toEqual(fact);
    expect(stored?.anchoring.state).toBe('orphaned');
  });

  it('keeps both of two notes in order: the later one wins, and nothing else is lost', async () => {
    const { ctx, person, highlight } = await setUp();
    await setAnnotationLink(ctx, highlight.id, 'personIds', person.id, true);
    await Promise.all([
      updateAnnotation(ctx, { id: highlight.id, note: 'first' }, PAGE),
      updateAnnotation(ctx, { id: highlight.id, kind: 'person' }, PAGE),
    ]);
    expect(await getAnnotation(ctx.db, highlight.id)).toMatchObject({
      note: 'first',
      kind: 'person',
      personIds: [person.id],
    });
  });
});
