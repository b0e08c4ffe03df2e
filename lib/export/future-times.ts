import type { RecordSet } from '../schema/envelope';

// A record's own times (when it was made, changed, visited, checked) cannot be in the future: a file
// whose `modified` is next year would win every merge against the researcher's own edits. A day of
// slack covers clocks that are off and time zones; the times a page declares (publishedTime) are
// the page's claims and are not judged here.

/** How far ahead of the importing clock a record's time may be. */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** The first record time in `set` later than `now` plus a day, with its path; null when there is none. */
export function firstFutureTime(set: RecordSet, now: string): { path: string; value: string } | null {
  const limit = Date.parse(now) + FUTURE_SLACK_MS;
  const check = (path: string, value: string | null | undefined) =>
    value != null && Date.parse(value) > limit ? { path, value } : null;
  const rows: [string, readonly Record<string, unknown>[], readonly string[]][] = [
    ['sources', set.sources, ['firstAccessed', 'lastAccessed']],
    ['annotations', set.annotations, ['created', 'modified']],
    ['persons', set.persons, ['created', 'modified']],
    ['cases', set.cases, ['created', 'modified']],
  ];
  for (const [table, records, fields] of rows) {
    for (let i = 0; i < records.length; i++) {
      for (const field of fields) {
        const found = check(`${table}[${i}].${field}`, records[i]![field] as string | undefined);
        if (found) return found;
      }
    }
  }
  for (let i = 0; i < set.annotations.length; i++) {
    const found = check(`annotations[${i}].anchoring.checkedAt`, set.annotations[i]!.anchoring.checkedAt);
    if (found) return found;
  }
  return null;
}
