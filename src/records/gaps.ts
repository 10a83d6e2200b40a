/** Grouping of failed questions by similar wording, for `gaps`. Pure. */
import { contentTerms } from '../text/text.js';
import type { Gap } from './types.js';

/** One failed question as stored. */
export interface FailedQuestion {
  question: string;
  kind: 'abstained' | 'disliked';
  /** ISO 8601. */
  at: string;
}

/** Questions whose stem sets overlap this much (Jaccard) are the same gap. */
const SIMILAR = 0.6;

/** The content stems of a question: lower case, stop words dropped, stemmed. */
export function questionStems(question: string): Set<string> {
  return new Set(contentTerms(question).map((t) => t.stem));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Groups questions with identical stem sets, then merges groups whose stem sets overlap by Jaccard ≥ 0.6
 * into the larger one (largest first, so merges are stable). Most frequent gap first.
 */
export function groupGaps(questions: FailedQuestion[]): Gap[] {
  interface Group {
    stems: Set<string>;
    items: FailedQuestion[];
  }
  const bySignature = new Map<string, Group>();
  for (const q of questions) {
    const stems = questionStems(q.question);
    const signature = [...stems].sort().join(' ') || q.question.trim().toLowerCase();
    const group = bySignature.get(signature) ?? { stems, items: [] };
    group.items.push(q);
    bySignature.set(signature, group);
  }
  const merged: Group[] = [];
  for (const group of [...bySignature.values()].sort((a, b) => b.items.length - a.items.length)) {
    const home = group.stems.size > 0 && merged.find((m) => jaccard(m.stems, group.stems) >= SIMILAR);
    if (home) home.items.push(...group.items);
    else merged.push({ stems: group.stems, items: [...group.items] });
  }
  return merged
    .map((group) => toGap(group.items))
    .sort(
      (a, b) => b.count - a.count || b.lastAt.localeCompare(a.lastAt) || a.example.localeCompare(b.example),
    );
}

function toGap(items: FailedQuestion[]): Gap {
  const counts = new Map<string, { n: number; at: string }>();
  for (const item of items) {
    const wording = item.question.trim();
    const seen = counts.get(wording);
    counts.set(wording, {
      n: (seen?.n ?? 0) + 1,
      at: seen && seen.at > item.at ? seen.at : item.at,
    });
  }
  const [example = ''] =
    [...counts.entries()].sort((a, b) => b[1].n - a[1].n || b[1].at.localeCompare(a[1].at))[0] ?? [];
  return {
    example,
    count: items.length,
    abstained: items.filter((i) => i.kind === 'abstained').length,
    disliked: items.filter((i) => i.kind === 'disliked').length,
    lastAt:
      items
        .map((i) => i.at)
        .sort()
        .at(-1) ?? '',
  };
}
