import type { RecordsDatabase } from './database';

// The "All records" list shows matches newest change first, but a screenful only needs the first
// few dozen. Reading the whole modification index for 100,000 highlights takes seconds in
// Chromium, so the order is read lazily: pages of keys from the newest end (one getAllKeys each),
// growing until they hold as many matches as the list has scrolled to. Scrolling far costs what a
// full read costs, once; the top of the list costs a page.

/** The first `n` ids of a list in order, read only as far as asked. */
export interface LazyOrder {
  upTo(n: number): Promise<string[]>;
}

// The first page read, and the slack added so a small scroll does not need another read.
const FIRST_PAGE = 200;
const SLACK = 1.25;

/** The ids of `members` (every highlight when null) ordered newest change first, read lazily. */
export function newestFirstOrder(db: RecordsDatabase, members: ReadonlySet<string> | null): LazyOrder {
  let prefix: string[] = [];
  let scanned = 0;
  let exhausted = false;
  return {
    async upTo(n) {
      while (prefix.length < n && !exhausted) {
        // Guess how many keys hold `n` matches from the share seen so far, and at least double.
        const share = scanned && prefix.length ? prefix.length / scanned : members ? 0 : 1;
        const guess = share ? Math.ceil((n / share) * SLACK) : scanned * 4;
        const want = Math.max(FIRST_PAGE, guess, scanned * 2);
        const keys = await db.annotations.orderBy('modifiedKey').reverse().limit(want).primaryKeys();
        exhausted = keys.length < want;
        scanned = keys.length;
        prefix = members ? keys.filter((id) => members.has(id)) : keys;
      }
      return prefix.slice(0, n);
    },
  };
}

/** A list already in order (small enough to sort at once). */
export function fixedOrder(ids: readonly string[]): LazyOrder {
  return { upTo: async (n) => ids.slice(0, n) };
}
