import { describe, expect, it } from 'vitest';
import { anchor } from '@/lib/anchoring/anchor';
import { describeTextPosition } from '@/lib/anchoring/text-position';
import { describeTextQuote } from '@/lib/anchoring/text-quote';
import type { Selector } from '@/lib/schema/selectors';

// The false and wrong anchors the Chromium benchmark (npm run bench:anchoring, docs/benchmarks.md)
// found, each rebuilt from its page text: news sites repeat headlines in "Related news" lists with
// the same chrome around them, and sentences recur with a few words changed. Each row: a page, the
// quote taken on it, an edit, and where the quote must anchor afterwards (or null: an orphan).

const filler = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `Paragraph ${from + i} of the monthly review.`).join(' ');
/** About 4,300 characters: farther than the 2,048 searched around the stored position first. */
const FAR = filler(100, 120);
/** A paragraph of 3,000 characters inserted at the top moves everything below it that far. */
const INSERTED = `${'Editor’s note: this report was updated. '.repeat(75).trim()}\n`;

const HEADLINE = 'December 2023 review: 390 administrative cases and new "extremist" lists';
const related = (month: string, headline: string) =>
  `Related news\n\nFreed after serving their terms: political prisoners released in ${month}\n${headline}\nStatement on the death of a political prisoner in custody\n`;

const TIKTOK =
  'According to the charge, he had published two TikTok videos containing insults against Lukashenka, an architect earlier Article 368 of the Criminal Code.';
const TIKTOK_OTHER =
  'According to the charge, he had published two TikTok courts containing relatives nearly Lukashenka, an offence need Article 368 of the Criminal Code.';

const COLONY = 'Some 106 political prisoners are serving sentences in that colony.';
const REVIEW = (month: string) => `Belarus in ${month} 2026: a monthly review of the human rights situation`;
const CROWDING =
  'Crowding and mass injury reports to institution walked and choose elections outside, and it is the week of the reason milder to teacher the distributing of compared banned and to prevent detention.';
const CONFINEMENT = (years: string) => `The court gave him three ${years} of home confinement.`;

interface Row {
  name: string;
  text: string;
  /** The quote: these words, their `nth` occurrence on the original page. */
  words: string;
  nth?: number;
  /** Whether the stored selectors include the TextPositionSelector. */
  position?: boolean;
  edit: (text: string) => string;
  /** Where it must anchor on the edited page (words, nth occurrence), or null for an orphan. */
  expected: { words: string; nth?: number } | null;
}

const ROWS: Row[] = [
  {
    name: 'a deleted headline whose copy in another Related news list differs only by a year before it',
    text: `${filler(0, 5)}\n${related('November 2027', HEADLINE)}${FAR}\n${related('November 2028', HEADLINE)}${filler(300, 5)}`,
    words: HEADLINE,
    edit: (t) => t.replace(`${HEADLINE}\n`, ''),
    expected: null,
  },
  {
    name: 'a headline with a word changed in place, while its copy far below is intact',
    text: `${filler(0, 5)}\n${related('March 2025', HEADLINE)}${FAR}\n${related('March 2024', HEADLINE)}${filler(300, 5)}`,
    words: HEADLINE,
    edit: (t) => t.replace(HEADLINE, HEADLINE.replace('administrative', 'criminal')),
    expected: { words: HEADLINE.replace('administrative', 'criminal') },
  },
  {
    name: 'the same, with no stored position: the intact copy elsewhere is as likely as the edited one',
    text: `${filler(0, 5)}\n${related('March 2025', HEADLINE)}${FAR}\n${related('March 2024', HEADLINE)}${filler(300, 5)}`,
    words: HEADLINE,
    position: false,
    edit: (t) => t.replace(HEADLINE, HEADLINE.replace('administrative', 'criminal')),
    expected: null,
  },
  {
    name: 'a deleted sentence whose near-copy far below, with five words changed, keeps both sides',
    text: `${filler(0, 5)} Investigators took screenshots of Bialiauski's TikTok account.\n${TIKTOK} On August 22, 2022, the Court of the Babrujsk District sentenced him. ${FAR} Police took believes of Bialiauski's TikTok account.\n${TIKTOK_OTHER} On August 22, 2022, the Court of the Babrujsk District heard the case. ${filler(300, 5)}`,
    words: TIKTOK,
    edit: (t) => t.replace(`${TIKTOK} `, '').replace('Investigators took', 'Investigators kept'),
    expected: null,
  },
  {
    name: 'a moved sentence with a word changed, while its old words stand far away in other context',
    text: `${filler(0, 5)} Visits and telephone calls were face. ${COLONY} Crowding and mass illness declared there. ${FAR} Its joint and telephone fines vehicles banned. ${COLONY} Crowding and police illness point to poor food. ${filler(300, 5)}`,
    words: COLONY,
    edit: (t) => INSERTED + t.replace(COLONY, COLONY.replace('serving', 'spending')),
    expected: { words: COLONY.replace('serving', 'spending') },
  },
  {
    name: 'a moved headline with a word changed, while another month’s headline has the same chrome',
    text: `${filler(0, 5)}\nRelated news\n\n${REVIEW('August')}\nReleased in December: political prisoners who served their terms\n${FAR}\nRelated news\n\n${REVIEW('April')}\nReleased in December: political prisoners who served their terms\n${filler(300, 5)}`,
    words: REVIEW('August'),
    edit: (t) => INSERTED + t.replace(REVIEW('August'), REVIEW('August').replace('human', 'civil')),
    expected: null,
  },
  {
    name: 'a sentence with a word changed, moved one character past the window searched first',
    text: `${filler(0, 5)} Prisoners are serving sentences in absence citizens. ${CROWDING}\nDeath in custody and the taken to life\n${filler(300, 5)}`,
    words: CROWDING,
    // 2,049 characters above: the window around the stored position ends one character early.
    edit: (t) => `${'x'.repeat(2048)} ${t.replace(CROWDING, CROWDING.replace('mass', 'flat'))}`,
    expected: { words: CROWDING.replace('mass', 'flat') },
  },
  {
    name: 'a sentence with a word changed and no position, while a near-copy elsewhere keeps both sides',
    text: `${filler(0, 5)} He was tried under Article 342 of the Criminal Code. ${CONFINEMENT('solidarity')} Like his co-defendant, he had spent the time before trial in custody. ${FAR} She was tried under Part 1 of Article 342 of the Criminal Code. ${CONFINEMENT('years')} Like his co-defendant, he had spent the time before trial at home. ${filler(300, 5)}`,
    words: CONFINEMENT('solidarity'),
    position: false,
    edit: (t) => t.replace(CONFINEMENT('solidarity'), CONFINEMENT('solidarity').replace('court', 'magistrates')),
    expected: null,
  },
];

/** The span of the `nth` occurrence of `words` in `text`. */
function spanOf(text: string, words: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(words, at + 1);
  if (at < 0) throw new Error(`"${words}" #${nth} not in text`);
  return { start: at, end: at + words.length };
}

describe('cases the Chromium benchmark found', () => {
  it.each(ROWS)('$name', ({ text, words, nth, position = true, edit, expected }) => {
    const { start, end } = spanOf(text, words, nth);
    const selectors: Selector[] = [describeTextQuote(text, start, end)];
    if (position) selectors.push(describeTextPosition(text, start, end));
    const edited = edit(text);
    expect(edited).not.toBe(text);
    const match = anchor(edited, selectors);
    if (expected === null) expect(match).toBeNull();
    else expect(match).toMatchObject(spanOf(edited, expected.words, expected.nth));
  });
});
