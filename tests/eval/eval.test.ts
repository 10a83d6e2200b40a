import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/contract/types.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { CORPUS_DIR } from '../support/bundled.js';
import { evaluate, readDevSet } from './evaluate.js';
import { accordSystem, scoreQa } from './qa.js';
import { readSquad, squadCorpus, squadItems } from './squad.js';
import { withUploads } from './uploaded.js';

let kb: KnowledgeBase;
let corpusText: string;
beforeAll(async () => {
  const corpus = await loadCorpusStrict(CORPUS_DIR);
  kb = buildKnowledgeBase(corpus);
  corpusText = corpus.documents.map((d) => d.text).join('\n');
});

/**
 * Floors under the answer quality measured by `npm run eval`, a little below today's figures, so a change
 * that makes answers worse fails CI. Raise them when quality improves; never lower them to make a change pass.
 */
describe('answer quality floors', () => {
  it('development set (tests/eval/dev-set.jsonl)', () => {
    const m = evaluate(kb, readDevSet(resolve(import.meta.dirname, 'dev-set.jsonl')), corpusText);
    expect(m.answerable).toBeGreaterThanOrEqual(60);
    expect(m.unanswerable).toBeGreaterThanOrEqual(12);
    expect(m.answerOrTop).toBeGreaterThanOrEqual(0.97);
    expect(m.hitAt3).toBeGreaterThanOrEqual(0.97);
    expect(m.abstentionRecall).toBeGreaterThanOrEqual(0.9);
    expect(m.wrongAbstention).toBeLessThanOrEqual(0.03);
  });

  it("second check set, in other people's styles (tests/eval/holdout-2.jsonl)", () => {
    const m = evaluate(kb, readDevSet(resolve(import.meta.dirname, 'holdout-2.jsonl')), corpusText);
    expect(m.answerOrTop).toBeGreaterThanOrEqual(0.92);
    expect(m.abstentionRecall).toBeGreaterThanOrEqual(0.9);
    expect(m.wrongAbstention).toBeLessThanOrEqual(0.06);
  });

  it('Japanese questions, written without seeing the code (tests/eval/ja-dev.jsonl)', () => {
    const m = evaluate(kb, readDevSet(resolve(import.meta.dirname, 'ja-dev.jsonl')), corpusText);
    expect(m.answerable).toBeGreaterThanOrEqual(38);
    expect(m.answerOrTop).toBeGreaterThanOrEqual(0.95);
    expect(m.abstentionRecall).toBeGreaterThanOrEqual(0.85);
    expect(m.wrongAbstention).toBeLessThanOrEqual(0.06);
  });

  // Written without seeing the code and first measured once at the end of the 30 Nov session
  // (docs/answer-quality.md#held-out-press-release-sets-looked-at-once-at-the-end): these floors only keep what
  // was measured then from getting worse. They are far from issue 12's and 15's targets. Tuned on since (Japanese
  // questions through the ranker, the bilingual register): treat both as seen.
  it('held-out English set, looked at once (tests/eval/en-holdout-3.jsonl)', () => {
    const m = evaluate(kb, readDevSet(resolve(import.meta.dirname, 'en-holdout-3.jsonl')), corpusText);
    expect(m.answerable).toBe(48);
    expect(m.answerOrTop).toBeGreaterThanOrEqual(0.9);
    expect(m.abstentionRecall).toBeGreaterThanOrEqual(0.9);
    expect(m.wrongAbstention).toBeLessThanOrEqual(0.16);
  });

  it('held-out Japanese set, looked at once (tests/eval/ja-holdout.jsonl)', () => {
    const m = evaluate(kb, readDevSet(resolve(import.meta.dirname, 'ja-holdout.jsonl')), corpusText);
    expect(m.answerable).toBe(32);
    expect(m.answerOrTop).toBeGreaterThanOrEqual(0.9);
    expect(m.abstentionRecall).toBeGreaterThanOrEqual(0.75);
    expect(m.wrongAbstention).toBeLessThanOrEqual(0.05);
  });

  // Written blind at the start of the 30 Nov evening session and looked at once at its end (docs/answer-quality.md).
  it('held-out English set 4, looked at once (tests/eval/en-holdout-4.jsonl)', () => {
    const m = evaluate(kb, readDevSet(resolve(import.meta.dirname, 'en-holdout-4.jsonl')), corpusText);
    expect(m.answerable).toBe(48);
    expect(m.answerOrTop).toBeGreaterThanOrEqual(0.95);
    expect(m.abstentionRecall).toBeGreaterThanOrEqual(0.75);
    expect(m.wrongAbstention).toBeLessThanOrEqual(0.03);
  });

  it('held-out Japanese set 2, looked at once (tests/eval/ja-holdout-2.jsonl)', () => {
    const m = evaluate(kb, readDevSet(resolve(import.meta.dirname, 'ja-holdout-2.jsonl')), corpusText);
    expect(m.answerable).toBe(32);
    expect(m.answerOrTop).toBeGreaterThanOrEqual(0.93);
    expect(m.abstentionRecall).toBeGreaterThanOrEqual(0.75);
    expect(m.wrongAbstention).toBeLessThanOrEqual(0.04);
  });

  it('check set written without seeing the code (tests/eval/check-set.jsonl)', () => {
    const m = evaluate(kb, readDevSet(resolve(import.meta.dirname, 'check-set.jsonl')), corpusText);
    expect(m.answerOrTop).toBeGreaterThanOrEqual(0.97);
    expect(m.abstentionRecall).toBeGreaterThanOrEqual(0.9);
    expect(m.wrongAbstention).toBeLessThanOrEqual(0.02);
  });
});

