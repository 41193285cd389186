import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    env: { NO_COLOR: '1' },
    // Builds dist/ once, so end-to-end tests spawn the bundle a user runs.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 20_000,
  },
});
