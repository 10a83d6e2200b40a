import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    // A net for a hung test, not a measure of speed: a loaded 2-core CI machine runs the suite several times
    // slower, and child-process tests start whole bots. Waits inside tests give up sooner (WAIT_MS in
    // tests/loopback/wait.ts), so a hang is reported as what never came.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