// Measured 30 Nov 2026 when they were added (before any tuning on them): documents nobody tuned for answer far
// worse than the bundled one. These floors keep that from getting worse; issue 12 wants them much higher.
// Raised when "how long", "how soon", "last" and "how much" became the kind of answer rather than the topic.
describe('answer quality floors on documents moderators add (tests/eval/uploaded)', () => {
  let uploaded: KnowledgeBase;
  let uploadedText: string;
  beforeAll(async () => {
    const corpus = await withUploads(CORPUS_DIR);
    uploaded = buildKnowledgeBase(corpus);
    uploadedText = corpus.documents.map((d) => d.text).join('\n');
  });
  const setOf = (id: string) => readDevSet(resolve(import.meta.dirname, 'uploaded', `${id}.jsonl`));

  it('a lunar station habitat note (gateway-habitat-note.jsonl)', () => {
    const m = evaluate(uploaded, setOf('gateway-habitat-note'), uploadedText);
    expect(m.answerable).toBe(24);
    expect(m.answerOrTop).toBeGreaterThanOrEqual(0.75);
    expect(m.abstentionRecall).toBeGreaterThanOrEqual(0.33);
    expect(m.wrongAbstention).toBeLessThanOrEqual(0.13);
  });

  // Joined the others on 30 Nov 2026 (written the same way, held out for one evening); floors as measured then.
  it('a pressurized lunar rover note (lunar-rover-note.jsonl)', () => {
    const m = evaluate(uploaded, setOf('lunar-rover-note'), uploadedText);
    expect(m.answerable).toBe(24);
    expect(m.answerOrTop).toBeGreaterThanOrEqual(0.7);
    expect(m.abstentionRecall).toBeGreaterThanOrEqual(0.5);
    expect(m.wrongAbstention).toBeLessThanOrEqual(0.13);
  });

  it('a lunar sample programme note (moon-sample-note.jsonl)', () => {
    const m = evaluate(uploaded, setOf('moon-sample-note'), uploadedText);
    expect(m.answerable).toBe(24);
    expect(m.answerOrTop).toBeGreaterThanOrEqual(0.91);
    expect(m.abstentionRecall).toBeGreaterThanOrEqual(0.66);
    expect(m.wrongAbstention).toBeLessThanOrEqual(0.13);
  });
});

describe('answer quality floors on SQuAD (issue 12 scoring)', () => {
  // An excerpt of the fit split (tests/eval/fixtures/README.md, CC BY-SA 4.0): 82 answerable and 198
  // unanswerable questions over 16 Wikipedia paragraphs. Measured 30 Nov (the fitted ranker in `ask`):
  // hit@1 81.7%, right paragraph first 95.1%, wrong abstentions 8.5%, abstains when it should 31.3%
  // (old gates: 76.8% / 93.9% / 12.2% / 32.3%); plain MiniSearch 70.7% / 85.4%. With the negated-question
  // check (1 Dec): abstains when it should 34.3%.
  it('squad-excerpt.json, its articles as one corpus', async () => {
    const articles = readSquad(resolve(import.meta.dirname, 'fixtures/squad-excerpt.json'));
    const figures = scoreQa(
      accordSystem(buildKnowledgeBase(await squadCorpus(articles))),
      squadItems(articles),
    );
    expect(figures.answerable).toBe(82);
    expect(figures.unanswerable).toBe(198);
    expect(figures.hitAt1).toBeGreaterThanOrEqual(0.8);
    expect(figures.rightParagraph).toBeGreaterThanOrEqual(0.94);
    expect(figures.wrongAbstention).toBeLessThanOrEqual(0.1);
    expect(figures.abstainsWhenItShould).toBeGreaterThanOrEqual(0.33);
  });
});
