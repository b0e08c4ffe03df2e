import { describe, expect, it } from 'vitest';
import { parseDate, parseEventType, parseFact, parsePlace, parseTerm } from '@/lib/facts/parse-fact';

describe('dates in a quote', () => {
  it.each([
    { input: 'released on January 29', year: 2024, expected: '2024-01-29' },
    { input: 'released on January 29', year: null, expected: null },
    { input: 'was detained on March 25, 2020, after police searched', year: 2024, expected: '2020-03-25' },
    { input: 'on 25 March 2020', year: null, expected: '2020-03-25' },
    { input: 'in May 2022 the court gave', year: null, expected: '2022-05' },
    { input: 'задержана 25 марта 2020 года', year: null, expected: '2020-03-25' },
    { input: 'затрыманая 25 сакавіка 2020 года', year: null, expected: '2020-03-25' },
    { input: 'вышла на свободу 29 января', year: 2024, expected: '2024-01-29' },
    { input: 'dated 2023-02-15 in the file', year: null, expected: '2023-02-15' },
    { input: 'dated 15.02.2023', year: null, expected: '2023-02-15' },
    { input: 'on February 30, 2023', year: null, expected: null },
    { input: 'Article 368 of the Criminal Code', year: 2024, expected: null },
    { input: 'no news since February 15, 2023, nor since March 9, 2023', year: null, expected: '2023-02-15' },
  ])('$input (year $year) → $expected', ({ input, year, expected }) => {
    expect(parseDate(input, year)).toBe(expected);
  });
});

describe('terms in a quote', () => {
  it.each([
    {
      input: 'two years in a penal colony',
      expected: { text: 'two years in a penal colony', years: 2, months: 0, days: 0 },
    },
    {
      input: 'three years of home confinement',
      expected: { text: 'three years of home confinement', years: 3, months: 0, days: 0 },
    },
    {
      input: '1 year, 10 months and 4 days of imprisonment',
      expected: { text: '1 year, 10 months and 4 days of imprisonment', years: 1, months: 10, days: 4 },
    },
    { input: 'sentenced to 18 months', expected: { text: '18 months', years: 0, months: 18, days: 0 } },
    { input: 'два года колонии', expected: { text: 'два года колонии', years: 2, months: 0, days: 0 } },
    {
      input: 'тры гады пазбаўлення волі',
      expected: { text: 'тры гады пазбаўлення волі', years: 3, months: 0, days: 0 },
    },
    { input: 'Part 1 of Article 368 of the Criminal Code', expected: null },
    { input: 'in 2020 she was detained', expected: null },
  ])('$input', ({ input, expected }) => {
    expect(parseTerm(input)).toEqual(expected);
  });
});

describe('event types in English, Russian and Belarusian', () => {
  it.each([
    { input: 'was detained on March 25, 2020, after police searched both her flat', expected: 'detention' },
    { input: 'police searched her flat', expected: 'search' },
    { input: 'Prosecutors charged her with insulting', expected: 'charge' },
    { input: 'was sentenced to two years', expected: 'sentence' },
    { input: 'the appeal court upheld', expected: 'appeal' },
    { input: 'was released on January 29', expected: 'release' },
    { input: 'died in custody', expected: 'death' },
    { input: 'was fined 40 base units', expected: 'fine' },
    { input: 'designated an extremist formation', expected: 'designation' },
    { input: 'задержан в Минске', expected: 'detention' },
    { input: 'вышла на свободу', expected: 'release' },
    { input: 'у яе кватэры правялі ператрус', expected: 'search' },
    { input: 'затрыманы ў Брэсце', expected: 'detention' },
    { input: 'Part 1 of Article 368 of the Criminal Code', expected: null },
  ])('$input → $expected', ({ input, expected }) => {
    expect(parseEventType(input)).toBe(expected);
  });
});

describe('places', () => {
  it.each([
    { input: 'pre-trial detention centre No. 7 in Brest', expected: 'Brest' },
    { input: 'in May 2022 the court gave', expected: null },
    { input: 'in a penal colony', expected: null },
  ])('$input → $expected', ({ input, expected }) => {
    expect(parsePlace(input)).toBe(expected);
  });
});

describe('a whole fact', () => {
  it.each([
    {
      input: 'Part 1 of Article 368 of the Criminal Code',
      year: 2024,
      expected: {
        eventType: null,
        date: null,
        place: null,
        legalArticle: { code: 'Criminal Code', article: '368', part: '1' },
        term: null,
      },
    },
    {
      input: 'in May 2022 the court gave the political prisoner two years in a penal colony',
      year: 2024,
      expected: {
        eventType: 'sentence',
        date: '2022-05',
        place: null,
        legalArticle: null,
        term: { text: 'two years in a penal colony', years: 2, months: 0, days: 0 },
      },
    },
    {
      input: 'was detained on March 25, 2020, after police searched both her flat and her office',
      year: 2024,
      expected: { eventType: 'detention', date: '2020-03-25', place: null, legalArticle: null, term: null },
    },
    {
      input: 'released on January 29',
      year: 2024,
      expected: { eventType: 'release', date: '2024-01-29', place: null, legalArticle: null, term: null },
    },
  ])('$input', ({ input, year, expected }) => {
    expect(parseFact(input, year)).toEqual(expected);
  });
});
