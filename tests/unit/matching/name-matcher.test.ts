import { describe, expect, it } from 'vitest';
import { buildNameMatcher, findPersonMentions, type RegistryPerson } from '@/lib/matching/name-matcher';
import { wordFormKeys } from '@/lib/matching/word-forms';
import { latinKey } from '@/lib/names/latin-key';

const REGISTRY: RegistryPerson[] = [
  { id: 'mikhniuk', name: 'Zinaida Mikhniuk', aliases: ['Зінаіда Міхнюк'] },
  { id: 'tsikhanouski', name: 'Siarhei Tsikhanouski', aliases: ['Сяргей Ціханоўскі'] },
  { id: 'tsikhanouskaya', name: 'Sviatlana Tsikhanouskaya', aliases: [] },
  { id: 'khrasko', name: 'Vadzim Khrasko', aliases: [] },
  { id: 'rabkova', name: 'Marfa Rabkova', aliases: ['Maria Rabkova', 'Марфа Рабкова'] },
  { id: 'kastusiou', name: 'Ryhor Kastusiou', aliases: ['Рыгор Кастусёў'] },
  { id: 'losik', name: 'Ihar Losik', aliases: [] },
  { id: 'kozubau', name: 'Ihar Kozubau', aliases: [] },
  { id: 'paliakou-v', name: 'Vital Paliakou', aliases: [] },
  { id: 'paliakou-a', name: 'Aliaksandr Paliakou', aliases: [] },
  { id: 'birulia-t', name: 'Tatsiana Birulia', aliases: [] },
  { id: 'birulia-a', name: 'Aliaksandr Birulia', aliases: ['Аляксандр Біруля'] },
  { id: 'luchynovich', name: 'Лучыновіч Аляксандр Іванавіч', aliases: ['Aliaksandr Luchynovich'] },
];
const matcher = buildNameMatcher(REGISTRY);

/** The mentions of `text` as [quoted words, person] pairs. */
const mentions = (text: string) =>
  findPersonMentions(matcher, text).map((m) => [text.slice(m.start, m.end), m.personIds.join('|')]);

describe('findPersonMentions: hits', () => {
  it.each([
    { text: 'Political prisoner Zinaida Mikhniuk was released.', expected: [['Zinaida Mikhniuk', 'mikhniuk']] },
    { text: 'Zinaida Mikhnyuk, a trade unionist', expected: [['Zinaida Mikhnyuk', 'mikhniuk']] },
    { text: 'Зінаіда Міхнюк. Фота з сацыяльных сетак.', expected: [['Зінаіда Міхнюк', 'mikhniuk']] },
    { text: 'справа Зинаиды Михнюк разглядалася', expected: [['Зинаиды Михнюк', 'mikhniuk']] },
    { text: 'Mikhniuk Zinaida (born 1967)', expected: [['Mikhniuk Zinaida', 'mikhniuk']] },
    { text: 'Z. Mikhniuk said', expected: [['Z. Mikhniuk', 'mikhniuk']] },
    { text: 'паводле З. Міхнюк', expected: [['З. Міхнюк', 'mikhniuk']] },
    { text: 'list: Міхнюк З. and others', expected: [['Міхнюк З.', 'mikhniuk']] },
    {
      text: 'Siarhei Tikhanouski and Сяргея Ціханоўскага',
      expected: [
        ['Siarhei Tikhanouski', 'tsikhanouski'],
        ['Сяргея Ціханоўскага', 'tsikhanouski'],
      ],
    },
    { text: 'Сергея Тихановского', expected: [['Сергея Тихановского', 'tsikhanouski']] },
    { text: 'In July Alexander Luchynovich was sentenced', expected: [['Alexander Luchynovich', 'luchynovich']] },
    {
      text: 'the couple Tatsiana and Aliaksandr Birulia; Тацяну і Аляксандра Бірулю',
      expected: [
        ['Tatsiana', 'birulia-t'],
        ['Aliaksandr Birulia', 'birulia-a'],
        ['Тацяну', 'birulia-t'],
        ['Аляксандра Бірулю', 'birulia-a'],
      ],
    },
    // Nobody registered is called Ihar Luchynovich: the joined first name stays unmatched.
    { text: 'Ihar and Aliaksandr Luchynovich', expected: [['Aliaksandr Luchynovich', 'luchynovich']] },
    {
      text: 'Judge Ihar Losik; Judge Losik',
      expected: [
        ['Ihar Losik', 'losik'],
        ['Losik', 'losik'],
      ],
    },
    { text: "Ryhor Kastusiou's detention", expected: [['Ryhor Kastusiou', 'kastusiou']] },
    { text: 'пра Рыгора Кастусёва', expected: [['Рыгора Кастусёва', 'kastusiou']] },
    {
      text: 'Marfa Rabkova; Maria Rabkova; з Марфай Рабковай',
      expected: [
        ['Marfa Rabkova', 'rabkova'],
        ['Maria Rabkova', 'rabkova'],
        ['Марфай Рабковай', 'rabkova'],
      ],
    },
    {
      text: 'Aliaksandr Luchynovich, Аляксандр Лучыновіч, Лучыновіч Аляксандр Іванавіч',
      expected: [
        ['Aliaksandr Luchynovich', 'luchynovich'],
        ['Аляксандр Лучыновіч', 'luchynovich'],
        ['Лучыновіч Аляксандр Іванавіч', 'luchynovich'],
      ],
    },
    {
      text: 'Ihar Losik was moved. Later Losik wrote to his wife; Losika адвезлі.',
      expected: [
        ['Ihar Losik', 'losik'],
        ['Losik', 'losik'],
        ['Losika', 'losik'],
      ],
    },
  ])('$text', ({ text, expected }) => {
    expect(mentions(text)).toEqual(expected);
  });
});

