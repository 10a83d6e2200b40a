import { describe, expect, it } from 'vitest';
import { currentWeights } from '../../src/answer/scorer.js';
import { featureFingerprint } from './fingerprint.js';

describe('the fitted weights (src/answer/weights.json)', () => {
  it('were fitted for the features this code computes: after changing features, run npm run train', async () => {
    const weights = currentWeights();
    expect(
      await featureFingerprint(weights),
      'features changed since the fit: npm run train -- --squad <part A>, then commit weights.json',
    ).toBe(weights.featureFingerprint);
  });
});
