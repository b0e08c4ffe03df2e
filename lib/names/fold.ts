// Researchers type names the way their keyboard allows: "Homiel" for "Homieĺ", "mikhniuk" for
// "Mikhniuk". Records and queries are folded the same way so such queries still find the record.
// Folding is symmetric, so it may merge letters a language keeps apart (й and и); for search that
// costs a little precision and never a hit. No transliteration between scripts happens here (see
// latin-key.ts for that).

// Letters that Unicode does not decompose into a base letter and a mark.
const EXTRA_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŀ: 'l',
  ĸ: 'k',
  // Greek final sigma, so "Σ" and "ς" fold alike wherever they stand in the word.
  ς: 'σ',
};
const EXTRA_PATTERN = new RegExp(`[${Object.keys(EXTRA_FOLDS).join('')}]`, 'gu');
const MARKS = /\p{M}+/gu;

/** Text folded for comparison: compatibility-decomposed, without marks, lower-case, special letters spelled out. */
export function foldText(input: string): string {
  return input
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(EXTRA_PATTERN, (ch) => EXTRA_FOLDS[ch] ?? ch);
}
