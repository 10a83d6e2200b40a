/**
 * `npm run eval`: scores /ask on the development set (tests/eval/dev-set.jsonl) over the bundled corpus.
 *   npm run eval [-- --set path/to/set.jsonl]
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildKnowledgeBase } from '../../src/core/knowledge.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { evaluate, readDevSet } from './evaluate.js';

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: resolve(import.meta.dirname, 'dev-set.jsonl') },
    corpus: { type: 'string', default: resolve(import.meta.dirname, '../../corpus') },
  },
});
const corpus = await loadCorpusStrict(values.corpus);
const kb = buildKnowledgeBase(corpus);
const m = evaluate(kb, readDevSet(values.set), corpus.documents.map((d) => d.text).join('\n'));
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`questions: ${m.answerable} answerable, ${m.unanswerable} unanswerable`);
console.log(`answer or top passage holds the fact: ${pct(m.answerOrTop)}`);
console.log(`hit@1 ${pct(m.hitAt1)}  hit@3 ${pct(m.hitAt3)}  MRR ${m.mrr.toFixed(3)}`);
console.log(
  `abstention precision ${pct(m.abstentionPrecision)}  recall ${pct(m.abstentionRecall)}  wrong abstentions ${pct(m.wrongAbstention)}`,
);
console.log(m.failures.length ? `\n${m.failures.length} failures:` : '\nno failures');
for (const f of m.failures) console.log(`- ${f.question}\n    expected: ${f.expected}\n    got: ${f.got}`);
