import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { MIN_FIREFOX } from './scripts/firefox.mjs';

// The extension's identity and permissions live here; entrypoints only wire things up.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  // Firefox gets MV3 too: its build passes addons-linter (see README), so both browsers share one model.
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
    build: {
      // Minified to keep the content script, injected into every page, under its 30 KB gzip budget;
      // `npm run build` also writes the sources zip that Mozilla's review reads. Terser with three
      // compress passes packs it about 1.8 KB gzipped tighter than the default minifier.
      minify: 'terser',
      terserOptions: { compress: { passes: 3 }, ecma: 2020 },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'Source Annotator',
    description: 'Highlight persons, cases and facts on news pages and keep each record with its exact source.',
    permissions: [
      'storage',
      'unlimitedStorage',
      'tabs',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    commands: {
      'annotate-last-kind': {
        suggested_key: { default: 'Alt+Shift+A' },
        description: 'Annotate the selection with the kind used last',
      },
    },
    action: { default_title: 'Source Annotator' },
    // The content script is an unlisted script declared here, not a WXT content script: WXT's
    // content-script context posts to the page and listens to events a page can fire (see
    // entrypoints/page-annotator.ts). Top frame only; no web-accessible resources.
    content_scripts: [
      { matches: ['http://*/*', 'https://*/*'], js: ['page-annotator.js'], run_at: 'document_idle', all_frames: false },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'source-annotator@rights-tools.example',
              // The oldest Firefox the end-to-end harness accepts (scripts/firefox.mjs) is the one declared.
              strict_min_version: `${MIN_FIREFOX}.0`,
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});
