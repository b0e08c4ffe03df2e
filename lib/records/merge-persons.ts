import { annotationsForPerson, getPerson, putAnnotation, putCase, putPerson, deleteStoredPerson } from '../db';
import type { Person } from '../schema/person';
import { casesOfPerson } from './case-queries';
import { distinctNames, recordEdit, replaceId, type Edit, type RecordsContext } from './edit';

// Two records for one person happen whenever a name is met in two spellings before anyone notices.
// Merging keeps the survivor's id; everything that pointed at the other now points at the survivor,
// and the other's name, aliases and notes are kept on the survivor, so nothing a researcher typed is lost.

/** Notes of both, the other's under a line naming where they came from; equal notes are kept once. */
function mergedNotes(survivor: Person, other: Person): string {
  if (!other.notes.trim() || other.notes === survivor.notes) return survivor.notes;
  const from = `From ${other.name}:\n${other.notes}`;
  return survivor.notes.trim() ? `${survivor.notes}\n\n${from}` : from;
}

/** Merges `otherId` into `survivorId`: links move, the other's spellings become aliases, the other goes. */
export async function mergePersons(ctx: RecordsContext, survivorId: string, otherId: string): Promise<Edit<Person>> {
  if (survivorId === otherId) throw new Error('A person cannot be merged with themselves.');
  const [survivor, other] = await Promise.all([getPerson(ctx.db, survivorId), getPerson(ctx.db, otherId)]);
  if (!survivor || !other) throw new Error('One of the two persons no longer exists.');
  const ids = async () => ({
    persons: [survivorId, otherId],
    annotations: (await annotationsForPerson(ctx.db, otherId)).map((a) => a.id),
    cases: (await casesOfPerson(ctx.db, otherId)).map((c) => c.id),
  });
  return recordEdit(ctx, ids, `Merged ${other.name} into ${survivor.name}.`, async () => {
    const now = ctx.now();
    const merged = await putPerson(ctx.db, {
      ...survivor,
      aliases: distinctNames([...survivor.aliases, other.name, ...other.aliases], [survivor.name]),
      notes: mergedNotes(survivor, other),
      modified: now,
    });
    for (const a of await annotationsForPerson(ctx.db, otherId)) {
      await putAnnotation(ctx.db, { ...a, personIds: replaceId(a.personIds, otherId, survivorId), modified: now });
    }
    for (const c of await casesOfPerson(ctx.db, otherId)) {
      await putCase(ctx.db, { ...c, personIds: replaceId(c.personIds, otherId, survivorId), modified: now });
    }
    await deleteStoredPerson(ctx.db, otherId);
    return merged;
  });
}
