import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SNAPSHOT_SECRET_FILE } from '../../src/knowledge/snapshot.js';
import { MANIFEST_FILE } from '../../src/records/manifest.js';
import { CorpusService } from '../../src/service/service.js';
import { reloadOnSignal, startLiveCorpus, watchCorpus } from '../../src/service/watch.js';
import { tempCorpus } from '../support/tempCorpus.js';
import { WAIT_MS } from '../support/wait.js';
import { captureLogger, MARS_MD, MOON_MD, tempDir } from './helpers.js';

const MOON_SENTENCE = 'The rover landed on the Moon in March 2031.';

describe('watchCorpus', () => {
  it('reloads once after a burst of changes, and keeps the live corpus when one is broken', async () => {
    const dir = tempCorpus({ 'mars-note.md': MARS_MD });
    const { logger, lines } = captureLogger();
    const service = await CorpusService.start(dir, logger);
    const reload = vi.spyOn(service, 'reload');
    const watcher = watchCorpus(service, logger, 100);
    try {
      writeFileSync(join(dir, 'moon-note.md'), MOON_MD);
      writeFileSync(join(dir, 'moon-note.md'), MOON_MD);
      writeFileSync(join(dir, '.upload-123.tmp'), 'ignored');
      await vi.waitFor(
        () => expect(service.current.ask('when did the rover land?').answer?.text).toBe(MOON_SENTENCE),
        { timeout: WAIT_MS },
      );
      expect(reload).toHaveBeenCalledTimes(1);
      expect(reload).toHaveBeenCalledWith({ via: 'watch' });

      const live = service.current;
      writeFileSync(join(dir, 'broken.md'), 'no front matter');
      await vi.waitFor(
        () =>
          expect(lines).toContainEqual(
            expect.objectContaining({
              msg: 'corpus reload failed; the live corpus keeps answering',
              via: 'watch',
            }),
          ),
        { timeout: WAIT_MS },
      );
      expect(service.current).toBe(live);
    } finally {
      watcher.close();
    }
  });
});

describe('reloadOnSignal', () => {
  it('reloads on SIGHUP until removed', async () => {
    const dir = tempCorpus({ 'mars-note.md': MARS_MD });
    const { logger } = captureLogger();
    const service = await CorpusService.start(dir, logger);
    const listeners = process.listenerCount('SIGHUP');
    const remove = reloadOnSignal(service, logger);
    expect(process.listenerCount('SIGHUP')).toBe(listeners + 1);
    try {
      writeFileSync(join(dir, 'moon-note.md'), MOON_MD);
      process.emit('SIGHUP', 'SIGHUP');
      // A reload starts a worker thread: on a loaded machine that takes seconds, not vi.waitFor's default 1 s.
      await vi.waitFor(() => expect(service.current.stats().documents).toBe(2), { timeout: WAIT_MS });
    } finally {
      remove();
    }
    expect(process.listenerCount('SIGHUP')).toBe(listeners);
  });
});

describe('startLiveCorpus', () => {
  it('starts the service with records and the manifest, and stops cleanly', async () => {
    const dir = tempCorpus({ 'mars-note.md': MARS_MD });
    const dataDir = tempDir();
    const { logger } = captureLogger();
    const listeners = process.listenerCount('SIGHUP');
    const live = await startLiveCorpus(
      { corpusDir: dir, dataDir, snapshotDir: join(dataDir, 'index'), retentionDays: 30, corpusWatch: true },
      logger,
    );
    try {
      expect(live.records.enabled).toBe(true);
      expect(existsSync(join(dataDir, MANIFEST_FILE))).toBe(true);
      expect(readdirSync(join(dataDir, 'index'))).toEqual([
        expect.stringMatching(/^[0-9a-f]{32}\.snapshot$/),
        SNAPSHOT_SECRET_FILE,
      ]);
      writeFileSync(join(dir, 'moon-note.md'), MOON_MD);
      // The audit entry is written once the reload has finished, just after the swap.
      await vi.waitFor(
        () => expect(live.records.history()[0]).toMatchObject({ action: 'reload', via: 'watch', ok: true }),
        { timeout: WAIT_MS },
      );
      expect(live.service.current.stats().documents).toBe(2);
    } finally {
      live.stop();
    }
    expect(process.listenerCount('SIGHUP')).toBe(listeners);
  });
});
