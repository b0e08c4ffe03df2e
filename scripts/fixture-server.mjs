// @ts-check
// Serves the project's fixture pages from 127.0.0.1 only, for the end-to-end tests and the demo.
// Tests may register overrides to change a page between visits (a site editing its article).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_DIR = fileURLToPath(new URL('../tests/fixtures/pages/', import.meta.url));

const TYPES = /** @type {Record<string, string>} */ ({
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
});

/**
 * Starts the server on 127.0.0.1 (port 0 picks a free one).
 * @param {{ port?: number, root?: string }} [options]
 */
export async function startFixtureServer(options = {}) {
  const root = options.root ?? FIXTURE_DIR;
  /** @type {Map<string, string>} */
  const overrides = new Map();
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const override = overrides.get(path);
    if (override !== undefined) {
      res.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' });
      res.end(override);
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(normalize(root + sep)) && file !== normalize(root)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve(undefined));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    origin: `http://127.0.0.1:${port}`,
    /** Absolute URL of a fixture path such as `/release-digest.html`. */
    url: (/** @type {string} */ path) => `http://127.0.0.1:${port}${path}`,
    /** Serves `html` at `path` instead of the file, until cleared. */
    override: (/** @type {string} */ path, /** @type {string} */ html) => void overrides.set(path, html),
    clearOverrides: () => overrides.clear(),
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
