/**
 * `/ask`: one answer step for every question, English or Japanese. Read {@link ask} first: it is the whole
 * flow, each step a named function below it.
 */
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
import { japaneseSpeakerAsked } from '../quotes/index.js';
import type { SearchHit } from '../search/index.js';
import { hasJapanese } from '../text/japanese.js';
import { JAPANESE_HONORIFIC_WORDS, JAPANESE_ROLE_WORDS } from '../text/roles.js';
import { contentTerms, stem, tokenize } from '../text/text.js';
import {
  type AskContext,
  CANDIDATE_PASSAGES,
  candidateText,
  featureContext,
  type Scoring,
  scoreHits,
} from './candidates.js';
import { corpusSize, readingSize } from './corpus-size.js';
import { countsOf, type PeopleFinder, typeEvidence } from './entities.js';
import { conceptIn, featureValue, questionFacts, readTypeFeatures, TYPED } from './features.js';
import { type Listed, listPassages } from './listing.js';
import { abstainingStep, agentAway, countAway, type UncoveredCheck, uncoveredBy } from './not-covered.js';
import { type AnalyzedQuestion, analyzeQuestion, cleanQuestion } from './question.js';
import { readArgument } from './relation.js';
import { confidenceOf, rankScore, type Scored } from './scorer.js';
import { shortAnswerIn } from './short.js';

export type { AskContext } from './candidates.js';

/** The most passages one question returns (evaluations read 100; replies show a handful). */
export const MAX_PASSAGES = 100;
/** Longest excerpt shown for a passage, in characters; longer ones are cut around the best sentence. */
const MAX_EXCERPT = 700;

/** Which passages of the listing a reply shows. */
interface Page {
  offset: number;
  limit: number;
}

/** What answers the question: a span of a document, with the scorer's confidence when the scorer chose it. */
interface Chosen {
  doc: CorpusDocument;
  span: Span;
  /** The calibrated confidence (0–1); `null` when the quotes index answered. */
  confidence: number | null;
}

/**
 * Which step decided, for measurement (`tests/eval/explain.ts`): an answer from the ranker or the quotes
 * index, or the reason for abstaining — a short-cut (a name or speaker the corpus never mentions, no quote),
 * no candidate, the confidence below `abstainBelow`, or one of the "not covered" checks.
 */
export type Decision =
  | 'answered'
  | 'quoted'
  | 'noQuote'
  | 'noQuoteOnTopic'
  | 'foreignName'
  | 'stranger'
  | 'noCandidate'
  | 'lowConfidence'
  | UncoveredCheck;

/** What a step decided: the answer (or none), passages to list first, and what to suggest when abstaining. */
interface Outcome {
  chosen: Chosen | null;
  first: Listed[];
  suggestions: string[];
  decision: Decision;
  /** The ranker's confidence in its best sentence, when the ranker decided. */
  confidence?: number;
  /** Every "not covered" check that held for the ranker's best sentence, whether or not the limits abstain on it. */
  checks?: UncoveredCheck[];
  /** The ranker's best sentence, answered or not. */
  best?: string;
}

/** `ask`'s result with the step that decided it and the ranker's confidence (when the ranker decided). */
export interface Explained {
  result: Omit<AskResult, 'version'>;
  decision: Decision;
  confidence: number | null;
  /** Every "not covered" check that held, whether or not it decided. */
  checks: UncoveredCheck[];
  /** The ranker's best sentence when the ranker decided, whether it answered or abstained. */
  best: string | null;
}

/**
 * Answers a question from the corpus: analyzes it, retrieves passages, scores their sentences with the fitted
 * ranker, and answers with the best one unless the calibrated confidence or a "not covered" check says the
 * corpus does not answer (answer `null`). Questions about what people said take the quotes index instead.
 */
export function ask(
  ctx: AskContext,
  rawQuestion: string,
  options: AskOptions = {},
): Omit<AskResult, 'version'> {
  return explainAsk(ctx, rawQuestion, options).result;
}

/** {@link ask}, also telling which step decided (for measuring the abstention checks). */
export function explainAsk(ctx: AskContext, rawQuestion: string, options: AskOptions = {}): Explained {
  const page = pageOf(options);
  const question = analyzeQuestion(cleanQuestion(rawQuestion), ctx.index, ctx.glossary);
  const hits = retrieve(ctx, question, page);
  const attributed = attributedTo(ctx, question.read);
  const scoring = scoreCandidates(ctx, question, hits, attributed);
  const listing = listingOf(ctx, question, scoring, hits);
  const outcome =
    quotedAnswer(ctx, question, listing) ??
    foreignName(ctx, question, listing) ??
    wordsOfStranger(ctx, question) ??
    decide(ctx, question, scoring, listing, attributed);
  return {
    result: respond(ctx, question, listing, outcome, page),
    decision: outcome.decision,
    confidence: outcome.chosen?.confidence ?? outcome.confidence ?? null,
    checks: outcome.checks ?? [],
    best: outcome.best ?? null,
  };
}

