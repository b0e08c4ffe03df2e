import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, loadSettings, saveSettings } from '@/lib/settings/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts from defaults and keeps a trimmed name', async () => {
    const area = fakeBrowser.storage.local;
    expect(await loadSettings(area)).toEqual(defaultSettings);
    await saveSettings(area, { researcherName: '  Alesia K.  ' });
    expect(await loadSettings(area)).toEqual({ researcherName: 'Alesia K.' });
  });

  it('refuses an overlong name and keeps the previous value', async () => {
    const area = fakeBrowser.storage.local;
    await saveSettings(area, { researcherName: 'Alesia' });
    await expect(saveSettings(area, { researcherName: 'x'.repeat(201) })).rejects.toThrow(/at most 200/);
    expect(await loadSettings(area)).toEqual({ researcherName: 'Alesia' });
  });

  it('falls back to defaults when stored settings are malformed', async () => {
    await fakeBrowser.storage.local.set({ settings: { researcherName: 5 } });
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual(defaultSettings);
  });
});
