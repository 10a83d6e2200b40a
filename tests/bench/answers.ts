/**
 * Every answer of the evaluation sets as `kb.ask(q, {limit: 10})` gives it, one JSON line per question, so that
 * a speed change can be shown to change no answer: run it before and after, then `cmp` the two files.
 *   npx tsx tests/bench/answers.ts [--squad <dev-v2.0-part-a.json>] [--brown 10000] > answers.jsonl
 * The sets: every tests/eval/*.jsonl over the bundled corpus, the uploaded documents' sets over the corpus with
 * them added, SQuAD's tune split (with --squad) and the bench's 1,000 questions over that many Brown passages
 * (with --brown; the whole result, passages and highlights included).
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseCliArgs } from '../../src/cli/shared.js';
import { UserInputError } from '../../src/contract/types.js';
import { loadCorpus, loadCorpusStrict } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { readDevSet } from '../eval/evaluate.js';
import { readSquad, splitOf, squadCorpus, squadItems } from '../eval/squad.js';
import { uploadedSets, withUploads } from '../eval/uploaded.js';
import { brownPassages, writeCorpus } from './brown.js';
import { buildQueries } from './queries.js';

const USAGE =
  'npx tsx tests/bench/answers.ts [--squad <dev-v2.0-part-a.json>] [--brown <passages>] > answers.jsonl';
const { values } = parseCliArgs({ options: { squad: { type: 'string' }, brown: { type: 'string' } } }, USAGE);

function dump(set: string, corpus: Corpus, questions: string[]): void {
  const kb = buildKnowledgeBase(corpus);
  for (const q of questions) {
    let r: unknown;
    try {
      r = kb.ask(q, { limit: 10 });
    } catch (err) {
      if (!(err instanceof UserInputError)) throw err;
      r = { refused: err.message };
    }
    process.stdout.write(`${JSON.stringify({ set, q, r })}\n`);
  }
}

const evalDir = resolve(import.meta.dirname, '../eval');
const corpusDir = resolve(import.meta.dirname, '../../corpus');
const bundled = await loadCorpusStrict(corpusDir);
for (const file of readdirSync(evalDir).filter((f) => f.endsWith('.jsonl')))
  dump(
    file,
    bundled,
    readDevSet(resolve(evalDir, file)).map((d) => d.q),
  );
const uploaded = await withUploads(corpusDir);
for (const file of uploadedSets())
  dump(
    basename(file),
    uploaded,
    readDevSet(file).map((d) => d.q),
  );
if (values.squad) {
  const { corpus, questions } = splitOf(readSquad(values.squad), 'tune');
  dump(
    'squad-tune',
    await squadCorpus(corpus),
    squadItems(questions).map((i) => i.question),
  );
}
if (values.brown) {
  const passages = brownPassages(Number(values.brown));
  const queries = buildQueries(
    passages.slice(0, 1000).map((p) => p.text),
    1000,
  );
  const { dir } = writeCorpus(passages);
  try {
    const { corpus } = await loadCorpus(dir);
    dump(
      `brown-${values.brown}`,
      corpus,
      queries.map((q) => q.text),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
