import type {
  Answer,
  AskOptions,
  AskResult,
  Citation,
  Quote,
  RankedPassage,
  Span,
} from '../contract/types.js';
import type { CorpusDocument, Passage } from '../corpus/types.js';
import type { SearchHit } from '../search/index.js';
import { hasJapanese } from '../text/japanese.js';
import { contentTerms, stem, tokenize } from '../text/text.js';
import { type AskContext, CANDIDATE_PASSAGES, scoreHits } from './candidates.js';
import { typeEvidence } from './entities.js';
import { FEATURES, type FeatureName } from './features.js';
import {
  type AnalyzedQuestion,
  type AnswerType,
  analyzeQuestion,
  type Concept,
  cleanQuestion,
} from './question.js';
import { confidenceOf, type Scored } from './scorer.js';
import { shortAnswerIn } from './short.js';

export type { AskContext } from './candidates.js';

/** The most passages one question returns (evaluations read 100; replies show a handful). */
export const MAX_PASSAGES = 100;
/** Below this share of the question's (weighted) ideas, the best sentence does not answer it. */
const MIN_COVERAGE = 0.45;
/**
 * Below this share of the question's ideas in the whole document, the document is not about the question:
 * side ideas ("at the signing", "of the framework") may come from elsewhere in it, but they must be there.
 */
const MIN_DOCUMENT_COVERAGE = 0.7;
/**
 * How far (in words) a name may stand from a main idea of a "who is the <role>" question and still be its
 * answer; "who <did something>" allows more, since a subject may stand a clause away from its verb.
 */
const NAME_WINDOW = 4;
const AGENT_WINDOW = 8;
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
/** Sentences whose answer types are read per question, of those that may answer: about 1 ms each (2 gave the
 * same answers as 4 on the project sets, at half the cost). */
const TYPED_SENTENCES = 2;
/** What holding the asked-for kind of thing adds to a sentence's score, at full specificity. */
const TYPE_BONUS = 0.25;
/** How much the retrieval score (relative to the best hit) counts next to the best sentence's score. */
const RETRIEVAL_SHARE = 0.35;
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
  /** Whether it covers enough of the question to answer it, if it holds the right kind of thing. */
  mayAnswer: boolean;
  score: number;
}

