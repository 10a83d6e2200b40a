/**
 * Short answers (issue 12, item 5) on SQuAD 2.0: runs a split's answerable questions through `ask` and scores
 * `answer.short` against the gold spans with the official SQuAD normalization (lower case, punctuation and
 * the articles a/an/the dropped, white space collapsed): exact match and token F1 (best gold) where a short
 * answer is given, and how often one is given.
 *
 *   npx tsx scripts/short-answers.ts <dev-v2.0-part-a.json> [--split fit|tune] [--show 20]
 *
 * The corpus is the split's articles and those of the splits before it (tests/eval/squad.ts); the `final`
 * split is refused: it is looked at once, at the end, by the answer engine's owner.
 */
import { parseArgs } from 'node:util';
import { answerType } from '../src/answer/question.js';
import { buildKnowledgeBase } from '../src/knowledge/knowledge.js';
import { tokenize } from '../src/text/text.js';
import { answerF1 as f1, normalizeAnswer as normalize } from '../tests/eval/qa.js';
import { readSquad, type SplitName, splitOf, squadCorpus, squadItems } from '../tests/eval/squad.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { split: { type: 'string', default: 'tune' }, show: { type: 'string', default: '0' } },
});
const path = positionals[0];
const split = values.split as SplitName;
if (!path || (split !== 'fit' && split !== 'tune')) {
  console.error(
    'usage: npx tsx scripts/short-answers.ts <dev-v2.0-part-a.json> [--split fit|tune] [--show N]',
  );
  process.exit(2);
}
const { corpus: corpusArticles, questions } = splitOf(readSquad(path), split);
const corpus = await squadCorpus(corpusArticles);
const kb = buildKnowledgeBase(corpus);
const items = squadItems(questions).filter((q) => q.golds.length > 0);

let typed = 0;
let given = 0;
let givenTyped = 0;
let exact = 0;
let f1Sum = 0;
let sentenceHits = 0;
let exactWhenHit = 0;
let f1WhenHit = 0;
const shown: string[] = [];
const started = performance.now();
for (const item of items) {
  const result = kb.ask(item.question);
  const short = result.answer?.short;
  // The question's type from its words (as ask reads it), to count the questions asking for a kind of thing.
  const type = answerType(tokenize(item.question).map((t) => t.word));
  const asksKind = type !== 'any' && type !== 'yesno';
  if (asksKind) typed++;
  if (!short) continue;
  given++;
  if (asksKind) givenTyped++;
  const em = Math.max(...item.golds.map((g) => (normalize(g) === normalize(short.text) ? 1 : 0)));
  const best = Math.max(...item.golds.map((g) => f1(short.text, g)));
  exact += em;
  f1Sum += best;
  const hit = item.golds.some((g) => result.answer?.text.includes(g));
  if (hit) {
    sentenceHits++;
    exactWhenHit += em;
    f1WhenHit += best;
  }
  if (shown.length < Number(values.show) && hit && em === 0)
    shown.push(`${item.question}\n    short: ${short.text} | gold: ${item.golds.join(' / ')}`);
}
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
console.log(`${split} split: ${items.length} answerable questions, ${typed} asking for a kind of thing`);
console.log(
  `short answer given: ${given} (${pct(given / items.length)} of answerable, ${pct(givenTyped / (typed || 1))} of those asking for a kind)`,
);
console.log(`where given: exact match ${pct(exact / (given || 1))}, F1 ${pct(f1Sum / (given || 1))}`);
console.log(
  `where given and the answer sentence holds a gold answer (${sentenceHits}): exact match ${pct(exactWhenHit / (sentenceHits || 1))}, F1 ${pct(f1WhenHit / (sentenceHits || 1))}`,
);
console.log(`${((performance.now() - started) / items.length).toFixed(1)} ms per question (ask)`);
for (const line of shown) console.log(`- ${line}`);
