import { readdirSync } from 'node:fs';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { CorpusError } from '../../src/corpus/problems.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { type FromWorker, loadInWorker, runWorker } from '../../src/service/worker.js';
import { brownPassages } from '../bench/brown.js';
import { captureLogger, tempDir } from '../moderation/helpers.js';
import { BUNDLED_ID } from '../support/bundled.js';
import { everything, lunarCorpus, release } from '../support/knowledge.js';
import { tempCorpus } from '../support/tempCorpus.js';

describe('loading in a worker thread (how reloads build)', () => {
  it('gives the corpus and a knowledge base that answer exactly as ones loaded and built here', async () => {
    const dir = lunarCorpus();
    const corpus = await loadCorpusStrict(dir);
    const { logger, lines } = captureLogger();
    const loaded = await loadInWorker(dir, { logger });
    expect(loaded.corpus).toEqual(corpus);
    expect(everything(loaded.knowledgeBase)).toEqual(everything(buildKnowledgeBase(corpus)));
    // The quotes extraction must find, read from the lunar note itself.
    expect(loaded.knowledgeBase.quote('Jane Roe').quotes.map((q) => q.text)).toEqual([
      'The lander is ready for the Moon',
      'We will fly in 2031',
    ]);
    expect(lines).toEqual([]);
  });

  it('saves the snapshot it builds, and the next reload of the same corpus loads it', async () => {
    const dir = lunarCorpus();
    const snapshotDir = tempDir();
    const first = captureLogger();
    await loadInWorker(dir, { snapshotDir, logger: first.logger });
    expect(first.lines).toEqual([]);
    expect(readdirSync(snapshotDir).filter((f) => f.endsWith('.snapshot'))).toEqual([
      expect.stringMatching(/^[0-9a-f]{32}\.snapshot$/),
    ]);

    const second = captureLogger();
    const again = await loadInWorker(dir, { snapshotDir, logger: second.logger });
    expect(second.lines).toMatchObject([
      { level: 30, msg: 'index loaded from its snapshot', worker: 'reload' },
    ]);
    expect(everything(again.knowledgeBase)).toEqual(
      everything(buildKnowledgeBase(await loadCorpusStrict(dir))),
    );
  });

  it('rejects with the same CorpusError as loading here, problems and all', async () => {
    const dir = tempCorpus({
      [`${BUNDLED_ID}.md`]: release,
      'broken.md': '---\nid: [unclosed\n---\nText.\n',
    });
    const here = await loadCorpusStrict(dir).catch((err: unknown) => err);
    expect(here).toBeInstanceOf(CorpusError);
    const there = await loadInWorker(dir, { logger: captureLogger().logger }).catch((err: unknown) => err);
    expect(there).toBeInstanceOf(CorpusError);
    expect((there as CorpusError).problems).toEqual((here as CorpusError).problems);
    expect((there as CorpusError).message).toBe((here as CorpusError).message);
  });

  it('sends a large corpus in many small messages, each handled before the next is sent', async () => {
    const passages = brownPassages(2_000);
    const lines = [];
    for (let d = 0; d * 10 < passages.length; d++) {
      const text = passages
        .slice(d * 10, d * 10 + 10)
        .map((p) => p.text)
        .join('\n\n');
      lines.push(JSON.stringify({ id: `brown-${d}`, title: `Brown ${d}`, text }));
    }
    const dir = tempCorpus({ 'brown.jsonl': `${lines.join('\n')}\n` });
    const sizes: number[] = [];
    const kinds: FromWorker['type'][] = [];
    let inFlight = 0;
    await runWorker({ corpusDir: dir, snapshotDir: null, owners: [] }, async (message) => {
      inFlight++;
      expect(inFlight).toBe(1);
      sizes.push(serialize(message).length);
      kinds.push(message.type);
      await new Promise((resolve) => setImmediate(resolve));
      inFlight--;
    });
    expect(kinds.at(-1)).toBe('done');
    expect(kinds.filter((k) => k === 'chunk').length).toBeGreaterThan(20);
    const total = sizes.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(2_000_000);
    // A message of 512 KB copies in well under a few milliseconds.
    expect(Math.max(...sizes)).toBeLessThan(512 * 1024);
  });
});
