import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { KindDefinition } from '@/lib/schema/kinds';
import { defaultKinds, KINDS_KEY, loadKinds } from '@/lib/settings/kinds-vocabulary';

/** The researcher's kinds vocabulary, kept current when the options page changes it. */
export function useKinds(): KindDefinition[] {
  const [kinds, setKinds] = useState<KindDefinition[]>(defaultKinds);
  useEffect(() => {
    let live = true;
    const load = () => void loadKinds(browser.storage.local).then((next) => live && setKinds(next));
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && KINDS_KEY in changes) load();
    };
    load();
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return kinds;
}
