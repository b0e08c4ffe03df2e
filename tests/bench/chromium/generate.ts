import { EVENT_TYPES, type Annotation, type FactFields } from '@/lib/schema/annotation';
import { CASE_STATUSES, type Case } from '@/lib/schema/case';
import type { RecordSet } from '@/lib/schema/envelope';
import type { LegalArticle } from '@/lib/schema/legal-article';
import type { Person } from '@/lib/schema/person';
import type { Selector } from '@/lib/schema/selectors';
import type { Source } from '@/lib/schema/source';

// A deterministic, realistic store for the Chromium benchmark: the same seed always gives the same
// records, so two runs (and two machines) measure the same work. Names come in Belarusian Latin
// (with its diacritics) and in Cyrillic, as researchers meet them in reports.

/** How big the generated store is. */
export interface StoreSize {
  sources: number;
  annotations: number;
  persons: number;
  cases: number;
}

/** The issue's benchmark size. */
export const ISSUE_SIZE: StoreSize = { sources: 5_000, annotations: 100_000, persons: 2_000, cases: 500 };

/** Mulberry32: a small, fast, seeded PRNG giving floats in [0, 1). */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Helpers bound to one random stream. */
export function randomTools(random: () => number) {
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const chance = (p: number) => random() < p;
  const hex = (length: number) => {
    let out = '';
    for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16);
    return out;
  };
  /** A v4-layout UUID that z.uuid() accepts. */
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  /** Up to `count` distinct items of `list`. */
  const some = <T>(list: readonly T[], count: number): T[] => {
    const chosen = new Set<T>();
    for (let tries = 0; chosen.size < count && tries < count * 4; tries++) chosen.add(pick(list));
    return [...chosen];
  };
  return { int, pick, chance, hex, uuid, some };
}