function pageOf(options: AskOptions): Page {
  return {
    limit: Math.max(1, Math.min(options.limit ?? 5, MAX_PASSAGES)),
    offset: Math.max(0, options.offset ?? 0),
  };
}

/** The passages retrieval finds: those the ranker scores, and one past the page so `total` tells of a next page. */
function retrieve(ctx: AskContext, question: AnalyzedQuestion, page: Page): SearchHit[] {
  return ctx.index.query(question.terms, Math.max(CANDIDATE_PASSAGES, page.offset + page.limit + 1));
}

/**
 * The ranker's scores of the sentences of the first {@link CANDIDATE_PASSAGES} retrieved passages (what it was
 * fitted on), and of the passages quoting the person an "according to" question names, retrieved or not.
 */
function scoreCandidates(
  ctx: AskContext,
  question: AnalyzedQuestion,
  hits: SearchHit[],
  attributed: Quote[],
): Scoring {
  const scored = hits.slice(0, CANDIDATE_PASSAGES);
  for (const passage of quotedPassages(ctx, attributed))
    if (!scored.some((h) => h.passage.id === passage.id)) scored.push({ passage, score: 0 });
  // Reading only what decides among all candidates might leave the quoted ones' answer types unread.
  return scoreHits(ctx, question, scored, attributed.length ? 'all' : 'deciding');
}

/**
 * The passages in the order users see them (listing.ts), then anything else the ranker scored (the passages
 * an "according to" question adds).
 */
function listingOf(
  ctx: AskContext,
  question: AnalyzedQuestion,
  scoring: Scoring,
  hits: SearchHit[],
): Listed[] {
  const listed = listPassages(ctx, question, hits);
  const seen = new Set(listed.map((l) => l.passage.id));
  for (const { passage, best } of scoring.passages)
    if (!seen.has(passage.id)) listed.push({ passage, focus: best.span, score: 0 });
  return listed;
}

/** "What did the PM say", "who said …": the quotes index knows who said what. */
function quotedAnswer(ctx: AskContext, question: AnalyzedQuestion, listing: Listed[]): Outcome | null {
  const quoted = ctx.quotes.forQuestion(question.read);
  if (!quoted) return null;
  const quotes = quoted.kind === 'who' ? [quoted.quote] : quoted.result.quotes;
  const first = quotes[0];
  if (!first) {
    const names = quoted.kind === 'speaker' ? quoted.result.suggestions : [];
    return abstain(
      names.map((name) => `What ${name} said`),
      'noQuote',
    );
  }
  if (
    quoted.kind === 'speaker' &&
    quoted.result.speaker &&
    (quoted.claim ? !saidAllOf(ctx, quoted.topic, quotes) : saidNothingOn(ctx, quoted.topic, quotes))
  )
    return abstain([`What ${quoted.result.speaker.name} said`], 'noQuoteOnTopic');
  const doc = ctx.documents.get(first.citation.document) as CorpusDocument;
  const span =
    quoted.kind === 'who'
      ? attributionSentence(ctx, doc, first, quoted.speaker.name)
      : sameParagraphSpan(quotes, first);
  return {
    chosen: { doc, span, confidence: null },
    first: quotedListing(ctx, quotes, listing),
    suggestions: [],
    decision: 'quoted',
  };
}

/**
 * "What did Smith say about the budget?" when none of Smith's quotes holds an idea of the topic (as the question's
 * analysis reads them: the glossary's and the Japanese register's wordings count): the corpus has no quote of
 * Smith's on it, and his other words do not answer. A topic with no idea the analysis keeps checks nothing.
 */
function saidNothingOn(ctx: AskContext, topic: string | null, quotes: Quote[]): boolean {
  return quotesHolding(ctx, topic, quotes, 'some') === false;
}

/**
 * "Did Smith say the budget doubled?": whether one of Smith's quotes holds every idea of the claim; one it lacks
 * ("… more than the European agency") is something the corpus never has Smith say. True when the claim has no idea.
 */
function saidAllOf(ctx: AskContext, claim: string | null, quotes: Quote[]): boolean {
  return quotesHolding(ctx, claim, quotes, 'every') !== false;
}

/**
 * Whether a quote holds some (or every) idea of `topic`, as the question's analysis reads them; `null` when the
 * topic has no idea the analysis keeps.
 */
function quotesHolding(
  ctx: AskContext,
  topic: string | null,
  quotes: Quote[],
  ideasHeld: 'some' | 'every',
): boolean | null {
  if (!topic || contentTerms(topic).length === 0) return null;
  const ideas = analyzeQuestion(topic, ctx.index, ctx.glossary).concepts;
  if (ideas.length === 0) return null;
  return quotes.some((quote) => {
    const own = contentTerms(quote.text, ctx.glossary.dictionary).map((t) => t.stem);
    // What the glossary says a quote's term means is in the quote too ("ACME's plans" speak of what ACME stands for).
    const meant = ctx.glossary.expand(own).flatMap((e) => e.meanings.flat());
    const stems = new Set([...own, ...meant]);
    return ideas[ideasHeld]((idea) => conceptIn(idea, stems));
  });
}