interface Evaluated {
  passage: Passage;
  retrieval: number;
  best: SentenceEvaluation;
  /** Every sentence's evaluation, in passage order. */
  sentences: SentenceEvaluation[];
  score: number;
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

function evaluateSentence(
  ctx: AskContext,
  question: AnalyzedQuestion,
  doc: CorpusDocument,
  span: Span,
  stems: Set<string>,
  around: Set<string>,
  readTypes: boolean,
): SentenceEvaluation {
  const text = doc.text.slice(span.start, span.end);
  const covered = coverage(question.concepts, stems, around);
  const { main } = question;
  const found = main.filter((c) => conceptIn(c, stems) || conceptIn(c, around)).length;
  const keyFound = found >= Math.ceil((2 * main.length) / 3);
  // Reading a sentence's answer types costs about a millisecond: only sentences that may answer pay it.
  const mayAnswer = covered >= MIN_COVERAGE && keyFound;
  let match = mayAnswer && readTypes ? typeEvidence(question.type, text, ctx.people) : null;
  if (match && (question.type === 'person' || question.type === 'name')) {
    const window = question.type === 'name' ? NAME_WINDOW : AGENT_WINDOW;
    if (!nearMainConcept(text, match.spans, question, window)) match = null;
  }
  const bonus = NEEDS_TYPE.has(question.type) && match ? TYPE_BONUS * match.strength : 0;
  return { span, coverage: covered, typeFound: match !== null, keyFound, mayAnswer, score: covered + bonus };
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
export function ask(
  ctx: AskContext,
  rawQuestion: string,
  options: AskOptions = {},
): Omit<AskResult, 'version'> {
  const limit = Math.max(1, Math.min(options.limit ?? 5, MAX_PASSAGES));
  const offset = Math.max(0, options.offset ?? 0);
  const text = cleanQuestion(rawQuestion);
  const question = analyzeQuestion(text, ctx.index, ctx.glossary);
  // One candidate past the page, so that `total` tells whether a next page exists.
  const hits = ctx.index.query(question.terms, Math.max(CANDIDATE_PASSAGES, offset + limit + 1));
  const evaluated = rank(ctx, question, hits);
  const stems = new Set(question.concepts.flatMap((c) => c.alternatives.flat()));
  const respond = (
    answer: Answer | null,
    order: Evaluated[],
    suggestions: string[],
  ): Omit<AskResult, 'version'> => {
    const shown = onePerParagraph(order);
    return {
      question: text,
      answer,
      passages: shown.slice(offset, offset + limit).map((e) => rankedPassage(ctx, e, stems)),
      total: shown.length,
      suggestions,
    };
  };

  // "What did the PM say", "who said …": the quotes index knows who said what.
  const quoted = ctx.quotes.forQuestion(text);
  if (quoted) {
    const quotes = quoted.kind === 'who' ? [quoted.quote] : quoted.result.quotes;
    const first = quotes[0];
    if (!first) {
      const names = quoted.kind === 'speaker' ? quoted.result.suggestions : [];
      return respond(
        null,
        evaluated,
        names.map((name) => `What ${name} said`),
      );
    }
    const order = withQuotedPassagesFirst(ctx, question, evaluated, quotes);
    const doc = ctx.documents.get(first.citation.document) as CorpusDocument;
    const span =
      quoted.kind === 'who'
        ? attributionSentence(ctx, doc, first, quoted.speaker.name)
        : sameParagraphSpan(quotes, first);
    return respond(answerAt(ctx, question, doc, span, stems), order, []);
  }

  // "How did China react…": a name the corpus never mentions is something it does not cover.
  if (question.concepts.some((c) => c.foreign))
    return respond(null, evaluated, suggestTopics(ctx, evaluated));

  // "What did China say…": someone the corpus never mentions said nothing in it.
  if (asksWordsOfStranger(ctx, text)) {
    const speakers = ctx.quotes.speakers('', 3).map((s) => `What ${s.name} said`);
    return respond(null, evaluated, speakers);
  }

  // "According to Smith, …": the answer is in Smith's words, when the corpus quotes him.
  const attributed = attributedTo(ctx, text);
  const candidates = attributed.length
    ? withQuotedPassagesFirst(ctx, question, evaluated, attributed).slice(
        0,
        new Set(attributed.map(passageKey)).size,
      )
    : evaluated;
  // The ranker was fitted on English questions: Japanese ones keep the hand-set gates (tuned on ja-dev).
  if (attributed.length || hasJapanese(text)) {
    const answering = candidates.find(
      (e) =>
        question.concepts.length > 0 &&
        e.best.coverage >= MIN_COVERAGE &&
        e.best.keyFound &&
        (!NEEDS_TYPE.has(question.type) || e.best.typeFound) &&
        // Last: reading a whole document costs the most, and only a would-be answer needs it.
        documentCoverage(ctx, question, e.passage.docId) >= MIN_DOCUMENT_COVERAGE,
    );
    if (!answering) return respond(null, evaluated, suggestTopics(ctx, evaluated));
    const doc = ctx.documents.get(answering.passage.docId) as CorpusDocument;
    return respond(
      answerAt(ctx, question, doc, answering.best.span, stems),
      firstOf(evaluated, answering),
      [],
    );
  }

  // The fitted ranker chooses the sentence; the calibrated confidence and the measured checks decide.
  const scoring = scoreHits(ctx, question, hits.slice(0, CANDIDATE_PASSAGES), 'deciding');
  const best = scoring.candidates[0];
  if (!best || question.concepts.length === 0) return respond(null, evaluated, suggestTopics(ctx, evaluated));
  const confidence = confidenceOf(best, scoring.candidates, question.type, ctx.weights);
  if (confidence < ctx.weights.abstainBelow || notCovered(question, best, scoring.candidates, confidence))
    return respond(null, evaluated, suggestTopics(ctx, evaluated));
  const doc = ctx.documents.get(best.passage.docId) as CorpusDocument;
  const answering =
    evaluated.find((e) => e.passage.id === best.passage.id) ??
    evaluatePassage(ctx, question, best.passage, 0) ??
    evaluated[0];
  const order = answering ? firstOf(evaluated, answering) : evaluated;
  return respond(answerAt(ctx, question, doc, best.span, stems), order, []);
}

/** The passages with `first` ahead of the rest. */
function firstOf(evaluated: Evaluated[], first: Evaluated): Evaluated[] {
  return first === evaluated[0] ? evaluated : [first, ...evaluated.filter((e) => e !== first)];
}

const feature = (c: Scored, name: FeatureName) => c.features[FEATURES.indexOf(name)] ?? 0;
/** At or above this share of the question's (weighted) ideas unknown to the corpus, it is not about it. */
const MAX_UNKNOWN_IDEAS = 0.3;
/** Below these shares of the question's ideas around the best sentence, or in its document, it is not covered. */
const MIN_NEAR_COVERAGE = 0.3;
const MIN_DOCUMENT_SHARE = 0.5;
/** Below this confidence, a missing asked-for kind of thing or a missing main idea means abstaining. */
const DOUBTFUL = 0.45;

/**
 * "The corpus does not cover this" checks kept next to the confidence, each measured for what it costs in
 * wrong abstentions on SQuAD's tune split and gains on the press release's unanswerable questions
 * (docs/answer-quality.md, `tests/eval/gates.ts`).
 */
function notCovered(question: AnalyzedQuestion, best: Scored, ranked: Scored[], confidence: number): boolean {
  const aroundCoverage =
    feature(best, 'coverage') + (feature(best, 'passageCoverage') - feature(best, 'coverage')) / 2;
  return (
    feature(best, 'unknownIdeas') >= MAX_UNKNOWN_IDEAS ||
    // "Who is the <role>": no name stands by the role (for "who <did>" this costs more than it gains).
    (question.type === 'name' && feature(best, 'nameAway') === 1) ||
    aroundCoverage < MIN_NEAR_COVERAGE ||
    feature(best, 'documentCoverage') < MIN_DOCUMENT_SHARE ||
    // The kind of thing asked for (a date for "when") stands in none of the retrieved sentences.
    (feature(best, 'typeAsked') === 1 && ranked.every((c) => feature(c, 'typeMissing') === 1)) ||
    (confidence < DOUBTFUL && (feature(best, 'typeMissing') === 1 || feature(best, 'missingIdea') >= 0.99))
  );
}

/** "What did <someone> say/think…" where no word of <someone> occurs anywhere in the corpus. */
function asksWordsOfStranger(ctx: AskContext, question: string): boolean {
  const subject =
    /\b(?:what|how)\s+(?:did|does|do|has|have|had)\s+(.+?)\s+(?:say|said|think|thinks|thought|react|respond|comment|reply)\b/i.exec(
      question,
    )?.[1];
  if (!subject) return false;
  const words = contentTerms(subject);
  return words.length > 0 && words.every((w) => !ctx.index.has(w.stem));
}

const passageKey = (q: Quote) => `${q.citation.document}#${q.citation.paragraph}`;

/** The quotes of the person named in "according to <person>", if the corpus quotes them. */
function attributedTo(ctx: AskContext, question: string): Quote[] {
  const named =
    /\baccording to\s+(.+?)(?=\s*(?:[,?!.]|$|\b(?:what|how|which|who|when|where|why|is|are|does|did|do|will|was|were)\b))/i.exec(
      question,
    )?.[1];
  if (!named) return [];
  try {
    return ctx.quotes.quote(named).quotes;
  } catch {
    return []; // not a name the quotes index can read: answer from the whole corpus
  }
}

/**
 * The passages as listed: of the overlapping windows of one long paragraph only the best, so that a list of
 * ten shows ten places (SciFact train split, nDCG@10 of `ask --limit 10`: 0.676 → see docs/answer-quality.md).
 */
function onePerParagraph(order: Evaluated[]): Evaluated[] {
  const seen = new Set<string>();
  return order.filter((e) => {
    const key = `${e.passage.docId}#${e.passage.paragraph}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Scores retrieved passages by their best sentence, best first. */
function rank(ctx: AskContext, question: AnalyzedQuestion, hits: SearchHit[]): Evaluated[] {
  const topScore = hits[0]?.score ?? 1;
  // Answer types cost the most to read, so first rank without them, then read them in the few sentences
  // that may answer and score best, and rank again.
  const untyped = hits.flatMap(
    (hit) => evaluatePassage(ctx, question, hit.passage, hit.score / topScore, () => false) ?? [],
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
        ? (evaluatePassage(ctx, question, e.passage, e.retrieval, (i) =>
            typed.has(e.sentences[i] as SentenceEvaluation),
          ) ?? e)
        : e,
    )
    .sort((a, b) => b.score - a.score);
}

/** Scores a passage by its best sentence; `readTypes(i)` says whether sentence i's answer types are read. */
function evaluatePassage(
  ctx: AskContext,
  question: AnalyzedQuestion,
  passage: Passage,
  retrieval: number,
  readTypes: (i: number) => boolean = () => true,
): Evaluated | null {
  const doc = ctx.documents.get(passage.docId);
  if (!doc) return null;
  const stems = ctx.reader.stems(passage);
  const sentences = passage.sentences.map((s, i) =>
    evaluateSentence(ctx, question, doc, s, stems.sentences[i] ?? new Set(), stems.all, readTypes(i)),
  );
  const best = sentences.reduce((a, b) => (b.score > a.score ? b : a));
  return { passage, retrieval, best, sentences, score: RETRIEVAL_SHARE * retrieval + best.score };
}

/** Weighted share of the question's ideas found anywhere in a document. */
function documentCoverage(ctx: AskContext, question: AnalyzedQuestion, docId: string): number {
  const stems = ctx.reader.documentStems(docId);
  return coverage(question.concepts, stems, stems);
}

function rankedPassage(ctx: AskContext, e: Evaluated, stems: Set<string>): RankedPassage {
  const doc = ctx.documents.get(e.passage.docId) as CorpusDocument;
  const span = excerptSpan(e.passage, e.best.span);
  return {
    id: e.passage.id,
    text: doc.text.slice(span.start, span.end),
    score: Number(e.score.toFixed(4)),
    citation: citationOf(doc, e.passage, span),
    highlights: highlightsIn(doc.text, span, stems),
  };
}

function answerAt(
  ctx: AskContext,
  question: AnalyzedQuestion,
  doc: CorpusDocument,
  span: Span,
  stems: Set<string>,
): Answer {
  const passage = ctx.index.passageAt(doc.id, span.start);
  return {
    text: doc.text.slice(span.start, span.end),
    citation: passage
      ? citationOf(doc, passage, span)
      : { document: doc.id, title: doc.title, paragraph: 0, url: doc.url, start: span.start, end: span.end },
    passageId: passage?.id ?? null,
    highlights: highlightsIn(doc.text, span, stems),
    short: shortAnswerIn(question, doc.text, span, ctx.people),
  };
}

/** The passages holding the quotes, in quote order, ahead of the rest. */
function withQuotedPassagesFirst(
  ctx: AskContext,
  question: AnalyzedQuestion,
  evaluated: Evaluated[],
  quotes: Quote[],
): Evaluated[] {
  const first: Evaluated[] = [];
  for (const quote of quotes) {
    const passage = ctx.index.passageAt(quote.citation.document, quote.citation.start);
    if (!passage || first.some((e) => e.passage.id === passage.id)) continue;
    const known = evaluated.find((e) => e.passage.id === passage.id);
    const e = known ?? evaluatePassage(ctx, question, passage, 0);
    if (e) first.push(e);
  }
  return [...first, ...evaluated.filter((e) => !first.includes(e))];
}

/** The speaker's words in the paragraph of their first (best) quote: one span, so one exact excerpt. */
function sameParagraphSpan(quotes: Quote[], first: Quote): Span {
  const same = quotes.filter(
    (q) =>
      q.citation.document === first.citation.document && q.citation.paragraph === first.citation.paragraph,
  );
  return {
    start: Math.min(...same.map((q) => q.citation.start)),
    end: Math.max(...same.map((q) => q.citation.end)),
  };
}

/** For "who said …": the sentence that names the speaker next to the quote, or the quote itself. */
function attributionSentence(ctx: AskContext, doc: CorpusDocument, quote: Quote, speaker: string): Span {
  const passage = ctx.index.passageAt(doc.id, quote.citation.start);
  const surname = speaker.split(/\s+/);
  const overlapping = (passage?.sentences ?? []).filter(
    (s) => s.start < quote.citation.end && quote.citation.start < s.end,
  );
  const naming = overlapping.find((s) => surname.some((w) => doc.text.slice(s.start, s.end).includes(w)));
  return naming ?? { start: quote.citation.start, end: quote.citation.end };
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
