/**
 * The documents moderators add, asked as a moderator's corpus meets them; measurement only.
 *   npx tsx tests/eval/documents.ts [--alone]
 * Asks every document's set (tests/eval/uploaded/*.jsonl, tests/eval/heldout-documents/*.jsonl) over the bundled
 * corpus with every document (the uploaded and the held-out ones), and with `--alone` also over the bundled corpus
 * with that document only, and prints each set's figures and the totals over all sets: hit@1 (the answer holds the
 * fact, as `npm run eval` counts it), the fact in the answer or the top passage, wrong abstentions, abstains when it
 * should. The sizes each corpus counts as (corpus-size.ts: for the limits, for the readings) are printed beside it.
 */
import { basename, resolve } from 'node:path';
import { corpusSize, readingSize } from '../../src/answer/corpus-size.js';
import { parseCliArgs } from '../../src/cli/shared.js';
import type { KnowledgeBase } from '../../src/contract/types.js';
import type { Corpus } from '../../src/corpus/types.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { evaluate, readDevSet } from './evaluate.js';
import { accordSystem, scoreQa } from './qa.js';
import { documentOfSet, documentSets, withDocuments, withHeldoutDocuments } from './uploaded.js';

const { values } = parseCliArgs(
  { options: { alone: { type: 'boolean', default: false } } },
  'npx tsx tests/eval/documents.ts [--alone]',
);
const corpusDir = resolve(import.meta.dirname, '../../corpus');

interface Tally {
  answerable: number;
  unanswerable: number;
  hit1: number;
  answerOrTop: number;
  wrongAbstentions: number;
  rightAbstentions: number;
}
const empty = (): Tally => ({
  answerable: 0,
  unanswerable: 0,
  hit1: 0,
  answerOrTop: 0,
  wrongAbstentions: 0,
  rightAbstentions: 0,
});
const pct = (n: number, of: number) => (of === 0 ? '—' : `${((100 * n) / of).toFixed(1)}%`);
const line = (t: Tally) =>
  `${t.answerable} + ${t.unanswerable}: hit@1 ${pct(t.hit1, t.answerable)} (${t.hit1}), answer or top ${pct(t.answerOrTop, t.answerable)}, wrong abstentions ${pct(t.wrongAbstentions, t.answerable)} (${t.wrongAbstentions}), abstains when it should ${pct(t.rightAbstentions, t.unanswerable)} (${t.rightAbstentions})`;

const sizeOf = (corpus: Corpus) => {
  const shape = {
    passageCount: corpus.passages.length,
    documentCount: new Set(corpus.passages.map((p) => p.docId)).size,
  };
  return {
    kb: buildKnowledgeBase(corpus),
    label: `${shape.documentCount} documents, ${shape.passageCount} passages: ${corpusSize(shape)} limits, ${readingSize(shape)} readings`,
  };
};

/** Adds the figures of `set` asked of `kb` (over `corpus`) to `total`; returns the set's own. */
function ask(kb: KnowledgeBase, corpus: Corpus, set: string, total: Tally): Tally {
  const items = readDevSet(set);
  const qa = scoreQa(
    accordSystem(kb),
    items.map((d) => ({ question: d.q, golds: d.fact === null ? [] : [d.fact], where: null })),
  );
  const m = evaluate(kb, items, corpus.documents.map((d) => d.text).join('\n'));
  const t: Tally = {
    answerable: qa.answerable,
    unanswerable: qa.unanswerable,
    hit1: Math.round(qa.hitAt1 * qa.answerable),
    answerOrTop: Math.round(m.answerOrTop * m.answerable),
    wrongAbstentions: Math.round(qa.wrongAbstention * qa.answerable),
    rightAbstentions: Math.round((qa.abstainsWhenItShould ?? 0) * qa.unanswerable),
  };
  for (const key of Object.keys(t) as (keyof Tally)[]) total[key] += t[key];
  return t;
}

const all = await withHeldoutDocuments(corpusDir);
const allSize = sizeOf(all);
console.log(`all documents (${allSize.label})`);
const totalAll = empty();
const totalAlone = empty();
for (const set of documentSets()) {
  const id = basename(set, '.jsonl');
  console.log(`${id}\n  all:   ${line(ask(allSize.kb, all, set, totalAll))}`);
  if (!values.alone) continue;
  const alone = await withDocuments(corpusDir, [documentOfSet(set)]);
  const aloneSize = sizeOf(alone);
  console.log(`  alone: ${line(ask(aloneSize.kb, alone, set, totalAlone))} (${aloneSize.label})`);
}
console.log(`TOTAL all documents: ${line(totalAll)}`);
if (values.alone) console.log(`TOTAL each alone:    ${line(totalAlone)}`);
