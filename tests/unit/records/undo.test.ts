import { describe, expect, it } from 'vitest';
import { emptyUndo, nextUndoLabel, popUndo, pushUndo, type UndoStack } from '@/lib/records/undo';

const push = (stack: UndoStack<number>, ...labels: string[]) =>
  labels.reduce((s, label, i) => pushUndo(s, { label, data: i }), stack);

describe('undo stack', () => {
  const rows: { name: string; limit: number; pushed: string[]; pops: number; expected: (string | null)[] }[] = [
    { name: 'empty: nothing to undo', limit: 5, pushed: [], pops: 1, expected: [null] },
    { name: 'newest first', limit: 5, pushed: ['a', 'b', 'c'], pops: 3, expected: ['c', 'b', 'a'] },
    {
      name: 'past the limit the oldest falls off',
      limit: 2,
      pushed: ['a', 'b', 'c'],
      pops: 3,
      expected: ['c', 'b', null],
    },
  ];
  it.each(rows)('$name', ({ limit, pushed, pops, expected }) => {
    let stack = push(emptyUndo<number>(limit), ...pushed);
    const got: (string | null)[] = [];
    for (let i = 0; i < pops; i++) {
      const popped = popUndo(stack);
      got.push(popped?.entry.label ?? null);
      if (popped) stack = popped.rest;
    }
    expect(got).toEqual(expected);
  });

  it('names the edit Undo would reverse and never changes the stack it was given', () => {
    const stack = push(emptyUndo<number>(), 'Created person A.', 'Merged B into A.');
    expect(nextUndoLabel(stack)).toBe('Merged B into A.');
    popUndo(stack);
    expect(stack.entries).toHaveLength(2);
    expect(nextUndoLabel(emptyUndo())).toBeNull();
  });
});
