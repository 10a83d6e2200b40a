import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One test file per core. Vitest's default keeps a core free (one worker on a 2-core CI machine), yet many
    // files spend most of their time waiting on child processes (the CLIs, bots, shards, a production copy),
    // whose work the other core can do meanwhile: the suite takes about a third less time.
    maxWorkers: '100%',
    globalSetup: ['tests/global-setup.ts'],
    // A net for a hung test, not a measure of speed: a loaded 2-core CI machine runs the suite several times
    // slower, and child-process tests start whole bots. Waits inside tests give up sooner (WAIT_MS in
    // tests/loopback/wait.ts), so a hang is reported as what never came.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
