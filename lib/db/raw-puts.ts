import { Dexie } from 'dexie';

// An import into an empty store writes tens of thousands of rows and ~180 MB in one transaction.
// Handed to IndexedDB directly, the rows are queued at once (Dexie's bulkPut queues them a few
// microtasks later and runs each through its middleware, which cost about a second here), so the
// browser writes the highlights' blocks while this thread builds the posting lists. Dexie still owns
// the transaction: a failed put aborts it, and the caller's transaction rejects with nothing written.
// Live queries learn of the change from the Dexie-level clears the caller makes first.

/** Queues a put of every row now; resolves once the last has been written (a transaction's requests run in order). */
export function putRows(transaction: IDBTransaction, storeName: string, rows: readonly object[]): Promise<void> {
  const store = transaction.objectStore(storeName);
  let last: IDBRequest | undefined;
  for (const row of rows) last = store.put(row);
  return new Dexie.Promise<void>((resolve, reject) => {
    if (!last) return resolve();
    const request = last;
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => reject(request.error ?? new Error('IndexedDB refused a write.')));
  });
}