/** "How did China react…": a name the corpus never mentions is something it does not cover. */
function foreignName(ctx: AskContext, question: AnalyzedQuestion, listing: Listed[]): Outcome | null {
  return question.concepts.some((c) => c.foreign)
    ? abstain(suggestTopics(ctx, listing), 'foreignName')
    : null;
}

/**
 * "What did China say…", "バイデン大統領は何と言った？": someone the corpus never mentions said nothing in it. The
 * subject's words are read as the question's analysis reads them, so a typo ("prof yamaguci") or a glossary
 * wording still finds its person.
 */
function wordsOfStranger(ctx: AskContext, question: AnalyzedQuestion): Outcome | null {
  const subject =
    /\b(?:what|how)\s+(?:did|does|do|has|have|had)\s+(.+?)\s+(?:say|said|think|thinks|thought|react|respond|comment|reply)\b/i.exec(
      question.read,
    )?.[1];
  const stranger = subject
    ? !knowsSubject(question, subject)
    : namesForeigner(ctx, japaneseSpeakerAsked(question.text));
  return stranger
    ? abstain(
        ctx.quotes.speakers('', 3).map((s) => `What ${s.name} said`),
        'stranger',
      )
    : null;
}

/** Whether a word of an English question's subject is an idea the corpus knows. */
function knowsSubject(question: AnalyzedQuestion, subject: string): boolean {
  const words = contentTerms(subject).map((t) => t.word);
  // Known through a related general word only ("emissary" for "envoy") is not knowing the person.
  const known = new Set(
    question.concepts.filter((c) => c.known && !c.related).flatMap((c) => c.label.split(' ')),
  );
  return words.length === 0 || words.some((w) => known.has(w));
}

/**
 * Whether a Japanese speaker as typed names a person the corpus does not know. Japanese writes foreign names in
 * katakana (バイデン), but every loanword too (コメント, リリース): a katakana word names a person when a title or
 * an honorific follows it (バイデン大統領, マスク氏) or it is a given and a family name joined by ・ (イーロン・
 * マスク). The whole phrase is read as the question's analysis reads it, so a registered name or term holding
 * the word (アルテミス計画) is known, and a phrase with no idea in it names nobody.
 */
function namesForeigner(ctx: AskContext, speaker: string | null): boolean {
  const name = speaker ? PERSON_IN_KATAKANA.exec(speaker) : null;
  if (!speaker || !name) return false;
  // The title says nothing of who it is ("大統領" may well be in the corpus): the name decides.
  const typed =
    speaker.slice(0, name.index) + (name[1] ?? name[2] ?? '') + speaker.slice(name.index + name[0].length);
  const concepts = analyzeQuestion(typed, ctx.index, ctx.glossary).concepts;
  return concepts.length > 0 && concepts.every((c) => !c.known);
}

const KANJI_ROLE_WORDS = JAPANESE_ROLE_WORDS.filter((w) => /^\p{sc=Han}/u.test(w));
/**
 * A katakana word before a title or an honorific, or katakana names joined by ・: a person's name. Titles in
 * katakana are left out: before one, katakana are as likely its own words ("プロジェクトマネージャー").
 */
const PERSON_IN_KATAKANA = new RegExp(
  `([\\p{sc=Katakana}ー]{2,})(?:${[...KANJI_ROLE_WORDS, ...JAPANESE_HONORIFIC_WORDS].join('|')})|([\\p{sc=Katakana}ー]{2,}(?:・[\\p{sc=Katakana}ー]{2,})+)`,
  'u',
);

/**
 * The ranker's best sentence answers, unless the calibrated confidence is below the fitted threshold or one of
 * the "not covered" checks fitted for the corpus's size holds. "According to <person>" takes the best sentence
 * of their quoted passages.
 */
function decide(
  ctx: AskContext,
  question: AnalyzedQuestion,
  scoring: Scoring,
  listing: Listed[],
  attributed: Quote[],
): Outcome {
  const quoting = new Set(quotedPassages(ctx, attributed).map((p) => p.id));
  const limits = ctx.weights.decide[corpusSize(ctx.index)];
  const size = readingSize(ctx.index);
  const ranked = quoting.size
    ? scoring.candidates.filter((c) => quoting.has(c.passage.id))
    : scoring.candidates;
  // Over long articles or a collection of many documents the ranker's order stands (SQuAD tune: 66.2% -> 66.1% hit@1
  // with it; SciFact through ask --limit 10: nDCG@10 0.682 -> 0.670 with the named document first, its names being
  // in many abstracts). Limits go by the passages, readings by the documents (corpus-size.ts).
  const candidates =
    size === 'small'
      ? SMALL_CORPUS_ORDER.reduce((order, step) => step(ctx, question, order), ranked)
      : ranked;
  const best = candidates[0];
  if (!best || question.concepts.length === 0) return abstain(suggestTopics(ctx, listing), 'noCandidate');
  const confidence = confidenceOf(best, candidates, question.type, ctx.weights);
  // The "not covered" checks read every retrieved sentence: an asked-for kind of thing may stand beside a quote.
  const doc = ctx.documents.get(best.passage.docId) as CorpusDocument;
  const sentence = doc.text.slice(best.span.start, best.span.end);
  const read = ctx.reader.stems(best.passage);
  const checks = uncoveredBy(
    question,
    best,
    sentence,
    scoring.candidates,
    size,
    {
      sentence: read.sentences[best.sentence] ?? new Set<string>(),
      passage: read.all,
      document: ctx.reader.documentStems(best.passage.docId),
    },
    ctx.people,
    best.passage.answers ? doc.text.slice(best.passage.answers.start, best.passage.answers.end) : null,
  );
  const ranker = { confidence, checks, best: sentence };
  const uncovered = abstainingStep(checks, confidence, limits, question.text);
  if (uncovered) return { ...abstain(suggestTopics(ctx, listing), uncovered), ...ranker };
  const answering = listing.find((l) => l.passage.id === best.passage.id);
  return {
    chosen: { doc, span: withWhatItIntroduces(doc, best), confidence },
    first: answering ? [answering] : [],
    suggestions: [],
    decision: 'answered',
    ...ranker,
  };
}

