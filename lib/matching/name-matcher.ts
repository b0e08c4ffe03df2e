import { latinKey } from '@/lib/names/latin-key';
import { adjacent, followsInitial, isInitial, nameTokens, type NameToken } from './name-tokens';
import { firstNameForms } from './first-names';
import { wordFormKeys } from './word-forms';

// Finds the persons of a registry in running text, whatever the spelling, script, word order or
// grammatical case. Built once per registry change (a few hundred milliseconds for 10,000 persons),
// then each page is one pass over its capitalised words with a hash lookup per word and a walk in
// a trie whose letters are name words.
//
// What counts as a mention (precision before recall; a false suggestion costs attention):
// - a full name: every word of the name or an alias, in order, any grammatical form of each word,
//   separated by spaces only ("Zinaida Mikhnyuk", "Зінаіды Міхнюк");
// - first name and surname in either order ("Mikhniuk Zinaida"), the patronymic left out or not;
// - an initial and the surname, either order ("Z. Mikhniuk", "Міхнюк З."), when exactly one person
//   with that surname has a first name starting with that initial;
// - a first name joined by "and" to another person's full name with the same surname, when exactly
//   one registered person has that first name and surname ("Tatsiana and Aliaksandr Birulia");
// - a surname alone ("Mikhniuk was released"), only when (1) exactly one person in the registry has
//   that surname, in that grammatical gender, (2) that person is also named in full somewhere on the
//   same text, and (3) the surname is not glued to another capitalised word (then it is part of
//   another person's name: "Dzianis Krasko" when the registry holds "Vadzim Krasko").
// A first name alone never matches.

/** A person as the matcher needs it: the name and every other spelling of it. */
export interface RegistryPerson {
  id: string;
  name: string;
  aliases: readonly string[];
}

/** A mention of registered persons in a text: UTF-16 offsets and the persons it may be (usually one). */
export interface PersonMention {
  start: number;
  end: number;
  personIds: string[];
  /** How it was recognised; a lone surname is the weakest evidence. */
  by: 'name' | 'initial' | 'surname';
}

/** The built matcher; plain data, so it could be posted to a worker if scanning ever moves there. */
export interface NameMatcher {
  /** Key of a word form to the ids of the name words it is a form of. */
  readonly forms: Map<string, number[]>;
  /** Trie edges: `node * WORD_SPACE + wordId` to the child node; node 0 is the root. */
  readonly edges: Map<number, number>;
  /** Persons (indices into `personIds`) whose name ends at a trie node. */
  readonly ends: Map<number, number[]>;
  /** Surname word id to the persons with that surname and the key of their first name. */
  readonly surnames: Map<number, { person: number; firstKey: string; firstId: number }[]>;
  readonly personIds: string[];
}

