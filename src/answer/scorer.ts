/**
 * The fitted answer scorer: a linear ranker over candidate sentences and a logistic confidence that the best
 * one answers the question, both read from `weights.json`, which `npm run train` writes (see
 * docs/answer-quality.md). Nothing here is set by hand: change the features, then fit again.
 */
import { z } from 'zod';
import { type Candidate, FEATURES, TYPED } from './features.js';
import { decisionLimits } from './not-covered.js';
import type { AnswerType } from './question.js';
import fitted from './weights.json' with { type: 'json' };

/**
 * What the confidence model reads: the ranker's score of the best candidate, how far it stands above the
 * best one of another passage, which kind of thing the question asks for (one indicator per kind, so each
 * kind gets its own calibration), and the best candidate's features.
 */
export const CONFIDENCE_FEATURES = [
  'score',
  'margin',
  ...TYPED.map((type) => `asks:${type}` as const),
  ...FEATURES,
] as const;

const weightsFile = z.object({
  /** Bumped when the file's shape changes; the fitted numbers themselves are covered by a hash. */
  version: z.literal(4),
  /** What the weights were fitted on, for people. */
  fittedOn: z.string(),
  /**
   * A hash of the features the code computed on the project's development questions when these weights were
   * fitted (tests/eval/fingerprint.ts): a test compares it with today's, so features cannot change unrefitted.
   */
  featureFingerprint: z.string(),
  ranker: z.object({ features: z.array(z.string()), weights: z.array(z.number()) }),
  confidence: z.object({ features: z.array(z.string()), weights: z.array(z.number()), bias: z.number() }),
  /**
   * When `ask` abstains, in a small corpus and a large one (not-covered.ts): below which confidence, and on
   * which "not covered" checks. The limits are points on this confidence's scale, so train fits them with it.
   */
  decide: z.object({ small: decisionLimits, large: decisionLimits }),
  /** Below this confidence (and not below the abstention limits) the answer is shown as the closest match. */
  closestBelow: z.number().min(0).max(1),
});

/** The fitted scorer as `weights.json` holds it. */
export type ScorerWeights = z.infer<typeof weightsFile>;

/**
 * Validates scorer weights: the right version, and weight vectors fitted for exactly the features this code
 * computes, in the same order. Throws naming what does not fit.
 */
export function parseWeights(data: unknown, source: string): ScorerWeights {
  const parsed = weightsFile.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${source}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const weights = parsed.data;
  const expect = (what: string, names: string[], values: number[], wanted: readonly string[]) => {
    if (names.join() !== wanted.join())
      throw new Error(`${source}: ${what} features are [${names}], this code computes [${wanted}]`);
    if (values.length !== wanted.length)
      throw new Error(`${source}: ${what} has ${values.length} weights for ${wanted.length} features`);
  };
  expect('ranker', weights.ranker.features, weights.ranker.weights, FEATURES);
  expect('confidence', weights.confidence.features, weights.confidence.weights, CONFIDENCE_FEATURES);
  for (const [size, limits] of Object.entries(weights.decide))
    if (weights.closestBelow < limits.abstainBelow)
      throw new Error(`${source}: closestBelow (${weights.closestBelow}) is below the ${size} abstainBelow`);
  return weights;
}

let current: ScorerWeights | undefined;

/**
 * The weights this code answers with (src/answer/weights.json), checked on first use; throws when they were
 * fitted for other features (run `npm run train` after changing them).
 */
export function currentWeights(): ScorerWeights {
  current ??= parseWeights(fitted, 'src/answer/weights.json');
  return current;
}

function dot(weights: number[], features: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (weights[i] ?? 0) * (features[i] ?? 0);
  return sum;
}

/** The ranker's score of a candidate: higher is a likelier answer. Only the order means something. */
export function rankScore(candidate: Candidate, weights: ScorerWeights): number {
  return dot(weights.ranker.weights, candidate.features);
}

/** A candidate with its ranker score. */
export interface Scored extends Candidate {
  score: number;
}

/** The confidence model's inputs for the best candidate of a question, in {@link CONFIDENCE_FEATURES} order. */
export function confidenceFeatures(best: Scored, ranked: Scored[], type: AnswerType): number[] {
  const rival = ranked.find((c) => c.passage.id !== best.passage.id);
  return [
    best.score,
    rival ? best.score - rival.score : 1,
    ...TYPED.map((t) => (t === type ? 1 : 0)),
    ...best.features,
  ];
}

/**
 * The probability (0–1) that `best` (the first of `ranked`, or the candidate moved up past it) answers the
 * question.
 */
export function confidenceOf(
  best: Scored,
  ranked: Scored[],
  type: AnswerType,
  weights: ScorerWeights,
): number {
  const z = dot(weights.confidence.weights, confidenceFeatures(best, ranked, type)) + weights.confidence.bias;
  return 1 / (1 + Math.exp(-z));
}