/**
 * The answer's span: the best sentence, and the one after it in its passage when the best ends in a colon ("The
 * plan after release is:", "Key numbers:"): a line introducing a list or a quote says nothing without it.
 */
function withWhatItIntroduces(doc: CorpusDocument, best: Scored): Span {
  const next = best.passage.sentences[best.sentence + 1];
  if (!next || !doc.text.slice(best.span.start, best.span.end).trimEnd().endsWith(':')) return best.span;
  return { start: best.span.start, end: next.end };
}

/**
 * How many of the ranker's best sentences a "who" or "how many" question looks through for one that states the
 * asked relation, when the best does not ({@link agentAway}, {@link countAway}).
 */
const ARGUMENT_LOOKAHEAD = 5;

/** What a step of a small corpus's order does: moves the candidates a reading of the question prefers first. */
type OrderStep = (ctx: AskContext, question: AnalyzedQuestion, candidates: Scored[]) => Scored[];

/**
 * The small corpus's reorderings, in turn: each moves its choice to the front of the order the one before it
 * left, so the last one's choice leads.
 */
const SMALL_CORPUS_ORDER: readonly OrderStep[] = [
  withNamedDocumentFirst,
  withArgumentFirst,
  withRoleFirst,
  withPlaceFirst,
  withNameGivenFirst,
  withTypeBesideFirst,
  withOpenListFirst,
  withWholeClaimFirst,
];

/**
 * The candidates with the first of the next few that states the asked relation (and holds some of the question's
 * main idea) moved to the front, when the best one names or counts only the arguments of other verbs: "who signed the accord?" answered by "an event hosted by
 * Ana Ruiz…" when a sentence just below says "…signed … by Kenji Sato"; or, for "how many <things>", counts no
 * such things ("each satellite … four square metres" for "how many satellites", when "twelve small satellites"
 * stands just below: then the first that counts them). A count may also stand with a verb the
 * question words otherwise ("can deliver up to 5,200 kg" for "how much can it carry"), so for "how many" a sentence
 * whose reading is unknown will do; a name without the question's verb says nothing of who did it, and would let
 * a quote's speaker answer "who signed". Unchanged when none does (the check then abstains).
 */
function withArgumentFirst(ctx: AskContext, question: AnalyzedQuestion, candidates: Scored[]): Scored[] {
  const best = candidates[0];
  if (!best) return candidates;
  const text = candidateText(ctx, best);
  const { counted } = question;
  // "How many satellites" answered by a sentence on a satellite whose counts are of metres: a count of them
  // just below answers.
  const countsThem = (sentence: string) => counted !== null && countsOf(sentence, counted) === 'counted';
  const otherCount = counted !== null && !countsThem(text);
  if (!otherCount && !agentAway(question, best, text, ctx.people) && !countAway(question, text, ctx.people))
    return candidates;
  return withNextFirst(ctx, question, candidates, (candidate) => {
    const sentence = candidateText(ctx, candidate);
    if (otherCount && !countsThem(sentence)) return false;
    const reading = readArgument(question, sentence, ctx.people);
    if (reading !== 'stated' && !(question.type === 'quantity' && reading === 'unknown')) return false;
    // Only a sentence holding some of the question's main idea: the relation's words alone say nothing of its
    // topic (a reviewer's "Jonas Berg leads the review board" came first for "who will lead the environmental
    // review", at a confidence of 0.92).
    return featureValue(candidate, 'mainCoverage') !== 0;
  });
}

/**
 * The candidates with the sentence just after the best one moved to the front, when the question asks for a kind
 * of thing the best one does not hold and that next sentence, in the same passage, holds it and some of the
 * question's ideas: "how long did the first battery crossing take?" is answered by "The crossing took three hours
 * and ten minutes", after "…made its first harbour crossing under battery power alone", which says most of the
 * question's words.
 * The next sentence must open with the thing asked about or a pronoun, and for "how many <things>" count those things.
 */
