import { countBelow } from './sorted-search';

// When a site inserts a banner at the top or a paragraph here and there, the words below move by
// the same amount as their neighbours. Highlights anchored with both sides of their context
// untouched say how far each stretch of the page moved; the others are tried there first, and an
// exact occurrence there is as near to its place as one at its stored position.

/** What the highlights anchored so far on one page version say about how its text moved. */
export interface PageMoves {
  /** The latest moves, newest first: a banner at the top moves every highlight alike. */
  recent: number[];
  /** Stored positions of the highlights that taught a move, sorted, and each one's move. */
  at: number[];
  by: number[];
}

const RECENT = 2;

/** No moves known yet: a fresh page version. */
export function createPageMoves(): PageMoves {
  return { recent: [], at: [], by: [] };
}

/** The moves worth trying for words stored at `position`: the latest ones and those of the nearest
 *  highlights stored before and after it, without repeats. */
export function movesNear(moves: PageMoves, position: number | undefined): number[] {
  const near = [...moves.recent];
  if (position !== undefined && moves.at.length > 0) {
    const after = countBelow(moves.at, position);
    for (const k of [after - 1, after]) {
      const shift = moves.by[k];
      if (shift !== undefined && !near.includes(shift)) near.push(shift);
    }
  }
  return near;
}

/** Records that the words stored at `position` now stand `shift` units further on. */
export function learnMove(moves: PageMoves, position: number, shift: number): void {
  if (shift === 0) return;
  const k = countBelow(moves.at, position);
  if (moves.at[k] === position) moves.by[k] = shift;
  else {
    moves.at.splice(k, 0, position);
    moves.by.splice(k, 0, shift);
  }
  moves.recent = [shift, ...moves.recent.filter((s) => s !== shift)].slice(0, RECENT);
}
