/**
 * A fingerprint of the features the code computes: a hash of every candidate's features for the questions of
 * the development set (over the bundled corpus) and of the SQuAD excerpt (over its articles). `npm run train`
 * records it in weights.json; a test recomputes it, so a change that moves the features (answer types, question
 * analysis, retrieval) without a refit fails instead of leaving weights fitted for other features.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { type AskContext, scoreQuestion } from '../../src/answer/candidates.js';
import { cleanQuestion } from '../../src/answer/question.js';
import type { ScorerWeights } from '../../src/answer/scorer.js';
import { UserInputError } from '../../src/contract/types.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { askContextOf } from '../support/context.js';
import { readDevSet } from './evaluate.js';
import { readSquad, squadCorpus, squadItems } from './squad.js';

function hashQuestions(hash: ReturnType<typeof createHash>, ctx: AskContext, questions: string[]): void {
  for (const question of questions) {
    let rows: string[];
    try {
      // Every candidate, in passage and sentence order (the ranker's order depends on the weights).
      rows = scoreQuestion(ctx, cleanQuestion(question))
        .candidates.map(
          (c) => `${c.passage.id}#${c.sentence}:${c.features.map((f) => f.toFixed(6)).join(',')}`,
        )
        .sort();
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      rows = ['refused'];
    }
    hash.update(`${question}\n${rows.join('\n')}\n`);
  }
}

/** The fingerprint of the features this code computes (a few seconds). */
export async function featureFingerprint(weights: ScorerWeights): Promise<string> {
  const hash = createHash('sha256');
  const contextOf = (corpus: Corpus) => askContextOf(corpus, weights);
  const bundled = await loadCorpusStrict(resolve(import.meta.dirname, '../../corpus'));
  const dev = readDevSet(resolve(import.meta.dirname, 'dev-set.jsonl')).map((d) => d.q);
  hashQuestions(hash, contextOf(bundled), dev);
  const excerpt = readSquad(resolve(import.meta.dirname, 'fixtures/squad-excerpt.json'));
  hashQuestions(
    hash,
    contextOf(await squadCorpus(excerpt)),
    squadItems(excerpt).map((item) => item.question),
  );
  return hash.digest('hex').slice(0, 16);
}