function withTypeBesideFirst(ctx: AskContext, question: AnalyzedQuestion, candidates: Scored[]): Scored[] {
  const best = candidates[0];
  if (!best || !TYPED_SET.has(question.type) || featureValue(best, 'typeMissing') === 0) return candidates;
  const next = candidates.find((c) => c.passage.id === best.passage.id && c.sentence === best.sentence + 1);
  if (!next || featureValue(next, 'coverage') === 0) return candidates;
  // "How many members…": a count of other things ("95 percent uptime") is no answer either.
  const text = candidateText(ctx, next);
  if (question.counted !== null && countsOf(text, question.counted) !== 'counted') return candidates;
  const facts = questionFacts(question);
  // It goes on about the same thing: it opens with it ("The crossing took…", "It took…").
  const opening = GOES_ON.exec(text);
  if (!opening || (opening[1] && !facts.stems.has(stem(opening[1])))) return candidates;
  readTypeFeatures(featureContext(ctx), facts, next);
  if (featureValue(next, 'typeMissing') === 1) return candidates;
  next.score = rankScore(next, ctx.weights);
  return [next, ...candidates.filter((c) => c !== next)];
}

/**
 * The candidates with the first of the next few that names someone right by the role a "who" question asks for
 * ("which <role>…", "who is the <role>") moved to the front, when the best one never says that role: "which
 * visiting astronaut spoke?" is answered by "…, and the mission's astronaut Ana Ruiz also spoke", not by the
 * sentence listing the other visitors' names, none of them an astronaut. Only a sentence of the best one's document:
 * another document's "Deputy Director Li Wei" says nothing of the deputy the question's topic has. Unchanged when
 * none does.
 */
function withRoleFirst(ctx: AskContext, question: AnalyzedQuestion, candidates: Scored[]): Scored[] {
  const best = candidates[0];
  if (!best || (question.type !== 'person' && question.type !== 'name') || question.roles.length === 0)
    return candidates;
  const roles = new Set(question.roles);
  const saysRole = (c: Scored) =>
    [...(ctx.reader.stems(c.passage).sentences[c.sentence] ?? [])].some((s) => roles.has(s));
  if (saysRole(best)) return candidates;
  return withNextFirst(
    ctx,
    question,
    candidates,
    (c) =>
      c.passage.docId === best.passage.docId &&
      saysRole(c) &&
      namedByRole(candidateText(ctx, c), roles, ctx.people),
  );
}

/**
 * `candidates` with the first of the next few after the best ({@link ARGUMENT_LOOKAHEAD}) that `prefers` moved to
 * the front and read ({@link readFirst}); unchanged when none does.
 */
function withNextFirst(
  ctx: AskContext,
  question: AnalyzedQuestion,
  candidates: Scored[],
  prefers: (candidate: Scored) => boolean,
): Scored[] {
  const preferred = candidates.slice(1, ARGUMENT_LOOKAHEAD).find(prefers);
  return preferred ? readFirst(ctx, question, preferred, candidates) : candidates;
}

/**
 * `chosen` moved to the front of `candidates`, its answer types read and its score computed with them: ask reads
 * them only for the candidates that can come first by the ranker's order.
 */
function readFirst(
  ctx: AskContext,
  question: AnalyzedQuestion,
  chosen: Scored,
  candidates: Scored[],
): Scored[] {
  readTypeFeatures(featureContext(ctx), questionFacts(question), chosen);
  chosen.score = rankScore(chosen, ctx.weights);
  return [chosen, ...candidates.filter((c) => c !== chosen)];
}

/**
 * How many characters a Japanese text may set between a role and the name it gives: 組合長、山田誠氏, 理事長を務める
 * 佐藤花子氏.
 */
const JAPANESE_ROLE_GAP = 6;
/**
 * What between a role and a name makes them two people: と of meeting or joining ("理事長と会談した佐藤氏", "佐藤氏と
 * 理事長"), not of being (理事長として, 理事長となった), and や of a list ("理事長や佐藤氏").
 */
const ANOTHER_PERSON = /と(?!し|な)|や/u;

/**
 * Whether `sentence` names a person right after one of the `roles` (stems): "the mission's astronaut Ana Ruiz";
 * in Japanese also a few characters after it (理事長を務める佐藤氏) or right before it (鈴木理事長).
 */
export function namedByRole(sentence: string, roles: Set<string>, people: PeopleFinder): boolean {
  const spans = (typeEvidence('person', sentence, people)?.spans ?? []).filter((s) => s.strength === 1);
  if (hasJapanese(sentence)) {
    const held = tokenize(sentence).filter((t) => roles.has(stem(t.word)));
    return spans.some((span) =>
      held.some(
        (t) =>
          ((span.start >= t.end && span.start - t.end <= JAPANESE_ROLE_GAP) ||
            (span.end <= t.start && t.start - span.end <= 1)) &&
          !ANOTHER_PERSON.test(sentence.slice(Math.min(t.end, span.end), Math.max(t.start, span.start))),
      ),
    );
  }
  return spans.some((span) => {
    const before = tokenize(sentence.slice(0, span.start)).at(-1);
    return (
      before !== undefined &&
      /^\s+$/.test(sentence.slice(before.end, span.start)) &&
      roles.has(stem(before.word))
    );
  });
}

