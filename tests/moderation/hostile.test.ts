/**
 * Issue 13 on the live service: a reload stuck past its deadline, and an id claimed by a newcomer file.
 * The live corpus keeps answering in each case.
 */
import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/problems.js';
import { describeReloadTimeout, messages } from '../../src/messages/messages.js';
import { CorpusService } from '../../src/service/service.js';
import { ReloadTimeoutError } from '../../src/service/worker.js';
import { inEnglish } from '../support/problems.js';
import { tempCorpus } from '../support/tempCorpus.js';
import { captureLogger, MOON_MD, tempDir } from './helpers.js';

const MOON_SENTENCE = 'The rover landed on the Moon in March 2031.';
const NEWCOMER = MOON_MD.replace('March 2031', 'May 2040');

describe('the reload deadline', () => {
  it('stops a worker past RELOAD_TIMEOUT_SECONDS; the live corpus keeps answering', async () => {
    const dir = tempCorpus({ 'moon-note.md': MOON_MD });
    const { logger } = captureLogger();
    const service = await CorpusService.start(dir, logger, { reloadTimeoutMs: 1 });
    const version = service.current.version;
    writeFileSync(join(dir, 'other.md'), MOON_MD.replace('moon-note', 'other-note'));
    // A reload that hung past its deadline would fail this test by the test timeout.
    const err = await service.reload().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReloadTimeoutError);
    expect(describeReloadTimeout(messages('en'), (err as ReloadTimeoutError).timeoutMs)).toBe(
      'The reload took longer than 1 ms and was stopped; nothing changed (the corpus folder may hold a file that cannot be read, or be too large).',
    );
    expect(service.isReloading).toBe(false);
    expect(service.current.version).toBe(version);
    expect(service.current.ask('When did the rover land on the Moon?').answer?.text).toBe(MOON_SENTENCE);
  });
});

describe('an id claimed by a new file', () => {
  it('stays with the live document on reload and at the next start, whatever the names and dates', async () => {
    const dir = tempCorpus({ 'z-live.md': MOON_MD });
    const dataDir = tempDir();
    const service = await CorpusService.start(dir, captureLogger().logger, { dataDir });
    // Sorts first and looks older: neither name nor date order may let it take the id.
    writeFileSync(join(dir, 'a-newcomer.md'), NEWCOMER);
    utimesSync(join(dir, 'a-newcomer.md'), new Date('2020-01-01'), new Date('2020-01-01'));
    const err = await service.reload().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusError);
    const refusal =
      'a-newcomer.md:2: document id "moon-note" is already used by z-live.md; this document was not loaded (give it another id)';
    expect((err as CorpusError).problems.map(inEnglish)).toEqual([refusal]);
    expect(service.current.ask('When did the rover land on the Moon?').answer?.text).toBe(MOON_SENTENCE);

    const { logger, lines } = captureLogger();
    const restarted = await CorpusService.start(dir, logger, { dataDir, wordProblem: inEnglish });
    expect(restarted.current.ask('When did the rover land on the Moon?').answer?.text).toBe(MOON_SENTENCE);
    expect(lines.filter((l) => l.level === 50).map((l) => l.msg)).toEqual([`corpus: ${refusal}`]);
  });
});
