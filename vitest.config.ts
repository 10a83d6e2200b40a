import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // Child-process tests start the bot; give them room on a loaded 2-core CI machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
