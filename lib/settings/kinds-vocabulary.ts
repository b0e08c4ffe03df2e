import * as z from 'zod/mini';
import type { KeyValueArea } from '../page/tab-pages';
import { foldText } from '../db';
import { BUILT_IN_KINDS, KindDefinition } from '../schema/kinds';
import { KINDS_KEY } from './storage-keys';

// The researcher's kinds: the built-in ones (renamable and recolourable, ids fixed because records
// and other installations refer to them) plus their own. Stored in extension storage so every
// context — toolbar, cards, side panel, exports — shows the same words and colours.

export { KINDS_KEY } from './storage-keys';
/** Most kinds a vocabulary holds: what an export envelope can carry. */
export const MAX_KINDS = 200;

const BUILT_IN_IDS: ReadonlySet<string> = new Set(BUILT_IN_KINDS.map((k) => k.id));

/** True for a kind every installation knows; its id can never change or go away. */
export const isBuiltInKind = (id: string): boolean => BUILT_IN_IDS.has(id);

/** A stored vocabulary: valid entries, unique ids, every built-in kind present. */
export const KindsVocabulary = z.array(KindDefinition).check(
  z.maxLength(MAX_KINDS),
  z.refine((kinds) => new Set(kinds.map((k) => k.id)).size === kinds.length, 'kind ids must be unique'),
  z.refine((kinds) => [...BUILT_IN_IDS].every((id) => kinds.some((k) => k.id === id)), 'a built-in kind is missing'),
);
export type KindsVocabulary = z.infer<typeof KindsVocabulary>;

/** The vocabulary of a fresh profile. */
export const defaultKinds = (): KindDefinition[] => BUILT_IN_KINDS.map((k) => ({ ...k }));

/**
 * A usable vocabulary from whatever is stored: malformed and duplicate entries are dropped and a
 * missing built-in kind is put back, so a damaged setting never leaves the toolbar without kinds.
 */
export function repairKinds(stored: unknown): KindDefinition[] {
  const entries = Array.isArray(stored) ? stored : [];
  const kept: KindDefinition[] = [];
  for (const entry of entries.slice(0, MAX_KINDS)) {
    const parsed = z.safeParse(KindDefinition, entry);
    if (parsed.success && !kept.some((k) => k.id === parsed.data.id)) kept.push(parsed.data);
  }
  const missing = defaultKinds().filter((k) => !kept.some((s) => s.id === k.id));
  return [...missing, ...kept].slice(0, MAX_KINDS);
}

/** Reads the vocabulary; a fresh profile gets the built-in kinds. */
export async function loadKinds(area: KeyValueArea): Promise<KindDefinition[]> {
  return repairKinds((await area.get(KINDS_KEY))[KINDS_KEY] ?? defaultKinds());
}

/** Validates and stores a whole vocabulary; throws with a readable message when it is not acceptable. */
export async function saveKinds(area: KeyValueArea, kinds: readonly KindDefinition[]): Promise<KindDefinition[]> {
  const parsed = z.safeParse(KindsVocabulary, kinds);
  if (!parsed.success)
    throw new Error(`The kinds could not be saved: ${parsed.error.issues[0]?.message ?? 'invalid'}.`);
  await area.set({ [KINDS_KEY]: parsed.data });
  return parsed.data;
}

/** The outcome of an edit: the new vocabulary, or why the edit is refused. */
export type KindsEdit = { ok: true; kinds: KindDefinition[] } | { ok: false; message: string };

const COLOR = /^#[0-9a-fA-F]{6}$/;
const refuse = (message: string): KindsEdit => ({ ok: false, message });

function checkLabel(kinds: readonly KindDefinition[], label: string, exceptId: string | null): string | null {
  if (!label) return 'A kind needs a name.';
  if (label.length > 200) return 'A kind name must be at most 200 characters.';
  const folded = foldText(label);
  const clash = kinds.find((k) => k.id !== exceptId && foldText(k.label) === folded);
  return clash ? `There is already a kind called "${clash.label}".` : null;
}

