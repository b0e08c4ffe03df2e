import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { loadSettings, saveSettings } from '@/lib/settings/settings';

/** The switch for known-entity suggestions: dotted underlines on registered persons and legal articles. */
export function SuggestionSettings() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void loadSettings(browser.storage.local).then((s) => setEnabled(s.suggestionsEnabled));
  }, []);
  const change = (next: boolean) => {
    setEnabled(next);
    saveSettings(browser.storage.local, { suggestionsEnabled: next })
      .then(() => setError(''))
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <section aria-labelledby="suggestion-settings">
      <h2 id="suggestion-settings">Suggestions</h2>
      <p>
        <label>
          <input
            type="checkbox"
            checked={enabled ?? true}
            disabled={enabled === null}
            onChange={(e) => change(e.currentTarget.checked)}
          />{' '}
          Suggest mentions of my registered persons and of legal articles on the pages I open (dotted underline; takes
          effect when a page loads)
        </label>
      </p>
      {error && (
        <p role="status" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
