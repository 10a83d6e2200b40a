import { describe, expect, it } from 'vitest';
import { foldToDocuments, mean, median, ndcgAtK, percentile, recallAtK } from './metrics.js';

describe('percentile', () => {
  it('takes the nearest rank, never interpolating', () => {
    const values = [5, 1, 4, 2, 3]; // sorted: 1 2 3 4 5
    expect(percentile(values, 50)).toBe(3); // ceil(2.5) = rank 3
    expect(percentile(values, 99)).toBe(5); // ceil(4.95) = rank 5
    expect(percentile(values, 20)).toBe(1); // rank 1
    expect(percentile(values, 21)).toBe(2); // ceil(1.05) = rank 2
    expect(median([1, 2, 3, 4])).toBe(2);
  });

  it('p99 of 1..100 is 99, p99 of 1..1000 is 990', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(hundred, 99)).toBe(99);
    expect(
      percentile(
        Array.from({ length: 1000 }, (_, i) => i + 1),
        99,
      ),
    ).toBe(990);
  });

  it('is NaN for no values', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(mean([])).toBeNaN();
  });
});

describe('ndcgAtK (binary relevance)', () => {
  it('is 1 for an ideal ranking and 0 when nothing relevant is ranked', () => {
    expect(ndcgAtK(['a', 'b', 'x'], new Set(['a', 'b']), 10)).toBeCloseTo(1, 12);
    expect(ndcgAtK(['x', 'y'], new Set(['a']), 10)).toBe(0);
    expect(ndcgAtK([], new Set(['a']), 10)).toBe(0);
  });

  it('matches a hand computation', () => {
    // Relevant a, b; ranking x a y b. DCG = 1/log2(3) + 1/log2(5) = 0.630930 + 0.430677 = 1.061606.
    // IDCG = 1/log2(2) + 1/log2(3) = 1 + 0.630930 = 1.630930. nDCG = 0.650920.
    expect(ndcgAtK(['x', 'a', 'y', 'b'], new Set(['a', 'b']), 10)).toBeCloseTo(0.65092, 5);
    // One relevant document at rank 2: 1/log2(3) / 1 = 0.630930.
    expect(ndcgAtK(['x', 'a'], new Set(['a']), 10)).toBeCloseTo(0.63093, 5);
  });

  it('cuts at k, also for the ideal DCG', () => {
    // Relevant at rank 3 only counts when k ≥ 3.
    expect(ndcgAtK(['x', 'y', 'a'], new Set(['a']), 2)).toBe(0);
    expect(ndcgAtK(['x', 'y', 'a'], new Set(['a']), 3)).toBeCloseTo(0.5, 12); // 1/log2(4)
    // Three relevant, k = 2: the ideal list holds only two, so a perfect top 2 scores 1.
    expect(ndcgAtK(['a', 'b'], new Set(['a', 'b', 'c']), 2)).toBeCloseTo(1, 12);
  });

  it('counts a repeated id once, at its first rank', () => {
    expect(ndcgAtK(['a', 'a', 'b'], new Set(['a', 'b']), 10)).toBeCloseTo(1, 12);
  });
});

describe('recallAtK', () => {
  it('is the share of relevant documents in the top k', () => {
    expect(recallAtK(['a', 'x', 'b'], new Set(['a', 'b', 'c', 'd']), 10)).toBe(0.5);
    expect(recallAtK(['a', 'x', 'b'], new Set(['a', 'b']), 2)).toBe(0.5);
    expect(recallAtK([], new Set(['a']), 100)).toBe(0);
    expect(recallAtK(['a'], new Set(), 100)).toBe(0);
  });

  it('counts distinct ids toward k', () => {
    expect(recallAtK(['x', 'x', 'a'], new Set(['a']), 2)).toBe(1);
  });
});

describe('foldToDocuments', () => {
  it('ranks each document by its best passage', () => {
    const passages = ['d1#p2', 'd2#p1', 'd1#p1', 'd3#p4w2', 'd2#p3'];
    expect(foldToDocuments(passages, (p) => p.split('#')[0] ?? p)).toEqual(['d1', 'd2', 'd3']);
  });

  it('feeds the metrics with document ranks', () => {
    const docs = foldToDocuments(['x#p1', 'x#p2', 'a#p1'], (p) => p.split('#')[0] ?? p);
    // After folding, "a" is at rank 2, not 3.
    expect(ndcgAtK(docs, new Set(['a']), 10)).toBeCloseTo(1 / Math.log2(3), 12);
  });
});
