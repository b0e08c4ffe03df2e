import type { browser } from 'wxt/browser';

// Code passed to `evaluate` runs inside the extension, where Chromium exposes `chrome`.
// Extension code itself uses WXT's `browser`; ESLint forbids `chrome` outside tests/e2e.
declare global {
  const chrome: typeof browser;
}
