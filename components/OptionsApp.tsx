import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadSettings, saveSettings } from '@/lib/settings/settings';
import { SuggestionSettings } from './SuggestionSettings';
import { DataManagement } from './DataManagement';
import { DiscreetSettings } from './DiscreetSettings';
import { KindsEditor } from './KindsEditor';

/** Options: the researcher's name (the creator of their records), suggestions, discreet mode, the kinds vocabulary, and data management. */
export function OptionsApp() {
  const [name, setName] = useState('');
  const [status, setStatus] = useState<{ kind: 'info' | 'error'; text: string } | null>(null);
  useEffect(() => {
    void loadSettings(browser.storage.local).then((s) => setName(s.researcherName));
  }, []);
  const submit = (event: Event) => {
    event.preventDefault();
    saveSettings(browser.storage.local, { researcherName: name })
      .then((saved) => {
        setName(saved.researcherName);
        setStatus({ kind: 'info', text: 'Saved.' });
      })
      .catch((e: unknown) => setStatus({ kind: 'error', text: e instanceof Error ? e.message : String(e) }));
  };
  return (
    <main>
      <h1>Source Annotator options</h1>
      <form onSubmit={submit}>
        <label for="researcher-name">Your name (recorded as the creator of your records)</label>
        <p>
          <input
            id="researcher-name"
            type="text"
            value={name}
            maxLength={200}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </p>
        <button type="submit">Save</button>
      </form>
      {status && (
        <p role="status" class={status.kind === 'error' ? 'error' : 'muted'}>
          {status.text}
        </p>
      )}
      <SuggestionSettings />
      <DiscreetSettings />
      <section class="options-section" aria-labelledby="kinds-heading">
        <h2 id="kinds-heading">Kinds</h2>
        <KindsEditor />
      </section>
      <section class="options-section" aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <DataManagement />
      </section>
    </main>
  );
}
