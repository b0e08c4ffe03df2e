// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SuggestionSettings } from '@/components/SuggestionSettings';
import { loadSettings } from '@/lib/settings/settings';

describe('SuggestionSettings', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(cleanup);

  it('shows suggestions on by default and saves the switch when turned off and on', async () => {
    render(<SuggestionSettings />);
    const box = screen.getByRole('checkbox', { name: /Suggest mentions of my registered persons/ });
    await waitFor(() => expect((box as HTMLInputElement).disabled).toBe(false));
    expect((box as HTMLInputElement).checked).toBe(true);
    fireEvent.click(box);
    await waitFor(async () => expect((await loadSettings(fakeBrowser.storage.local)).suggestionsEnabled).toBe(false));
    fireEvent.click(box);
    await waitFor(async () => expect((await loadSettings(fakeBrowser.storage.local)).suggestionsEnabled).toBe(true));
  });

  it('shows a stored "off"', async () => {
    await fakeBrowser.storage.local.set({ settings: { suggestionsEnabled: false } });
    render(<SuggestionSettings />);
    const box = screen.getByRole('checkbox', { name: /Suggest mentions/ }) as HTMLInputElement;
    await waitFor(() => expect(box.disabled).toBe(false));
    expect(box.checked).toBe(false);
  });
});
