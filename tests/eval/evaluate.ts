import { readFileSync } from 'node:fs';
import type { AskResult, KnowledgeBase } from '../../src/contract/types.js';
import { askForFigures } from './qa.js';

/** A development question: `fact` is words of the corpus that a right answer shows, `null` when unanswerable. */
export interface DevItem {
  q: string;
  fact: string | null;
}

export interface Failure {
  question: string;
  expected: string;
  got: string;
}

export interface Metrics {
  answerable: number;
  unanswerable: number;
  /** Share of answerable questions whose answer text or top passage holds the fact (the product target). */
  answerOrTop: number;
  hitAt1: number;
  hitAt3: number;
  /** Share of answerable questions whose answer text holds the fact (what a reply's answer line shows). */
  answerHit: number;
  mrr: number;
  /** Of the abstentions, the share on unanswerable questions. */
  abstentionPrecision: number;
  /** Of the unanswerable questions, the share abstained on. */
  abstentionRecall: number;
  /** Of the answerable questions, the share wrongly abstained on. */
  wrongAbstention: number;
  failures: Failure[];
}

export function readDevSet(path: string): DevItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DevItem);
}

function rankOfFact(result: AskResult, fact: string): number {
  const index = result.passages.findIndex((p) => p.text.includes(fact));
  return index < 0 ? Infinity : index + 1;
}

/**
 * Runs every question through `kb.ask` (as {@link askForFigures} asks) and scores it. Facts are checked
 * against the corpus first, so a typo in the set fails loudly instead of counting as a miss.
 */
export function evaluate(kb: Pick<KnowledgeBase, 'ask'>, items: DevItem[], corpusText: string): Metrics {
  const failures: Failure[] = [];
  let answerable = 0;
  let unanswerable = 0;
  let answerOrTop = 0;
  let answerHits = 0;
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  let abstained = 0;
  let abstainedRight = 0;
  let wrongAbstentions = 0;
  for (const item of items) {
    const result = askForFigures(kb, item.q);
    const summary = result.answer
      ? `answer: ${result.answer.text.slice(0, 120)}`
      : `abstained; top: ${result.passages[0]?.id ?? 'none'}`;
    if (result.answer === null) abstained++;
    if (item.fact === null) {
      unanswerable++;
      if (result.answer === null) abstainedRight++;
      else failures.push({ question: item.q, expected: 'abstention', got: summary });
      continue;
    }
    if (!corpusText.includes(item.fact))
      throw new Error(`dev set: "${item.fact}" is not in the corpus (question "${item.q}")`);
    answerable++;
    const rank = rankOfFact(result, item.fact);
    const answered = result.answer?.text.includes(item.fact) ?? false;
    if (result.answer === null) wrongAbstentions++;
    if (answered) answerHits++;
    if (answered || rank === 1) answerOrTop++;
    if (rank === 1) hit1++;
    if (rank <= 3) hit3++;
    if (rank !== Infinity) reciprocal += 1 / rank;
    if (!(answered || rank === 1) || result.answer === null) {
      failures.push({ question: item.q, expected: item.fact, got: `${summary} (fact at rank ${rank})` });
    }
  }
  return {
    answerable,
    unanswerable,
    answerOrTop: answerOrTop / answerable,
    hitAt1: hit1 / answerable,
    hitAt3: hit3 / answerable,
    answerHit: answerHits / answerable,
    mrr: reciprocal / answerable,
    abstentionPrecision: abstained === 0 ? 1 : abstainedRight / abstained,
    abstentionRecall: unanswerable === 0 ? 1 : abstainedRight / unanswerable,
    wrongAbstention: wrongAbstentions / answerable,
    failures,
  };
}
