/**
 * Candidate answers of a question, scored by the fitted ranker: the passages retrieval finds and each of
 * their sentences with its features (features.ts) and ranker score (scorer.ts). What `npm run train` reads.
 */
import type { CorpusDocument, Passage } from '../corpus/types.js';
import type { QuoteIndex } from '../quotes/index.js';
import type { Glossary } from '../search/glossary.js';
import type { PassageIndex } from '../search/index.js';
import type { PeopleFinder } from './entities.js';
import { type FeatureContext, passageCandidates, questionFacts, relativize } from './features.js';
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

/** Passages retrieved before scoring. */
export const CANDIDATE_PASSAGES = 30;

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

/**
 * Analyzes a (cleaned) question, retrieves at least `wanted` passages and scores every sentence of them with
 * the context's ranker, best first.
 */
export function scoreQuestion(ctx: AskContext, text: string, wanted = CANDIDATE_PASSAGES): Scoring {
  const question = analyzeQuestion(text, ctx.index, ctx.glossary);
  const hits = ctx.index.query(question.terms, Math.max(CANDIDATE_PASSAGES, wanted));
  const facts = questionFacts(question);
  const top = hits[0]?.score ?? 1;
  const features = featureContext(ctx);
  const candidates = relativize(
    hits.flatMap((hit, rank) => passageCandidates(features, facts, hit.passage, hit.score / top, rank)),
  )
    .map((c) => ({ ...c, score: rankScore(c, ctx.weights) }))
    .sort((a, b) => b.score - a.score);
  const passages: RankedHit[] = [];
  const seen = new Set<string>();
  for (const best of candidates) {
    if (seen.has(best.passage.id)) continue;
    seen.add(best.passage.id);
    passages.push({ passage: best.passage, best });
  }
  return { question, candidates, passages };
}
