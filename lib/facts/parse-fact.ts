import type { EVENT_TYPES, FactFields, Term } from '../schema/annotation';
import { findLegalArticles } from './legal-articles';

type EventType = (typeof EVENT_TYPES)[number];

// A fact highlight's typed fields, guessed from its quote so the researcher only has to confirm:
// "detained on March 25, 2020" gives a detention on 2020-03-25, "two years in a penal colony" a
// term. Only what the words say is filled in; anything unclear stays null. Pure, no DOM.

const MONTHS: readonly (readonly string[])[] = [
  ['january', 'января', 'студзеня', 'jan'],
  ['february', 'февраля', 'лютага', 'feb'],
  ['march', 'марта', 'сакавіка', 'mar'],
  ['april', 'апреля', 'красавіка', 'apr'],
  ['may', 'мая'],
  ['june', 'июня', 'чэрвеня', 'jun'],
  ['july', 'июля', 'ліпеня', 'jul'],
  ['august', 'августа', 'жніўня', 'aug'],
  ['september', 'сентября', 'верасня', 'sep', 'sept'],
  ['october', 'октября', 'кастрычніка', 'oct'],
  ['november', 'ноября', 'лістапада', 'nov'],
  ['december', 'декабря', 'снежня', 'dec'],
];
const MONTH_INDEX = new Map(MONTHS.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));
const MONTH = `(${[...MONTH_INDEX.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const NOT_LETTER_BEFORE = '(?<!\\p{L})';
const NOT_LETTER_AFTER = '(?!\\p{L})';

const NUMBER_WORDS = new Map<string, number>(
  [
    ['a', 'an', 'one', 'один', 'одна', 'одного', 'адзін', 'адна'],
    ['two', 'два', 'две', 'двух', 'дзве', 'дзвюх'],
    ['three', 'три', 'трёх', 'трех', 'тры', 'трох'],
    ['four', 'четыре', 'четырёх', 'чатыры'],
    ['five', 'пять', 'пяти', 'пяць'],
    ['six', 'шесть', 'шэсць'],
    ['seven', 'семь', 'сем'],
    ['eight', 'восемь', 'восем'],
    ['nine', 'девять', 'дзевяць'],
    ['ten', 'десять', 'дзесяць'],
    ['eleven'],
    ['twelve'],
    ['thirteen'],
    ['fourteen'],
    ['fifteen'],
  ].flatMap((words, i) => words.map((w) => [w, i + 1] as const)),
);
const NUMBER = `(\\d{1,3}|${[...NUMBER_WORDS.keys()].sort((a, b) => b.length - a.length).join('|')})`;
const UNITS: readonly [RegExp, 'years' | 'months' | 'days'][] = [
  [/^(years?|год|года|лет|гады|гадоў|год)$/u, 'years'],
  [/^(months?|месяц|месяца|месяцев|месяцы|месяцаў)$/u, 'months'],
  [/^(days?|день|дня|дней|дзень|дні|дзён)$/u, 'days'],
];
const UNIT =
  '(years?|months?|days?|года|год|лет|гады|гадоў|месяцев|месяца|месяцы|месяцаў|месяц|дней|дня|день|дзён|дні|дзень)';
const PART = `${NOT_LETTER_BEFORE}${NUMBER}\\s+${UNIT}${NOT_LETTER_AFTER}`;
const JOIN = '(?:\\s*,\\s*|\\s+and\\s+|\\s+и\\s+|\\s+і\\s+|\\s*,\\s*and\\s+)';
const REGIME =
  '(?:\\s+(?:in|of|at)\\s+(?:an?\\s+|the\\s+)?(?:[\\p{L}-]+\\s+)?(?:colony|confinement|freedom|prison|imprisonment|custody|settlement|detention|restraint)|\\s+(?:колонии|лишения свободы|ограничения свободы|домашнего ареста|калоніі|пазбаўлення волі|абмежавання волі|хатняга арышту))?';
const TERM = new RegExp(`${PART}(?:${JOIN}${PART})*${REGIME}`, 'iu');
const TERM_PART = new RegExp(PART, 'giu');

/** Event keywords in English, Russian and Belarusian, as word beginnings. */
const EVENT_WORDS: readonly [EventType, readonly string[]][] = [
  ['detention', ['detain', 'detention', 'arrest', 'задержа', 'задержан', 'арестова', 'затрыма']],
  ['search', ['search', 'raid', 'обыск', 'ператрус', 'вобшук']],
  ['charge', ['charge', 'indict', 'accused', 'обвин', 'абвінав']],
  ['sentence', ['sentenc', 'convict', 'приговор', 'осужд', 'осуждён', 'прысуд', 'асудж']],
  ['appeal', ['appeal', 'апелляц', 'апеляц']],
  ['trial', ['trial', 'hearing', 'судебн', 'суд над', 'працэс']],
  ['transfer', ['transfer', 'этапир', 'переведен', 'перавед', 'этапаван']],
  [
    'release',
    ['releas', 'freed', 'walked free', 'освобожд', 'вышла на свободу', 'вышел на свободу', 'вызвал', 'выйшл'],
  ],
  ['death', ['died', 'death', 'умер', 'скончал', 'смерть', 'памёр', 'памерл', 'смерць']],
  ['fine', ['fined', 'a fine', 'штраф']],
  ['designation', ['designat', 'extremist', 'экстремист', 'экстрэміст', 'terrorist', 'террорист', 'тэрарыст']],
];
const EVENT_PATTERNS = EVENT_WORDS.map(
  ([type, words]) => [type, new RegExp(`${NOT_LETTER_BEFORE}(?:${words.join('|')})`, 'iu')] as const,
);

const pad = (n: number) => String(n).padStart(2, '0');
const validDay = (y: number, m: number, d: number) => d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();

interface Found<T> {
  at: number;
  value: T;
}

function earliest<T>(found: readonly (Found<T> | null)[]): T | null {
  const hits = found.filter((f): f is Found<T> => f !== null).sort((a, b) => a.at - b.at);
  return hits[0]?.value ?? null;
}

function fullDate(y: number, m: number, d: number): string | null {
  return m >= 1 && m <= 12 && validDay(y, m, d) ? `${y}-${pad(m)}-${pad(d)}` : null;
}

/** The first date the quote states; a day without a year takes `year` (e.g. the page's publication year). */
export function parseDate(quote: string, year: number | null): string | null {
  const yearOf = (y: string | undefined) => (y ? Number(y) : year);
  const at = (re: RegExp, make: (m: RegExpExecArray) => string | null): Found<string> | null => {
    const m = re.exec(quote);
    const value = m && make(m);
    return m && value ? { at: m.index, value } : null;
  };
  const month = (name: string) => MONTH_INDEX.get(name.toLowerCase()) ?? 0;
  const day = (y: number | null, m: number, d: string) => (y === null ? null : fullDate(y, m, Number(d)));
  return earliest([
    at(/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/u, (m) => fullDate(Number(m[1]), Number(m[2]), Number(m[3]))),
    at(/(?<!\d)(\d{1,2})\.(\d{1,2})\.(\d{4})(?!\d)/u, (m) => fullDate(Number(m[3]), Number(m[2]), Number(m[1]))),
    at(new RegExp(`${NOT_LETTER_BEFORE}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?!\\d)(?:,?\\s+(\\d{4}))?`, 'iu'), (m) =>
      day(yearOf(m[3]), month(m[1]!), m[2]!),
    ),
    at(new RegExp(`(?<!\\d)(\\d{1,2})\\s+${MONTH}${NOT_LETTER_AFTER}(?:,?\\s+(\\d{4}))?`, 'iu'), (m) =>
      day(yearOf(m[3]), month(m[2]!), m[1]!),
    ),
    at(new RegExp(`${NOT_LETTER_BEFORE}${MONTH}\\s+(\\d{4})(?!\\d)`, 'iu'), (m) => `${m[2]}-${pad(month(m[1]!))}`),
  ]);
}

/** The first term of punishment the quote states, with its years, months and days. */
export function parseTerm(quote: string): Term | null {
  const m = TERM.exec(quote);
  if (!m) return null;
  const term: Term = { text: m[0].trim().slice(0, 200), years: 0, months: 0, days: 0 };
  for (const part of m[0].matchAll(TERM_PART)) {
    const n = /^\d+$/.test(part[1]!) ? Number(part[1]) : (NUMBER_WORDS.get(part[1]!.toLowerCase()) ?? 0);
    const unit = UNITS.find(([re]) => re.test(part[2]!.toLowerCase()))?.[1];
    if (unit) term[unit] = Math.min(n, unit === 'years' ? 100 : unit === 'months' ? 1200 : 36500);
  }
  return term;
}

/** The event type named first in the quote, in English, Russian or Belarusian. */
export function parseEventType(quote: string): EventType | null {
  return earliest(
    EVENT_PATTERNS.map(([type, re]) => {
      const m = re.exec(quote);
      return m ? { at: m.index, value: type } : null;
    }),
  );
}

/** The place after "in" or "at" when it is a capitalised name and not a month ("in Brest", not "in May 2022"). */
export function parsePlace(quote: string): string | null {
  for (const m of quote.matchAll(/(?<!\p{L})(?:in|at)\s+(\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)?)/gu)) {
    const first = m[1]!.split(/\s+/)[0]!.toLowerCase();
    if (!MONTH_INDEX.has(first)) return m[1]!;
  }
  return null;
}

/**
 * Every typed field the quote states. `year` fills in dates given without one ("on January 29"),
 * e.g. the year the page was published; without it such a date is left out.
 */
export function parseFact(quote: string, year: number | null = null): FactFields {
  const term = parseTerm(quote);
  const named = parseEventType(quote);
  return {
    // A stated term is the sentence unless the words name another step (an appeal upheld it, say).
    eventType: term && (named === null || named === 'trial') ? 'sentence' : named,
    date: parseDate(quote, year),
    place: parsePlace(quote),
    legalArticle: findLegalArticles(quote)[0]?.article ?? null,
    term,
  };
}
