import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, loadSettings, saveSettings } from '@/lib/settings/settings';

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts from defaults and keeps a trimmed name', async () => {
    const area = fakeBrowser.storage.local;
    expect(await loadSettings(area)).toEqual(defaultSettings);
    await saveSettings(area, { researcherName: '  Alesia K.  ' });
    expect(await loadSettings(area)).toEqual({ ...defaultSettings, researcherName: 'Alesia K.' });
  });

  it('refuses an overlong name and keeps the previous value', async () => {
    const area = fakeBrowser.storage.local;
    await saveSettings(area, { researcherName: 'Alesia' });
    await expect(saveSettings(area, { researcherName: 'x'.repeat(201) })).rejects.toThrow(/at most 200/);
    expect(await loadSettings(area)).toEqual({ ...defaultSettings, researcherName: 'Alesia' });
  });

  it('falls back to the default of each malformed field and keeps the others', async () => {
    await fakeBrowser.storage.local.set({ settings: { researcherName: 5, lastKind: 'fact' } });
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual({ ...defaultSettings, lastKind: 'fact' });
    await fakeBrowser.storage.local.set({ settings: 'garbage' });
    expect(await loadSettings(fakeBrowser.storage.local)).toEqual(defaultSettings);
  });

  it('keeps the name when only the last kind changes, and refuses a bad kind', async () => {
    const area = fakeBrowser.storage.local;
    await saveSettings(area, { researcherName: 'Alesia' });
    await saveSettings(area, { lastKind: 'fact' });
    expect(await loadSettings(area)).toEqual({ ...defaultSettings, researcherName: 'Alesia', lastKind: 'fact' });
    await expect(saveSettings(area, { lastKind: 'Not a kind' })).rejects.toThrow(/kind is not valid/);
  });
});

describe('suggestionsEnabled', () => {
  it.each([
    { stored: undefined, expected: true },
    { stored: false, expected: false },
    { stored: 'no', expected: true },
  ])('stored $stored → $expected', async ({ stored, expected }) => {
    await fakeBrowser.storage.local.set({ settings: { researcherName: 'Alesia', suggestionsEnabled: stored } });
    const loaded = await loadSettings(fakeBrowser.storage.local);
    expect(loaded.suggestionsEnabled).toBe(expected);
    expect(loaded.researcherName).toBe('Alesia');
  });
});

describe('discreet mode settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    {
      stored: { discreetEverywhere: true, discreetSites: ['sb.by'] },
      expected: { discreetEverywhere: true, discreetSites: ['sb.by'] },
    },
    { stored: {}, expected: { discreetEverywhere: false, discreetSites: [] } },
    {
      stored: { discreetEverywhere: 'yes', discreetSites: 'sb.by' },
      expected: { discreetEverywhere: false, discreetSites: [] },
    },
    { stored: { discreetSites: [''] }, expected: { discreetEverywhere: false, discreetSites: [] } },
  ])('stored $stored → $expected', async ({ stored, expected }) => {
    await fakeBrowser.storage.local.set({ settings: { researcherName: 'Alesia', ...stored } });
    const loaded = await loadSettings(fakeBrowser.storage.local);
    expect(loaded).toMatchObject({ researcherName: 'Alesia', ...expected });
  });

  it('keeps the other settings when the site list changes', async () => {
    const area = fakeBrowser.storage.local;
    await saveSettings(area, { researcherName: 'Alesia', lastKind: 'fact' });
    await saveSettings(area, { discreetSites: ['sb.by', 'belta.by'] });
    expect(await loadSettings(area)).toEqual({
      ...defaultSettings,
      researcherName: 'Alesia',
      lastKind: 'fact',
      discreetSites: ['sb.by', 'belta.by'],
    });
  });
});
