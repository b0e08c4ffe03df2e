import { type RecordsDatabase, countWhere } from '@/lib/db';
import { useLiveQuery } from './use-live-query';

/**
 * How many highlights link to each of `ids` (persons or cases), kept live. Only the records on
 * screen are counted, so a list of a few hundred stays quick however many records are stored.
 */
export function useLinkCounts(
  db: RecordsDatabase,
  field: 'personIds' | 'caseIds',
  ids: readonly string[],
): Map<string, number> | undefined {
  const key = ids.join(',');
  return useLiveQuery(async () => {
    const counts = await Promise.all(ids.map((id) => countWhere(db, field === 'personIds' ? 'person' : 'case', id)));
    return new Map(ids.map((id, i) => [id, counts[i]!]));
  }, [db, field, key]);
}
