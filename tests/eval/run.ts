/**
 * `npm run eval`: answer quality of /ask. Prints, for the question sets in tests/eval (*.jsonl, over the
 * bundled corpus) and for a SQuAD-format file, the figures of issue 12 next to plain MiniSearch's, then
 * the project sets' detailed failures.
 *   npm run eval [-- --set path/to/set.jsonl] [--squad path/to/squad.json [--split fit|tune|final]] [--failures]
 * Without --split the whole SQuAD file is one corpus and every question counts (the acceptance setting).
 */
import { readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseCliArgs } from '../../src/cli/shared.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { evaluate, readDevSet } from './evaluate.js';
import { accordSystem, miniSearchBaseline, type QaFigures, scoreQa } from './qa.js';
import { type QaItem, readSquad, type SplitName, splitOf, squadCorpus, squadItems } from './squad.js';
import { uploadedSets, withUploads } from './uploaded.js';

const USAGE =
  'npm run eval -- [--set path/to/set.jsonl] [--corpus dir] [--squad path/to/squad.json [--split fit|tune|final]] [--failures]';
const { values } = parseCliArgs(
  {
    options: {
      set: { type: 'string' },
      corpus: { type: 'string', default: resolve(import.meta.dirname, '../../corpus') },
      squad: { type: 'string' },
      split: { type: 'string' },
      failures: { type: 'boolean', default: false },
    },
  },
  USAGE,
);
if (values.split !== undefined && !['fit', 'tune', 'final'].includes(values.split)) {
  console.error(`--split must be fit, tune or final, got "${values.split}"\nusage: ${USAGE}`);
  process.exit(2);
}

const pct = (x: number | null) => (x === null ? '—' : `${(100 * x).toFixed(1)}%`);
const rows: string[] = [
  '| set | system | questions | hit@1 | right paragraph first | wrong abstentions | abstains when it should |',
  '|---|---|---|---|---|---|---|',
];
/** Adds a set's rows for Accord and plain MiniSearch; returns Accord's figures. */
function report(set: string, corpus: Corpus, items: QaItem[]): QaFigures {
  const accord = scoreQa(accordSystem(buildKnowledgeBase(corpus)), items);
  const systems: [string, QaFigures][] = [
    ['Accord ask --json', accord],
    ['plain MiniSearch', scoreQa(miniSearchBaseline(corpus), items)],
  ];
  for (const [name, f] of systems)
    rows.push(
      `| ${set} | ${name} | ${f.answerable} + ${f.unanswerable} | ${pct(f.hitAt1)} | ${pct(f.rightParagraph)} | ${pct(f.wrongAbstention)} | ${pct(f.abstainsWhenItShould)} |`,
    );
  return accord;
}

const bundled = await loadCorpusStrict(values.corpus);
// The uploaded documents' sets are asked over the corpus with those documents added, as moderators would.
const uploaded = values.set ? null : await withUploads(values.corpus);
const sets: [string, Corpus][] = values.set
  ? [[values.set, bundled]]
  : [
      ...readdirSync(import.meta.dirname)
        .filter((f) => f.endsWith('.jsonl'))
        .map((f): [string, Corpus] => [resolve(import.meta.dirname, f), bundled]),
      ...uploadedSets().map((f): [string, Corpus] => [f, uploaded as Corpus]),
    ];
const details: string[] = [];
for (const [set, corpus] of sets) {
  const devItems = readDevSet(set);
  const corpusText = corpus.documents.map((d) => d.text).join('\n');
  report(
    basename(set),
    corpus,
    devItems.map((d) => ({ question: d.q, golds: d.fact === null ? [] : [d.fact], where: null })),
  );
  const m = evaluate(buildKnowledgeBase(corpus), devItems, corpusText);
  details.push(
    `== ${basename(set)}: fact in answer or top passage ${pct(m.answerOrTop)}, hit@3 ${pct(m.hitAt3)}, MRR ${m.mrr.toFixed(3)}`,
  );
  if (values.failures)
    for (const f of m.failures)
      details.push(`- ${f.question}\n    expected: ${f.expected}\n    got: ${f.got}`);
}

if (values.squad) {
  const articles = readSquad(values.squad);
  const split = values.split as SplitName | undefined;
  const chosen = split ? splitOf(articles, split) : { corpus: articles, questions: articles };
  const label = `${basename(values.squad)}${split ? ` (${split} split)` : ''}`;
  const accord = report(label, await squadCorpus(chosen.corpus), squadItems(chosen.questions));
  // Only SQuAD's golds are answer spans; the project sets' facts are words an answer must show.
  details.push(
    `== ${label}: short answers on ${pct(accord.shortGiven)} of answerable questions; where given, exact match ${pct(accord.shortExact)}, F1 ${pct(accord.shortF1)} (SQuAD's normalization)`,
  );
}

console.log(rows.join('\n'));
console.log('');
console.log(details.join('\n'));
