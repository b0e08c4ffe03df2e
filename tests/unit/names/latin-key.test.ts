import { describe, expect, it } from 'vitest';
import { latinKey, latinLetters } from '@/lib/names/latin-key';
import { nameKeys } from '@/lib/names/name-keys';
import { foldText } from '@/lib/names/fold';
import { foldText as reexported } from '@/lib/db/search-tokens';

// Spellings of one word that must meet: real names from the seed reports (monthly review and release
// digest, where one person is spelled several ways) and the romanisations the issue names.
const SAME: readonly (readonly string[])[] = [
  ['Міхнюк', 'Михнюк', 'Mikhniuk', 'Mikhnyuk', 'Michniuk', 'Mihniuk', 'Mikhnjuk'],
  ['Зінаіда', 'Зинаида', 'Zinaida', 'ZINAIDA'],
  [
    'Tsikhanouski',
    'Tikhanouski',
    'Tikhanovsky',
    'Tikhanovskiy',
    'Tikhanovskij',
    'Ціханоўскі',
    'Тихановский',
    'Cichanoŭski',
  ],
  ['Tsikhanouskaya', 'Tsikhanovskaya', 'Tikhanovskaya', 'Ціханоўская', 'Тихановская', 'Cichanoŭskaja'],
  ['Siarhei', 'Siarhiej', 'Siarhey', 'Сяргей'],
  ['Kastusiou', 'Kastusioŭ', 'Kastusyou', 'Кастусёў'],
  ['Yauhen', 'Jaŭhien', 'Iauhen', 'Яўген'],
  ['Hlushkou', 'Hlushkov', 'Hłuškoŭ', 'Глушкоў', 'Глушков'],
  ['Lukashenka', 'Łukašenka', 'Лукашэнка'],
  ['Shchyrakova', 'Ščyrakova', 'Szczyrakowa', 'Шчыракова', 'Щиракова'],
  ['Zhamchuzhny', 'Žamčužny', 'Жамчужны'],
  ['Dzmitry', 'Dzmitryj', 'Dmitry', 'Дзмітрый', 'Дмитрий'],
  ['Anastasiya', 'Anastasia', 'Anastasija', 'Анастасія', 'Анастасия'],
  ['Viciebsk', 'Vitsyebsk', 'Vitebsk', 'Віцебск', 'Витебск'],
  ['Homieĺ', 'Homel', 'Gomel', 'Гомель'],
  ['Natallia', 'Natalia', 'Natalya', 'Наталля', 'Наталья'],
  ['Luchynovich', 'Łučynovič', 'Luchinovich', 'Лучыновіч', 'Лучинович'],
  ['Huseu', 'Gusev', 'Гусеў', 'Гусев'],
  ['Tatsiana', 'Tatiana', 'Tatyana', 'Tacciana', 'Тацяна', 'Татьяна'],
  ['Bialiatski', 'Bialiacki', 'Бяляцкі'],
  ['Artsiom', 'Arciom', 'Artyom', 'Артём', 'Арцём'],
  ['Mahilioŭ', 'Mahiliou', 'Магілёў'],
  ["Dar'ya", 'Darya', 'Daria', "Дар'я", 'Дарья'],
  ['Autukhovich', 'Aŭtuchovič', 'Avtukhovich', 'Аўтуховіч', 'Автухович'],
  ['Paliakou', 'Paliakoŭ', 'Палякоў'],
  ['Mantsevich', 'Mancevič', 'Манцэвіч', 'Манцевич'],
  ['Aliaksandr', 'Alyaksandr', 'Аляксандр'],
  ['Uladzimir', 'Uładzimir', 'Уладзімір'],
  ['Valiantsin', 'Valiancin', 'Валянцін'],
  ['Kalesnikava', 'Калеснікава'],
  ['Andrei', 'Andrey', 'Andrej', 'Андрэй', 'Андрей'],
];

// Different surnames (or forms) that must stay apart, most of them real neighbours in the seeds.
const APART: readonly (readonly [string, string])[] = [
  ['Krasko', 'Khrasko'], // Dzianis Krasko and Vadzim Khrasko, two persons in one report
  ['Tsikhanouski', 'Tsikhanouskaya'], // husband and wife
  ['Babich', 'Babaryka'],
  ['Loika', 'Loiko'],
  ['Statkevich', 'Stankevich'],
  ['Kazak', 'Kozak'],
  ['Losik', 'Lasik'],
  ['Mazheika', 'Mazeika'],
  ['Shvetsau', 'Svetsau'],
  ['Sakalou', 'Sokolov'],
  ['Rabkova', 'Rabkov'],
  ['Kozubau', 'Kazubau'],
  ['Levinau', 'Levina'],
  ['Bialiauski', 'Bialiatski'],
  ['Marfa', 'Maria'],
  ['Ihar', 'Ivan'],
];

describe('latinKey', () => {
  it.each(SAME.map((spellings) => [spellings[0], spellings]))('all spellings of %s meet', (_, spellings) => {
    const keys = new Set(spellings.map(latinKey));
    expect([...keys], spellings.join(', ')).toHaveLength(1);
  });

  it.each(APART)('%s and %s stay apart', (a, b) => {
    expect(latinKey(a)).not.toBe(latinKey(b));
  });

  it.each([
    { input: 'Міхнюк', expected: 'mihniuk' },
    { input: 'Tsikhanouski', expected: 'tihanovski' },
    { input: 'Kastusiou', expected: 'kastusev' },
    { input: 'Shchyrakova', expected: 'xhirakova' },
    { input: 'Жамчужны', expected: 'jamhujni' },
    { input: '', expected: '' },
    { input: '’', expected: '' },
    { input: '368-1', expected: '3681' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(latinKey(input)).toBe(expected);
  });

  it.each([
    ['Mikhni', 'Mikhniuk'],
    ['Міхн', 'Міхнюк'],
    ['Tsikhan', 'Tsikhanouski'],
    ['Ціхано', 'Tikhanovsky'],
    ['Lukash', 'Лукашэнка'],
    ['Zina', 'Зінаіда'],
  ])('the key of the prefix %s is a prefix of the key of %s', (prefix, word) => {
    expect(latinKey(word).startsWith(latinKey(prefix))).toBe(true);
  });
});

describe('latinLetters', () => {
  it.each([
    { input: 'Ціханоўскі', expected: 'tsikhanowski' },
    { input: 'Łučynovič', expected: 'luchynovich' },
    { input: "Дар'я", expected: 'daria' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(latinLetters(input)).toBe(expected);
  });
});

describe('nameKeys', () => {
  it.each([
    { input: 'Зінаіда Міхнюк', expected: ['zinaida', 'mihniuk'] },
    { input: 'Zinaida  Mikhnyuk', expected: ['zinaida', 'mihniuk'] },
    { input: 'Mikhniuk, Zinaida', expected: ['mihniuk', 'zinaida'] },
    { input: "Дар'я — O’Brien", expected: ['daria', 'obren'] },
    { input: ' — ', expected: [] },
  ])('$input → $expected', ({ input, expected }) => {
    expect(nameKeys(input)).toEqual(expected);
  });
});

describe('foldText', () => {
  it('is the one search-tokens re-exports', () => {
    expect(reexported).toBe(foldText);
  });

  it.each([
    { input: 'Homieĺ', expected: 'homiel' },
    { input: 'ЗІНАІДА', expected: 'зінаіда' },
    { input: 'Łukaszenka', expected: 'lukaszenka' },
  ])('$input → $expected', ({ input, expected }) => {
    expect(foldText(input)).toBe(expected);
  });
});
