import type { AskOptions, AskResult, Citation, RankedPassage, Span } from '../core/types.js';
import type { CorpusDocument, Passage, SpeakerEntry } from '../corpus/types.js';
import type { Glossary } from '../search/glossary.js';
import type { PassageIndex } from '../search/index.js';
import { contentTerms, stem, tokenize } from '../search/text.js';
import { findAnswerType, type PeopleFinder } from './entities.js';
import {
  type AnalyzedQuestion,
  type AnswerType,
  analyzeQuestion,
  type Concept,
  cleanQuestion,
} from './question.js';

/** What `ask` reads: the index, the glossary, the documents and who is who. Built once per corpus. */
export interface AskContext {
  index: PassageIndex;
  glossary: Glossary;
  documents: Map<string, CorpusDocument>;
  people: PeopleFinder;
  speakers: SpeakerEntry[];
}

/** Passages retrieved before reranking. */
const CANDIDATES = 30;
/** Below this share of the question's (weighted) ideas, the best sentence does not answer it. */
const MIN_COVERAGE = 0.62;
/**
 * How far (in words) a name may stand from a main idea of a "who is the <role>" question and still be its
 * answer; "who <did something>" allows more, since a subject may stand a clause away from its verb.
 */
const NAME_WINDOW = 4;
const AGENT_WINDOW = 8;
/** Ideas weighing at least this share of the heaviest one are main ideas. */
const MAIN_IDEA_SHARE = 0.8;
/** Answer types a sentence must hold; "yes/no" and open questions take any sentence. */
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
/** What holding the asked-for kind of thing adds to a sentence's score, at full specificity. */
const TYPE_BONUS = 0.25;
/** Longest excerpt shown for a passage, in characters; longer ones are cut around the best sentence. */
const MAX_EXCERPT = 700;

interface SentenceEvaluation {
  span: Span;
  /** Weighted share of the question's ideas in the sentence (in its passage: half). */
  coverage: number;
  /** Whether it holds the kind of thing asked for (a date for "when"…). */
  typeFound: boolean;
  /** Whether (two thirds of) the question's main (rarest) ideas are in it or its passage. */
  keyFound: boolean;
  score: number;
}

interface Evaluated {
  passage: Passage;
  retrieval: number;
  best: SentenceEvaluation;
  score: number;
}

/** Stems found in some text, plus the stems of the people it refers to by surname or title alone. */
function stemsWithReferents(text: string, speakers: SpeakerEntry[]): Set<string> {
  const stems = new Set(contentTerms(text).map((t) => t.stem));
  for (const speaker of speakers) {
    const names = [speaker.name, ...speaker.aliases];
    if (names.some((n) => new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text))) {
      for (const t of contentTerms(`${speaker.name} ${speaker.title ?? ''}`)) stems.add(t.stem);
    }
  }
  return stems;
}

