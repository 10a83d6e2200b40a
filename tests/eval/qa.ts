/**
 * The answer-quality figures of issue 12, for any system that answers a question with some text (or
 * abstains) and ranks paragraphs: Accord's `ask` and the plain MiniSearch baseline alike.
 */
import MiniSearch from 'minisearch';
import { type AskResult, type KnowledgeBase, UserInputError } from '../../src/contract/types.js';
import { splitParagraphs, splitSentences } from '../../src/corpus/segment.js';
import type { Corpus } from '../../src/corpus/types.js';
import type { QaItem } from './squad.js';

/** What a system gives for one question. */
export interface SystemAnswer {
  /** The answer text, `null` when it abstains. */
  text: string | null;
  /** Document and 1-based paragraph of its best passage. */
  top: { document: string; paragraph: number } | null;
  /** The short answer phrase, where the system gives one (`answer.short`). */
  short?: string | null;
}

export type QaSystem = (question: string) => SystemAnswer;

/** Figures over a question set. */
export interface QaFigures {
  answerable: number;
  unanswerable: number;
  /** Share of answerable questions whose answer holds a gold string and at most two sentences. */
  hitAt1: number;
  /** Share of answerable questions whose best passage is the gold paragraph; `null` when the set has none. */
  rightParagraph: number | null;
  /** Share of answerable questions answered `null`. */
  wrongAbstention: number;
  /** Share of unanswerable questions answered `null`. */
  abstainsWhenItShould: number;
  /** Share of answerable questions given a short answer. */
  shortGiven: number;
  /** Exact match and F1 of the short answers against the gold strings (SQuAD's official rule), where given. */
  shortExact: number | null;
  shortF1: number | null;
}

/**
 * Places where one sentence ends and another starts: `.`, `!` or `?`, an optional closing quote or bracket,
 * white space and a capital.
 */
const SENTENCE_BREAK = /[.!?]["'”’)\]]?\s+\p{Lu}/gu;

/** Whether `text` holds at most two sentences by the rule. */
export function atMostTwoSentences(text: string): boolean {
  return (text.match(SENTENCE_BREAK)?.length ?? 0) < 2;
}

/** Whether an answer counts as a hit: it holds one of the gold strings as given, in at most two sentences. */
export function isHit(text: string | null, golds: string[]): boolean {
  return text !== null && atMostTwoSentences(text) && golds.some((g) => text.includes(g));
}

/** SQuAD's official answer normalization (evaluate-v2.0.py): lower case, no ASCII punctuation, no articles, single spaces. */
export function normalizeAnswer(text: string): string {
  return text
    .toLowerCase()
    .replace(/[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g, '')
    .replace(/\b(a|an|the)\b/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .join(' ');
}

/** SQuAD's token F1 of a predicted answer against one gold answer, both normalized. */
export function answerF1(predicted: string, gold: string): number {
  const ours = normalizeAnswer(predicted).split(' ').filter(Boolean);
  const theirs = normalizeAnswer(gold).split(' ').filter(Boolean);
  const left = new Map<string, number>();
  for (const t of theirs) left.set(t, (left.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ours) {
    const n = left.get(t) ?? 0;
    if (n > 0) {
      common++;
      left.set(t, n - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / ours.length;
  const recall = common / theirs.length;
  return (2 * precision * recall) / (precision + recall);
}

/** Scores a system on a question set. */
export function scoreQa(system: QaSystem, items: QaItem[]): QaFigures {
  let answerable = 0;
  let hits = 0;
  let located = 0;
  let rightParagraph = 0;
  let wrongAbstentions = 0;
  let rightAbstentions = 0;
  let shorts = 0;
  let exact = 0;
  let f1 = 0;
  for (const item of items) {
    const got = system(item.question);
    if (item.golds.length === 0) {
      if (got.text === null) rightAbstentions++;
      continue;
    }
    answerable++;
    if (got.text === null) wrongAbstentions++;
    if (isHit(got.text, item.golds)) hits++;
    if (got.short) {
      const short = got.short;
      shorts++;
      if (item.golds.some((g) => normalizeAnswer(g) === normalizeAnswer(short))) exact++;
      f1 += Math.max(...item.golds.map((g) => answerF1(short, g)));
    }
    if (item.where) {
      located++;
      if (got.top?.document === item.where.document && got.top.paragraph === item.where.paragraph)
        rightParagraph++;
    }
  }
  const unanswerable = items.length - answerable;
  return {
    answerable,
    unanswerable,
    hitAt1: hits / (answerable || 1),
    rightParagraph: located ? rightParagraph / located : null,
    wrongAbstention: wrongAbstentions / (answerable || 1),
    abstainsWhenItShould: rightAbstentions / (unanswerable || 1),
    shortGiven: shorts / (answerable || 1),
    shortExact: shorts ? exact / shorts : null,
    shortF1: shorts ? f1 / shorts : null,
  };
}

/**
 * How the figures ask `kb`: with the ten passages `ask --json --limit 10` lists, a question `ask` refuses
 * (UserInputError: empty, too long) counting as an abstention that lists nothing, as a user would read it.
 */
export function askForFigures(kb: Pick<KnowledgeBase, 'ask'>, question: string): AskResult {
  try {
    return kb.ask(question, { limit: 10 });
  } catch (err) {
    if (!(err instanceof UserInputError)) throw err;
    // No corpus version answered it: the figures never read the version.
    return { question, answer: null, passages: [], total: 0, version: '', suggestions: [] };
  }
}

/** What the figures read of an `ask` result: its answer, short answer and first passage. */
export function systemAnswer(result: AskResult): SystemAnswer {
  const top = result.passages[0]?.citation;
  return {
    text: result.answer?.text ?? null,
    top: top ? { document: top.document, paragraph: top.paragraph } : null,
    short: result.answer?.short?.text ?? null,
  };
}

/** Accord's answers, as `ask --json` gives them. */
export function accordSystem(kb: KnowledgeBase): QaSystem {
  return (question) => systemAnswer(askForFigures(kb, question));
}

/**
 * Plain MiniSearch, default options, over the corpus's paragraphs; the answer is the sentence of its top
 * paragraph sharing the most distinct words with the question (the first such). Never abstains while a
 * paragraph matches.
 */
export function miniSearchBaseline(corpus: Corpus): QaSystem {
  const paragraphs = corpus.documents.flatMap((doc) =>
    splitParagraphs(doc.text, doc.bodyStart).map((span, i) => ({
      id: `${doc.id}#${i + 1}`,
      document: doc.id,
      paragraph: i + 1,
      text: doc.text.slice(span.start, span.end),
      sentences: splitSentences(doc.text, span.start, span.end).map((s) => doc.text.slice(s.start, s.end)),
    })),
  );
  const byId = new Map(paragraphs.map((p) => [p.id, p]));
  const search = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] });
  search.addAll(paragraphs.map((p) => ({ id: p.id, text: p.text })));
  const words = (text: string) =>
    new Set(
      (MiniSearch.getDefault('tokenize') as (t: string) => string[])(text)
        .map((w) => w.toLowerCase())
        .filter(Boolean),
    );
  return (question) => {
    const best = byId.get(String(search.search(question)[0]?.id));
    if (!best) return { text: null, top: null };
    const asked = words(question);
    let answer = best.sentences[0] ?? best.text;
    let most = -1;
    for (const sentence of best.sentences) {
      const overlap = [...words(sentence)].filter((w) => asked.has(w)).length;
      if (overlap > most) {
        most = overlap;
        answer = sentence;
      }
    }
    return { text: answer, top: { document: best.document, paragraph: best.paragraph } };
  };
}
