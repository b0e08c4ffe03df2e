import type { LegalArticle } from '@/lib/schema/legal-article';

// Reports cite provisions in three languages and many abbreviations: "Part 1 of Article 368 of the
// Criminal Code", "ч. 1 ст. 342 УК", "ч.2 арт. 361-1 КК". Each mention found here becomes a fact
// suggestion prefilled with the provision, so the code is named the way the LegalArticle schema
// expects it ("Criminal Code"), whatever abbreviation the page used.
//
// A bare "Article 342" names no code. In the reports this tool serves that is the Criminal Code,
// unless the number has the dotted form the Code of Administrative Offenses uses ("19.11"); the
// researcher confirms the prefilled fact, so a wrong guess costs one edit, never a silent record.
// A provision of something that is not a code ("Article 17 of the International Covenant…") is
// not a case's legal article and is skipped.

/** One provision found in a text, with the UTF-16 offsets of its words in the text. */
export interface LegalArticleMention {
  start: number;
  end: number;
  article: LegalArticle;
}

const CRIMINAL = 'Criminal Code';
const ADMINISTRATIVE = 'Code of Administrative Offenses';

// Code names as written, lower-cased, to the readable name; the first pattern that fits wins.
const CODE_NAMES: readonly (readonly [RegExp, string])[] = [
  [
    /^(?:уголовно-процессуальн|крымінальна-працэсуальн|criminal procedure|code of criminal procedure|упк|кпк)/u,
    'Criminal Procedure Code',
  ],
  [
    /^(?:уголовно-исполнительн|крымінальна-выканаўч|penal enforcement|criminal executive|уик|квк)/u,
    'Penal Enforcement Code',
  ],
  [
    /^(?:административн|адміністрацыйн|кодекс[аеу]? об административн|кодэкс[аеу]? аб адміністрацыйн|administrative|code of administrative|коап|каап)/u,
    ADMINISTRATIVE,
  ],
  [/^(?:constitution|конституци|канстытуцы)/u, 'Constitution'],
  [/^(?:уголовн|крымінальн|criminal|ук|кк)/u, CRIMINAL],
];

const NUMBER = String.raw`(\d{1,4}(?:[.-]\d{1,3})*)`;
const NOT_BEFORE = String.raw`(?<![\p{L}\p{N}])`;
const NOT_AFTER = String.raw`(?![\p{L}\p{N}])`;
const SP = String.raw`[\s\u00a0]*`;
const SP1 = String.raw`[\s\u00a0]+`;

// English: "[Part N of] Article|Art.|Art N [of the <code>]".
const ENGLISH_PART = String.raw`(?:(?:part|pt\.?)${SP1}(\d{1,3})${SP1}of${SP1})?`;
const ENGLISH_ARTICLE = String.raw`(?:article|art\.?)${SP1}${NUMBER}`;
const ENGLISH_CODE = String.raw`(?:${SP1}of${SP1}the${SP1}((?:[\p{L}-]+${SP1}){0,5}?(?:code(?:${SP1}of${SP1}(?:administrative${SP1}offen[cs]es|criminal${SP1}procedure))?|constitution|covenant|convention)(?:${SP1}of${SP1}the${SP1}republic${SP1}of${SP1}belarus)?))?`;

// Russian and Belarusian: "[ч. N | части N | частка N] ст.|статья|арт.|артыкул N [УК|КК|КоАП|Уголовного кодекса…]".
const SLAVIC_PART = String.raw`(?:(?:ч\.|ч${SP1}|част(?:ь|и|ью|я)${SP1}|частк(?:а|і|у|ай)${SP1})${SP}(\d{1,3})${SP}(?:,${SP})?)?`;
const SLAVIC_ARTICLE = String.raw`(?:ст\.|ст${SP1}|стать(?:я|и|е|ю|ёй)${SP1}|статей${SP1}|арт\.|арт${SP1}|артыкул(?:а|е|у|ам)?${SP1})${SP}${NUMBER}`;
const SLAVIC_CODE = String.raw`(?:${SP1}((?:упк|кпк|уик|квк|коап|каап|ук|кк)(?:${SP1}(?:рб|республики${SP1}беларусь|рэспублікі${SP1}беларусь))?|(?:уголовн|уголовно-процессуальн|уголовно-исполнительн|административн|крымінальн|крымінальна-працэсуальн|крымінальна-выканаўч|адміністрацыйн)\p{L}*${SP1}(?:кодекс|кодэкс)\p{L}*|кодекс\p{L}*${SP1}об${SP1}административных${SP1}правонарушениях|кодэкс\p{L}*${SP1}аб${SP1}адміністрацыйных${SP1}правапарушэннях)${NOT_AFTER})?`;

const PATTERN = new RegExp(
  `${NOT_BEFORE}(?:${ENGLISH_PART}${ENGLISH_ARTICLE}${ENGLISH_CODE}|${SLAVIC_PART}${SLAVIC_ARTICLE}${SLAVIC_CODE})${NOT_AFTER}`,
  'giu',
);

/** The readable code name for a code as a text names it, or null when it is not a code of law. */
function codeName(written: string | undefined, article: string): string | null {
  if (written === undefined) return article.includes('.') ? ADMINISTRATIVE : CRIMINAL;
  const lower = written.toLowerCase().replace(/\s+/g, ' ');
  for (const [pattern, name] of CODE_NAMES) if (pattern.test(lower)) return name;
  // "the Belarusian Criminal Code": a qualifier before the code's own name.
  const code = /criminal|administrative/.exec(lower)?.[0];
  return code === undefined ? null : code === 'criminal' ? CRIMINAL : ADMINISTRATIVE;
}

/** Every legal provision named in `text`, in order, with its code, article and part. */
export function findLegalArticles(text: string): LegalArticleMention[] {
  const found: LegalArticleMention[] = [];
  for (const match of text.matchAll(PATTERN)) {
    const english = match[2] !== undefined;
    const part = english ? match[1] : match[4];
    const article = (english ? match[2] : match[5]) ?? '';
    const code = codeName(english ? match[3] : match[6], article);
    // "Article 17 of the International Covenant": not a code of law, so not a case's article.
    if (code === null) continue;
    found.push({
      start: match.index,
      end: match.index + match[0].length,
      article: { code, article, part: part ?? null },
    });
  }
  return found;
}
