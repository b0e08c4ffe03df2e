import { latinKey, latinLetters } from '@/lib/names/latin-key';

// In Belarusian and Russian running text a name changes its ending with its role in the sentence:
// "Міхнюк", "Міхнюка" (genitive), "Міхнюку" (dative), "Міхнюком" (instrumental); "Ціханоўскі",
// "Ціханоўскага", "Тихановского", "Ціханоўскім"; "Рабкова", "Рабковай", "Рабковой". The matcher
// knows a name word by every form listed here. Forms are built on the word's Latin letters and
// then keyed, so a romanised text ("Mikhniuka") meets the same keys as a Cyrillic one.
//
// Gender stays apart: the feminine "Ціханоўская" is not a form of the masculine "Ціханоўскі"
// (they are two persons, wife and husband), so each nominative gets only its own paradigm.

// Endings, written in Cyrillic and transliterated like names, so both alphabets produce them.
const CONSONANT = ['а', 'у', 'ом', 'ам', 'е', 'ові', 'ым', 'ім'];
const ADJECTIVE_MASCULINE = ['ага', 'ого', 'аму', 'ому', 'ім', 'ым', 'ом', 'ым', 'я', 'ю', 'ем'];
const ADJECTIVE_FEMININE = ['ай', 'ой', 'ую', 'ою', 'аю'];
const A_ENDING = ['ы', 'і', 'е', 'у', 'ай', 'ой', 'ою', 'аю', 'ам', 'ом'];
const O_ENDING = ['а', 'у', 'ам', 'ом', 'е'];
const J_ENDING = ['я', 'ю', 'ем', 'ям', 'і', 'е'];

const letters = (endings: readonly string[]) => endings.map(latinLetters);
const ENDINGS = {
  consonant: letters(CONSONANT),
  adjectiveMasculine: letters(ADJECTIVE_MASCULINE),
  adjectiveFeminine: letters(ADJECTIVE_FEMININE),
  a: letters(A_ENDING),
  o: letters(O_ENDING),
  j: letters(J_ENDING),
};

/** The keys of every form of one name word in the nominative, the nominative's own key first. */
export function wordFormKeys(word: string): string[] {
  const base = latinLetters(word);
  const key = latinKey(word);
  if (key.length < 2) return key ? [key] : [];
  const forms = new Set([key]);
  const add = (stem: string, endings: readonly string[]) => {
    for (const ending of endings) forms.add(latinKey(stem + ending));
  };
  if (/[aeo][uw]$/.test(base)) {
    // Belarusian -оў/-аў and Latin -ou/-au decline as -ов-: Палякоў, Палякова.
    add(base.replace(/[uw]$/, 'v'), ENDINGS.consonant);
  } else if (/a[iyj]a$/.test(base)) add(base.replace(/a[iyj]a$/, ''), ENDINGS.adjectiveFeminine);
  else if (/a$/.test(base)) {
    const stem = base.slice(0, -1);
    add(stem, ENDINGS.a);
    // Belarusian -enka is often written -enko in Russian: Sudalenka, Sudalenko.
    if (/nk$/.test(stem)) add(stem, ['o']);
  } else if (/o$/.test(base)) add(base.slice(0, -1), ENDINGS.o);
  else if (/[aeou][iyj]$/.test(base)) add(base.replace(/[iyj]$/, ''), ENDINGS.j);
  else if (/[iy]+j?$/.test(base)) add(base.replace(/[iyj]+$/, ''), ENDINGS.adjectiveMasculine);
  else if (/[^aeiouy]$/.test(base)) add(base, ENDINGS.consonant);
  return [...forms];
}
