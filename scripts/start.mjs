// @ts-check
// `npm start`: after the build, serves the demo news pages on 127.0.0.1 and opens Chromium with the
// extension loaded on one of them. Without a display it says so and explains the manual route.
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { ensureChromium, extensionArgs } from './chromium.mjs';
import { startFixtureServer } from './fixture-server.mjs';

const EXTENSION_DIR = resolve('.output/chrome-mv3');
const PROFILE_DIR = resolve('.output/demo-profile');
const DEMO_PATH = '/release-digest.html';

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function printManualSteps(/** @type {string | null} */ demoUrl) {
  console.log(`
The extension is built:
  Chromium/Chrome: ${EXTENSION_DIR}
  Firefox:         ${resolve('.output/firefox-mv3')}  (zips in .output/)

To load it by hand:
  Chromium or Chrome: open chrome://extensions, switch on "Developer mode",
    click "Load unpacked" and choose ${EXTENSION_DIR}
  Firefox: open about:debugging#/runtime/this-firefox, click "Load Temporary Add-on…"
    and choose ${resolve('.output/firefox-mv3/manifest.json')}
Then open a news page${
    demoUrl
      ? `, for example the demo page ${demoUrl}`
      : `. The demo pages are in tests/fixtures/pages/; content scripts run on http(s) pages only,
so serve them, e.g. \`python3 -m http.server -b 127.0.0.1 -d tests/fixtures/pages 5179\`.`
  }
`);
}

if (!hasDisplay()) {
  console.log('No display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so Chromium cannot open a window here.');
  printManualSteps(null);
  process.exit(0);
}

const server = await startFixtureServer({ port: Number(process.env.DEMO_PORT ?? 5179) }).catch(() =>
  startFixtureServer({ port: 0 }),
);
const demoUrl = server.url(DEMO_PATH);

const context = await chromium.launchPersistentContext(PROFILE_DIR, {
  executablePath: ensureChromium(),
  headless: false,
  viewport: null,
  args: extensionArgs(EXTENSION_DIR),
});
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(demoUrl);
console.log(`Chromium is open with the extension on ${demoUrl} (demo index: ${server.url('/')}).`);
console.log(
  'Select a name on the page and click a kind (or press its number) to annotate it; the toolbar button opens the side panel. Close the browser window (or press Ctrl+C) to stop.',
);
printManualSteps(demoUrl);

const stop = async () => {
  await context.close().catch(() => undefined);
  await server.close();
  process.exit(0);
};
context.on('close', () => void stop());
process.on('SIGINT', () => void stop());
