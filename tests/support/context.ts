import type { AskContext } from '../../src/answer/candidates.js';
import type { ScorerWeights } from '../../src/answer/scorer.js';
import type { Corpus } from '../../src/corpus/types.js';
import { askContext } from '../../src/knowledge/knowledge.js';
import { QuoteIndex } from '../../src/quotes/index.js';
import { PassageIndex } from '../../src/search/index.js';

/**
 * What `ask` reads of `corpus`, its passage index and quotes built in full (the knowledge base builds them in
 * steps), for tests and scripts that look inside an answer (`explainAsk`, `scoreQuestion`), with the shipped
 * weights unless others are given.
 */
export function askContextOf(corpus: Corpus, weights?: ScorerWeights): AskContext {
  return askContext(corpus, PassageIndex.build(corpus), QuoteIndex.build(corpus), weights);
}
