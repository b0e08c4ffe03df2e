// The "All records" list shows matches newest change first, but a screenful only needs the first
// few dozen ids. The order comes from the posting lists' ranks (field-keys.ts) and is known whole;
// the list still asks for it a window at a time, so a source that reads lazily could stand in.

/** The first `n` ids of a list in order, read only as far as asked. */
export interface LazyOrder {
  upTo(n: number): Promise<string[]>;
}

/** A list already in order. */
export function fixedOrder(ids: readonly string[]): LazyOrder {
  return { upTo: async (n) => ids.slice(0, n) };
}
