// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import nounsanitized from 'eslint-plugin-no-unsanitized';

// Page text must never become HTML, and no code may be built from strings: these rules make
// that a lint failure rather than a review comment.
const htmlSinks = ['innerHTML', 'outerHTML'].map((property) => ({
  selector: `AssignmentExpression > MemberExpression.left[property.name='${property}']`,
  message: `Assigning ${property} is forbidden: build DOM nodes or let Preact render text.`,
}));

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  nounsanitized.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': [
        'error',
        ...htmlSinks,
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'insertAdjacentHTML is forbidden.',
        },
        {
          selector: "CallExpression[callee.object.name='document'][callee.property.name=/^write(ln)?$/]",
          message: 'document.write is forbidden.',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'dangerouslySetInnerHTML is forbidden: page text is never rendered as HTML.',
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['entrypoints/**', 'components/**', 'lib/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'chrome', message: "Use WXT's `browser` from 'wxt/browser'." }],
    },
  },
  {
    // The records store has one entry module (lib/db/index.ts): nothing outside lib/db reaches into
    // its files, so what it offers is one list.
    files: ['entrypoints/**', 'components/**', 'lib/**'],
    ignores: ['lib/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^@/lib/db/|(^|/)db/).+',
              message: "Import the records store from its entry module ('@/lib/db' or '../db').",
            },
          ],
        },
      ],
    },
  },
  {
    // What runs in every web page never bundles the records store, the background's rules or Dexie:
    // the content script asks the background, which owns every write (issue 11, 13).
    files: ['entrypoints/page-annotator.ts', 'lib/annotator/**', 'lib/anchoring/**', 'lib/page/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^@/lib/(db|records|export)(/|$))|(^\\.\\./(db|records|export)(/|$))|^dexie$',
              message: 'The content script must not bundle the records store: send a message to the background.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.{js,ts}'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  {
    // The fixture site's own scripts run in an ordinary web page.
    files: ['tests/fixtures/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: Object.fromEntries(
        ['window', 'document', 'history', 'location', 'setTimeout', 'URL'].map((name) => [name, 'readonly']),
      ),
    },
  },
  {
    // Tests build fixture DOM from literal strings they own; that is test input, never page text.
    files: ['tests/unit/**'],
    rules: { 'no-restricted-syntax': 'off', 'no-unsanitized/property': 'off' },
  },
);
