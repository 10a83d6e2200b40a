/**
 * Which decision abstains, on which questions; measurement only.
 *   npx tsx tests/eval/abstentions.ts [--list <decision>] [--documents-only]
 * Asks every question set the project keeps as `npm run eval` and `npm run train` ask them: the press release's
 * (tests/eval/*.jsonl, over the bundled corpus) and the documents moderators add (tests/eval/uploaded/*.jsonl over
 * the bundled corpus with the uploaded documents, tests/eval/heldout-documents/*.jsonl over that with the held-out
 * documents too). For each decision that abstains (a short-cut, `lowConfidence`, or a "not covered" check of the
 * corpus size's limits) it prints, for the press release and for the documents apart:
 * - decided: how often it was the step that abstained, on answerable questions (wrong; and of those, how often the
 *   best sentence it threw away held the fact) and on unanswerable ones (right);
 * - alone: how often it was the only step that would abstain (without it, `ask` answers), same split;
 * - held: how often it would abstain at all (it, or the confidence, holds under the limits), whatever decided first.
 * `--list <decision>` prints the questions where it decided (LOST: a right answer thrown away).
 */
import { readdirSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { type AskContext, explainAsk } from '../../src/answer/ask.js';
import { corpusSize } from '../../src/answer/corpus-size.js';
import { abstainingStep } from '../../src/answer/not-covered.js';
import { parseCliArgs } from '../../src/cli/shared.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { askContextOf } from '../support/context.js';
import { readDevSet } from './evaluate.js';
import { heldoutDocumentSets, uploadedSets, withHeldoutDocuments, withUploads } from './uploaded.js';

const { values } = parseCliArgs(
  {
    options: {
      list: { type: 'string', multiple: true, default: [] },
      'documents-only': { type: 'boolean', default: false },
    },
  },
  'npx tsx tests/eval/abstentions.ts [--list <decision>] [--documents-only]',
);

type Group = 'press release' | 'documents';
interface Tally {
  decidedWrong: number;
  /** Of decidedWrong: the best sentence, thrown away, held the fact (a right answer lost). */
  decidedLost: number;
  decidedRight: number;
  aloneWrong: number;
  aloneRight: number;
  heldWrong: number;
  heldRight: number;
}
const tallies = new Map<string, Record<Group, Tally>>();
const zero = (): Tally => ({
  decidedWrong: 0,
  decidedLost: 0,
  decidedRight: 0,
  aloneWrong: 0,
  aloneRight: 0,
  heldWrong: 0,
  heldRight: 0,
});
const tallyOf = (decision: string, group: Group): Tally => {
  let t = tallies.get(decision);
  if (!t) {
    t = { 'press release': zero(), documents: zero() };
    tallies.set(decision, t);
  }
  return t[group];
};
const totals: Record<Group, { answerable: number; unanswerable: number; hits: number; abstained: number }> = {
  'press release': { answerable: 0, unanswerable: 0, hits: 0, abstained: 0 },
  documents: { answerable: 0, unanswerable: 0, hits: 0, abstained: 0 },
};

const ANSWERED = new Set(['answered', 'quoted']);

function tallySet(ctx: AskContext, set: string, group: Group): void {
  const limits = ctx.weights.decide[corpusSize(ctx.index)];
  for (const item of readDevSet(set)) {
    const answerable = item.fact !== null;
    totals[group][answerable ? 'answerable' : 'unanswerable']++;
    const { decision, confidence, checks, best, result } = explainAsk(ctx, item.q, { limit: 1 });
    if (answerable && result.answer?.text.includes(item.fact as string)) totals[group].hits++;
    if (!answerable && !result.answer) totals[group].abstained++;
    if (ANSWERED.has(decision)) continue;
    const decided = tallyOf(decision, group);
    if (answerable) decided.decidedWrong++;
    else decided.decidedRight++;
    const lost = answerable && best?.includes(item.fact as string) === true;
    if (lost) decided.decidedLost++;
    if (values.list.includes(decision))
      console.log(
        `${answerable ? (lost ? 'LOST' : 'WRONG') : 'right'} ${decision} [${basename(set, '.jsonl')}] conf ${confidence?.toFixed(3) ?? '—'} ${item.q}\n    best: ${best?.slice(0, 160) ?? '—'}\n    fact: ${item.fact}`,
      );
    // The ranker decided: which of its steps would abstain, each alone.
    if (confidence === null) {
      const t = tallyOf(decision, group);
      if (answerable) {
        t.aloneWrong++;
        t.heldWrong++;
      } else {
        t.aloneRight++;
        t.heldRight++;
      }
      continue;
    }
    const holding: string[] = [];
    if (confidence < limits.abstainBelow) holding.push('lowConfidence');
    for (const check of checks)
      if (abstainingStep([check], confidence, { ...limits, abstainBelow: 0 }, item.q) === check)
        holding.push(check);
    for (const step of holding) {
      const t = tallyOf(step, group);
      if (answerable) t.heldWrong++;
      else t.heldRight++;
      if (holding.length === 1) {
        if (answerable) t.aloneWrong++;
        else t.aloneRight++;
      }
    }
  }
}

const corpusDir = resolve(import.meta.dirname, '../../corpus');
if (!values['documents-only']) {
  const bundled = askContextOf(await loadCorpusStrict(corpusDir));
  for (const f of readdirSync(import.meta.dirname)
    .filter((f) => f.endsWith('.jsonl'))
    .sort())
    tallySet(bundled, resolve(import.meta.dirname, f), 'press release');
}
const uploaded = askContextOf(await withUploads(corpusDir));
for (const set of uploadedSets()) tallySet(uploaded, set, 'documents');
const heldout = askContextOf(await withHeldoutDocuments(corpusDir));
for (const set of heldoutDocumentSets()) tallySet(heldout, set, 'documents');

const cell = (wrong: number, right: number, lost?: number) =>
  `${wrong}${lost === undefined ? '' : ` (${lost})`} / ${right}`;
const pct = (n: number, of: number) => `${((100 * n) / (of || 1)).toFixed(1)}%`;
for (const group of ['press release', 'documents'] as const) {
  const t = totals[group];
  console.log(
    `${group}: answer holds the fact ${pct(t.hits, t.answerable)} of ${t.answerable}, abstains on ${pct(t.abstained, t.unanswerable)} of ${t.unanswerable} unanswerable`,
  );
}
console.log(
  `\nquestions: press release ${totals['press release'].answerable} answerable + ${totals['press release'].unanswerable}; documents ${totals.documents.answerable} + ${totals.documents.unanswerable}`,
);
console.log(
  'cells: on answerable (wrong; in parentheses, of them the best sentence held the fact: a right answer lost) / on unanswerable (right)\n',
);
console.log(
  '| decision | press: decided | press: alone | press: held | documents: decided | documents: alone | documents: held |',
);
console.log('|---|---|---|---|---|---|---|');
const order = [...tallies].sort(
  (a, b) =>
    b[1].documents.decidedWrong +
    b[1].documents.heldWrong -
    (a[1].documents.decidedWrong + a[1].documents.heldWrong),
);
for (const [decision, t] of order) {
  const p = t['press release'];
  const d = t.documents;
  console.log(
    `| ${decision} | ${cell(p.decidedWrong, p.decidedRight, p.decidedLost)} | ${cell(p.aloneWrong, p.aloneRight)} | ${cell(p.heldWrong, p.heldRight)} | ${cell(d.decidedWrong, d.decidedRight, d.decidedLost)} | ${cell(d.aloneWrong, d.aloneRight)} | ${cell(d.heldWrong, d.heldRight)} |`,
  );
}