// [Latin (łacinka, with diacritics), Cyrillic] pairs, combined into about 2,000 distinct names.
const FIRST_NAMES: readonly (readonly [string, string])[] = [
  ['Aleś', 'Алесь'],
  ['Zinaida', 'Зінаіда'],
  ['Ihar', 'Ігар'],
  ['Maryja', 'Марыя'],
  ['Siarhiej', 'Сяргей'],
  ['Nasta', 'Наста'],
  ['Paŭlina', 'Паўліна'],
  ['Viktar', 'Віктар'],
  ['Dzianis', 'Дзяніс'],
  ['Kaciaryna', 'Кацярына'],
  ['Andrej', 'Андрэй'],
  ['Volha', 'Вольга'],
  ['Raman', 'Раман'],
  ['Hanna', 'Ганна'],
  ['Mikalaj', 'Мікалай'],
  ['Julija', 'Юлія'],
  ['Uladzimir', 'Уладзімір'],
  ['Iryna', 'Ірына'],
  ['Maksim', 'Максім'],
  ['Tacciana', 'Таццяна'],
  ['Paviel', 'Павел'],
  ['Darja', "Дар'я"],
  ['Jaŭhien', 'Яўген'],
  ['Liudmila', 'Людміла'],
  ['Ściapan', 'Сцяпан'],
  ['Natalla', 'Наталля'],
  ['Źmicier', 'Зміцер'],
  ['Alaksandra', 'Аляксандра'],
  ['Valiancin', 'Валянцін'],
  ['Śviatlana', 'Святлана'],
  ['Jaŭhienija', 'Яўгенія'],
  ['Kanstancin', 'Канстанцін'],
];
const SURNAME_ROOTS: readonly (readonly [string, string])[] = [
  ['Mikhn', 'Міхн'],
  ['Bial', 'Бял'],
  ['Kaval', 'Кавал'],
  ['Łukaš', 'Лукаш'],
  ['Žuk', 'Жук'],
  ['Čarn', 'Чарн'],
  ['Ščas', 'Шчас'],
  ['Losik', 'Лосік'],
  ['Babar', 'Бабар'],
  ['Kalesn', 'Калесн'],
  ['Znak', 'Знак'],
  ['Hrus', 'Грус'],
  ['Sałaŭj', 'Салаўй'],
  ['Dašk', 'Дашк'],
  ['Paŭlav', 'Паўлав'],
  ['Marozav', 'Марозав'],
  ['Jašk', 'Яшк'],
  ['Kuźm', 'Кузьм'],
  ['Vałodź', 'Валодзь'],
  ['Tarasav', 'Тарасав'],
  ['Smalian', 'Смалян'],
  ['Bandar', 'Бандар'],
  ['Chadas', 'Хадас'],
  ['Rabc', 'Рабц'],
  ['Ivanoŭ', 'Іваноў'],
  ['Hiedz', 'Гедз'],
  ['Paškievič', 'Пашкевіч'],
  ['Sieviaryn', 'Северын'],
  ['Ładuć', 'Ладуць'],
  ['Fiodar', 'Фёдар'],
];
const SURNAME_ENDINGS: readonly (readonly [string, string])[] = [
  ['iuk', 'юк'],
  ['iacki', 'яцкі'],
  ['enka', 'енка'],
  ['ievič', 'евіч'],
  ['ski', 'скі'],
  ['ovič', 'овіч'],
  ['aŭ', 'аў'],
  ['ina', 'іна'],
];
const CITIES = [
  'Minsk',
  'Homieĺ',
  'Hrodna',
  'Brest',
  'Mahilioŭ',
  'Viciebsk',
  'Баранавічы',
  'Гродна',
  'Магілёў',
  'Ліда',
];
const SITES = [
  ['rights-monitor.example', 'Belarus Rights Monitor', 'en'],
  ['nasha-niva.example', 'Наша Ніва', 'be'],
  ['zerkalo.example', 'Зеркало', 'ru'],
  ['svaboda.example', 'Радыё Свабода', 'be'],
  ['spring96.example', 'Viasna', 'en'],
  ['mediazona.example', 'Медиазона', 'ru'],
  ['euroradio.example', 'Еўрарадыё', 'be'],
  ['reform.example', 'Reform.news', 'ru'],
] as const;
const TAGS = [
  'released',
  'detained',
  'political-prisoner',
  'trial',
  'sentence',
  'appeal',
  'extremism',
  'needs-check',
  'verified',
  'Homieĺ',
  'Brest',
  'Гродна',
  'Мінск',
  'health',
  'incommunicado',
  'pardon',
  'transfer',
  'fine',
  'search',
  'journalist',
  'trade-union',
  'student',
  'пенсіянерка',
  'лісты',
  'monthly-review',
];
const KINDS_WITHOUT_LINKS = ['organization', 'place', 'date', 'legal-article', 'other'] as const;
const WORDS_EN =
  'the court sentenced activist to years in a penal colony after trial was detained at home search was held charged with insulting head of state released having served full term transferred to another colony'.split(
    ' ',
  );
const WORDS_BE =
  'суд прызначыў палітвязню гады калоніі пасля затрымання вобшук правялі дома вызвалілі цалкам адбыўшы тэрмін перавялі ў іншую калонію абвінавачванне'.split(
    ' ',
  );
const WORDS_RU =
  'суд приговорил активистку к годам колонии после задержания обыск провели дома освободили полностью отбыв срок перевели в другую колонию обвинение'.split(
    ' ',
  );
const CODES = ['Criminal Code', 'Code of Administrative Offenses', 'Крымінальны кодэкс'];
const ARTICLES = ['342', '361-1', '368', '369', '130', '293', '19.11', '24.23'];
const TERMS = [
  { text: 'two years in a penal colony', years: 2, months: 0, days: 0 },
  { text: '15 days of administrative arrest', years: 0, months: 0, days: 15 },
  { text: 'тры гады і шэсць месяцаў калоніі', years: 3, months: 6, days: 0 },
  { text: 'восемь лет колонии усиленного режима', years: 8, months: 0, days: 0 },
];
const CREATORS = ['Alesia K.', 'Дзмітрый С.', 'Marta V.', null];

const START = Date.UTC(2024, 0, 1);
const END = Date.UTC(2026, 10, 22);

/** What the generator made, besides the records, for the benchmark to look things up with. */
export interface GeneratedStore {
  set: RecordSet;
  /** Names as researchers type them, in both scripts, for search queries. */
  names: { latin: string; cyrillic: string }[];
  counts: { withNotes: number; withFacts: number; withLinks: number; quoteChars: { min: number; max: number } };
}

