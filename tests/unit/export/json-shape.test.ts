import { describe, expect, it } from 'vitest';
import { jsonShapeProblem } from '@/lib/export/json-shape';
import { parseImport } from '@/lib/export/parse-import';

// Issue 13: a hostile file's size and shape are checked before it is parsed whole.

const limits = { containers: 10, depth: 4 };

describe('jsonShapeProblem', () => {
  it.each<[string, string, RegExp | null]>([
    ['a small record set', '{"a":[{"b":1},{"c":[2]}]}', null],
    ['brackets inside strings do not count', '{"a":"{{{{[[[[ \\" {{{{"}', null],
    ['too many objects', `[${'{},'.repeat(11)}{}]`, /more than 10 objects/],
    ['too deep', '[[[[[1]]]]]', /more than 4 levels/],
    ['an escaped backslash before a closing quote', '{"a":"\\\\","b":[[[1]]]}', null],
  ])('%s', (_label, text, problem) => {
    const found = jsonShapeProblem(text, limits);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeNull();
  });

  it('refuses 30 MB of empty objects before parsing them', () => {
    const text = `[${'{},'.repeat(10_000_000)}{}]`;
    const parse = JSON.parse;
    let parsedWhole = false;
    JSON.parse = (...args: Parameters<typeof JSON.parse>) => ((parsedWhole = true), parse(...args));
    try {
      expect(parseImport(text)).toEqual({ ok: false, message: expect.stringMatching(/more than 3,000,000 objects/) });
    } finally {
      JSON.parse = parse;
    }
    expect(parsedWhole).toBe(false);
  });
});
