import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
export { PERSON_PINK, SUGGESTION_VIOLET } from './colours';

// The hostile story of issue 11 as both browsers' end-to-end tests use it: the fixture pages, the
// registry naming the people on them, the phrase the researcher annotates and the note they write,
// and the one change the page may observe.

export const STORY = '/hostile-story.html';
export const PLAIN = '/hostile-plain.html';
export const REGISTRY = resolve('tests/fixtures/records/hostile-registry.v1.json');
const registry = JSON.parse(readFileSync(REGISTRY, 'utf8')) as { persons: { name: string; aliases: string[] }[] };
/** Every registered name and alias: none may reach the page's log. */
export const NAMES = registry.persons.flatMap((p) => [p.name, ...p.aliases]);
export const PHRASE = 'Halina Krasnova';
export const NOTE = 'Presided without hearing witnesses; verify her rulings from 2022';
/** A registered name the story shows: underlined as a suggestion. */
export const VISIBLE_NAME = 'Marfa Rabkova';

/** The one change a page may see: an empty host element appended to <html>, nothing in it it can read. */
export const HOST_ADDED = {
  type: 'childList',
  target: 'HTML',
  added: [{ name: 'SOURCE-ANNOTATOR-UI', attributes: [], text: '', children: 0 }],
  removed: [],
};
