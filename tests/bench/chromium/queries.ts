import type { Source } from '@/lib/schema/source';
import { prng, randomTools } from './generate';

// What a researcher asks the store for: the records of the page in the current tab, reached by
// a link that carries tracking parameters or by the page's canonical URL, and searches for names
// typed the way a keyboard allows (no diacritics, other script, a prefix).

/** A page lookup and how many highlights the store holds for it. */
export interface Lookup {
  url: string;
  by: 'visited' | 'canonical';
  expected: number;
}

/**
 * `count` lookups of distinct random sources: half by the visited URL with a tracking parameter
 * appended, half by the canonical URL (among sources that declare one).
 */
export function pickLookups(
  seed: number,
  sources: readonly Source[],
  annotationsPerSource: ReadonlyMap<string, number>,
  count: number,
): Lookup[] {
  const { int } = randomTools(prng(seed));
  const chosen = new Set<number>();
  const lookups: Lookup[] = [];
  while (lookups.length < count && chosen.size < sources.length) {
    const index = int(0, sources.length - 1);
    if (chosen.has(index)) continue;
    chosen.add(index);
    const source = sources[index]!;
    const expected = annotationsPerSource.get(source.id) ?? 0;
    if (lookups.length % 2 === 0) {
      const url = new URL(source.url);
      url.searchParams.append(lookups.length % 4 === 0 ? 'utm_campaign' : 'fbclid', `bench${index}`);
      lookups.push({ url: url.href, by: 'visited', expected });
    } else if (source.canonicalUrl) {
      lookups.push({ url: source.canonicalUrl, by: 'canonical', expected });
    }
  }
  return lookups;
}

/** A name as typed on a keyboard without its diacritics ("Aleś Łukašenka" → "Ales Lukasenka"). */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l').replace(/Ł/g, 'L');
}

/**
 * `count` search queries over the persons' names, in a fixed mix: full names with and without
 * diacritics and in Cyrillic, surnames alone, name prefixes in both scripts, places.
 */
export function pickQueries(
  seed: number,
  names: readonly { latin: string; cyrillic: string }[],
  count: number,
): string[] {
  const { pick, int } = randomTools(prng(seed));
  const surname = (name: string) => name.split(' ')[1] ?? name;
  const prefix = (word: string) => word.slice(0, int(3, Math.max(3, word.length - 2)));
  const makers: ((name: { latin: string; cyrillic: string }) => string)[] = [
    (n) => withoutDiacritics(n.latin).toLowerCase(), // "ales mikhniuk"
    (n) => n.latin, // "Aleś Mikhniuk"
    (n) => n.cyrillic, // "Алесь Міхнюк"
    (n) => withoutDiacritics(surname(n.latin)), // "Lukasenka"
    (n) => surname(n.cyrillic), // "Лукашенка"
    (n) => prefix(withoutDiacritics(surname(n.latin)).toLowerCase()), // "luka"
    (n) => prefix(surname(n.cyrillic).toLowerCase()), // "лука"
    (n) => `${withoutDiacritics(n.latin.split(' ')[0]!)} ${prefix(surname(n.latin))}`, // "Ales Mikh"
    (n) => `${n.cyrillic.split(' ')[0]} ${prefix(surname(n.cyrillic))}`, // "Алесь Міх"
    () => pick(['homiel', 'Homieĺ colony', 'Гродна', 'mahiliou', 'brest court', 'Ліда']),
  ];
  return Array.from({ length: count }, (_, i) => makers[i % makers.length]!(pick(names)));
}