/** A new id from a label: lower-case Latin letters, digits and hyphens, unique in the vocabulary. */
export function kindIdFor(label: string, taken: ReadonlySet<string>): string {
  const base =
    foldText(label)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 32)
      .replace(/-+$/, '') || 'kind';
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Adds a researcher's kind at the end of the toolbar. */
export function addKind(kinds: readonly KindDefinition[], label: string, color: string): KindsEdit {
  const name = label.trim();
  const problem = checkLabel(kinds, name, null);
  if (problem) return refuse(problem);
  if (!COLOR.test(color)) return refuse('The colour must be given as #rrggbb.');
  if (kinds.length >= MAX_KINDS) return refuse(`At most ${MAX_KINDS} kinds can be kept.`);
  const id = kindIdFor(name, new Set(kinds.map((k) => k.id)));
  return { ok: true, kinds: [...kinds, { id, label: name, color: color.toLowerCase() }] };
}

/** Renames a kind; its id, and so every record of that kind, stays as it is. */
export function renameKind(kinds: readonly KindDefinition[], id: string, label: string): KindsEdit {
  const name = label.trim();
  if (!kinds.some((k) => k.id === id)) return refuse('That kind no longer exists.');
  const problem = checkLabel(kinds, name, id);
  if (problem) return refuse(problem);
  return { ok: true, kinds: kinds.map((k) => (k.id === id ? { ...k, label: name } : k)) };
}

/** Gives a kind a new highlight colour. */
export function recolorKind(kinds: readonly KindDefinition[], id: string, color: string): KindsEdit {
  if (!kinds.some((k) => k.id === id)) return refuse('That kind no longer exists.');
  if (!COLOR.test(color)) return refuse('The colour must be given as #rrggbb.');
  return { ok: true, kinds: kinds.map((k) => (k.id === id ? { ...k, color: color.toLowerCase() } : k)) };
}

/**
 * Removes a researcher's kind that no highlight uses. A kind in use is refused with the count, so
 * no highlight is silently left with a kind the toolbar and exports no longer describe.
 */
export function removeKind(kinds: readonly KindDefinition[], id: string, usage: number): KindsEdit {
  const kind = kinds.find((k) => k.id === id);
  if (!kind) return refuse('That kind no longer exists.');
  if (isBuiltInKind(id)) return refuse(`"${kind.label}" is built in and cannot be deleted; rename it instead.`);
  if (usage > 0) {
    const count = usage === 1 ? '1 highlight uses' : `${usage.toLocaleString('en')} highlights use`;
    return refuse(`${count} "${kind.label}". Change their kind first, then delete it.`);
  }
  return { ok: true, kinds: kinds.filter((k) => k.id !== id) };
}

/** Colour of a kind the vocabulary does not describe: the built-in "other" grey. */
export const UNKNOWN_KIND_COLOR = '#d1d5db';

/**
 * The vocabulary plus an entry for every kind in `used` that it lacks (e.g. records imported from a
 * colleague with their own kinds), so such a highlight is still painted and its card still names it.
 */
export function coverKinds(kinds: readonly KindDefinition[], used: Iterable<string>): KindDefinition[] {
  const known = new Set(kinds.map((k) => k.id));
  const extra = [...new Set(used)].filter((id) => !known.has(id));
  return [...kinds, ...extra.map((id) => ({ id, label: id, color: UNKNOWN_KIND_COLOR }))];
}

/** The label of a kind id, or the id itself for a kind missing from the vocabulary (e.g. imported). */
export function kindLabel(kinds: readonly KindDefinition[], id: string): string {
  return kinds.find((k) => k.id === id)?.label ?? id;
}

/**
 * The vocabulary after an import: kinds the imported highlights use that it lacks are added with
 * the file's label and colour, so a colleague's "Witness" shows as a named, coloured kind instead
 * of a grey id. Kinds the file defines but no highlight uses are not added; a label that clashes
 * with a kind already here is marked "(imported)"; nothing is added beyond MAX_KINDS.
 */
export function adoptKinds(
  kinds: readonly KindDefinition[],
  incoming: readonly KindDefinition[],
  usedIds: ReadonlySet<string>,
): { kinds: KindDefinition[]; added: KindDefinition[] } {
  const next = [...kinds];
  const added: KindDefinition[] = [];
  for (const kind of incoming) {
    if (!usedIds.has(kind.id) || next.some((k) => k.id === kind.id) || next.length >= MAX_KINDS) continue;
    const label = checkLabel(next, kind.label, null) ? `${kind.label} (imported)`.slice(0, 200) : kind.label;
    const entry = { id: kind.id, label, color: kind.color.toLowerCase() };
    next.push(entry);
    added.push(entry);
  }
  return { kinds: next, added };
}
