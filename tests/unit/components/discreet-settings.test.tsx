// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DiscreetSettings } from '@/components/DiscreetSettings';
import { loadSettings, saveSettings } from '@/lib/settings/settings';

// The options page's discreet mode: everywhere, or on the sites listed; a list with a line that is
// not a site is refused whole, so no site is silently left out.

beforeEach(() => fakeBrowser.reset());
afterEach(cleanup);

const stored = () => loadSettings(fakeBrowser.storage.local);

async function setup() {
  render(<DiscreetSettings />);
  const everywhere = screen.getByRole('checkbox', { name: 'Discreet mode on every site' }) as HTMLInputElement;
  const sites = screen.getByRole('textbox', {
    name: 'Sites always in discreet mode (one per line)',
  }) as HTMLTextAreaElement;
  await waitFor(() => expect(sites.disabled).toBe(false));
  const save = () => fireEvent.click(screen.getByRole('button', { name: 'Save' }));
  return { everywhere, sites, save };
}

describe('DiscreetSettings', () => {
  it('explains discreet mode and starts off, with no sites', async () => {
    const { everywhere, sites } = await setup();
    expect(everywhere.checked).toBe(false);
    expect(sites.value).toBe('');
    expect(screen.getByText(/nothing is added to a page/).textContent).toMatch(/context menu or Alt\+Shift\+A/);
    expect(screen.getByText(/nothing is added to a page/).textContent).toMatch(/side panel/);
  });

  it('saves the switch and the sites, as host names, each once', async () => {
    const { everywhere, sites, save } = await setup();
    fireEvent.click(everywhere);
    fireEvent.input(sites, { target: { value: 'sb.by\n\n  https://www.Belta.by/news/1  \nsb.by\n' } });
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved/));
    expect(await stored()).toMatchObject({ discreetEverywhere: true, discreetSites: ['sb.by', 'www.belta.by'] });
    expect(sites.value).toBe('sb.by\nwww.belta.by');
  });

  it('shows what is stored', async () => {
    await saveSettings(fakeBrowser.storage.local, { discreetEverywhere: true, discreetSites: ['sb.by', 'ont.by'] });
    const { everywhere, sites } = await setup();
    expect(everywhere.checked).toBe(true);
    expect(sites.value).toBe('sb.by\nont.by');
  });

  it('refuses a list with lines that are not sites, names them, and saves nothing until they are fixed', async () => {
    await saveSettings(fakeBrowser.storage.local, { discreetSites: ['ont.by'] });
    const { everywhere, sites, save } = await setup();
    fireEvent.click(everywhere);
    fireEvent.input(sites, { target: { value: 'sb.by\nnot a site\nftp://files.example\nont.by' } });
    save();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/these lines are not a site name: “not a site”, “ftp:\/\/files.example”/);
    expect(sites.getAttribute('aria-invalid')).toBe('true');
    expect(await stored()).toMatchObject({ discreetEverywhere: false, discreetSites: ['ont.by'] });
    // The typed list stays to be corrected.
    expect(sites.value).toBe('sb.by\nnot a site\nftp://files.example\nont.by');

    fireEvent.input(sites, { target: { value: 'sb.by\nont.by' } });
    save();
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved/));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await stored()).toMatchObject({ discreetEverywhere: true, discreetSites: ['sb.by', 'ont.by'] });
  });
});
