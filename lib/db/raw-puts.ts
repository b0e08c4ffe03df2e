import { Dexie, type Transaction } from 'dexie';

// An import into an empty store writes tens of thousands of rows and ~180 MB in one transaction.
// Handed to IndexedDB directly, the rows are queued at once (Dexie's bulkPut queues them a few
// microtasks later and runs each through its middleware, which cost about a second here), so the
// browser writes the highlights' blocks while this thread builds the posting lists. Dexie still owns
// the transaction: a failed put aborts it, and the caller's transaction rejects with nothing written.
// Live queries learn of the change from the Dexie-level clears the caller makes first.

/** Writes queued but not yet done: awaited at the end of the transaction, so later work overlaps them. */
export interface Queued {
  written: Promise<void>;
}

/** The IndexedDB transaction beneath the current Dexie read-write transaction; call before the scope's first await. */
export function readWriteIdb(): IDBTransaction {
  const transaction = Dexie.currentTransaction as (Transaction & { idbtrans?: IDBTransaction }) | null;
  if (transaction?.mode !== 'readwrite' || !transaction.idbtrans) {
    throw new Error('A bulk write ran outside a read-write transaction; nothing was written.');
  }
  return transaction.idbtrans;
}

/** All the given writes, as one. */
export function allWritten(queued: readonly Queued[]): Queued {
  return { written: Dexie.Promise.all(queued.map((q) => q.written)).then(() => undefined) };
}

/** Queues a put of every row now; resolves once the last has been written (a transaction's requests run in order). */
export function putRows(transaction: IDBTransaction, storeName: string, rows: readonly object[]): Queued {
  const store = transaction.objectStore(storeName);
  let last: IDBRequest | undefined;
  for (const row of rows) last = store.put(row);
  const written = new Dexie.Promise<void>((resolve, reject) => {
    if (!last) return resolve();
    const request = last;
    request.addEventListener('success', () => resolve());
    request.addEventListener('error', () => reject(request.error ?? new Error('IndexedDB refused a write.')));
  });
  return { written };
}
