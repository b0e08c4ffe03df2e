import { nameKeys } from '../names/name-keys';

// The autocomplete behind "Link to person" and "Link to case": a researcher types (or the quote
// brings) a name in whatever spelling or script the page used, and the record is found under any of
// its names. Names are compared word by word as romanisation-neutral Latin keys, each typed word as
// a prefix, in any order, so "Міхнюк" finds "Zinaida Mikhniuk" and "tikhanovsky s" finds "Siarhei Tsikhanouski".

/** Something that can be linked to: its id and every name it goes by (main name first). */
export interface NamedRecord {
  id: string;
  names: readonly string[];
}

/** One suggestion: the record and the spelling that matched, to show why it was offered. */
export interface NameMatch {
  id: string;
  matched: string;
  score: number;
}

/** Most suggestions the autocomplete lists. */
export const MAX_SUGGESTIONS = 8;

/** How well one spelling answers the query's keys; 0 when some query word has no match. */
function scoreName(queryKeys: readonly string[], name: string): number {
  const keys = nameKeys(name);
  const used = new Set<number>();
  let score = 0;
  for (const q of queryKeys) {
    let best = -1;
    let bestScore = 0;
    keys.forEach((k: string, i: number) => {
      if (used.has(i)) return;
      // A typed prefix can end inside a digraph ("Mik" of "Mikhniuk"): its key's last letter may differ.
      const s = k === q ? 3 : k.startsWith(q) ? 2 : q.length > 2 && k.startsWith(q.slice(0, -1)) ? 1 : 0;
      if (s > bestScore) [best, bestScore] = [i, s];
    });
    if (best < 0) return 0;
    used.add(best);
    score += bestScore;
  }
  // A name with fewer words beyond those typed is the likelier one.
  return score * 10 - (keys.length - used.size);
}

/** Records whose names match `query`, best first (ties keep the given order); empty for an empty query. */
export function matchNames(query: string, records: readonly NamedRecord[], limit = MAX_SUGGESTIONS): NameMatch[] {
  const queryKeys = nameKeys(query).filter(Boolean);
  if (!queryKeys.length) return [];
  const matches: NameMatch[] = [];
  for (const record of records) {
    let best: NameMatch | null = null;
    record.names.forEach((name, i) => {
      // The main name wins a tie with an alias.
      const score = scoreName(queryKeys, name) * 2 + (i === 0 ? 1 : 0);
      if (score > 1 && (!best || score > best.score)) best = { id: record.id, matched: name, score };
    });
    if (best) matches.push(best);
  }
  return matches.sort((a, b) => b.score - a.score).slice(0, limit);
}
