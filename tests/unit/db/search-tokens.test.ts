import { describe, expect, it } from 'vitest';
import {
  foldText,
  MAX_TOKEN_LENGTH,
  MAX_TOKENS_PER_RECORD,
  queryPrefixes,
  termsOf,
  tokenizeQuery,
  tokensOf,
  tokensOfAnnotation,
  tokensOfCase,
  tokensOfPerson,
} from '@/lib/db/search-tokens';
import { makeAnnotation, makeCase, makePerson, uuid } from '../../support/records';

describe('foldText', () => {
  it.each([
    ['Homieĺ', 'homiel'],
    ['Łukaszenka', 'lukaszenka'],
    ['Straße', 'strasse'],
    ['STRASSE', 'strasse'],
    ['Mikhniuk', 'mikhniuk'],
    ['Міхнюк', 'міхнюк'],
    ['ЗІНАІДА', 'зінаіда'],
    ['Ørsted Æble', 'orsted aeble'],
    ['Ďurovič', 'durovic'],
    ['ﬁle', 'file'],
    ['İstanbul', 'istanbul'],
    ['ΟΔΥΣΣΕΥΣ', 'οδυσσευσ'],
  ])('%s → %s', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});

describe('tokens', () => {
  it('splits on anything but letters and digits, in any script', () => {
    expect(tokensOf('Зінаіда Міхнюк, art. 368-1 (Homieĺ)')).toEqual(['зінаіда', 'міхнюк', 'art', '368', '1', 'homiel']);
  });

  it("keeps a word's inner apostrophe out of the token", () => {
    expect(tokensOf("Дар'я O’Brien 'quoted'")).toEqual(['даря', 'obrien', 'quoted']);
  });

  it('de-duplicates and keeps first-seen order', () => {
    expect(tokensOf('a b A', 'b c')).toEqual(['a', 'b', 'c']);
  });

  it('caps the tokens of a record and the length of a token', () => {
    const hugeNote = Array.from({ length: 5_000 }, (_, i) => `w${i}`).join(' ');
    const tokens = tokensOfPerson(makePerson({ notes: hugeNote }));
    expect(tokens).toHaveLength(MAX_TOKENS_PER_RECORD);
    expect(tokens.slice(0, 2)).toEqual(['zinaida', 'mikhniuk']);
    expect(tokensOf('x'.repeat(500))).toEqual(['x'.repeat(MAX_TOKEN_LENGTH)]);
  });

  it('indexes a highlight by its quote, tags, fact place and note', () => {
    const annotation = makeAnnotation(uuid(), {
      tags: ['released', 'Brest region'],
      note: 'Seen in court.',
      fact: { eventType: 'trial', date: null, place: 'Homieĺ', legalArticle: null, term: null },
    });
    expect(tokensOfAnnotation(annotation)).toEqual([
      'zinaida',
      'mikhniuk',
      'released',
      'brest',
      'region',
      'homiel',
      'seen',
      'in',
      'court',
    ]);
  });

  it('indexes a person by name, aliases and notes', () => {
    expect(tokensOfPerson(makePerson())).toEqual([
      'zinaida',
      'mikhniuk',
      'зінаіда',
      'міхнюк',
      'trade',
      'union',
      'activist',
      'from',
      'brest',
    ]);
  });

  it('indexes a case by title, places, articles and notes', () => {
    const tokens = tokensOfCase(makeCase({ court: 'Brest Regional Court', notes: 'Appeal refused.' }));
    expect(tokens).toEqual(expect.arrayContaining(['mikhniuk', 'brest', 'regional', 'homiel', '368', 'appeal']));
  });
});

describe('tokenizeQuery', () => {
  it.each([
    ['  Mikhniuk ', ['mikhniuk']],
    ['HOMIEL', ['homiel']],
    ['mikh mikhniuk', ['mikhniuk']],
    ['zin mikh', ['zin', 'mikh']],
    ['— , .', []],
    ['', []],
  ])('%j → %j', (query, tokens) => {
    expect(tokenizeQuery(query)).toEqual(tokens);
  });
});

describe('termsOf', () => {
  it.each([
    // Folded words first, then the keys of capitalised words.
    ['Зінаіда Міхнюк', ['зінаіда', 'міхнюк', 'zinaida', 'mihniuk']],
    ['Mikhniuk was released', ['mikhniuk', 'was', 'released', 'mihniuk']],
    ['Ціханоўскі', ['ціханоускі', 'tihanovski']],
    // Only capitalised words, where names are, get keys.
    ['суд у Гомелі', ['суд', 'у', 'гомелі', 'homeli']],
    // A key equal to a folded word adds nothing.
    ['Minsk 368', ['minsk', '368']],
    ['', []],
  ])('%j → %j', (text, terms) => {
    expect(termsOf(text)).toEqual(terms);
  });

  it('keeps to the per-record cap with keys included', () => {
    const names = Array.from({ length: MAX_TOKENS_PER_RECORD }, (_, i) => `Name${i}x`).join(' ');
    expect(termsOf(names)).toHaveLength(MAX_TOKENS_PER_RECORD);
  });
});

describe('queryPrefixes', () => {
  it.each([
    // "Mikhniukh…" would key as "mihniuh…", so a word ending in k also looks that up.
    ['Mikhniuk', [['mikhniuk', 'mihniuk', 'mihniuh']]],
    // A prefix ending inside a spelling the key rewrites also looks up the key with the next letter.
    ['Mik', [['mik', 'mih']]],
    ['Міх', [['міх', 'mih']]],
    ['Siarhi', [['siarhi', 'siarhe']]],
    // Words that prefix other words drop out, with their keys.
    ['mikh mikhniuk', [['mikhniuk', 'mihniuk', 'mihniuh']]],
    ['368', [['368']]],
    ['— , .', []],
  ])('%j → %j', (query, prefixes) => {
    expect(queryPrefixes(query)).toEqual(prefixes);
  });
});
