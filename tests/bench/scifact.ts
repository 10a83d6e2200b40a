/**
 * Retrieval quality on BEIR SciFact: 5,183 abstracts, 300 test claims with binary relevance. The folder is an
 * argument (`--scifact <dir>`, holding corpus.jsonl, queries.jsonl and qrels/test.tsv); nothing here knows
 * where a copy lives.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { loadCorpus } from '../../src/corpus/load.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { foldToDocuments, mean, ndcgAtK, percentile, recallAtK } from './metrics.js';

/** Retrieval scores of one system, averaged over the test queries. */
export interface RetrievalScores {
  ndcg10: number;
  recall100: number;
}

export interface SciFactResult {
  documents: number;
  passages: number;
  queries: number;
  loadMs: number;
  buildMs: number;
  ours: RetrievalScores & {
    /** nDCG@10 of the passages as users see them: `ask` with `limit: 10` (`ask --json --limit 10`). */
    ndcg10Shown: number;
    /** Mean distinct documents ranked per query (what Recall@100 had to work with). */
    meanDocuments: number;
    meanPassages: number;
    p50Ms: number;
    p99Ms: number;
  };
  plain: RetrievalScores;
}

/** Test queries and their relevant documents: qrels rows with a score above 0. */
export function readQrels(tsv: string): Map<string, Set<string>> {
  const qrels = new Map<string, Set<string>>();
  for (const line of tsv.split('\n').slice(1)) {
    const [query, doc, score] = line.trim().split('\t');
    if (!query || !doc || !(Number(score) > 0)) continue;
    const relevant = qrels.get(query) ?? new Set<string>();
    relevant.add(doc);
    qrels.set(query, relevant);
  }
  return qrels;
}

function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/**
 * Runs the SciFact test queries (or, to tune parameters, the train queries) through our pipeline
 * (`kb.ask(query, {limit: 100})`, passages folded to
 * documents by their best passage) and through plain MiniSearch (defaults, fields title + text).
 */
export async function runSciFact(
  dir: string,
  log: (message: string) => void,
  split: 'test' | 'train' = 'test',
): Promise<SciFactResult> {
  const qrels = readQrels(readFileSync(join(dir, 'qrels', `${split}.tsv`), 'utf8'));
  const queryText = new Map(
    readJsonl<{ _id: string; text: string }>(join(dir, 'queries.jsonl')).map((q) => [String(q._id), q.text]),
  );
  const tests = [...qrels].flatMap(([id, relevant]) => {
    const text = queryText.get(id);
    return text === undefined ? [] : [{ id, text, relevant }];
  });

  // Our real loader reads the corpus from a folder of its own.
  const corpusDir = mkdtempSync(join(tmpdir(), 'accord-scifact-'));
  try {
    copyFileSync(join(dir, 'corpus.jsonl'), join(corpusDir, 'corpus.jsonl'));
    log('SciFact: loading and building');
    const loadStart = performance.now();
    const { corpus, problems } = await loadCorpus(corpusDir);
    const loadMs = performance.now() - loadStart;
    if (problems.length > 0)
      log(`SciFact: ${problems.length} corpus problems, first: ${JSON.stringify(problems[0])}`);
    if (corpus.documents.length === 0) throw new Error(`SciFact: no documents loaded from ${dir}`);
    const buildStart = performance.now();
    const kb = buildKnowledgeBase(corpus);
    const buildMs = performance.now() - buildStart;
    log(
      `SciFact: loaded in ${loadMs.toFixed(0)} ms, built in ${buildMs.toFixed(0)} ms; ${tests.length} queries`,
    );

    const ndcg: number[] = [];
    const ndcgShown: number[] = [];
    const recall: number[] = [];
    const documentsRanked: number[] = [];
    const passagesRanked: number[] = [];
    const times: number[] = [];
    for (const test of tests) {
      const start = performance.now();
      const result = kb.ask(test.text, { limit: 100 });
      times.push(performance.now() - start);
      const ranked = foldToDocuments(result.passages, (p) => p.citation.document);
      const shown = foldToDocuments(kb.ask(test.text, { limit: 10 }).passages, (p) => p.citation.document);
      ndcgShown.push(ndcgAtK(shown, test.relevant, 10));
      ndcg.push(ndcgAtK(ranked, test.relevant, 10));
      recall.push(recallAtK(ranked, test.relevant, 100));
      documentsRanked.push(ranked.length);
      passagesRanked.push(result.passages.length);
    }

    const plain = new MiniSearch<{ id: string; title: string; text: string }>({
      fields: ['title', 'text'],
      storeFields: [],
    });
    plain.addAll(
      readJsonl<{ _id: string; title: string; text: string }>(join(dir, 'corpus.jsonl')).map((d) => ({
        id: String(d._id),
        title: d.title,
        text: d.text,
      })),
    );
    const plainNdcg: number[] = [];
    const plainRecall: number[] = [];
    for (const test of tests) {
      const ranked = plain
        .search(test.text)
        .slice(0, 100)
        .map((r) => String(r.id));
      plainNdcg.push(ndcgAtK(ranked, test.relevant, 10));
      plainRecall.push(recallAtK(ranked, test.relevant, 100));
    }

    return {
      documents: corpus.documents.length,
      passages: corpus.passages.length,
      queries: tests.length,
      loadMs,
      buildMs,
      ours: {
        ndcg10: mean(ndcg),
        ndcg10Shown: mean(ndcgShown),
        recall100: mean(recall),
        meanDocuments: mean(documentsRanked),
        meanPassages: mean(passagesRanked),
        p50Ms: percentile(times, 50),
        p99Ms: percentile(times, 99),
      },
      plain: { ndcg10: mean(plainNdcg), recall100: mean(plainRecall) },
    };
  } finally {
    rmSync(corpusDir, { recursive: true, force: true });
  }
}
