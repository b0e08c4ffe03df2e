// Before a file is parsed whole, one pass over its text counts the objects and arrays it would
// build and how deep they nest. JSON.parse of 30 MB of `{},` builds ten million objects (about
// 1 GB) before any check could refuse them; this scan keeps no values and refuses such a file.

/** More objects and arrays than an export of 100,000 annotations has, several times over. */
export const MAX_JSON_CONTAINERS = 3_000_000;
/** Deeper than any record of the schema nests (an annotation's selectors are four levels down). */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const OPEN_ARRAY = 0x5b;
const CLOSE_OBJECT = 0x7d;
const CLOSE_ARRAY = 0x5d;

/** True when the quote at `at` is escaped: preceded by an odd number of backslashes. */
function escaped(text: string, at: number): boolean {
  let slashes = 0;
  while (text.charCodeAt(at - 1 - slashes) === BACKSLASH) slashes++;
  return slashes % 2 === 1;
}

/** Why the text's shape is too large or too deep to parse, or null. Strings are skipped, escapes too. */
export function jsonShapeProblem(
  text: string,
  limits = { containers: MAX_JSON_CONTAINERS, depth: MAX_JSON_DEPTH },
): string | null {
  let containers = 0;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Most of an export is string content: jump to the closing quote (not one escaped by an odd
      // run of backslashes) with the engine's indexOf instead of reading it character by character.
      let end = text.indexOf('"', i + 1);
      while (end > 0 && escaped(text, end)) end = text.indexOf('"', end + 1);
      if (end < 0) return null; // unterminated: JSON.parse says so
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++containers > limits.containers) {
        return `The file holds more than ${limits.containers.toLocaleString('en')} objects and lists, more than any export has.`;
      }
      if (++depth > limits.depth) return `The file nests values more than ${limits.depth} levels deep; no export does.`;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    }
  }
  return null;
}
