import { browser } from 'wxt/browser';

// Names the program that wrote an export, as the envelope requires; read from the manifest so the
// version in files always matches the installed build.

/** The generator entry of exports made by this build. */
export function currentGenerator(): { name: string; version: string } {
  const manifest = browser.runtime.getManifest();
  return { name: manifest.name, version: manifest.version };
}