describe('findPersonMentions: near misses', () => {
  it.each([
    { text: 'Zinaida Ivanova spoke first.', why: 'a first name alone' },
    { text: 'Sergei Mikhniuk and Alexander Losikau', why: 'a first name of the same group, but another surname' },
    { text: 'Ihar wrote from prison.', why: 'a first name shared by two persons' },
    { text: 'Dzianis Krasko was sentenced.', why: 'Krasko is not Khrasko' },
    { text: "the 'Tsikhanouskaya analysts' case", why: 'the feminine form is another person, named only by surname' },
    { text: 'Mikhniuk was released on January 29.', why: 'a lone surname with no full mention on the page' },
    { text: 'Paliakou and Vital Paliakou', why: 'a lone surname shared by two persons' },
    { text: 'Aliaksei Mikhniuk and Zinaida', why: 'a different first name glued to the surname' },
    { text: 'V. Paliakou', why: 'right initial, but the surname alone is shared: still fine only with one candidate' },
    { text: 'zinaida mikhniuk', why: 'not capitalised: not written as a name' },
    { text: 'Zinaida, Mikhniuk', why: 'punctuation between the words' },
  ])('$why: $text', ({ text, why }) => {
    const found = mentions(text);
    if (why.startsWith('a lone surname shared')) expect(found).toEqual([['Vital Paliakou', 'paliakou-v']]);
    else if (why.startsWith('right initial')) expect(found).toEqual([['V. Paliakou', 'paliakou-v']]);
    else expect(found).toEqual([]);
  });

  it('keeps a lone surname when the full name is elsewhere on the page, in another script', () => {
    expect(mentions('Зінаіда Міхнюк. … Mikhniuk was released on January 29.')).toEqual([
      ['Зінаіда Міхнюк', 'mikhniuk'],
      ['Mikhniuk', 'mikhniuk'],
    ]);
  });

  it('answers with every person of an ambiguous full name', () => {
    const twins = buildNameMatcher([
      { id: 'a', name: 'Ales Bialiatski', aliases: [] },
      { id: 'b', name: 'Алесь Бяляцкі', aliases: [] },
    ]);
    expect(findPersonMentions(twins, 'Ales Bialiatski').map((m) => m.personIds)).toEqual([['a', 'b']]);
  });

  it('finds nothing with an empty registry', () => {
    expect(findPersonMentions(buildNameMatcher([]), 'Zinaida Mikhniuk')).toEqual([]);
  });
});

describe('wordFormKeys', () => {
  it.each([
    { word: 'Міхнюк', forms: ['Міхнюка', 'Міхнюку', 'Міхнюком', 'Міхнюкам', 'Михнюке', 'Mikhniuka'] },
    {
      word: 'Ціханоўскі',
      forms: ['Ціханоўскага', 'Тихановского', 'Ціханоўскаму', 'Тихановскому', 'Ціханоўскім', 'Tsikhanouskaha'],
    },
    { word: 'Ціханоўская', forms: ['Ціханоўскай', 'Тихановской', 'Ціханоўскую', 'Тихановскою'] },
    { word: 'Rabkova', forms: ['Рабковай', 'Рабковой', 'Рабкову', 'Рабковою'] },
    { word: 'Palyakou', forms: ['Палякова', 'Палякову', 'Паляковым', 'Поляковым'.replace('По', 'Па')] },
    { word: 'Zinaida', forms: ['Зінаіды', 'Зинаиды', 'Зинаиде', 'Зінаідай', 'Зинаидой', 'Зинаиду'] },
    { word: 'Siarhei', forms: ['Сяргея', 'Сяргею', 'Сяргеем'] },
    { word: 'Sudalenka', forms: ['Судаленкі', 'Судаленку', 'Судаленкам', 'Sudalenko'] },
  ])('$word', ({ word, forms }) => {
    const keys = wordFormKeys(word);
    for (const form of forms) expect(keys, form).toContain(latinKey(form));
  });

  it.each([
    { word: 'Ціханоўскі', notForms: ['Ціханоўская', 'Ціханоўскай'] },
    { word: 'Ціханоўская', notForms: ['Ціханоўскі', 'Ціханоўскага'] },
    { word: 'Krasko', notForms: ['Khrasko', 'Храско'] },
  ])('$word has no forms of another person', ({ word, notForms }) => {
    const keys = wordFormKeys(word);
    for (const form of notForms) expect(keys, form).not.toContain(latinKey(form));
  });
});
