import type { RegistryPerson } from '@/lib/matching/name-matcher';

// A registry at the scale and a page of about 1 MB to scan against it, from a fixed seed.
// Each person has a main name in Latin and three aliases: Cyrillic, another romanisation, and the
// surname-first order. The page is report prose in English and Belarusian, with a registered name
// in about one sentence in twenty and many capitalised words that are not names.

/** A small deterministic generator (mulberry32), so every run scans the same page. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  ['Aliaksandr', 'Аляксандр', 'Alyaksandr'],
  ['Siarhei', 'Сяргей', 'Siarhiej'],
  ['Zinaida', 'Зінаіда', 'Zinaïda'],
  ['Mikalai', 'Мікалай', 'Mikałaj'],
  ['Tatsiana', 'Тацяна', 'Taciana'],
  ['Yauhen', 'Яўген', 'Jaŭhien'],
  ['Volha', 'Вольга', 'Volga'],
  ['Ihar', 'Ігар', 'Ihar'],
];
const SYLLABLES = [
  ['ka', 'ка'],
  ['lu', 'лу'],
  ['sha', 'ша'],
  ['mi', 'мі'],
  ['kho', 'хо'],
  ['tsi', 'ці'],
  ['re', 'рэ'],
  ['nia', 'ня'],
  ['zho', 'жо'],
  ['bu', 'бу'],
  ['dva', 'два'],
  ['po', 'по'],
];
const ENDINGS = [
  ['uk', 'юк'],
  ['ouski', 'оўскі'],
  ['enka', 'енка'],
  ['ovich', 'овіч'],
  ['ou', 'оў'],
  ['ava', 'ава'],
];

/** `count` persons with three aliases each; surnames are unique, so lone surnames can match. */
export function syntheticRegistry(count: number, seed = 7): RegistryPerson[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const seen = new Set<string>();
  const persons: RegistryPerson[] = [];
  while (persons.length < count) {
    const parts = Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES));
    const ending = pick(ENDINGS);
    const latin = parts.map((p) => p[0]).join('') + ending[0];
    if (seen.has(latin)) continue;
    seen.add(latin);
    const surname = latin[0]!.toUpperCase() + latin.slice(1);
    const cyr = parts.map((p) => p[1]).join('') + ending[1];
    const cyrillic = cyr[0]!.toUpperCase() + cyr.slice(1);
    const first = pick(FIRST);
    const variant = surname.replace('kh', 'ch').replace('ts', 'c').replace(/ou/g, 'ov');
    persons.push({
      id: `p${persons.length}`,
      name: `${first[0]} ${surname}`,
      aliases: [`${first[1]} ${cyrillic}`, `${first[2]} ${variant}`, `${surname} ${first[0]}`],
    });
  }
  return persons;
}

const PROSE = [
  'On January 23 the Minsk Regional Court upheld the sentence, and the Prosecutor General did not object.',
  'According to Viasna, the Investigative Committee opened a criminal case under Part 1 of Article 342.',
  'У студзені Мінскі гарадскі суд разгледзеў справу; Генеральная пракуратура не пярэчыла.',
  'The hearing at the Homiel Regional Court lasted three days, behind closed doors.',
  'Сваякі палітвязня паведамілі, што ён атрымаў ліст толькі ў лютым.',
  'Human Rights Center Viasna recorded 349 administrative cases in January 2024.',
];

/** About `size` characters of report prose, naming a registered person in about one sentence in twenty. */
export function syntheticPage(persons: readonly RegistryPerson[], size: number, seed = 11): string {
  const next = random(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    let sentence = PROSE[Math.floor(next() * PROSE.length)]!;
    if (next() < 0.05) {
      const person = persons[Math.floor(next() * persons.length)]!;
      const spelling = [person.name, ...person.aliases][Math.floor(next() * 4)]!;
      sentence = `${sentence} Political prisoner ${spelling} was named in the report.`;
    }
    parts.push(sentence);
    length += sentence.length + 1;
  }
  return parts.join(' ');
}
