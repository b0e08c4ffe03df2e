import { annotationsForPerson, getPerson, putAnnotation, putCase, putPerson, deleteStoredPerson } from '../db';
import type { Person } from '../schema/person';
import { cleanName, distinctNames, recordEdit, type Edit, type RecordsContext } from './edit';
import { casesOfPerson } from './case-queries';
import { linkCreated } from './annotation-links';

// Persons as the researcher edits them in the side panel. Each function is one undoable Edit;
// none of them ever deletes a highlight.

/** The fields a researcher types for a person. */
export interface PersonInput {
  name: string;
  aliases?: readonly string[];
  notes?: string;
}

async function existing(ctx: RecordsContext, id: string): Promise<Person> {
  const person = await getPerson(ctx.db, id);
  if (!person) throw new Error('That person no longer exists.');
  return person;
}

function requireName(name: string): string {
  const clean = cleanName(name);
  if (!clean) throw new Error('A person needs a name.');
  return clean;
}

/** Creates a person, and links a highlight to them when `fromAnnotationId` is given ("New person"). */
export async function createPerson(
  ctx: RecordsContext,
  input: PersonInput,
  fromAnnotationId: string | null = null,
): Promise<Edit<Person>> {
  const name = requireName(input.name);
  const id = ctx.newId();
  const annotations = fromAnnotationId ? [fromAnnotationId] : [];
  return recordEdit(ctx, { persons: [id], annotations }, `Created person ${name}.`, async () => {
    const now = ctx.now();
    const person = await putPerson(ctx.db, {
      id,
      name,
      aliases: distinctNames(input.aliases ?? [], [name]),
      notes: input.notes ?? '',
      created: now,
      modified: now,
    });
    if (fromAnnotationId) await linkCreated(ctx, fromAnnotationId, 'personIds', id, now);
    return person;
  });
}

/** Renames a person or changes their aliases or notes; the old name is not kept unless listed. */
export async function updatePerson(
  ctx: RecordsContext,
  id: string,
  change: Partial<PersonInput>,
): Promise<Edit<Person>> {
  const current = await existing(ctx, id);
  const name = change.name === undefined ? current.name : requireName(change.name);
  const label = name !== current.name ? `Renamed ${current.name} to ${name}.` : `Updated ${name}.`;
  return recordEdit(ctx, { persons: [id] }, label, () =>
    putPerson(ctx.db, {
      ...current,
      name,
      aliases: distinctNames(change.aliases ?? current.aliases, [name]),
      notes: change.notes ?? current.notes,
      modified: ctx.now(),
    }),
  );
}

/** Deletes a person: highlights and cases lose the link, and are otherwise untouched. */
export async function deletePerson(ctx: RecordsContext, id: string): Promise<Edit<Person>> {
  const person = await existing(ctx, id);
  const ids = async () => ({
    persons: [id],
    annotations: (await annotationsForPerson(ctx.db, id)).map((a) => a.id),
    cases: (await casesOfPerson(ctx.db, id)).map((c) => c.id),
  });
  return recordEdit(ctx, ids, `Deleted person ${person.name}; their highlights are kept.`, async () => {
    const now = ctx.now();
    for (const a of await annotationsForPerson(ctx.db, id)) {
      await putAnnotation(ctx.db, { ...a, personIds: a.personIds.filter((p) => p !== id), modified: now });
    }
    for (const kase of await casesOfPerson(ctx.db, id)) {
      await putCase(ctx.db, { ...kase, personIds: kase.personIds.filter((p) => p !== id), modified: now });
    }
    await deleteStoredPerson(ctx.db, id);
    return person;
  });
}
