/** Timing and retrieval metrics for the bench. Pure functions, unit-tested in metrics.test.ts. */

/**
 * The nearest-rank percentile `p` (0 < p ≤ 100) of `values`: the smallest value with at least p% of the values
 * at or below it. Nearest-rank rather than interpolation, so a p99 is a time some query really took.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

/** The median by nearest rank (see {@link percentile}). */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * nDCG@k with binary relevance: DCG = Σ_{i=1..k} rel_i / log2(i + 1) over the ranked list, divided by the DCG
 * of the ideal list (min(k, |relevant|) relevant documents first). 0 when nothing is relevant. Duplicate ids
 * in `ranked` count once, at their first rank, as trec_eval does after de-duplication.
 */
export function ndcgAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let dcg = 0;
  const seen = new Set<string>();
  let rank = 0;
  for (const id of ranked) {
    if (seen.has(id)) continue;
    seen.add(id);
    rank++;
    if (rank > k) break;
    if (relevant.has(id)) dcg += 1 / Math.log2(rank + 1);
  }
  let ideal = 0;
  for (let i = 1; i <= Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 1);
  return dcg / ideal;
}

/** Recall@k: the share of the relevant documents found among the first k distinct ranked ids. */
export function recallAtK(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  const top = new Set<string>();
  for (const id of ranked) {
    if (top.size >= k) break;
    top.add(id);
  }
  let found = 0;
  for (const id of relevant) if (top.has(id)) found++;
  return found / relevant.size;
}

/**
 * Folds a ranked list of passages into a ranked list of their documents: each document takes the rank of its
 * best (first) passage, later passages of the same document are dropped.
 */
export function foldToDocuments<T>(passages: readonly T[], documentOf: (passage: T) => string): string[] {
  const documents: string[] = [];
  const seen = new Set<string>();
  for (const p of passages) {
    const doc = documentOf(p);
    if (!seen.has(doc)) {
      seen.add(doc);
      documents.push(doc);
    }
  }
  return documents;
}

/** The arithmetic mean; NaN for no values. */
export function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}