/** A question about going somewhere ("where did she travel", "which city was he visiting"): a destination answers it. */
const ASKS_DESTINATION =
  /\b(?:go|goes|going|gone|went|travel\w*|visit\w*|trip|head\w*|fly|flew|flown|bound|destination|move[ds]?|moving|arriv\w*|come|came|sent|send)\b/i;
/** Words that make the place after them a destination: "a visit to Lisbon", "flew into Oslo". */
const TO_PLACE = /\b(?:to|toward|towards|into|for)\s+(?:the\s+)?$/i;

/**
 * The candidates with the first of the next few that says where something was (a place not after "to") moved to
 * the front, when a "where" question asks where something happened and the best sentence's only places are
 * destinations: "where did the signing take place?" is answered by "…gathered at the city hall in Lisbon to
 * sign…", not by "The signing crowned the minister's visit to Lisbon". Unchanged when the question asks about
 * going somewhere, or none does.
 */
function withPlaceFirst(ctx: AskContext, question: AnalyzedQuestion, candidates: Scored[]): Scored[] {
  const best = candidates[0];
  if (!best || question.type !== 'place' || ASKS_DESTINATION.test(question.text)) return candidates;
  const own = new Set(question.concepts.flatMap((c) => c.alternatives.flat()));
  const places = (c: Scored) => {
    const text = candidateText(ctx, c);
    const tokens = tokenize(text);
    return (typeEvidence('place', text, ctx.people)?.spans ?? [])
      .filter((span) =>
        tokens.some((t) => t.start >= span.start && t.end <= span.end && !own.has(stem(t.word))),
      )
      .map((span) => TO_PLACE.test(text.slice(Math.max(0, span.start - 20), span.start)));
  };
  const first = places(best);
  if (first.length === 0 || first.some((destination) => !destination)) return candidates;
  return withNextFirst(
    ctx,
    question,
    candidates,
    (c) =>
      c.passage.docId === best.passage.docId &&
      featureValue(c, 'mainCoverage') > 0 &&
      places(c).some((destination) => !destination),
  );
}