const WORD_SPACE = 2 ** 20;
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ-][\p{L}\p{M}\p{N}]+)*/gu;
const PATRONYMIC = /(?:vna|vih|ihna)$/;
const JOINED_NAMES = /^[ \u00a0]+(?:and|і|и|й|ды|да|&)[ \u00a0]+$/;
// Words that stand before a surname without being a first name ("Judge Kukhatskavolts").
const TITLES = new Set(
  'Judge President Minister Senator Mr Mrs Ms Dr Prof Professor Colonel General Major Captain Lieutenant Officer Citizen Судья Суддзя Президент Прэзідэнт Министр Міністр Гражданин Грамадзянін Пан Пані Спадар Спадарыня'.split(
    ' ',
  ),
);
const SENTENCE_END = /[.!?:;…"“”«»()[\]—–-]\s*$|^\s*$/;

/** True when the word at `at` is the first of its sentence, line or quotation. */
function startsSentence(text: string, at: number): boolean {
  return SENTENCE_END.test(text.slice(Math.max(0, at - 4), at));
}

/** The words of a name, with their keys; words without letters are left out. */
function wordsOf(name: string): { word: string; key: string }[] {
  return (name.match(WORD) ?? []).map((word) => ({ word, key: latinKey(word) })).filter((w) => w.key.length > 0);
}

/** Index of the surname among a name's words: the one the person's main name calls the surname. */
function surnameIndex(words: readonly { key: string }[], knownSurnames: ReadonlySet<string>): number {
  const known = words.findIndex((w) => knownSurnames.has(w.key));
  if (known >= 0) return known;
  if (words.length >= 3) {
    if (PATRONYMIC.test(words[1]!.key)) return words.length - 1; // First Patronymic Surname
    if (PATRONYMIC.test(words[words.length - 1]!.key)) return 0; // Surname First Patronymic
  }
  return words.length - 1;
}

/** Builds the matcher for a registry; rebuild it when persons, names or aliases change. */
export function buildNameMatcher(persons: readonly RegistryPerson[]): NameMatcher {
  const forms = new Map<string, number[]>();
  const wordIds = new Map<string, number>();
  const edges = new Map<number, number>();
  const ends = new Map<number, number[]>();
  const surnames = new Map<number, { person: number; firstKey: string; firstId: number }[]>();
  let nodes = 1;

  const wordId = (word: string, key: string, first: boolean): number => {
    const slot = first ? `${key} first` : key;
    let id = wordIds.get(slot);
    if (id !== undefined) return id;
    id = wordIds.size;
    wordIds.set(slot, id);
    const spellings = first ? [word, ...firstNameForms(word)] : [word];
    for (const form of new Set(spellings.flatMap(wordFormKeys))) {
      const ids = forms.get(form);
      if (!ids) forms.set(form, [id]);
      else if (!ids.includes(id)) ids.push(id);
    }
    return id;
  };
  const insert = (path: readonly number[], person: number) => {
    let node = 0;
    for (const id of path) {
      const edge = node * WORD_SPACE + id;
      let next = edges.get(edge);
      if (next === undefined) edges.set(edge, (next = nodes++));
      node = next;
    }
    const list = ends.get(node);
    if (!list) ends.set(node, [person]);
    else if (!list.includes(person)) list.push(person);
  };

  persons.forEach((person, index) => {
    const main = wordsOf(person.name);
    const mainSurname = main.length > 1 ? main[surnameIndex(main, new Set())]!.key : main[0]?.key;
    const known = new Set(mainSurname ? [mainSurname] : []);
    for (const name of [person.name, ...person.aliases]) {
      const words = wordsOf(name);
      if (!words.length) continue;
      const s = surnameIndex(words, known);
      const firstAt = words.findIndex((w, i) => i !== s && !PATRONYMIC.test(w.key));
      const ids = words.map((w, i) => wordId(w.word, w.key, i === firstAt));
      const list = surnames.get(ids[s]!) ?? [];
      const firstKey = firstAt >= 0 ? words[firstAt]!.key : '';
      const firstId = firstAt >= 0 ? ids[firstAt]! : -1;
      if (!list.some((e) => e.person === index && e.firstKey === firstKey))
        list.push({ person: index, firstKey, firstId });
      surnames.set(ids[s]!, list);
      if (words.length === 1) continue; // a single word is matched by the lone-surname rule only
      insert(ids, index);
      if (firstAt < 0) continue;
      insert([ids[firstAt]!, ids[s]!], index);
      insert([ids[s]!, ids[firstAt]!], index);
      const patronymic = words.findIndex((w, i) => i !== s && i !== firstAt && PATRONYMIC.test(w.key));
      if (patronymic >= 0) {
        insert([ids[firstAt]!, ids[patronymic]!, ids[s]!], index);
        insert([ids[s]!, ids[firstAt]!, ids[patronymic]!], index);
      }
    }
  });
  return { forms, edges, ends, surnames, personIds: persons.map((p) => p.id) };
}

/** Every mention of a registered person in `text`, in order, never overlapping. */
export function findPersonMentions(matcher: NameMatcher, text: string): PersonMention[] {
  const tokens = nameTokens(text);
  const memo = new Map<string, number[] | null>();
  const idsOf = (token: NameToken): number[] | null => {
    let ids = memo.get(token.word);
    if (ids === undefined) {
      ids = matcher.forms.get(latinKey(token.word)) ?? null;
      memo.set(token.word, ids);
    }
    return ids;
  };
  const found: PersonMention[] = [];
  const lone: { start: number; end: number; person: number }[] = [];
  const named = new Set<number>();
  const mention = (start: number, end: number, persons: readonly number[], by: PersonMention['by']) => {
    found.push({ start, end, personIds: persons.map((p) => matcher.personIds[p]!).sort(), by });
    for (const p of persons) named.add(p);
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const ids = idsOf(token);
    const initial = isInitial(text, token);
    if (!ids && !initial) continue;

    // The longest name that starts here.
    let best: { last: number; persons: number[] } | null = null;
    let frontier: number[] = [0];
    for (let j = i; j < tokens.length && frontier.length; j++) {
      if (j > i && !adjacent(text, tokens[j - 1]!, tokens[j]!)) break;
      const here = idsOf(tokens[j]!);
      if (!here) break;
      const next: number[] = [];
      for (const node of frontier) {
        for (const id of here) {
          const child = matcher.edges.get(node * WORD_SPACE + id);
          if (child !== undefined) next.push(child);
        }
      }
      frontier = next;
      const persons = [...new Set(next.flatMap((n) => matcher.ends.get(n) ?? []))];
      if (persons.length) best = { last: j, persons };
    }
    if (best) {
      // "Tatsiana and Aliaksandr Birulia": a first name joined to a full name shares its surname.
      const joined = tokens[i - 1];
      if (joined && best.last > i && JOINED_NAMES.test(text.slice(joined.end, token.start))) {
        const first = idsOf(joined) ?? [];
        const surname = idsOf(tokens[best.last]!) ?? [];
        const persons = new Set(
          surname.flatMap((id) => matcher.surnames.get(id) ?? []).filter((e) => first.includes(e.firstId)),
        );
        const last = found.at(-1);
        if (persons.size === 1 && (!last || last.end <= joined.start)) {
          mention(
            joined.start,
            joined.end,
            [...persons].map((e) => e.person),
            'name',
          );
        }
      }
      mention(token.start, tokens[best.last]!.end, best.persons, 'name');
      i = best.last;
      continue;
    }

    // "Z. Mikhniuk" and "Mikhniuk Z."
    const after = tokens[i + 1];
    if (initial && after && followsInitial(text, token, after)) {
      const persons = byInitial(matcher, idsOf(after), latinKey(token.word));
      if (persons.length === 1) {
        mention(token.start, after.end, persons, 'initial');
        i++;
        continue;
      }
    }
    if (ids && after && isInitial(text, after) && adjacent(text, token, after)) {
      const persons = byInitial(matcher, ids, latinKey(after.word));
      if (persons.length === 1) {
        mention(token.start, after.end + 1, persons, 'initial');
        i++;
        continue;
      }
    }

    // A surname alone: kept for the second pass, when the page's fully named persons are known.
    if (!ids) continue;
    const before = tokens[i - 1];
    const gluedBefore = before && adjacent(text, before, token) && !TITLES.has(before.word);
    // A capital that only starts a sentence ("Later Losik wrote") is not a first name, unless it is one.
    if (gluedBefore && (!startsSentence(text, before.start) || idsOf(before))) continue;
    if (after && adjacent(text, token, after)) continue;
    const persons = new Set(ids.flatMap((id) => matcher.surnames.get(id)?.map((e) => e.person) ?? []));
    if (persons.size === 1) lone.push({ start: token.start, end: token.end, person: [...persons][0]! });
  }

  for (const candidate of lone) {
    if (named.has(candidate.person)) mention(candidate.start, candidate.end, [candidate.person], 'surname');
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The persons with one of these surnames whose first name starts with the initial's key. */
function byInitial(matcher: NameMatcher, surnameIds: readonly number[] | null, initial: string): number[] {
  if (!surnameIds || !initial) return [];
  const persons = new Set<number>();
  for (const id of surnameIds) {
    for (const entry of matcher.surnames.get(id) ?? []) {
      if (entry.firstKey && entry.firstKey.startsWith(initial)) persons.add(entry.person);
    }
  }
  return [...persons];
}
