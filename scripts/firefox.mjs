// @ts-check
// Finds the system Firefox (Debian's firefox-esr) that the Firefox end-to-end tests drive through
// puppeteer-core over WebDriver BiDi, and installs it with apt-get where that is possible. No
// browser is ever downloaded: Playwright's and Puppeteer's own Firefox builds cannot be fetched here.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The oldest Firefox the extension declares (wxt.config.ts strict_min_version) and the tests accept. */
export const MIN_FIREFOX = 142;

/** `name` on the PATH, or null. @param {string} name */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/** The Firefox to use: $FIREFOX_PATH, else firefox-esr on the PATH, else null. */
export function findFirefox() {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`FIREFOX_PATH is set to ${fromEnv}, but no file is there.`);
    return fromEnv;
  }
  return onPath('firefox-esr') ?? (existsSync('/usr/bin/firefox-esr') ? '/usr/bin/firefox-esr' : null);
}

/**
 * The major version a Firefox binary reports, e.g. 153 for "Mozilla Firefox 153.8.0esr".
 * @param {string} path
 */
export function firefoxVersion(path) {
  const out = execFileSync(path, ['--version'], { encoding: 'utf8' });
  const major = Number(/(\d+)\.\d+/.exec(out)?.[1]);
  if (!Number.isInteger(major)) throw new Error(`Cannot read the version of ${path}: ${out.trim()}`);
  return major;
}

/** Returns a Firefox path, installing Debian's firefox-esr when running as root; otherwise explains. */
export function ensureFirefox() {
  let found = findFirefox();
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!found && isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('Firefox not found: installing it with apt-get (Debian package "firefox-esr")…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', 'firefox-esr'], { stdio: 'inherit', env });
    found = findFirefox();
  }
  if (!found) {
    throw new Error(
      'Firefox was not found. Install it with `sudo apt-get install -y firefox-esr` ' +
        '(or set FIREFOX_PATH to a Firefox binary), then run the command again.',
    );
  }
  const version = firefoxVersion(found);
  if (version < MIN_FIREFOX) {
    throw new Error(`${found} is Firefox ${version}; the extension needs Firefox ${MIN_FIREFOX} or later.`);
  }
  return found;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const path = ensureFirefox();
    console.log(`Firefox: ${path} (${firefoxVersion(path)})`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
