import { describe, expect, it } from 'vitest';
import { adjacent, isInitial, nameTokens } from '@/lib/matching/name-tokens';

describe('nameTokens', () => {
  it.each([
    { text: 'Zinaida Mikhniuk, a trade unionist', expected: ['Zinaida', 'Mikhniuk'] },
    { text: "Kastusiou's detention; O'Brien’s view", expected: ['Kastusiou', "O'Brien"] },
    { text: "Дар'я і Ivanova-Petrova", expected: ["Дар'я", 'Ivanova-Petrova'] },
    { text: 'McDonald X2Y 2A iPhone', expected: ['McDonald', 'X'] },
    { text: 'Z. Mikhniuk and Міхнюк З.', expected: ['Z', 'Mikhniuk', 'Міхнюк', 'З'] },
    { text: 'Homieĺ, Łukašenka, ÉCOLE', expected: ['Homieĺ', 'Łukašenka', 'ÉCOLE'] },
    { text: "A-b - C's", expected: ['A-b', 'C'] },
    { text: 'no capitals here', expected: [] },
    { text: '', expected: [] },
  ])('$text', ({ text, expected }) => {
    const tokens = nameTokens(text);
    expect(tokens.map((t) => t.word)).toEqual(expected);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.word);
  });

  it('tells name words apart from words across punctuation, and initials from abbreviations', () => {
    const text = 'Zinaida  Mikhniuk, Z. Mikhniuk';
    const [a, b, c, d] = nameTokens(text);
    expect(adjacent(text, a!, b!)).toBe(true);
    expect(adjacent(text, b!, c!)).toBe(false);
    expect(isInitial(text, c!)).toBe(true);
    expect(isInitial(text, d!)).toBe(false);
  });
});