const TYPED_SET = new Set<string>(TYPED);
/** A sentence opening with what the one before was about: "The crossing…" (the noun captured), "It…", "They…". */
const GOES_ON = /^\s*["“]?(?:(?:The|This|That|These|Those|Its|Their)\s+(\p{L}+)|(?:It|They)\b)/u;

/** A sentence giving something its name: "a survey ship, named Larkspur", "the depot, known as Windmere". */
const NAME_GIVEN = /\b(?:named|called|known as|dubbed|christened|nicknamed)\s+(?:the\s+)?["“‘']?\p{Lu}/u;
/**
 * A name set beside what it names: "the Harbour Star, a two-seat survey boat". The name starts at the first
 * capital of its run of capitalised words: from a later one the match would end where the run's first one's
 * did, and trying each of them again made a long run without ", a" after it quadratic.
 */
const NAME_BESIDE =
  /(?=\p{Lu})(?<!\p{Lu}[\p{L}\d'’-]*?\s*)(\p{Lu}[\p{L}\d'’-]*(?:\s+\p{Lu}[\p{L}\d'’-]*)*),\s+(?:a|an)\s+([^,;.]*)/gu;

/**
 * Whether `sentence` gives a thing a name, that thing being one the question asks about (`stems`) when set beside it.
 * The sentence's first word is capitalised as any first word is, no name: "Meanwhile, a second ship…" names
 * nothing, where "The Harbour Star, a ship…" does.
 */
export function givesName(sentence: string, stems: Set<string>): boolean {
  if (NAME_GIVEN.test(sentence)) return true;
  const first = /^[^\p{L}\d]*/u.exec(sentence)?.[0].length ?? 0;
  for (const m of sentence.matchAll(NAME_BESIDE)) {
    const run = m[1] ?? '';
    if (m.index === first && !/\s/.test(run)) continue;
    if (contentTerms(m[2] ?? '').some((t) => stems.has(t.stem))) return true;
  }
  return false;
}

/**
 * The candidates whose documents hold every name the question writes (capitalized, known to the corpus) moved
 * to the front, in their order, when the best one's document lacks one: with many documents sharing words, "how
 * much is the whole <Name> programme going to cost" is about the document that names the programme, not the one
 * whose sentence says "the whole programme" of another. Unchanged when no candidate's document holds them all.
 */
function withNamedDocumentFirst(ctx: AskContext, question: AnalyzedQuestion, candidates: Scored[]): Scored[] {
  const best = candidates[0];
  const names = question.concepts.filter((c) => c.named && c.known && !c.related);
  if (!best || names.length === 0) return candidates;
  const holdsNames = (c: Scored) => {
    const document = ctx.reader.documentStems(c.passage.docId);
    return names.every((n) => conceptIn(n, document));
  };
  if (holdsNames(best)) return candidates;
  const named = candidates.filter(holdsNames);
  return named.length ? [...named, ...candidates.filter((c) => !named.includes(c))] : candidates;
}

/**
 * The candidates with the first of the next few that gives a name (and holds some of the question's main idea)
 * moved to the front, when the question asks what a thing is called and the best one names nothing: "what's the
 * name of the survey ship" is answered by "…a refitted survey ship, named Larkspur", not by the sentence saying
 * most about the ship. Unchanged when none does.
 */
function withNameGivenFirst(ctx: AskContext, question: AnalyzedQuestion, candidates: Scored[]): Scored[] {
  const best = candidates[0];
  if (!question.asksName || !best) return candidates;
  const stems = new Set(question.main.flatMap((c) => c.alternatives.flat()));
  if (givesName(candidateText(ctx, best), stems)) return candidates;
  const named = candidates
    .slice(1, ARGUMENT_LOOKAHEAD)
    .find((c) => featureValue(c, 'mainCoverage') > 0 && givesName(candidateText(ctx, c), stems));
  return named ? [named, ...candidates.filter((c) => c !== named)] : candidates;
}

/**
 * How a text says its list goes on: "…, and much more", "among others", "etc.", "such as", "including". Each run of
 * blanks is one `\s+`: an optional word between two runs that may be empty backtracks quadratically on a long
 * run of blanks after "and", which a moderator's file may hold.
 */
const OPEN_LIST =
  /\b(?:and|or)\s+(?:(?:much|many|lots)\s+)?(?:more|others)\b|\bamong\s+others\b|\betc\b|\band\s+so\s+on\b|\bsuch\s+as\b|\bincluding\b/i;
/** Whether `text` says its list goes on ({@link OPEN_LIST}). */
export const saysListGoesOn = (text: string): boolean => OPEN_LIST.test(text);

/**
 * The candidates with the first of the next few that says its list goes on (and holds some of the question's main
 * idea, or stands in the best one's document: a list need not repeat the question's word for its items) moved to the
 * front, when the question asks whether a list stops and the best one says no such thing: "is the
 * programme limited to the listed fields?" is answered by "…spans many fields, including A, B, C, and much more",
 * not by a quote that the partners will "widen their work together". Unchanged when none does.
 */
function withOpenListFirst(ctx: AskContext, question: AnalyzedQuestion, candidates: Scored[]): Scored[] {
  const best = candidates[0];
  if (!best || !question.asksListExtent || saysListGoesOn(candidateText(ctx, best))) return candidates;
  return withNextFirst(
    ctx,
    question,
    candidates,
    (c) =>
      (c.passage.docId === best.passage.docId || featureValue(c, 'mainCoverage') > 0) &&
      saysListGoesOn(candidateText(ctx, c)),
  );
}

/**
 * For a yes-or-no question, the first of the next few that holds every main idea of the claim and as much of the
 * question moved to the front, when the best one lacks one: "was the agency's deputy involved in the event?" is
 * answered by the sentence naming the deputy at the event, not by one on others who took part.
 */
function withWholeClaimFirst(ctx: AskContext, question: AnalyzedQuestion, candidates: Scored[]): Scored[] {
  const best = candidates[0];
  if (!best || question.type !== 'yesno' || featureValue(best, 'mainCoverage') === 1) return candidates;
  return withNextFirst(
    ctx,
    question,
    candidates,
    (c) =>
      featureValue(c, 'mainCoverage') === 1 && featureValue(c, 'coverage') >= featureValue(best, 'coverage'),
  );
}

function abstain(suggestions: string[], decision: Decision): Outcome {
  return { chosen: null, first: [], suggestions, decision };
}

/** The result: the answer, and the page of the listing (the outcome's passages first, one per paragraph). */
function respond(
  ctx: AskContext,
  question: AnalyzedQuestion,
  listing: Listed[],
  outcome: Outcome,
  page: Page,
): Omit<AskResult, 'version'> {
  const stems = new Set(question.concepts.flatMap((c) => c.alternatives.flat()));
  const first = new Set(outcome.first.map((l) => l.passage.id));
  const shown = onePerParagraph([...outcome.first, ...listing.filter((l) => !first.has(l.passage.id))]);
  return {
    question: question.text,
    answer: outcome.chosen && answerAt(ctx, question, outcome.chosen, stems),
    passages: shown.slice(page.offset, page.offset + page.limit).map((l) => rankedPassage(ctx, l, stems)),
    total: shown.length,
    suggestions: outcome.suggestions,
  };
}

/**
 * Who a question takes the answer from: "according to <person>, …", "…, per <person>?" or "<person>によると、…".
 * Ends at punctuation or the question's next clause.
 */
const ATTRIBUTION = [
  /\baccording to\s+(.+?)(?=\s*(?:[,?!.]|$|\b(?:what|how|which|who|when|where|why|is|are|does|did|do|will|was|were)\b))/i,
  /,\s*per\s+(.+?)\s*[?!.]*$/i,
  /([^\s、。,？！?!]+?)(?:によると|によれば|に言わせると)/,
];

/** The quotes of the person an "according to" question names, if the corpus quotes them. */
function attributedTo(ctx: AskContext, question: string): Quote[] {
  for (const pattern of ATTRIBUTION) {
    const named = pattern.exec(question)?.[1];
    if (!named) continue;
    try {
      return ctx.quotes.quote(named).quotes;
    } catch {
      return []; // not a name the quotes index can read: answer from the whole corpus
    }
  }
  return [];
}

/** The passages holding the quotes, in quote order, each once. */
function quotedPassages(ctx: AskContext, quotes: Quote[]): Passage[] {
  const passages: Passage[] = [];
  for (const quote of quotes) {
    const passage = ctx.index.passageAt(quote.citation.document, quote.citation.start);
    if (passage && !passages.some((p) => p.id === passage.id)) passages.push(passage);
  }
  return passages;
}

/** The passages holding the quotes as listed (centred on the quote when not scored), in quote order. */
function quotedListing(ctx: AskContext, quotes: Quote[], listing: Listed[]): Listed[] {
  return quotedPassages(ctx, quotes).map((passage) => {
    const quote = quotes.find(
      (q) => ctx.index.passageAt(q.citation.document, q.citation.start)?.id === passage.id,
    );
    const focus = passage.sentences.find((s) => s.end > (quote?.citation.start ?? 0)) ?? passage;
    return listing.find((l) => l.passage.id === passage.id) ?? { passage, focus, score: 0 };
  });
}

/**
 * The passages as listed: of the overlapping windows of one long paragraph only the best, so that a list of
 * ten shows ten places (SciFact train split, nDCG@10 of `ask --limit 10`: 0.676 → see docs/answer-quality.md).
 */
function onePerParagraph(order: Listed[]): Listed[] {
  const seen = new Set<string>();
  return order.filter((l) => {
    const key = `${l.passage.docId}#${l.passage.paragraph}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
function highlightsIn(text: string, span: Span, stems: Set<string>): Span[] {
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

function rankedPassage(ctx: AskContext, listed: Listed, stems: Set<string>): RankedPassage {
  const doc = ctx.documents.get(listed.passage.docId) as CorpusDocument;
  const span = excerptSpan(listed.passage, listed.focus);
  return {
    id: listed.passage.id,
    text: doc.text.slice(span.start, span.end),
    score: Number(listed.score.toFixed(4)),
    citation: citationOf(doc, listed.passage, span),
    highlights: highlightsIn(doc.text, span, stems),
  };
}

function answerAt(ctx: AskContext, question: AnalyzedQuestion, chosen: Chosen, stems: Set<string>): Answer {
  const { doc, span, confidence } = chosen;
  const passage = ctx.index.passageAt(doc.id, span.start);
  return {
    text: doc.text.slice(span.start, span.end),
    citation: passage
      ? citationOf(doc, passage, span)
      : { document: doc.id, title: doc.title, paragraph: 0, url: doc.url, start: span.start, end: span.end },
    passageId: passage?.id ?? null,
    highlights: highlightsIn(doc.text, span, stems),
    short: shortAnswerIn(question, doc.text, span, ctx.people),
    confidence,
    // Between the thresholds: answered, but as the closest match rather than a sure answer.
    closest: confidence !== null && confidence < ctx.weights.closestBelow,
  };
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

/**
 * For "who said …": the sentence that names the speaker next to the quote; when the quote's own sentences do
 * not ("“…,” Smith said. “Ships will not notice.”"), the one beside them that does with the quote's sentence next
 * to it; else the quote.
 */
function attributionSentence(ctx: AskContext, doc: CorpusDocument, quote: Quote, speaker: string): Span {
  const sentences = ctx.index.passageAt(doc.id, quote.citation.start)?.sentences ?? [];
  const surname = speaker.split(/\s+/);
  const names = (s: Span | undefined): s is Span =>
    s !== undefined && surname.some((w) => doc.text.slice(s.start, s.end).includes(w));
  const overlapping = sentences.filter((s) => s.start < quote.citation.end && quote.citation.start < s.end);
  const naming = overlapping.find(names);
  if (naming) return naming;
  const first = overlapping[0];
  const last = overlapping.at(-1);
  if (first && last) {
    // A quote of several sentences goes on from the one naming its speaker ("“…,” said Smith. “A. B.”"): that
    // one and the quote's sentence beside it, two sentences, whichever of the quote's was asked about.
    const before = sentences[sentences.indexOf(first) - 1];
    const after = sentences[sentences.indexOf(last) + 1];
    if (names(before)) return { start: before.start, end: first.end };
    if (names(after)) return { start: last.start, end: after.end };
  }
  return { start: quote.citation.start, end: quote.citation.end };
}

/** When abstaining: what the nearest passages are about, as short phrases a user can ask about instead. */
function suggestTopics(ctx: AskContext, listing: Listed[]): string[] {
  const topics: string[] = [];
  for (const { passage } of listing.slice(0, 3)) {
    const doc = ctx.documents.get(passage.docId);
    const first = passage.sentences[0];
    if (!doc || !first) continue;
    const sentence = doc.text.slice(first.start, first.end);
    const words = sentence.split(/\s+/);
    topics.push(words.length > 14 ? `${words.slice(0, 14).join(' ')}…` : sentence);
  }
  return topics;
}
