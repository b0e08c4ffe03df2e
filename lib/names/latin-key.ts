import { foldText } from './fold';

// One person's surname reaches a researcher as "Міхнюк" (Belarusian), "Михнюк" (Russian),
// "Mikhniuk" (passport, BGN/PCGN), "Mikhnyuk" (English press), "Michniuk" (national Belarusian
// romanisation) or "Michniuk" in Łacinka. latinKey reduces a word to a Latin skeleton where these
// meet: Cyrillic is transliterated, then every spelling choice the romanisations disagree on is
// collapsed to one letter. The skeleton is not meant to be read, only compared.
//
// Collapsed (each group becomes one letter of the key):
//   г х ч / g h kh ch cz č      → h   ("ch" is х in Belarusian national spelling, ч in English)
//   ц т / c ts tz t             → t   (Belarusian ці/ця answer Russian ти/тя: Ціханоўскі, Тихановский)
//   дз д / dz d                 → d   (Дзмітрый, Дмитрий)
//   ж / zh ž ż                  → j     ш / sh sz š → x     щ / shch šč szcz → xh
//   ў в / ŭ w v, u after a vowel → v  (Tsikhanouski, Tikhanovsky; Hlushkou, Глушков)
//   і и ы й / i y j             → i   (ий ый ii iy at the end meet as one i)
//   е э / ie ye je e            → e     ё / io yo jo → e
//   я ю keep their i: ia ya ja → ia, iu yu ju → iu (so a typed "Mikhni" stays a prefix of "Mikhniuk")
//   ь ъ and apostrophes          → dropped;   doubled letters → one
// Kept apart on purpose: a and o (Belarusian akanne writes Sakalou where Russian writes Sokolov;
// collapsing them would merge Kazak and Kozak), k and kh (Krasko is not Khrasko), s and sh, z and zh.
// Such Belarusian/Russian pairs are aliases a researcher adds, not spellings of one form.
//
// Prefix-stable in practice: every rule looks at most one letter ahead, so the key of a typed
// prefix is a prefix of the full word's key except when the prefix ends inside a digraph ("Mik" of
// "Mikhniuk") or just before an e or o the rules absorb; callers doing prefix search can drop the
// key's last letter to cover those.

// Letters whose diacritic carries a sound the romanisations spell with an h or a w.
const BEFORE_FOLD: Readonly<Record<string, string>> = {
  č: 'ch',
  š: 'sh',
  ž: 'zh',
  ż: 'zh',
  ŭ: 'w',
  ў: 'w',
  ё: 'io',
  й: 'j',
};
const BEFORE_FOLD_PATTERN = new RegExp(`[${Object.keys(BEFORE_FOLD).join('')}]`, 'gu');

const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'h',
  ґ: 'g',
  д: 'd',
  е: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  и: 'i',
  і: 'i',
  ї: 'ii',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};
const CYRILLIC_PATTERN = /[\u0400-\u04ff]/gu;
const NOT_KEY = /[^a-z0-9]+/g;

const CLUSTERS: Readonly<Record<string, string>> = {
  dzh: 'dj',
  dz: 'd',
  zh: 'j',
  kh: 'h',
  ch: 'h',
  cz: 'h',
  sh: 'x',
  sz: 'x',
  ts: 't',
  tz: 't',
  c: 't',
  g: 'h',
};
const CLUSTER_PATTERN = /dzh|dz|zh|kh|ch|cz|sh|sz|ts|tz|c|g/g;

/** A word as the Latin letters of its transliteration: folded, Cyrillic spelled out, diacritics resolved. */
export function latinLetters(word: string): string {
  return foldText(
    word
      .normalize('NFC')
      .toLowerCase()
      .replace(BEFORE_FOLD_PATTERN, (ch) => BEFORE_FOLD[ch] ?? ch),
  )
    .replace(CYRILLIC_PATTERN, (ch) => CYRILLIC[ch] ?? '')
    .replace(NOT_KEY, '');
}

/** The romanisation-neutral skeleton of one word, so every spelling of a name compares equal. */
export function latinKey(word: string): string {
  return latinLetters(word)
    .replace(/[jy]/g, 'i')
    .replace(/x/g, 'ks')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(CLUSTER_PATTERN, (cluster) => CLUSTERS[cluster] ?? cluster)
    .replace(/([aeo])u(?![aeiou])/g, '$1v')
    .replace(/i+o/g, 'e')
    .replace(/i+(?=e)/g, '')
    .replace(/(.)\1+/g, '$1');
}
