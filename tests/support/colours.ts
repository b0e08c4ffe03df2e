import { BUILT_IN_KINDS } from '@/lib/schema/kinds';

// The colours a researcher sees, for pixel checks in both browsers' end-to-end tests: each built-in
// kind's colour read from the vocabulary itself (so a recoloured kind cannot leave tests checking
// the old one), and the overlay's fixed suggestion underline (lib/annotator/ui-styles.ts).

/** A colour as pixel channels. */
export interface Rgb {
  r: number;
  g: number;
  b: number;
}

const hex = (colour: string): Rgb => ({
  r: parseInt(colour.slice(1, 3), 16),
  g: parseInt(colour.slice(3, 5), 16),
  b: parseInt(colour.slice(5, 7), 16),
});

/** The painted colour of a built-in kind, on a white page (the boxes multiply with it). */
export function kindColour(kind: string): Rgb {
  const found = BUILT_IN_KINDS.find((k) => k.id === kind);
  if (!found) throw new Error(`no built-in kind ${kind}`);
  return hex(found.color);
}

export const PERSON_PINK = kindColour('person');
export const FACT_GREEN = kindColour('fact');
export const CASE_YELLOW = kindColour('case');
/** The dotted underline of a suggestion. */
export const SUGGESTION_VIOLET = hex('#7c3aed');
