/**
 * "The corpus does not cover this" checks that `ask` keeps next to the calibrated confidence: each measured for
 * what it costs in wrong abstentions on SQuAD's tune split and gains on the press release's unanswerable
 * questions (docs/answer-quality.md, `tests/eval/gates.ts`).
 */
import { FEATURES, type FeatureName } from './features.js';
import type { AnalyzedQuestion } from './question.js';
import type { Scored } from './scorer.js';

const feature = (c: Scored, name: FeatureName) => c.features[FEATURES.indexOf(name)] ?? 0;
/** At or above this share of the question's (weighted) ideas unknown to the corpus, it is not about it. */
const MAX_UNKNOWN_IDEAS = 0.3;
/** Below these shares of the question's ideas around the best sentence, or in its document, it is not covered. */
const MIN_NEAR_COVERAGE = 0.3;
const MIN_DOCUMENT_SHARE = 0.5;
/** Below this confidence, a missing asked-for kind of thing or a missing main idea means abstaining. */
const DOUBTFUL = 0.45;

/**
 * Whether the best candidate (`best`, the top of `ranked`, with its calibrated `confidence`) leaves the
 * question uncovered, whatever the confidence says.
 */
export function notCovered(
  question: AnalyzedQuestion,
  best: Scored,
  ranked: Scored[],
  confidence: number,
): boolean {
  const aroundCoverage =
    feature(best, 'coverage') + (feature(best, 'passageCoverage') - feature(best, 'coverage')) / 2;
  return (
    feature(best, 'unknownIdeas') >= MAX_UNKNOWN_IDEAS ||
    // "Who is the <role>": no name stands by the role (for "who <did>" this costs more than it gains).
    (question.type === 'name' && feature(best, 'nameAway') === 1) ||
    aroundCoverage < MIN_NEAR_COVERAGE ||
    feature(best, 'documentCoverage') < MIN_DOCUMENT_SHARE ||
    // The kind of thing asked for (a date for "when") stands in none of the retrieved sentences.
    (feature(best, 'typeAsked') === 1 && ranked.every((c) => feature(c, 'typeMissing') === 1)) ||
    (confidence < DOUBTFUL && (feature(best, 'typeMissing') === 1 || feature(best, 'missingIdea') >= 0.99))
  );
}
