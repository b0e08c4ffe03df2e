import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// `npm run bench`: speed and memory targets live here, never in timed tests.
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
