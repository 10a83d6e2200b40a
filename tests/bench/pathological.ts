/**
 * Pathological input: a document a moderator may add whose lines are long runs of what names and numbers are
 * made of (katakana joined by ・, capitalised words, digits with separators), with no word after them that would
 * end one. A pattern that read such a run again from each of its characters took seconds on 20,000 of them; every
 * stage here should take about as long as on ordinary text of the same size.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';

/** Lines of the document: each one a run of about 60,000 characters (a line may hold 100,000). */
const RUNS: Record<string, string> = {
  'katakana joined by ・': 'カタ・'.repeat(20_000),
  'kanji and katakana words': '宇宙機構 アンテナ・'.repeat(6_000),
  'capitalised words': 'Survey Ship Seabed '.repeat(3_000),
  'digits with separators': '１２,'.repeat(20_000),
};

/** Questions that read every kind of thing those runs are made of: places, organisations, sums, counts, names. */
const QUESTIONS = [
  'どこで観測した？',
  'どこが開発した？',
  '費用はいくら？',
  '何基ある？',
  "what's the name of the survey ship?",
  'how much did it cost?',
];

export interface PathologicalResult {
  /** Characters of the document. */
  characters: number;
  loadMs: number;
  buildMs: number;
  /** Milliseconds of each question, in {@link QUESTIONS} order. */
  askMs: { question: string; ms: number }[];
}

/** Loads, indexes and asks the document of long runs, in this process. */
export async function runPathological(): Promise<PathologicalResult> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-pathological-'));
  try {
    const body = Object.values(RUNS).join('\n\n');
    writeFileSync(
      join(dir, 'runs.md'),
      `---\nid: runs\ntitle: Long runs\nkind: statement\n---\nThe survey ship maps the seabed.\n\n${body}\n`,
    );
    let start = performance.now();
    const corpus = await loadCorpusStrict(dir);
    const loadMs = performance.now() - start;
    start = performance.now();
    const kb = buildKnowledgeBase(corpus);
    const buildMs = performance.now() - start;
    const askMs = QUESTIONS.map((question) => {
      const t = performance.now();
      kb.ask(question);
      return { question, ms: performance.now() - t };
    });
    return { characters: body.length, loadMs, buildMs, askMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
