/**
 * Edit distance between two words, the one used everywhere (typo correction of questions, speaker names).
 * Optimal string alignment: insertions, deletions, substitutions and a swap of neighbours ("smtih" for
 * "smith") each count as one edit.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  // Each row's smallest value never decreases (a swap costs as much as the step before it), so once a row
  // is past `max` the distance is too.
  const beyond = max + 1;
  if (Math.abs(a.length - b.length) > max) return beyond;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (beforePrevious[j - 2] ?? 0) + 1);
      }
      current.push(best);
      rowMin = Math.min(rowMin, best);
    }
    if (rowMin > max) return beyond;
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length] ?? beyond;
}
