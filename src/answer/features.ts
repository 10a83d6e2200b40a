/**
 * What the fitted scorer reads of a candidate answer sentence. Every feature is a number, most of them a
 * share in [0, 1], measured the same way on any corpus (relative scores, IDF-weighted shares), so that
 * weights fitted on one corpus carry over to another. The weights live in `weights.json` (see `scorer.ts`).
 */
import type { Span } from '../contract/types.js';
import { asksIn } from '../corpus/segment.js';
import type { CorpusDocument, Passage } from '../corpus/types.js';
import { stem, tokenize } from '../text/text.js';
import { type PeopleFinder, type TypeEvidence, typeEvidence } from './entities.js';
import { type AnalyzedQuestion, type AnswerType, type Concept, isNegated } from './question.js';
import type { PassageReader, StemLookup } from './referents.js';

/** Answer types a right sentence holds a thing of; "yes/no" and open questions take any sentence. */
export const TYPED = ['date', 'time', 'place', 'name', 'person', 'quantity', 'money', 'duration'] as const;
const TYPED_SET = new Set<AnswerType>(TYPED);

/**
 * The features, in the order of the weight vectors. Names are what `weights.json` lists, so a file fitted
 * for other features is refused instead of misread.
 */
export const FEATURES = [
  /** The passage's retrieval score divided by the best retrieved passage's. */
  'retrieval',
  /** 1 for the passage retrieval ranks first. */
  'firstPassage',
  /** 1 / (1 + the passage's retrieval rank). */
  'retrievalRank',
  /** IDF-weighted share of the question's ideas in the sentence itself. */
  'coverage',
  /** {@link coverage} divided by the best coverage of any candidate of the question. */
  'relativeCoverage',
  /** Summed IDF of the question's own words in the sentence, divided by the best candidate's. */
  'relativeIdf',
  /** The same share in the sentence and its neighbours (a pronoun's antecedent stands just before). */
  'nearCoverage',
  /** The same share in the whole passage. */
  'passageCoverage',
  /** The same share in the whole document: side ideas may come from elsewhere in it. */
  'documentCoverage',
  /** Share of the question's main (rarest known) ideas in the sentence. */
  'mainCoverage',
  /** Share of the question's main ideas in the sentence's passage. */
  'mainInPassage',
  /** The weight of the heaviest idea missing from the passage, relative to the heaviest idea of the question. */
  'missingIdea',
  /** Matched question words per word of the stretch of sentence that holds them (1: side by side). */
  'proximity',
  /** Share of the question's adjacent word pairs that stand side by side in the sentence too. */
  'bigrams',
  /** How specifically the sentence holds the kind of thing asked for (a date for "when"), beyond the question's own words. */
  'typeEvidence',
  /** 1 when the question asks for a kind of thing (a date, a person, a number…), 0 for open and yes/no questions. */
  'typeAsked',
  /** 1 when the question asks for a kind of thing the sentence does not hold. */
  'typeMissing',
  /**
   * For "who" questions, 1 when no name (or role) stands within a few words of the question's main idea:
   * "the Ambassador to Chile, …, Agency President Rosa Díaz" does not name the ambassador.
   */
  'nameAway',
  /** Share of the sentence's words that the question does not use: an answer tells something new. */
  'novelty',
  /** Sentence length, log-scaled: 0 for one word, 1 from about sixty. */
  'length',
  /** 1 when the question holds a number the passage does not. */
  'numberMissing',
  /** 1 when one of question and sentence is negated and the other is not. */
  'negationMismatch',
  /** Weighted share of the question's ideas the corpus never uses (or only through a related word). */
  'unknownIdeas',
] as const;

export type FeatureName = (typeof FEATURES)[number];

/** A candidate's value of one feature, by name. */
export const featureValue = (c: Candidate, name: FeatureName): number =>
  c.features[FEATURES.indexOf(name)] ?? 0;

/** A sentence that may answer the question, with its features in {@link FEATURES} order. */
export interface Candidate {
  passage: Passage;
  /** Index of the sentence in its passage. */
  sentence: number;
  span: Span;
  features: number[];
}

/** What feature extraction reads besides the question and the passage. */
export interface FeatureContext {
  documents: Map<string, CorpusDocument>;
  people: PeopleFinder;
  reader: PassageReader;
  /** Stems in the passage's sentences in order (analysis of the index). */
  sentenceStems: (passage: Passage) => string[][];
  /** Inverse document frequency of a stem over the passages. */
  idf: (stem: string) => number;
}

