import { describe, expect, it } from 'vitest';
import { type Example, fitLogistic, predict } from './logistic.js';

describe('logistic regression (Newton, L2)', () => {
  it('learns which feature tells the classes apart, with a calibrated middle', () => {
    // Label 1 when the first feature is high; the second is noise repeated in both classes.
    const examples: Example[] = [];
    for (let i = 0; i < 200; i++) {
      const x0 = (i % 20) / 19;
      examples.push({ x: [x0, (i * 7) % 3], y: x0 > 0.5 ? 1 : 0, weight: 1 });
    }
    const model = fitLogistic(2, (each) => examples.forEach(each), { l2: 0.1 });
    expect(model.weights[0]).toBeGreaterThan(5);
    expect(Math.abs(model.weights[1] ?? 1)).toBeLessThan(0.5);
    expect(predict(model, [1, 0])).toBeGreaterThan(0.9);
    expect(predict(model, [0, 0])).toBeLessThan(0.1);
    expect(predict(model, [0.5, 1])).toBeGreaterThan(0.2);
    expect(predict(model, [0.5, 1])).toBeLessThan(0.8);
  });

  it('fits a pairwise ranker without a bias: the better of each pair scores higher', () => {
    const pairs: Example[] = [
      { x: [1, 0], y: 1, weight: 1 },
      { x: [0.5, -0.2], y: 1, weight: 1 },
      { x: [0.8, 0.3], y: 1, weight: 1 },
    ];
    const model = fitLogistic(2, (each) => pairs.forEach(each), { withBias: false });
    expect(model.bias).toBe(0);
    expect(model.weights[0]).toBeGreaterThan(0);
  });
});
