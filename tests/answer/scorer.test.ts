import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../src/answer/features.js';
import { CONFIDENCE_FEATURES, currentWeights, parseWeights } from '../../src/answer/scorer.js';

describe('the fitted scorer weights (src/answer/weights.json)', () => {
  it('fit the features this code computes', () => {
    const weights = currentWeights();
    expect(weights.ranker.features).toEqual([...FEATURES]);
    expect(weights.confidence.features).toEqual([...CONFIDENCE_FEATURES]);
    expect(weights.decide.small.abstainBelow).toBeLessThanOrEqual(weights.closestBelow);
    expect(weights.decide.large.abstainBelow).toBeLessThanOrEqual(weights.closestBelow);
  });

  it('are refused, saying why, when fitted for other features', () => {
    const stale = { ...currentWeights(), ranker: { features: ['retrieval'], weights: [1] } };
    expect(() => parseWeights(stale, 'weights.json')).toThrow(
      `weights.json: ranker features are [retrieval], this code computes [${FEATURES.join(',')}]`,
    );
    expect(() => parseWeights({ ...currentWeights(), version: 3 }, 'weights.json')).toThrow(
      'weights.json: version: Invalid input: expected 4',
    );
  });
});