/*
 * The functions below run for every idea of every candidate sentence (some 200 sentences a question): they
 * loop rather than allocate callbacks and arrays, which were a fifth of the garbage a question made.
 */

/** Whether one way of saying the idea has all its stems in `stems`. */
export function conceptIn(concept: Concept, stems: StemLookup): boolean {
  for (const alternative of concept.alternatives) {
    let all = true;
    for (const s of alternative)
      if (!stems.has(s)) {
        all = false;
        break;
      }
    if (all) return true;
  }
  return false;
}

/** IDF-weighted share of the ideas found in `stems`. */
export function weightedShare(concepts: Concept[], stems: StemLookup): number {
  let total = 0;
  for (const c of concepts) total += c.weight;
  if (total === 0) return 0;
  let found = 0;
  for (const c of concepts) if (conceptIn(c, stems)) found += c.weight;
  return found / total;
}

/** How many of `concepts` are found in `stems`. */
function countIn(concepts: Concept[], stems: StemLookup): number {
  let count = 0;
  for (const c of concepts) if (conceptIn(c, stems)) count++;
  return count;
}

/** What is computed once per question for all its candidates. */
export interface QuestionFacts {
  question: AnalyzedQuestion;
  /** Every stem that expresses an idea of the question. */
  stems: Set<string>;
  /** The question's own stems (typo-corrected, no glossary meanings). */
  own: Set<string>;
  /** Adjacent pairs of the question's own stems. */
  pairs: Set<string>;
  numbers: string[];
  negated: boolean;
  unknownIdeas: number;
  heaviest: number;
}

export function questionFacts(question: AnalyzedQuestion): QuestionFacts {
  const own = question.concepts.flatMap((c) => c.alternatives[0] ?? []);
  const pairs = new Set<string>();
  for (let i = 1; i < own.length; i++) pairs.add(`${own[i - 1]} ${own[i]}`);
  const total = question.concepts.reduce((sum, c) => sum + c.weight, 0);
  return {
    question,
    stems: new Set(question.concepts.flatMap((c) => c.alternatives.flat())),
    own: new Set(own),
    pairs,
    numbers: tokenize(question.read)
      .map((t) => t.word)
      .filter((w) => /^\d/.test(w)),
    negated: question.negated,
    // An idea found only through a related word ("envoy" → "ambassador") still counts as unknown here: the
    // relation may hold in another sense ("meet" → "attend" for "did Biden meet…").
    unknownIdeas: total
      ? question.concepts.reduce((sum, c) => sum + (c.known && !c.related ? 0 : c.weight), 0) / total
      : 0,
    heaviest: Math.max(0, ...question.concepts.map((c) => c.weight)),
  };
}

/** Matched question words per word of the stretch holding them; 0 with fewer than two matched. */
function proximity(stems: string[], asked: Set<string>): number {
  let first = -1;
  let last = -1;
  let matched: Set<string> | null = null;
  for (let i = 0; i < stems.length; i++) {
    const s = stems[i] as string;
    if (!asked.has(s)) continue;
    if (first < 0) first = i;
    last = i;
    matched ??= new Set();
    matched.add(s);
  }
  if (!matched || first === last) return 0;
  return matched.size / (last - first + 1);
}

/** Share of the question's adjacent pairs of own stems (`pairs`, of stems in `own`) side by side in `stems`. */
function bigrams(stems: string[], pairs: Set<string>, own: Set<string>): number {
  if (pairs.size === 0) return 0;
  let found: Set<string> | null = null;
  for (let i = 1; i < stems.length; i++) {
    const before = stems[i - 1] as string;
    const s = stems[i] as string;
    if (!own.has(before) || !own.has(s)) continue; // no pair of the question: no need to write it out
    const pair = `${before} ${s}`;
    if (!pairs.has(pair)) continue;
    found ??= new Set();
    found.add(pair);
  }
  return (found?.size ?? 0) / pairs.size;
}

/** The things of the asked-for kind in `text` that are not just the user's own words (`asked`), if any. */
function typeMatch(
  question: AnalyzedQuestion,
  text: string,
  people: PeopleFinder,
  asked: Set<string>,
): TypeEvidence | null {
  const match = typeEvidence(question.type, text, people, question.measure);
  if (!match) return null;
  const tokens = tokenize(text);
  const spans = match.spans.filter((span) =>
    tokens.some((t) => t.start >= span.start && t.end <= span.end && !asked.has(stem(t.word))),
  );
  return spans.length ? { spans, strength: match.strength } : null;
}