function conceptIn(concept: Concept, stems: Set<string>): boolean {
  return concept.alternatives.some((alt) => alt.every((s) => stems.has(s)));
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

/** The ideas a right answer cannot leave out: the rarest ones the corpus knows. */
function mainConcepts(question: AnalyzedQuestion): Concept[] {
  const known = question.concepts.filter((c) => c.known);
  const top = Math.max(0, ...known.map((c) => c.weight));
  return known.filter((c) => c.weight >= MAIN_IDEA_SHARE * top);
}

/**
 * For "who" questions a name (or role) must stand next to what the question is about, not anywhere in the
 * sentence: "the U.S. Ambassador to Japan, …, JAXA President Yamakawa Hiroshi" does not name the ambassador.
 * Candidates that are themselves words of the question do not count.
 */
function nearMainConcept(
  text: string,
  candidates: Span[],
  question: AnalyzedQuestion,
  window: number,
): boolean {
  const main = mainConcepts(question);
  if (main.length === 0) return candidates.length > 0;
  const keyStems = new Set(main.flatMap((c) => c.alternatives.flat()));
  // Only the user's own words: a name the glossary offers ("chief" → "Bill Nelson") may well be the answer.
  const questionStems = new Set(question.concepts.flatMap((c) => c.alternatives[0] ?? []));
  const tokens = tokenize(text);
  const anchors = tokens.flatMap((t, i) => (keyStems.has(stem(t.word)) ? [i] : []));
  if (anchors.length === 0) return candidates.length > 0; // matched through a referent ("said Kishida")
  return candidates.some((c) => {
    const inside = tokens.flatMap((t, i) => (t.start >= c.start && t.end <= c.end ? [i] : []));
    if (inside.length === 0 || inside.every((i) => questionStems.has(stem(tokens[i]?.word ?? ''))))
      return false;
    const first = inside[0] ?? 0;
    const last = inside[inside.length - 1] ?? 0;
    return anchors.some((a) => (a < first ? first - a : a - last) <= window);
  });
}

function evaluateSentence(
  ctx: AskContext,
  question: AnalyzedQuestion,
  doc: CorpusDocument,
  span: Span,
  around: Set<string>,
): SentenceEvaluation {
  const text = doc.text.slice(span.start, span.end);
  const stems = stemsWithReferents(text, ctx.speakers);
  const covered = coverage(question.concepts, stems, around);
  let match = findAnswerType(question.type, text, ctx.people);
  if (match && (question.type === 'person' || question.type === 'name')) {
    const window = question.type === 'name' ? NAME_WINDOW : AGENT_WINDOW;
    if (!nearMainConcept(text, match.spans, question, window)) match = null;
  }
  const main = mainConcepts(question);
  const found = main.filter((c) => conceptIn(c, stems) || conceptIn(c, around)).length;
  const keyFound = found >= Math.ceil((2 * main.length) / 3);
  const bonus = NEEDS_TYPE.has(question.type) && match ? TYPE_BONUS * match.strength : 0;
  return { span, coverage: covered, typeFound: match !== null, keyFound, score: covered + bonus };
}

/** Builds the citation of a span of a passage. */
function citationOf(doc: CorpusDocument, passage: Passage, span: Span): Citation {
  return {
    document: doc.id,
    title: doc.title,
    paragraph: passage.paragraph,
    url: doc.url,
    start: span.start,
    end: span.end,
  };
}

/** Offsets (relative to `span`) of the words of `text[span]` whose stems the question asked about. */
export function highlightsIn(text: string, span: Span, stems: Set<string>): Span[] {
  return contentTerms(text.slice(span.start, span.end))
    .filter((t) => stems.has(t.stem))
    .map((t) => ({ start: t.start, end: t.end }));
}

/** The passage as shown: whole when short, else whole sentences around `focus` up to MAX_EXCERPT chars. */
function excerptSpan(passage: Passage, focus: Span): Span {
  if (passage.end - passage.start <= MAX_EXCERPT) return { start: passage.start, end: passage.end };
  const sentences = passage.sentences;
  let i = sentences.findIndex((s) => s.start === focus.start);
  if (i < 0) i = 0;
  let first = i;
  let last = i;
  while (true) {
    const before = sentences[first - 1];
    const after = sentences[last + 1];
    if (after && after.end - (sentences[first]?.start ?? 0) <= MAX_EXCERPT) last++;
    else if (before && (sentences[last]?.end ?? 0) - before.start <= MAX_EXCERPT) first--;
    else break;
  }
  return { start: sentences[first]?.start ?? focus.start, end: sentences[last]?.end ?? focus.end };
}

/**
 * Answers a question from the corpus: retrieves passages, reranks them by how well their best sentence covers
 * the question and holds the kind of answer asked for, and abstains (answer `null`) when none does.
 */
export function ask(ctx: AskContext, rawQuestion: string, options: AskOptions = {}): AskResult {
  const limit = Math.max(1, Math.min(options.limit ?? 5, 25));
  const offset = Math.max(0, options.offset ?? 0);
  const text = cleanQuestion(rawQuestion);
  const question = analyzeQuestion(text, ctx.index, ctx.glossary);
  const hits = ctx.index.query(question.terms, CANDIDATES);
  const topScore = hits[0]?.score ?? 1;
  const evaluated: Evaluated[] = [];
  for (const hit of hits) {
    const doc = ctx.documents.get(hit.passage.docId);
    if (!doc) continue;
    const around = stemsWithReferents(hit.passage.text, ctx.speakers);
    const sentences = hit.passage.sentences.map((s) => evaluateSentence(ctx, question, doc, s, around));
    const best = sentences.reduce((a, b) => (b.score > a.score ? b : a));
    const retrieval = hit.score / topScore;
    evaluated.push({ passage: hit.passage, retrieval, best, score: 0.35 * retrieval + best.score });
  }
  evaluated.sort((a, b) => b.score - a.score);

  const answering = evaluated.find(
    (e) =>
      question.concepts.length > 0 &&
      e.best.coverage >= MIN_COVERAGE &&
      e.best.keyFound &&
      (!NEEDS_TYPE.has(question.type) || e.best.typeFound),
  );

  const stems = new Set(question.concepts.flatMap((c) => c.alternatives.flat()));
  const ranked: RankedPassage[] = evaluated.slice(offset, offset + limit).map((e) => {
    const doc = ctx.documents.get(e.passage.docId) as CorpusDocument;
    const span = excerptSpan(e.passage, e.best.span);
    return {
      id: e.passage.id,
      text: doc.text.slice(span.start, span.end),
      score: Number(e.score.toFixed(4)),
      citation: citationOf(doc, e.passage, span),
      highlights: highlightsIn(doc.text, span, stems),
    };
  });
  if (!answering) {
    return { question: text, answer: null, passages: ranked, suggestions: suggestTopics(ctx, evaluated) };
  }
  const doc = ctx.documents.get(answering.passage.docId) as CorpusDocument;
  const span = answering.best.span;
  return {
    question: text,
    answer: {
      text: doc.text.slice(span.start, span.end),
      citation: citationOf(doc, answering.passage, span),
      highlights: highlightsIn(doc.text, span, stems),
    },
    passages: ranked,
    suggestions: [],
  };
}

/** When abstaining: what the nearest passages are about, as short phrases a user can ask about instead. */
function suggestTopics(ctx: AskContext, evaluated: Evaluated[]): string[] {
  const topics: string[] = [];
  for (const e of evaluated.slice(0, 3)) {
    const doc = ctx.documents.get(e.passage.docId);
    const first = e.passage.sentences[0];
    if (!doc || !first) continue;
    const sentence = doc.text.slice(first.start, first.end);
    const words = sentence.split(/\s+/);
    topics.push(words.length > 14 ? `${words.slice(0, 14).join(' ')}…` : sentence);
  }
  return topics;
}
