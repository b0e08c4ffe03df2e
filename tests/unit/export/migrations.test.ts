import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrateToCurrent } from '@/lib/export/migrations';
import { SCHEMA_VERSION } from '@/lib/schema/envelope';

describe('migrateToCurrent', () => {
  it('has a step from every earlier version to the current one', () => {
    for (let v = 1; v < SCHEMA_VERSION; v++) expect(MIGRATIONS[v], `migration from ${v}`).toBeTypeOf('function');
  });

  it('leaves a current file as it is', () => {
    expect(migrateToCurrent({ version: SCHEMA_VERSION, a: 1 })).toEqual({
      ok: true,
      file: { version: SCHEMA_VERSION, a: 1 },
    });
  });

  it('applies each step in order and stamps the new version', () => {
    const steps = {
      1: (f: Record<string, unknown>) => ({ ...f, notes: `${String(f.note)}!` }),
      2: (f: Record<string, unknown>) => ({ ...f, trail: [...((f.trail as number[]) ?? []), 2] }),
    };
    expect(migrateToCurrent({ version: 1, note: 'n' }, steps, 3)).toEqual({
      ok: true,
      file: { version: 3, note: 'n', notes: 'n!', trail: [2] },
    });
  });

  it.each([
    [{ version: SCHEMA_VERSION + 1 }, /newer than this extension understands/],
    [{ version: '1' }, /does not name a valid schema version/],
    [{}, /does not name a valid schema version/],
    [{ version: 1.5 }, /does not name a valid schema version/],
  ])('refuses %o', (file, message) => {
    const result = migrateToCurrent(file);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('refuses a version with no migration path', () => {
    expect(migrateToCurrent({ version: 1 }, {}, 2)).toEqual({
      ok: false,
      message: 'No migration from schema version 1 to 2.',
    });
  });
});
