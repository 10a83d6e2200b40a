/**
 * The order `ask` lists passages in: each retrieved passage scored by its best sentence's coverage of the
 * question's ideas, with a bonus for holding the asked-for kind of thing, plus a share of its retrieval score.
 * Hand-set, unlike the fitted ranker that chooses the answer (candidates.ts); kept for the listing because
 * the ranker's order measured one question worse on the SQuAD excerpt floor (tests/eval/eval.test.ts) while
 * better on SQuAD's tune split (docs/answer-quality.md).
 */
import type { Span } from '../contract/types.js';
import { asksIn } from '../corpus/segment.js';
import type { Passage } from '../corpus/types.js';
import type { SearchHit } from '../search/index.js';
import { stem, tokenize } from '../text/text.js';
import type { AskContext } from './candidates.js';
import { typeEvidence } from './entities.js';
import { conceptIn } from './features.js';
import type { AnalyzedQuestion, AnswerType, Concept } from './question.js';

/** A passage as listed: the sentence its excerpt centres on, and its score (higher first). */
export interface Listed {
  passage: Passage;
  focus: Span;
  score: number;
}

/** Below this share of the question's (weighted) ideas, a sentence is not read for the asked-for kind of thing. */
const MIN_COVERAGE = 0.45;
/**
 * How far (in words) a name may stand from a main idea of a "who is the <role>" question and still be its
 * answer; "who <did something>" allows more, since a subject may stand a clause away from its verb.
 */
const NAME_WINDOW = 4;
const AGENT_WINDOW = 8;
/** Answer types whose presence in a sentence adds to its score. */
const NEEDS_TYPE = new Set<AnswerType>([
  'date',
  'time',
  'place',
  'name',
  'person',
  'quantity',
  'money',
  'duration',
]);
/** Sentences whose answer types are read per question, of those that may answer: about 1 ms each. */
const TYPED_SENTENCES = 2;
/** What holding the asked-for kind of thing adds to a sentence's score, at full specificity. */
const TYPE_BONUS = 0.25;
/**
 * How much the retrieval score (relative to the best hit) counts next to the best sentence's score. Chosen on
 * SciFact's train split (nDCG@10 as listed: 0.35 → 0.693, 1 → 0.698); costs one press-release question's top
 * passage (tests/bench/README.md#scifact-scifactts).
 */
const RETRIEVAL_SHARE = 1;

interface SentenceScore {
  span: Span;
  /** Whether it covers enough of the question, and (two thirds of) its main ideas, to be read for types. */
  mayAnswer: boolean;
  score: number;
}

interface PassageScore {
  passage: Passage;
  retrieval: number;
  best: SentenceScore;
  sentences: SentenceScore[];
  score: number;
}

/** Retrieved passages scored by their best sentence, best first. */
export function listPassages(ctx: AskContext, question: AnalyzedQuestion, hits: SearchHit[]): Listed[] {
  const topScore = hits[0]?.score ?? 1;
  // Answer types cost the most to read, so first rank without them, then read them in the few sentences
  // that may answer and score best, and rank again.
  const untyped = hits.flatMap(
    (hit) => scorePassage(ctx, question, hit.passage, hit.score / topScore, () => false) ?? [],
  );
  const typed = new Set(
    untyped
      .flatMap((e) => e.sentences.filter((s) => s.mayAnswer).map((s) => ({ e, s })))
      .sort(
        (a, b) => b.s.score + RETRIEVAL_SHARE * b.e.retrieval - (a.s.score + RETRIEVAL_SHARE * a.e.retrieval),
      )
      .slice(0, TYPED_SENTENCES)
      .map(({ s }) => s),
  );
  return untyped
    .map((e) =>
      e.sentences.some((s) => typed.has(s))
        ? (scorePassage(ctx, question, e.passage, e.retrieval, (i) =>
            typed.has(e.sentences[i] as SentenceScore),
          ) ?? e)
        : e,
    )
    .sort((a, b) => b.score - a.score)
    .map((e) => ({ passage: e.passage, focus: e.best.span, score: e.score }));
}

