import * as z from 'zod/mini';
import type { KeyValueArea } from '../page/tab-pages';

// The researcher's own preferences. The name is recorded as the creator of every record,
// so it is validated and trimmed before it is stored.

/** Settings as stored; every field has a default so a fresh profile needs no setup. */
export const Settings = z.strictObject({
  researcherName: z.string().check(z.maxLength(200)),
});
export type Settings = z.infer<typeof Settings>;

const KEY = 'settings';
export const defaultSettings: Settings = { researcherName: '' };

/** Reads settings, falling back to defaults for anything missing or malformed. */
export async function loadSettings(area: KeyValueArea): Promise<Settings> {
  const parsed = z.safeParse(Settings, (await area.get(KEY))[KEY]);
  return parsed.success ? parsed.data : defaultSettings;
}

/** Validates and stores settings; throws with a readable message when a value is unacceptable. */
export async function saveSettings(area: KeyValueArea, settings: Settings): Promise<Settings> {
  const cleaned = { ...settings, researcherName: settings.researcherName.trim() };
  const parsed = z.safeParse(Settings, cleaned);
  if (!parsed.success) throw new Error('The name must be at most 200 characters.');
  await area.set({ [KEY]: parsed.data });
  return parsed.data;
}
