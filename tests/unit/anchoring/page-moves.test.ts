import { describe, expect, it } from 'vitest';
import { createPageMoves, learnMove, movesNear } from '@/lib/anchoring/page-moves';

// Moves learnt from highlights anchored with untouched context, offered to the others: the latest
// ones, and those of the nearest highlights stored before and after.

describe('page moves', () => {
  it.each([
    { name: 'nothing learnt yet', learnt: [], position: 500, expected: [] },
    { name: 'a banner at the top: one move everywhere', learnt: [[100, 40]], position: 9000, expected: [40] },
    {
      name: 'the latest two, then the neighbours of the position',
      learnt: [
        [100, 40],
        [5000, 400],
        [20_000, 1200],
        [30_000, 1500],
      ],
      position: 6000,
      expected: [1500, 1200, 400],
    },
    {
      name: 'no repeats among them',
      learnt: [
        [100, 40],
        [5000, 400],
        [9000, 400],
      ],
      position: 7000,
      expected: [400, 40],
    },
    {
      name: 'a position before every highlight: the first one’s move',
      learnt: [
        [5000, 400],
        [9000, 800],
        [12_000, 900],
      ],
      position: 10,
      expected: [900, 800, 400],
    },
    { name: 'no position: the latest only', learnt: [[5000, 400]], position: undefined, expected: [400] },
    { name: 'a zero move teaches nothing', learnt: [[5000, 0]], position: 5000, expected: [] },
  ])('offers $name', ({ learnt, position, expected }) => {
    const moves = createPageMoves();
    for (const [at, shift] of learnt as [number, number][]) learnMove(moves, at, shift);
    expect(movesNear(moves, position)).toEqual(expected);
  });

  it('keeps the stored positions sorted and one move per position', () => {
    const moves = createPageMoves();
    for (const [at, shift] of [
      [900, 1],
      [100, 2],
      [500, 3],
      [100, 4],
    ])
      learnMove(moves, at!, shift!);
    expect(moves.at).toEqual([100, 500, 900]);
    expect(moves.by).toEqual([4, 3, 1]);
  });
});
