import * as z from 'zod/mini';
import type { KeyValueArea } from '../page/tab-pages';
import { Slug } from '../schema/primitives';
import { SETTINGS_KEY } from './storage-keys';

// The researcher's own preferences. The name is recorded as the creator of every record, so it is
// validated and trimmed before it is stored. Each field falls back to its default on its own, so a
// settings object written by an older version keeps the fields it has.

/** Settings as stored; every field has a default so a fresh profile needs no setup. */
export const Settings = z.object({
  researcherName: z._default(z.string().check(z.maxLength(200)), ''),
  /** The kind used last, for the "annotate with the last kind" command. */
  lastKind: z._default(Slug, 'person'),
  /** Mark mentions of registered persons and legal articles on pages (known-entity suggestions). */
  suggestionsEnabled: z._default(z.boolean(), true),
  /** Discreet mode on every site: pages cannot tell the extension is installed until the researcher acts. */
  discreetEverywhere: z._default(z.boolean(), false),
  /** Sites (host names, e.g. `sb.by`; subdomains included) always opened in discreet mode. */
  discreetSites: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(253))).check(z.maxLength(1000)), []),
});
export type Settings = z.infer<typeof Settings>;

const KEY = SETTINGS_KEY;
export const defaultSettings: Settings = {
  researcherName: '',
  lastKind: 'person',
  suggestionsEnabled: true,
  discreetEverywhere: false,
  discreetSites: [],
};

/** Reads settings; a missing or malformed field takes its default, the others are kept. */
export async function loadSettings(area: KeyValueArea): Promise<Settings> {
  const stored = (await area.get(KEY))[KEY];
  const record = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const fields = Object.keys(defaultSettings) as (keyof Settings)[];
  const kept = Object.fromEntries(
    fields.filter((field) => z.safeParse(Settings.shape[field], record[field]).success).map((f) => [f, record[f]]),
  );
  return Settings.parse(kept);
}

/** Validates and stores a change to the settings; throws with a readable message when a value is unacceptable. */
export async function saveSettings(area: KeyValueArea, change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings(area)), ...change };
  next.researcherName = next.researcherName.trim();
  const parsed = z.safeParse(Settings, next);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0];
    throw new Error(
      field === 'researcherName'
        ? 'The name must be at most 200 characters.'
        : field === 'discreetSites'
          ? 'The discreet sites must be at most 1,000 host names of up to 253 characters.'
          : 'That kind is not valid.',
    );
  }
  await area.set({ [KEY]: parsed.data });
  return parsed.data;
}
