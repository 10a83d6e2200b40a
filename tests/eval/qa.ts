/**
 * The answer-quality figures of issue 12, for any system that answers a question with some text (or
 * abstains) and ranks paragraphs: Accord's `ask` and the plain MiniSearch baseline alike.
 */
import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../../src/contract/types.js';
import { UserInputError } from '../../src/contract/types.js';
import { splitParagraphs, splitSentences } from '../../src/corpus/segment.js';
import type { Corpus } from '../../src/corpus/types.js';
import type { QaItem } from './squad.js';

/** What a system gives for one question. */
export interface SystemAnswer {
  /** The answer text, `null` when it abstains. */
  text: string | null;
  /** Document and 1-based paragraph of its best passage. */
  top: { document: string; paragraph: number } | null;
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

/** Scores a system on a question set. */
export function scoreQa(system: QaSystem, items: QaItem[]): QaFigures {
  let answerable = 0;
  let hits = 0;
  let located = 0;
  let rightParagraph = 0;
  let wrongAbstentions = 0;
  let rightAbstentions = 0;
  for (const item of items) {
    const got = system(item.question);
    if (item.golds.length === 0) {
      if (got.text === null) rightAbstentions++;
      continue;
    }
    answerable++;
    if (got.text === null) wrongAbstentions++;
    if (isHit(got.text, item.golds)) hits++;
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
  };
}

/** Accord's answers, as `ask --json` gives them. A question `ask` refuses counts as an abstention. */
export function accordSystem(kb: KnowledgeBase): QaSystem {
  return (question) => {
    try {
      const result = kb.ask(question, { limit: 10 });
      const top = result.passages[0]?.citation;
      return {
        text: result.answer?.text ?? null,
        top: top ? { document: top.document, paragraph: top.paragraph } : null,
      };
    } catch (err) {
      if (err instanceof UserInputError) return { text: null, top: null };
      throw err;
    }
  };
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