/**
 * How far (in words) a name may stand from the role a "who is the <role>" question names, and from the main
 * idea of another "who" question (a subject may stand a clause away from its verb).
 */
const NAME_WINDOW = 4;
const AGENT_WINDOW = 8;

/** Whether one of `spans` stands within the window of a "who" question's main idea. */
function nearMainIdea(text: string, spans: Span[], question: AnalyzedQuestion): boolean {
  const window = question.type === 'name' ? NAME_WINDOW : AGENT_WINDOW;
  const keyStems = new Set(
    question.type === 'name' && question.roles.length
      ? question.roles
      : question.main.flatMap((c) => c.alternatives.flat()),
  );
  const tokens = tokenize(text);
  const anchors = tokens.flatMap((t, i) => (keyStems.has(stem(t.word)) ? [i] : []));
  if (anchors.length === 0) return true; // matched through a referent ("said Yamada")
  return spans.some((span) => {
    const inside = tokens.flatMap((t, i) => (t.start >= span.start && t.end <= span.end ? [i] : []));
    const first = inside[0] ?? 0;
    const last = inside.at(-1) ?? 0;
    return anchors.some((a) => (a < first ? first - a : a - last) <= window);
  });
}

/**
 * The candidates of one retrieved passage, a sentence each. `retrieval` is the passage's retrieval score
 * relative to the best; `rank` its retrieval rank (0 first).
 */
export function passageCandidates(
  ctx: FeatureContext,
  facts: QuestionFacts,
  passage: Passage,
  retrieval: number,
  rank: number,
  readTypes = true,
): Candidate[] {
  const doc = ctx.documents.get(passage.docId);
  if (!doc) return [];
  const { question } = facts;
  const read = ctx.reader.stems(passage);
  const ordered = ctx.sentenceStems(passage);
  const passageCoverage = weightedShare(question.concepts, read.all);
  const documentCoverage = weightedShare(question.concepts, ctx.reader.documentStems(passage.docId));
  const missing = question.concepts.filter((c) => c.known && !conceptIn(c, read.all));
  const missingIdea = facts.heaviest ? Math.max(0, ...missing.map((c) => c.weight)) / facts.heaviest : 0;
  const mainInPassage = question.main.length ? countIn(question.main, read.all) / question.main.length : 0;
  const passageText = doc.text.slice(passage.start, passage.end);
  // Most questions hold no number: the passage's words are read only for one that does.
  const passageWords = facts.numbers.length ? new Set(tokenize(passageText).map((t) => t.word)) : null;
  const numberMissing = facts.numbers.some((n) => !passageWords?.has(n)) ? 1 : 0;
  const typed = TYPED_SET.has(question.type);
  const asksWho = question.type === 'name' || question.type === 'person';
  const candidates: Candidate[] = [];
  passage.sentences.forEach((span, i) => {
    // A question an FAQ or an interviewer asks is no answer, least of all to itself.
    if (asksIn(passage, span)) return;
    const stems = read.sentences[i] ?? new Set<string>();
    const before = read.sentences[i - 1];
    const after = read.sentences[i + 1];
    const near: StemLookup = { has: (s) => stems.has(s) || !!before?.has(s) || !!after?.has(s) };
    const sequence = ordered[i] ?? [];
    const text = doc.text.slice(span.start, span.end);
    let novel = 0;
    for (const s of sequence) if (!facts.stems.has(s)) novel++;
    let ownIdf = 0;
    for (const s of facts.own) if (stems.has(s)) ownIdf += ctx.idf(s);
    const features: Record<FeatureName, number> = {
      retrieval,
      firstPassage: rank === 0 ? 1 : 0,
      retrievalRank: 1 / (1 + rank),
      relativeCoverage: 0, // set by relativize, across the question's candidates
      relativeIdf: ownIdf,
      coverage: weightedShare(question.concepts, stems),
      nearCoverage: weightedShare(question.concepts, near),
      passageCoverage,
      documentCoverage,
      mainCoverage: question.main.length ? countIn(question.main, stems) / question.main.length : 0,
      mainInPassage,
      missingIdea,
      proximity: proximity(sequence, facts.stems),
      bigrams: bigrams(sequence, facts.pairs, facts.own),
      // As if the sentence held nothing of the asked-for kind, until readTypeFeatures reads it.
      typeEvidence: 0,
      typeAsked: typed ? 1 : 0,
      typeMissing: typed ? 1 : 0,
      nameAway: asksWho ? 1 : 0,
      novelty: sequence.length ? novel / sequence.length : 0,
      length: Math.min(1, Math.log1p(sequence.length) / Math.log(60)),
      numberMissing,
      negationMismatch: isNegated(text) !== facts.negated ? 1 : 0,
      unknownIdeas: facts.unknownIdeas,
    };
    const candidate = { passage, sentence: i, span, features: FEATURES.map((name) => features[name]) };
    if (readTypes) readTypeFeatures(ctx, facts, candidate);
    candidates.push(candidate);
  });
  return candidates;
}

