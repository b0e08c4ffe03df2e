import { getAnnotation, getCase, getPerson, putAnnotation } from '../db';
import type { Annotation, FactFields } from '../schema/annotation';
import { recordEdit, type Edit, type RecordsContext } from './edit';
import { quoteOf } from '../schema/quote-of';

// Tying a highlight to the person or case it is about, and recording the typed fields of a fact.

/** Which list of a highlight a link lives in. */
export type LinkField = 'personIds' | 'caseIds';

/**
 * Links a highlight to a person or case created from it, inside the creating edit's transaction
 * (so undo removes both). Throws when the highlight was deleted meanwhile.
 */
export async function linkCreated(
  ctx: RecordsContext,
  annotationId: string,
  field: LinkField,
  targetId: string,
  now: string,
): Promise<void> {
  const annotation = await getAnnotation(ctx.db, annotationId);
  if (!annotation) throw new Error('That highlight no longer exists.');
  await putAnnotation(ctx.db, { ...annotation, [field]: [...annotation[field], targetId], modified: now });
}

/** Adds (or with `on` false removes) the link from a highlight to a person or case. */
export async function setAnnotationLink(
  ctx: RecordsContext,
  annotationId: string,
  field: LinkField,
  targetId: string,
  on: boolean,
): Promise<Edit<Annotation>> {
  const target = field === 'personIds' ? await getPerson(ctx.db, targetId) : await getCase(ctx.db, targetId);
  if (!target) throw new Error(`That ${field === 'personIds' ? 'person' : 'case'} no longer exists.`);
  const name = 'name' in target ? target.name : target.title;
  const annotation = await getAnnotation(ctx.db, annotationId);
  if (!annotation) throw new Error('That highlight no longer exists.');
  const label = on ? `Linked “${quoteOf(annotation)}” to ${name}.` : `Unlinked “${quoteOf(annotation)}” from ${name}.`;
  return recordEdit(ctx, { annotations: [annotationId] }, label, async () => {
    const current = (await getAnnotation(ctx.db, annotationId))!;
    const ids = current[field].filter((id) => id !== targetId);
    return putAnnotation(ctx.db, {
      ...current,
      [field]: on ? [...ids, targetId] : ids,
      modified: ctx.now(),
    });
  });
}

/** Saves the typed fields of a fact highlight, after the researcher confirmed them. */
export async function saveFactFields(
  ctx: RecordsContext,
  annotationId: string,
  fact: FactFields,
): Promise<Edit<Annotation>> {
  return recordEdit(ctx, { annotations: [annotationId] }, 'Saved the fact’s details.', async () => {
    const current = await getAnnotation(ctx.db, annotationId);
    if (!current) throw new Error('That highlight no longer exists.');
    return putAnnotation(ctx.db, { ...current, fact, modified: ctx.now() });
  });
}
