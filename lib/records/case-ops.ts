import { annotationsForCase, getCase, putAnnotation, putCase, deleteStoredCase } from '../db';
import type { Case } from '../schema/case';
import type { LegalArticle } from '../schema/legal-article';
import { cleanName, recordEdit, replaceId, type Edit, type RecordsContext } from './edit';
import { linkCreated } from './annotation-links';

// Cases as the researcher edits them: the same undoable Edits as persons. Deleting or merging a
// case never deletes a highlight.

/** The fields of a case a researcher edits. */
export type CaseInput = Partial<Omit<Case, 'id' | 'created' | 'modified'>> & { title?: string };

async function existing(ctx: RecordsContext, id: string): Promise<Case> {
  const kase = await getCase(ctx.db, id);
  if (!kase) throw new Error('That case no longer exists.');
  return kase;
}

const optional = (value: string | null | undefined) => (value == null ? null : cleanName(value) || null);

/** Creates a case (and links a highlight to it when `fromAnnotationId` is given). */
export async function createCase(
  ctx: RecordsContext,
  input: CaseInput & { title: string },
  fromAnnotationId: string | null = null,
): Promise<Edit<Case>> {
  const title = cleanName(input.title);
  if (!title) throw new Error('A case needs a title.');
  const id = ctx.newId();
  const annotations = fromAnnotationId ? [fromAnnotationId] : [];
  return recordEdit(ctx, { cases: [id], annotations }, `Created case ${title}.`, async () => {
    const now = ctx.now();
    const kase = await putCase(ctx.db, {
      id,
      title,
      personIds: input.personIds ?? [],
      legalArticles: input.legalArticles ?? [],
      court: optional(input.court),
      judge: optional(input.judge),
      facility: optional(input.facility),
      sentence: optional(input.sentence),
      status: input.status ?? 'unknown',
      keyDates: input.keyDates ?? [],
      notes: input.notes ?? '',
      created: now,
      modified: now,
    });
    if (fromAnnotationId) await linkCreated(ctx, fromAnnotationId, 'caseIds', id, now);
    return kase;
  });
}

/** Changes fields of a case; fields left out keep their value. */
export async function updateCase(ctx: RecordsContext, id: string, change: CaseInput): Promise<Edit<Case>> {
  const current = await existing(ctx, id);
  const title = change.title === undefined ? current.title : cleanName(change.title);
  if (!title) throw new Error('A case needs a title.');
  const pick = (key: 'court' | 'judge' | 'facility' | 'sentence') =>
    change[key] === undefined ? current[key] : optional(change[key]);
  return recordEdit(ctx, { cases: [id] }, `Updated case ${title}.`, () =>
    putCase(ctx.db, {
      ...current,
      ...change,
      title,
      court: pick('court'),
      judge: pick('judge'),
      facility: pick('facility'),
      sentence: pick('sentence'),
      modified: ctx.now(),
    }),
  );
}

/** Deletes a case; its highlights lose the link and are kept. */
export async function deleteCase(ctx: RecordsContext, id: string): Promise<Edit<Case>> {
  const kase = await existing(ctx, id);
  const ids = async () => ({ cases: [id], annotations: (await annotationsForCase(ctx.db, id)).map((a) => a.id) });
  return recordEdit(ctx, ids, `Deleted case ${kase.title}; its highlights are kept.`, async () => {
    const now = ctx.now();
    for (const a of await annotationsForCase(ctx.db, id)) {
      await putAnnotation(ctx.db, { ...a, caseIds: a.caseIds.filter((c) => c !== id), modified: now });
    }
    await deleteStoredCase(ctx.db, id);
    return kase;
  });
}

const sameArticle = (a: LegalArticle, b: LegalArticle) =>
  a.code === b.code && a.article === b.article && a.part === b.part;

/** What the other case said where the survivor says something else, so the merge loses nothing. */
function conflictNotes(survivor: Case, other: Case): string[] {
  const lines = [`Merged from case “${other.title}”.`];
  for (const key of ['court', 'judge', 'facility', 'sentence'] as const) {
    const theirs = other[key];
    if (theirs !== null && survivor[key] !== null && theirs !== survivor[key]) lines.push(`${key}: ${theirs}`);
  }
  if (other.status !== 'unknown' && other.status !== survivor.status) lines.push(`status: ${other.status}`);
  if (other.notes.trim()) lines.push(other.notes);
  return lines;
}

/** Merges `otherId` into `survivorId`: persons, articles, dates and highlights join; the other goes. */
export async function mergeCases(ctx: RecordsContext, survivorId: string, otherId: string): Promise<Edit<Case>> {
  if (survivorId === otherId) throw new Error('A case cannot be merged with itself.');
  const [survivor, other] = await Promise.all([existing(ctx, survivorId), existing(ctx, otherId)]);
  const ids = async () => ({
    cases: [survivorId, otherId],
    annotations: (await annotationsForCase(ctx.db, otherId)).map((a) => a.id),
  });
  return recordEdit(ctx, ids, `Merged case ${other.title} into ${survivor.title}.`, async () => {
    const now = ctx.now();
    const articles = [...survivor.legalArticles];
    for (const a of other.legalArticles) if (!articles.some((b) => sameArticle(a, b))) articles.push(a);
    const dates = [...survivor.keyDates];
    for (const d of other.keyDates) {
      if (!dates.some((e) => e.event === d.event && e.date === d.date)) dates.push(d);
    }
    const merged = await putCase(ctx.db, {
      ...survivor,
      personIds: [...new Set([...survivor.personIds, ...other.personIds])],
      legalArticles: articles,
      keyDates: dates,
      court: survivor.court ?? other.court,
      judge: survivor.judge ?? other.judge,
      facility: survivor.facility ?? other.facility,
      sentence: survivor.sentence ?? other.sentence,
      status: survivor.status === 'unknown' ? other.status : survivor.status,
      notes: [survivor.notes, ...conflictNotes(survivor, other)].filter((l) => l.trim()).join('\n'),
      modified: now,
    });
    for (const a of await annotationsForCase(ctx.db, otherId)) {
      await putAnnotation(ctx.db, { ...a, caseIds: replaceId(a.caseIds, otherId, survivorId), modified: now });
    }
    await deleteStoredCase(ctx.db, otherId);
    return merged;
  });
}
