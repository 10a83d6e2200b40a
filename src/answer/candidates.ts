/**
 * Candidate answers of a question, scored by the fitted ranker: the passages retrieval finds and each of
 * their sentences with its features (features.ts) and ranker score (scorer.ts). What `npm run train` reads.
 */
import type { CorpusDocument, Passage } from '../corpus/types.js';
import type { QuoteIndex } from '../quotes/index.js';
import type { Glossary } from '../search/glossary.js';
import type { PassageIndex, SearchHit } from '../search/index.js';
import { type PeopleFinder, typeLikelihood } from './entities.js';
import {
  asksForType,
  FEATURES,
  type FeatureContext,
  passageCandidates,
  questionFacts,
  readTypeFeatures,
  relativize,
  typeFeaturesGain,
} from './features.js';
import { type AnalyzedQuestion, analyzeQuestion } from './question.js';
import type { PassageReader } from './referents.js';
import { rankScore, type Scored, type ScorerWeights } from './scorer.js';

/** What `ask` reads: the index, the glossary, the documents, who is who and who said what. Built once per corpus. */
export interface AskContext {
  index: PassageIndex;
  glossary: Glossary;
  documents: Map<string, CorpusDocument>;
  people: PeopleFinder;
  reader: PassageReader;
  quotes: QuoteIndex;
  /** The fitted scorer (src/answer/weights.json; `npm run train` passes the ones it is fitting). */
  weights: ScorerWeights;
}

/** The words of a candidate's sentence, as its document writes them. */
export function candidateText(ctx: AskContext, candidate: Scored): string {
  return (
    ctx.documents.get(candidate.passage.docId)?.text.slice(candidate.span.start, candidate.span.end) ?? ''
  );
}

/** Passages retrieved before scoring. */
export const CANDIDATE_PASSAGES = 30;

/**
 * How many candidates, best first by every other feature, have their answer types read at most once one of
 * them holds the asked-for kind. Reading costs about a millisecond a sentence, and a type can lift a score
 * so much that making sure no later candidate overtakes would read most of them (some 80 on odd questions
 * over a large corpus). With 8, `ask` answered every question of the project's sets and SQuAD's tune split
 * exactly as reading all of them (tests/bench/README.md).
 */
const TYPED_ONCE_FOUND = 8;

/** A retrieved passage with its best sentence by the ranker. */
export interface RankedHit {
  passage: Passage;
  best: Scored;
}

/** The scored candidate sentences of a question, best first, and its passages in the same order. */
export interface Scoring {
  question: AnalyzedQuestion;
  candidates: Scored[];
  passages: RankedHit[];
}

/** What feature extraction reads of the ask context. */
export function featureContext(ctx: AskContext): FeatureContext {
  return {
    documents: ctx.documents,
    people: ctx.people,
    reader: ctx.reader,
    sentenceStems: (passage) => ctx.index.sentenceStems(passage),
    idf: (stem) => ctx.index.idf(stem),
  };
}

/** How much of a question's candidates {@link scoreQuestion} reads with the answer-type reader. */
export type TypeReading =
  /** Every candidate: what training reads, so that every feature is exact. */
  | 'all'
  /**
   * Only as many as decide what `ask` uses, in ranker order: the best candidate, the best one of another
   * passage, and whether any candidate holds the asked-for kind of thing. The rest keep their scores without
   * it (lower bounds), so the order past the first two passages may differ from reading them all; and once
   * one of them holds the kind, no more than {@link TYPED_ONCE_FOUND} are read.
   */
  | 'deciding';

/**
 * Analyzes a (cleaned) question, retrieves at least `wanted` passages and scores every sentence of them with
 * the context's ranker, best first.
 */
export function scoreQuestion(ctx: AskContext, text: string, wanted = CANDIDATE_PASSAGES): Scoring {
  const question = analyzeQuestion(text, ctx.index, ctx.glossary);
  return scoreHits(ctx, question, ctx.index.query(question.terms, Math.max(CANDIDATE_PASSAGES, wanted)));
}

/**
 * Scores every sentence of passages already retrieved for an analyzed question with the context's ranker, best
 * first: what {@link scoreQuestion} does after retrieval, for `ask`, which has analyzed and retrieved already.
 */
export function scoreHits(
  ctx: AskContext,
  question: AnalyzedQuestion,
  hits: SearchHit[],
  typeReading: TypeReading = 'all',
): Scoring {
  const facts = questionFacts(question);
  const top = hits[0]?.score ?? 1;
  const features = featureContext(ctx);
  const readAll = typeReading === 'all';
  let candidates = relativize(
    hits.flatMap((hit, rank) =>
      passageCandidates(features, facts, hit.passage, hit.score / top, rank, readAll),
    ),
  )
    .map((c) => ({ ...c, score: rankScore(c, ctx.weights) }))
    .sort((a, b) => b.score - a.score);
  if (!readAll && asksForType(facts)) candidates = readDecidingTypes(ctx, features, facts, candidates);
  const passages: RankedHit[] = [];
  const seen = new Set<string>();
  for (const best of candidates) {
    if (seen.has(best.passage.id)) continue;
    seen.add(best.passage.id);
    passages.push({ passage: best.passage, best });
  }
  return { question, candidates, passages };
}

/**
 * Reads answer types for candidates in ranker order (their scores without types, `unread`, best first) until
 * no unread one can overtake the best read candidate of a second passage: reading adds at most
 * {@link typeFeaturesGain} to a score, so the best candidate and the best one of another passage come out as
 * if every candidate had been read (unless {@link TYPED_ONCE_FOUND} stops it first). Then, unless a read one
 * holds the asked-for kind, reads the rest until one does (or none is left), likeliest first
 * ({@link typeLikelihood}): whether any does is all they still decide.
 */
function readDecidingTypes(
  ctx: AskContext,
  features: FeatureContext,
  facts: ReturnType<typeof questionFacts>,
  unread: Scored[],
): Scored[] {
  const gain = typeFeaturesGain(facts, ctx.weights.ranker.weights);
  const typeMissing = FEATURES.indexOf('typeMissing');
  const read: Scored[] = [];
  let typeFound = false;
  const readOne = (candidate: Scored) => {
    readTypeFeatures(features, facts, candidate);
    candidate.score = rankScore(candidate, ctx.weights);
    if (candidate.features[typeMissing] === 0) typeFound = true;
  };
  let next = 0;
  for (; next < unread.length; next++) {
    const candidate = unread[next] as Scored;
    const bestTwo = bestOfTwoPassages(read);
    if (bestTwo !== null && candidate.score + gain <= bestTwo) break;
    if (typeFound && read.length >= TYPED_ONCE_FOUND) break;
    readOne(candidate);
    read.push(candidate);
  }
  const { type } = facts.question;
  const rest = unread
    .slice(next)
    .map((candidate) => ({ candidate, likelihood: typeLikelihood(type, candidateText(ctx, candidate)) }))
    .filter((c) => c.likelihood > 0)
    .sort((a, b) => b.likelihood - a.likelihood);
  for (const { candidate } of rest) {
    if (typeFound) break;
    readOne(candidate);
  }
  return [...read, ...unread.slice(next)].sort((a, b) => b.score - a.score);
}

/** The score of the best candidate of the second-best passage among `candidates`, or null with fewer passages. */
function bestOfTwoPassages(candidates: Scored[]): number | null {
  const best = new Map<string, number>();
  for (const c of candidates) best.set(c.passage.id, Math.max(best.get(c.passage.id) ?? -Infinity, c.score));
  const [, second] = [...best.values()].sort((a, b) => b - a);
  return second ?? null;
}
