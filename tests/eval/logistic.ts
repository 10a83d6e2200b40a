/**
 * Logistic regression fitted by Newton's method (iteratively reweighted least squares) with an L2 penalty:
 * small, exact and deterministic, which is all the answer scorer needs (a few dozen weights, some thousand
 * questions). Also its pairwise form, a ranker: P(a ranks above b) = σ(w · (x_a − x_b)).
 */

/** One example: features, label (0 or 1) and how much it counts. */
export interface Example {
  x: readonly number[];
  y: 0 | 1;
  weight: number;
}

export interface LogisticModel {
  weights: number[];
  bias: number;
}

/** Solves `A v = b` for a small symmetric positive definite `A` (Gaussian elimination with pivoting). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    [m[col], m[pivot]] = [m[pivot] as number[], m[col] as number[]];
    const p = m[col] as number[];
    const d = p[col] ?? 1;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = m[r] as number[];
      const f = (row[col] ?? 0) / d;
      if (f !== 0) for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - f * (p[c] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * Fits weights (and a bias unless `withBias` is false) maximizing the weighted log-likelihood minus
 * `l2`/2 · |w|² (the bias is not penalized). `visit` calls its callback once per example, so that pairwise
 * examples need not all be held in memory.
 */
export function fitLogistic(
  dimension: number,
  visit: (each: (e: Example) => void) => void,
  options: { l2?: number; withBias?: boolean; iterations?: number } = {},
): LogisticModel {
  const l2 = options.l2 ?? 1;
  const withBias = options.withBias ?? true;
  const n = dimension + (withBias ? 1 : 0);
  let w = new Array<number>(n).fill(0);
  for (let iteration = 0; iteration < (options.iterations ?? 25); iteration++) {
    const gradient = w.map((v, i) => (i < dimension ? -l2 * v : 0));
    const hessian = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => (i === j ? (i < dimension ? l2 : 1e-6) : 0)),
    );
    visit(({ x, y, weight }) => {
      const z = withBias ? [...x, 1] : x;
      let dot = 0;
      for (let i = 0; i < n; i++) dot += (w[i] ?? 0) * (z[i] ?? 0);
      const p = sigmoid(dot);
      const g = weight * (y - p);
      const h = weight * p * (1 - p);
      for (let i = 0; i < n; i++) {
        const zi = z[i] ?? 0;
        if (zi === 0) continue;
        gradient[i] = (gradient[i] ?? 0) + g * zi;
        const row = hessian[i] as number[];
        for (let j = 0; j < n; j++) row[j] = (row[j] ?? 0) + h * zi * (z[j] ?? 0);
      }
    });
    const step = solve(hessian, gradient);
    w = w.map((v, i) => v + (step[i] ?? 0));
    if (Math.max(...step.map(Math.abs)) < 1e-7) break;
  }
  return { weights: w.slice(0, dimension), bias: withBias ? (w[dimension] ?? 0) : 0 };
}

/** The model's probability for features `x`. */
export function predict(model: LogisticModel, x: readonly number[]): number {
  let dot = model.bias;
  for (let i = 0; i < model.weights.length; i++) dot += (model.weights[i] ?? 0) * (x[i] ?? 0);
  return sigmoid(dot);
}
