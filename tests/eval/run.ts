/**
 * `npm run eval`: scores /ask over the bundled corpus on every question set in tests/eval (*.jsonl), or on
 * one set.
 *   npm run eval [-- --set path/to/set.jsonl]
 */
import { readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { evaluate, readDevSet } from './evaluate.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string' },
    corpus: { type: 'string', default: resolve(import.meta.dirname, '../../corpus') },
  },
});
const corpus = await loadCorpusStrict(values.corpus);
const kb = buildKnowledgeBase(corpus);
const sets = values.set
  ? [values.set]
  : readdirSync(import.meta.dirname)
      .filter((f) => f.endsWith('.jsonl'))
      .map((f) => resolve(import.meta.dirname, f));
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
for (const set of sets) {
  const m = evaluate(kb, readDevSet(set), corpus.documents.map((d) => d.text).join('\n'));
  console.log(`== ${basename(set)}`);
  console.log(`questions: ${m.answerable} answerable, ${m.unanswerable} unanswerable`);
  console.log(`answer or top passage holds the fact: ${pct(m.answerOrTop)}`);
  console.log(`hit@1 ${pct(m.hitAt1)}  hit@3 ${pct(m.hitAt3)}  MRR ${m.mrr.toFixed(3)}`);
  console.log(
    `abstention precision ${pct(m.abstentionPrecision)}  recall ${pct(m.abstentionRecall)}  wrong abstentions ${pct(m.wrongAbstention)}`,
  );
  console.log(m.failures.length ? `\n${m.failures.length} failures:` : '\nno failures');
  for (const f of m.failures) console.log(`- ${f.question}\n    expected: ${f.expected}\n    got: ${f.got}`);
  console.log('');
}
