import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parseSiteList } from '@/lib/settings/discreet-mode';
import { loadSettings, saveSettings } from '@/lib/settings/settings';

/** As many sites as the settings keep (Settings.discreetSites). */
const MAX_SITES = 1000;

type Status = { kind: 'info' | 'error' | 'invalid'; text: string } | null;

/**
 * Discreet mode: on every site, or on the sites listed one per line. The list is checked whole
 * before anything is saved, so a mistyped line never silently leaves a site out of discreet mode.
 */
export function DiscreetSettings() {
  const [everywhere, setEverywhere] = useState(false);
  const [sites, setSites] = useState('');
  const [loaded, setLoaded] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => {
    void loadSettings(browser.storage.local).then((s) => {
      setEverywhere(s.discreetEverywhere);
      setSites(s.discreetSites.join('\n'));
      setLoaded(true);
    });
  }, []);

  const submit = (event: Event) => {
    event.preventDefault();
    const parsed = parseSiteList(sites);
    if (parsed.invalid.length) {
      const lines = parsed.invalid.map((line) => `“${line}”`).join(', ');
      return setStatus({
        kind: 'invalid',
        text: `Not saved: ${parsed.invalid.length === 1 ? 'this line is' : 'these lines are'} not a site name: ${lines}. Write one site per line, like sb.by or news.example.org.`,
      });
    }
    if (parsed.sites.length > MAX_SITES) {
      return setStatus({ kind: 'error', text: `Not saved: at most ${MAX_SITES} sites can be listed.` });
    }
    saveSettings(browser.storage.local, { discreetEverywhere: everywhere, discreetSites: parsed.sites })
      .then((saved) => {
        // Shown as stored: pasted addresses become their host names, repeats go.
        setSites(saved.discreetSites.join('\n'));
        setStatus({ kind: 'info', text: 'Saved. It takes effect when a page loads.' });
      })
      .catch((e: unknown) =>
        setStatus({ kind: 'error', text: `Not saved: ${e instanceof Error ? e.message : String(e)}` }),
      );
  };
  return (
    <section class="options-section" aria-labelledby="discreet-heading">
      <h2 id="discreet-heading">Discreet mode</h2>
      <p id="discreet-explained">
        In discreet mode nothing is added to a page, so the site cannot tell that the extension is installed: annotate
        with the context menu or Alt+Shift+A, and see a page’s highlights and suggestions, or show them on the page,
        from the side panel.
      </p>
      <form aria-label="Discreet mode" aria-describedby="discreet-explained" onSubmit={submit}>
        <p>
          <label>
            <input
              type="checkbox"
              checked={everywhere}
              disabled={!loaded}
              onChange={(e) => setEverywhere(e.currentTarget.checked)}
            />{' '}
            Discreet mode on every site
          </label>
        </p>
        <label for="discreet-sites">Sites always in discreet mode (one per line)</label>
        <textarea
          id="discreet-sites"
          rows={6}
          value={sites}
          disabled={!loaded}
          spellcheck={false}
          autocapitalize="off"
          placeholder={'sb.by\nnews.example.org'}
          aria-describedby="discreet-sites-hint"
          aria-invalid={status?.kind === 'invalid'}
          onInput={(e) => setSites(e.currentTarget.value)}
        />
        <p id="discreet-sites-hint" class="muted">
          A site includes its subdomains (sb.by covers www.sb.by); a pasted address is reduced to its host name.
        </p>
        <button type="submit" disabled={!loaded}>
          Save
        </button>
      </form>
      {(status?.kind === 'error' || status?.kind === 'invalid') && (
        <p role="alert" class="error">
          {status.text}
        </p>
      )}
      {status?.kind === 'info' && (
        <p role="status" class="muted">
          {status.text}
        </p>
      )}
    </section>
  );
}