const TYPE_EVIDENCE = FEATURES.indexOf('typeEvidence');
const TYPE_MISSING = FEATURES.indexOf('typeMissing');
const NAME_AWAY = FEATURES.indexOf('nameAway');

/**
 * Sets the features that need the answer-type reader (typeEvidence, typeMissing, nameAway) on a candidate that
 * {@link passageCandidates} made with `readTypes` false. The reader parses the sentence with the English model,
 * by far the costliest feature, so `ask` reads it only for the candidates that can still come first.
 */
export function readTypeFeatures(ctx: FeatureContext, facts: QuestionFacts, candidate: Candidate): void {
  const { question } = facts;
  if (!TYPED_SET.has(question.type)) return;
  const doc = ctx.documents.get(candidate.passage.docId);
  if (!doc) return;
  const text = doc.text.slice(candidate.span.start, candidate.span.end);
  // Only the user's own words are no answer: a name the glossary offers ("ACME chief" → "Jane Smith") may
  // well be it.
  const match = typeMatch(question, text, ctx.people, facts.own);
  const evidence = match?.strength ?? 0;
  const asksWho = question.type === 'name' || question.type === 'person';
  candidate.features[TYPE_EVIDENCE] = evidence;
  candidate.features[TYPE_MISSING] = evidence === 0 ? 1 : 0;
  candidate.features[NAME_AWAY] = asksWho && !(match && nearMainIdea(text, match.spans, question)) ? 1 : 0;
}

/** Whether a question's candidates need {@link readTypeFeatures}: it asks for a kind of thing. */
export const asksForType = (facts: QuestionFacts): boolean => TYPED_SET.has(facts.question.type);

/**
 * The most that reading answer types can add to a ranker score of a candidate made without them: its score
 * with them is at most its score without them plus this. With this bound `ask` can stop reading once no
 * unread candidate can overtake the ones it has read.
 */
export function typeFeaturesGain(facts: QuestionFacts, weights: readonly number[]): number {
  if (!asksForType(facts)) return 0;
  const asksWho = facts.question.type === 'name' || facts.question.type === 'person';
  const w = (i: number) => weights[i] ?? 0;
  let gain = 0; // no match: the features stay as they are
  for (const evidence of [0, 1]) // a match's strength is in (0, 1]; the bound is linear in it
    for (const nameAway of asksWho ? [0, 1] : [0]) {
      const change =
        w(TYPE_EVIDENCE) * evidence - w(TYPE_MISSING) + w(NAME_AWAY) * (nameAway - (asksWho ? 1 : 0));
      gain = Math.max(gain, change);
    }
  return gain;
}

const COVERAGE = FEATURES.indexOf('coverage');
const RELATIVE_COVERAGE = FEATURES.indexOf('relativeCoverage');
const RELATIVE_IDF = FEATURES.indexOf('relativeIdf');

/**
 * Sets the features that compare a candidate with the question's other candidates (relativeCoverage,
 * relativeIdf); {@link passageCandidates} leaves the raw summed IDF in relativeIdf.
 */
export function relativize(candidates: Candidate[]): Candidate[] {
  let coverage = 0;
  let idf = 0;
  for (const c of candidates) {
    coverage = Math.max(coverage, c.features[COVERAGE] ?? 0);
    idf = Math.max(idf, c.features[RELATIVE_IDF] ?? 0);
  }
  for (const c of candidates) {
    c.features[RELATIVE_COVERAGE] = coverage ? (c.features[COVERAGE] ?? 0) / coverage : 0;
    c.features[RELATIVE_IDF] = idf ? (c.features[RELATIVE_IDF] ?? 0) / idf : 0;
  }
  return candidates;
}
