import { type RecordsDatabase, getCase } from '../db';
import type { Case } from '../schema/case';

/** Every case that lists a person, read through getCase so rows stay lib/db's business. */
export async function casesOfPerson(db: RecordsDatabase, personId: string): Promise<Case[]> {
  const ids = await db.cases.where('personIds').equals(personId).primaryKeys();
  const cases = await Promise.all(ids.map((id) => getCase(db, id)));
  return cases.filter((c): c is Case => c !== undefined);
}
