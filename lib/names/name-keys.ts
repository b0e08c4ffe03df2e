import { latinKey } from './latin-key';

// A name is compared word by word: "Зінаіда Міхнюк" and "Zinaida Mikhnyuk" have the same keys in the
// same order. Splitting follows search-tokens: letters and digits make words, an apostrophe inside a
// word ("Дар'я") does not break it.

const INNER_APOSTROPHE = /(?<=[\p{L}\p{N}])['’ʼ](?=[\p{L}\p{N}])/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** The latinKey of each word of `text`, in order; words whose key is empty are left out. */
export function nameKeys(text: string): string[] {
  const words = text.replace(INNER_APOSTROPHE, '').match(WORD) ?? [];
  return words.map(latinKey).filter((key) => key.length > 0);
}
