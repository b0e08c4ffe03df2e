import { describe, expect, it } from 'vitest';
import { matchNames, type NamedRecord } from '@/lib/records/name-match';

const PEOPLE: NamedRecord[] = [
  { id: 'mikhniuk', names: ['Zinaida Mikhniuk', 'Зінаіда Міхнюк'] },
  { id: 'tsikhanouski', names: ['Siarhei Tsikhanouski'] },
  { id: 'tsikhanouskaya', names: ['Sviatlana Tsikhanouskaya'] },
  { id: 'losik', names: ['Ihar Losik', 'Игорь Лосик'] },
  { id: 'bialiatski', names: ['Ales Bialiatski', 'Алесь Бяляцкі'] },
];

// A full surname also reaches the feminine form of the same family name (Tsikhanouskaya), after the exact one.
describe('autocomplete across spellings and scripts', () => {
  it.each([
    { query: 'Михнюк', expected: ['mikhniuk'] },
    { query: 'Зинаида Михнюк', expected: ['mikhniuk'] },
    { query: 'mikhnyuk', expected: ['mikhniuk'] },
    { query: 'Mik', expected: ['mikhniuk'] },
    { query: 'Tikhanovsky', expected: ['tsikhanouski', 'tsikhanouskaya'] },
    { query: 'Тихановский', expected: ['tsikhanouski', 'tsikhanouskaya'] },
    { query: 'Ціханоўскі', expected: ['tsikhanouski', 'tsikhanouskaya'] },
    { query: 'Sergei Tikhanovsky', expected: [] },
    { query: 'Siarhei Tikhanouski', expected: ['tsikhanouski'] },
    { query: 'Tsikhan', expected: ['tsikhanouski', 'tsikhanouskaya'] },
    { query: 'losik ihar', expected: ['losik'] },
    { query: 'Беляцкий', expected: [] },
    { query: 'Бяляцкі', expected: ['bialiatski'] },
    { query: '   ', expected: [] },
    { query: 'Unknown Person', expected: [] },
  ])('$query → $expected', ({ query, expected }) => {
    expect(matchNames(query, PEOPLE).map((m) => m.id)).toEqual(expected);
  });

  it('says which spelling matched and prefers the main name', () => {
    expect(matchNames('Міхнюк', PEOPLE)[0]).toMatchObject({ id: 'mikhniuk', matched: 'Zinaida Mikhniuk' });
  });

  it('keeps to the limit', () => {
    expect(matchNames('Tsikhan', PEOPLE, 1)).toHaveLength(1);
  });
});