/** Generates the store for `seed`; the same seed always gives byte-identical records. */
export function generateStore(seed: number, size: StoreSize = ISSUE_SIZE): GeneratedStore {
  const random = prng(seed);
  const { int, pick, chance, hex, uuid, some } = randomTools(random);
  const instant = (from = START, to = END) => new Date(from + Math.floor(random() * (to - from))).toISOString();
  const later = (after: string, maxDays: number) =>
    new Date(Date.parse(after) + Math.floor(random() * maxDays * 86_400_000)).toISOString();
  const partialDate = () => {
    const [y, m, d] = instant(Date.UTC(2020, 0, 1))
      .slice(0, 10)
      .split('-');
    return pick([`${y}`, `${y}-${m}`, `${y}-${m}-${d}`]);
  };
  const article = (): LegalArticle => ({
    code: pick(CODES),
    article: pick(ARTICLES),
    part: chance(0.6) ? String(int(1, 3)) : null,
  });
  const words = (list: readonly string[], chars: number) => {
    let out = '';
    while (out.length < chars) out += `${out ? ' ' : ''}${pick(list)}`;
    return out.slice(0, chars).trim() || pick(list);
  };

  // Persons: distinct first-name × surname combinations, each with its Cyrillic spelling as alias.
  const names: GeneratedStore['names'] = [];
  const seen = new Set<string>();
  while (names.length < size.persons) {
    const [firstLatin, firstCyrillic] = pick(FIRST_NAMES);
    const [rootLatin, rootCyrillic] = pick(SURNAME_ROOTS);
    const [endLatin, endCyrillic] = pick(SURNAME_ENDINGS);
    const latin = `${firstLatin} ${rootLatin}${endLatin}`;
    if (seen.has(latin)) continue;
    seen.add(latin);
    names.push({ latin, cyrillic: `${firstCyrillic} ${rootCyrillic}${endCyrillic}` });
  }
  const persons: Person[] = names.map(({ latin, cyrillic }) => {
    const created = instant();
    return {
      id: uuid(),
      name: latin,
      aliases: chance(0.9) ? [cyrillic] : [],
      notes: chance(0.4) ? `${pick(CITIES)}: ${words(pick([WORDS_EN, WORDS_BE, WORDS_RU]), int(20, 300))}` : '',
      created,
      modified: chance(0.3) ? later(created, 200) : created,
    };
  });

  const cases: Case[] = [];
  for (let i = 0; i < size.cases; i++) {
    const members = some(persons, int(1, 3));
    const created = instant();
    const surname = members[0]!.name.split(' ')[1];
    cases.push({
      id: uuid(),
      title: `${surname}: ${pick(['insulting the head of state', 'extremist formation', 'mass riots', 'treason', 'заклікі да дзеянняў'])}`,
      personIds: members.map((p) => p.id),
      legalArticles: Array.from({ length: int(1, 2) }, article),
      court: chance(0.7) ? `${pick(CITIES)} regional court` : null,
      judge: chance(0.5) ? pick(names).latin : null,
      facility: chance(0.5) ? `${pick(CITIES)} colony No. ${int(1, 22)}` : null,
      sentence: chance(0.6) ? pick(TERMS).text : null,
      status: pick(CASE_STATUSES),
      keyDates: Array.from({ length: int(0, 4) }, () => ({ event: pick(EVENT_TYPES), date: partialDate() })),
      notes: chance(0.5) ? words(pick([WORDS_EN, WORDS_BE, WORDS_RU]), int(20, 400)) : '',
      created,
      modified: chance(0.5) ? later(created, 300) : created,
    });
  }

  const sources: Source[] = [];
  for (let i = 0; i < size.sources; i++) {
    const [host, siteName, lang] = pick(SITES);
    const firstAccessed = instant();
    const published = new Date(Date.parse(firstAccessed) - int(0, 30) * 86_400_000).toISOString();
    const slug = `${words(WORDS_EN, int(15, 50)).replace(/\s+/g, '-')}-${i}`;
    const day = published.slice(0, 10).replace(/-/g, '/');
    const query = pick(['', `?utm_source=telegram&utm_medium=social`, `?id=${i}`, `?fbclid=${hex(16)}`]);
    sources.push({
      id: uuid(),
      url: `https://${chance(0.2) ? 'm.' : ''}${host}/${day}/${slug}${query}`,
      canonicalUrl: chance(0.9) ? `https://${host}/news/${slug}` : null,
      title: words(lang === 'en' ? WORDS_EN : lang === 'be' ? WORDS_BE : WORDS_RU, int(30, 120)),
      siteName,
      authors: chance(0.7) ? [pick(names)[lang === 'en' ? 'latin' : 'cyrillic']] : [],
      lang,
      publishedTime: chance(0.8) ? published : null,
      modifiedTime: chance(0.3) ? firstAccessed : null,
      firstAccessed,
      lastAccessed: later(firstAccessed, 60),
      textSha256: hex(64),
    });
  }

  // Annotations: spread unevenly over sources (a long report gets many), 10–200 character quotes.
  const annotations: Annotation[] = [];
  const counts = { withNotes: 0, withFacts: 0, withLinks: 0, quoteChars: { min: Infinity, max: 0 } };
  const casesOf = new Map<string, Case[]>();
  for (const kase of cases) {
    for (const id of kase.personIds) casesOf.set(id, [...(casesOf.get(id) ?? []), kase]);
  }
  for (let i = 0; i < size.annotations; i++) {
    // Skewed: a quarter of the sources hold most highlights.
    const source = sources[Math.floor(random() ** 1.6 * sources.length)]!;
    const roll = random();
    const kind = roll < 0.4 ? 'person' : roll < 0.55 ? 'case' : roll < 0.75 ? 'fact' : pick(KINDS_WITHOUT_LINKS);
    const person = pick(persons);
    const personName = chance(0.5) ? person.name : (person.aliases[0] ?? person.name);
    const personCases = casesOf.get(person.id) ?? [];
    const kase = personCases.length && chance(0.7) ? pick(personCases) : pick(cases);
    const lang = source.lang === 'en' ? WORDS_EN : source.lang === 'be' ? WORDS_BE : WORDS_RU;
    // 11 before trimming, so a quote cut after a space still has 10 characters.
    const length = Math.min(200, Math.max(11, Math.round(11 + random() ** 2 * 189)));
    const exact =
      kind === 'person'
        ? `${personName} ${words(lang, length)}`.slice(0, Math.max(length, personName.length)).trim()
        : kind === 'case' || kind === 'fact'
          ? `${words(lang, Math.floor(length / 2))} ${personName} ${words(lang, length)}`.slice(0, length).trim()
          : words(lang, length);
    counts.quoteChars.min = Math.min(counts.quoteChars.min, exact.length);
    counts.quoteChars.max = Math.max(counts.quoteChars.max, exact.length);
    const start = int(0, 40_000);
    const selectors: Selector[] = [
      { type: 'TextQuoteSelector', exact, prefix: words(lang, 32), suffix: words(lang, 32) },
      { type: 'TextPositionSelector', start, end: start + exact.length },
    ];
    const personIds = kind === 'person' || kind === 'case' || (kind === 'fact' && chance(0.8)) ? [person.id] : [];
    const caseIds = kind === 'case' || kind === 'fact' ? [kase.id] : [];
    const fact: FactFields | null =
      kind === 'fact'
        ? {
            eventType: pick(EVENT_TYPES),
            date: chance(0.8) ? partialDate() : null,
            place: chance(0.6) ? pick(CITIES) : null,
            legalArticle: chance(0.5) ? article() : null,
            term: chance(0.3) ? pick(TERMS) : null,
          }
        : null;
    const note = chance(0.3) ? words(pick([WORDS_EN, WORDS_BE, WORDS_RU]), int(10, 400)) : '';
    const created = later(source.firstAccessed, 30);
    if (note) counts.withNotes++;
    if (fact) counts.withFacts++;
    if (personIds.length || caseIds.length) counts.withLinks++;
    annotations.push({
      id: uuid(),
      sourceId: source.id,
      selectors,
      kind,
      tags: some(TAGS, int(0, 3)),
      note,
      personIds,
      caseIds,
      fact,
      creator: pick(CREATORS),
      created,
      modified: chance(0.2) ? later(created, 90) : created,
      anchoring: chance(0.9)
        ? { state: 'anchored', checkedAt: later(created, 5) }
        : { state: pick(['orphaned', 'unchecked'] as const), checkedAt: null },
    });
  }
  return { set: { sources, annotations, persons, cases }, names, counts };
}