/** Scores a passage by its best sentence; `readTypes(i)` says whether sentence i's answer types are read. */
function scorePassage(
  ctx: AskContext,
  question: AnalyzedQuestion,
  passage: Passage,
  retrieval: number,
  readTypes: (i: number) => boolean,
): PassageScore | null {
  const doc = ctx.documents.get(passage.docId);
  if (!doc) return null;
  // A paragraph that only asks (an FAQ's question) is not listed: the paragraphs after it answer.
  if (passage.questions?.length === passage.sentences.length) return null;
  const stems = ctx.reader.stems(passage);
  const sentences = passage.sentences.map((span, i) => {
    // A question the document asks (an FAQ's, an interviewer's) is not listed as what answers the user's.
    if (asksIn(passage, span)) return { span, mayAnswer: false, score: 0 };
    const text = doc.text.slice(span.start, span.end);
    return scoreSentence(ctx, question, text, span, stems.sentences[i] ?? new Set(), stems.all, readTypes(i));
  });
  const best = sentences.reduce((a, b) => (b.score > a.score ? b : a));
  return { passage, retrieval, best, sentences, score: RETRIEVAL_SHARE * retrieval + best.score };
}

function scoreSentence(
  ctx: AskContext,
  question: AnalyzedQuestion,
  text: string,
  span: Span,
  stems: Set<string>,
  around: Set<string>,
  readTypes: boolean,
): SentenceScore {
  const covered = coverage(question.concepts, stems, around);
  const { main } = question;
  const found = main.filter((c) => conceptIn(c, stems) || conceptIn(c, around)).length;
  const mayAnswer = covered >= MIN_COVERAGE && found >= Math.ceil((2 * main.length) / 3);
  // Reading a sentence's answer types costs about a millisecond: only sentences that may answer pay it.
  let match = mayAnswer && readTypes ? typeEvidence(question.type, text, ctx.people, question.measure) : null;
  if (match && (question.type === 'person' || question.type === 'name')) {
    const window = question.type === 'name' ? NAME_WINDOW : AGENT_WINDOW;
    if (!nearMainConcept(text, match.spans, question, window)) match = null;
  }
  const bonus = NEEDS_TYPE.has(question.type) && match ? TYPE_BONUS * match.strength : 0;
  return { span, mayAnswer, score: covered + bonus };
}

/** Share of the question's weighted ideas found in the sentence (fully) or only around it (half). */
function coverage(concepts: Concept[], sentence: Set<string>, around: Set<string>): number {
  const total = concepts.reduce((sum, c) => sum + c.weight, 0);
  if (total === 0) return 0;
  let found = 0;
  for (const concept of concepts) {
    if (conceptIn(concept, sentence)) found += concept.weight;
    else if (conceptIn(concept, around)) found += concept.weight / 2;
  }
  return found / total;
}

/**
 * For "who" questions a name (or role) must stand next to what the question is about, not anywhere in the
 * sentence: "the Ambassador to Chile, …, Agency President Rosa Díaz" does not name the ambassador.
 * Candidates that are themselves words of the question do not count.
 */
function nearMainConcept(
  text: string,
  candidates: Span[],
  question: AnalyzedQuestion,
  window: number,
): boolean {
  const { main } = question;
  if (main.length === 0) return candidates.length > 0;
  // "Who is the ambassador": the name must stand by the role itself, not by any other idea of the question.
  const keyStems = new Set(
    question.type === 'name' && question.roles.length
      ? question.roles
      : main.flatMap((c) => c.alternatives.flat()),
  );
  // Only the user's own words: a name the glossary offers ("chief" → "Jane Smith") may well be the answer.
  const questionStems = new Set(question.concepts.flatMap((c) => c.alternatives[0] ?? []));
  const tokens = tokenize(text);
  const anchors = tokens.flatMap((t, i) => (keyStems.has(stem(t.word)) ? [i] : []));
  if (anchors.length === 0) return candidates.length > 0; // matched through a referent ("said Yamada")
  return candidates.some((c) => {
    const inside = tokens.flatMap((t, i) => (t.start >= c.start && t.end <= c.end ? [i] : []));
    if (inside.length === 0 || inside.every((i) => questionStems.has(stem(tokens[i]?.word ?? ''))))
      return false;
    const first = inside[0] ?? 0;
    const last = inside[inside.length - 1] ?? 0;
    return anchors.some((a) => (a < first ? first - a : a - last) <= window);
  });
}
