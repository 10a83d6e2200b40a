/**
 * Issue 12: "a document uploaded with /corpus add answers questions in its users' words". The real bot on the
 * loopback Discord: a moderator uploads the invented press releases of tests/eval/uploaded, then members ask
 * the questions written for them by someone who never saw the code. Each answer is checked against the
 * document's own words (the set's `fact`), not against anything the engine produced.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDevSet } from '../eval/evaluate.js';
import { UPLOADED_FLOORS } from '../eval/floors.js';
import { uploadedDocuments, uploadedSets } from '../eval/uploaded.js';
import { type Actor, makeActor } from '../loopback/index.js';
import { CORPUS_DIR } from '../support/bundled.js';
import { answerSentenceOf, type Harness, startCorpusBot } from './harness.js';

let n = 0;
const someone = (): Actor => makeActor(`reader${++n}`);

describe('documents a moderator uploads answer in their users’ words', () => {
  let h: Harness;
  const corpusDir = mkdtempSync(join(tmpdir(), 'accord-uploaded-'));
  beforeAll(async () => {
    cpSync(CORPUS_DIR, corpusDir, { recursive: true });
    ({ h } = await startCorpusBot(corpusDir));
    for (const path of uploadedDocuments()) {
      const upload = h.loopback.hostAttachment(basename(path), readFileSync(path));
      const reply = await h.loopback
        .command('corpus', { file: upload }, { subcommand: 'add', actor: h.loopback.actors.manager })
        .reply();
      expect(reply.content).toContain(`Added ${basename(path)}`);
    }
  });
  afterAll(async () => {
    await h?.close();
    rmSync(corpusDir, { recursive: true, force: true });
  });

  // The floors of tests/eval/floors.ts: the reply's answer line holds the fact, abstains on the unanswerable.
  it.each(uploadedSets().map((set) => [basename(set), set]))('%s', async (name, set) => {
    const items = readDevSet(set);
    let hits = 0;
    let abstained = 0;
    for (const item of items) {
      const reply = await h.loopback.command('ask', { question: item.q }, { actor: someone() }).reply();
      const answer = answerSentenceOf(reply);
      if (item.fact === null) abstained += answer === null ? 1 : 0;
      else hits += answer?.includes(item.fact) ? 1 : 0;
    }
    const answerable = items.filter((i) => i.fact !== null).length;
    const floor = UPLOADED_FLOORS[name];
    expect(floor, `no floor for ${name}`).toBeDefined();
    expect(hits / answerable).toBeGreaterThanOrEqual(floor?.answerHit ?? 1);
    expect(abstained / (items.length - answerable)).toBeGreaterThanOrEqual(floor?.abstentionRecall ?? 1);
  });
});
