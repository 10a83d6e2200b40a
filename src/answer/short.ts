import type { ShortAnswer, Span } from '../contract/types.js';
import { contentTerms } from '../text/text.js';
import { type PeopleFinder, typeEvidence } from './entities.js';
import type { AnalyzedQuestion } from './question.js';

/** Offsets of `inner` (relative to a text starting at `base`) in the coordinates of the text itself. */
const shifted = (inner: Span, base: number): Span => ({ start: base + inner.start, end: base + inner.end });

/** Characters between two spans (0 when they touch or overlap). */
const gap = (a: Span, b: Span) => Math.max(0, a.start - b.end, b.start - a.end);

/**
 * The phrase of the answer sentence `text[span]` that is the kind of thing the question asks for ("January
 * 13, 2023" for "when…", "thirty days" for "how long…"), or `null` when the question asks for no particular
 * kind or the sentence holds none. Words the question itself typed are no part of its answer: they are cut
 * from the phrase's ends ("Director Ann Lee" → "Ann Lee" for "who is the director?"), and a
 * phrase of nothing else is dropped. Of several, the most specific, then the one nearest the words the
 * question shares with the sentence, since the asked-for thing stands by what is said about it.
 */
export function shortAnswerIn(
  question: AnalyzedQuestion,
  text: string,
  span: Span,
  people?: PeopleFinder,
): ShortAnswer | null {
  if (question.type === 'any' || question.type === 'yesno') return null;
  const sentence = text.slice(span.start, span.end);
  const evidence = typeEvidence(question.type, sentence, people, question.measure);
  if (!evidence) return null;
  const typed = new Set(question.concepts.flatMap((c) => c.alternatives[0] ?? []));
  const related = new Set(question.concepts.flatMap((c) => c.alternatives.flat()));
  const terms = contentTerms(sentence);
  const anchors = terms.filter((t) => related.has(t.stem));
  let best: { span: Span; strength: number; distance: number } | undefined;
  for (const candidate of evidence.spans) {
    const own = terms.filter((t) => t.start >= candidate.start && t.end <= candidate.end);
    const first = own.findIndex((t) => !typed.has(t.stem));
    if (own.length > 0 && first < 0) continue;
    const last = own.findLastIndex((t) => !typed.has(t.stem));
    // Only the question's words at the ends are cut; a span of stop words alone ("one") stays whole.
    const trimmed: Span = {
      start: first > 0 ? (own[first]?.start ?? candidate.start) : candidate.start,
      end: last >= 0 && last < own.length - 1 ? (own[last]?.end ?? candidate.end) : candidate.end,
    };
    const distance = Math.min(Number.POSITIVE_INFINITY, ...anchors.map((a) => gap(a, trimmed)));
    if (
      !best ||
      candidate.strength > best.strength ||
      (candidate.strength === best.strength && distance < best.distance)
    )
      best = { span: trimmed, strength: candidate.strength, distance };
  }
  if (!best) return null;
  const at = shifted(best.span, span.start);
  return { text: text.slice(at.start, at.end), start: at.start, end: at.end };
}
