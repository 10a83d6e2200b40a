/**
 * Looking into misses; measurement only.
 *   npx tsx tests/eval/explain.ts [--corpus dir] [--uploads] "question" […]
 * how `ask` reads each question — its ideas (known to the corpus or not, their weights and wordings), the best
 * candidate's features, its confidence, the step that decided and every "not covered" check that held.
 *   npx tsx tests/eval/explain.ts [--corpus dir] [--uploads] --set tests/eval/<set>.jsonl […]
 * for a question set: which step abstained on each answerable question (and whether its fact was in the first
 * passage listed, and which document that passage came from when not the set's own), which answers missed the
 * fact (and from which document), which step let each unanswerable one through, and the counts of them.
 * `--uploads` adds tests/eval/uploaded/documents to the corpus, as `npm run eval` asks the uploaded sets.
 *   npx tsx tests/eval/explain.ts --squad <SQuAD JSON> [--split fit|tune]
 * the same counts for a SQuAD split (over its corpus, as `npm run eval` builds it), without the questions.
 */
import { basename, resolve } from 'node:path';
import { explainAsk } from '../../src/answer/ask.js';
import { scoreQuestion } from '../../src/answer/candidates.js';
import { corpusSize } from '../../src/answer/corpus-size.js';
import { FEATURES } from '../../src/answer/features.js';
import { cleanQuestion } from '../../src/answer/question.js';
import { parseCliArgs } from '../../src/cli/shared.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { askContextOf } from '../support/context.js';
import { readDevSet } from './evaluate.js';
import { readSquad, type SplitName, splitOf, squadCorpus, squadItems } from './squad.js';
import { withUploads } from './uploaded.js';

const USAGE =
  'npx tsx tests/eval/explain.ts [--corpus dir] [--uploads] ("question" … | --set tests/eval/<set>.jsonl … | --squad <SQuAD JSON> [--split fit|tune])';
const { values, positionals } = parseCliArgs(
  {
    allowPositionals: true,
    options: {
      corpus: { type: 'string', default: resolve(import.meta.dirname, '../../corpus') },
      uploads: { type: 'boolean', default: false },
      set: { type: 'string', multiple: true, default: [] },
      squad: { type: 'string' },
      split: { type: 'string', default: 'tune' },
    },
  },
  USAGE,
);
const corpus = values.uploads ? await withUploads(values.corpus) : await loadCorpusStrict(values.corpus);
const ctx = askContextOf(corpus);

for (const raw of positionals) {
  const s = scoreQuestion(ctx, cleanQuestion(raw));
  const best = s.candidates[0];
  console.log(`\n${raw}  [${s.question.type}]`);
  for (const c of s.question.concepts)
    console.log(
      `  ${c.label.padEnd(14)} w ${c.weight.toFixed(2)} ${c.known ? 'known' : 'UNKNOWN'}${c.foreign ? ' foreign' : ''} ${c.alternatives.map((a) => a.join(' ')).join(' | ')}${s.question.main.includes(c) ? ' MAIN' : ''}${c.known ? '' : c.thing ? ' thing' : ' other'}`,
    );
  if (best) {
    const doc = ctx.documents.get(best.passage.docId);
    console.log(`  ${FEATURES.map((f, i) => `${f} ${(best.features[i] ?? 0).toFixed(2)}`).join(', ')}`);
    console.log(`  best: ${doc?.text.slice(best.span.start, best.span.end).slice(0, 160)}`);
  }
  const { result, decision, confidence, checks } = explainAsk(ctx, raw);
  console.log(
    `  decided by ${decision}; confidence ${confidence?.toFixed(3) ?? '—'} (abstains below ${ctx.weights.decide[corpusSize(ctx.index)].abstainBelow}); checks holding: ${checks.join(', ') || 'none'}`,
  );
  console.log(`  ask: ${result.answer ? result.answer.text.slice(0, 160) : 'ABSTAINS'}`);
}

const count = (tally: Map<string, number>, key: string) => tally.set(key, (tally.get(key) ?? 0) + 1);
const show = (tally: Map<string, number>) =>
  [...tally]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(', ') || 'none';
for (const set of values.set) {
  const wrong = new Map<string, number>();
  const through = new Map<string, number>();
  const right = new Map<string, number>();
  const answeredWrong = new Map<string, number>();
  console.log(`\n== ${basename(set)}`);
  for (const item of readDevSet(set)) {
    const { result, decision, confidence, checks } = explainAsk(ctx, item.q, { limit: 1 });
    const conf = confidence?.toFixed(2) ?? '—';
    const others = checks.filter((c) => c !== decision);
    // Which document passage 1 (or the answer) comes from, when it is not the set's own (an uploaded set is
    // named as its document): with several documents loaded, choosing another one's passage is a failure class.
    const own = basename(set, '.jsonl');
    const elsewhere = (doc: string | undefined) =>
      doc && doc !== own && ctx.documents.has(own) ? `; from ${doc}` : '';
    if (item.fact !== null && !result.answer) {
      const top = result.passages[0]?.text.includes(item.fact)
        ? 'fact in passage 1'
        : `fact not in passage 1${elsewhere(result.passages[0]?.citation.document)}`;
      count(wrong, decision);
      console.log(
        `  WRONG ABSTENTION by ${decision} (conf ${conf}${others.length ? `; also ${others}` : ''}; ${top}): ${item.q}`,
      );
    } else if (item.fact !== null && result.answer && !result.answer.text.includes(item.fact)) {
      count(answeredWrong, elsewhere(result.answer.citation.document) ? 'another document' : 'its document');
      console.log(
        `  WRONG ANSWER (conf ${conf}${elsewhere(result.answer.citation.document)}): ${item.q}\n    → ${result.answer.text.slice(0, 140)}`,
      );
    } else if (item.fact === null && result.answer) {
      count(through, decision);
      console.log(
        `  ANSWERED UNANSWERABLE (${decision}, conf ${conf}): ${item.q}\n    → ${result.answer.text.slice(0, 140)}`,
      );
    } else if (item.fact === null) {
      count(right, decision);
      console.log(
        `  right abstention by ${decision} (conf ${conf}${others.length ? `; also ${others}` : ''}): ${item.q}`,
      );
    }
  }
  console.log(
    `  wrong abstentions by step: ${show(wrong)}; right abstentions: ${show(right)}; unanswerable answered: ${show(through)}; answerable answered without the fact, from: ${show(answeredWrong)}`,
  );
}

if (values.squad) {
  if (values.split === 'final') throw new Error('the final split is looked at once, with npm run eval');
  const chosen = splitOf(readSquad(values.squad), values.split as SplitName);
  const squad = await squadCorpus(chosen.corpus);
  const sctx = askContextOf(squad);
  const wrong = new Map<string, number>();
  const right = new Map<string, number>();
  const through = new Map<string, number>();
  let answerable = 0;
  let unanswerable = 0;
  for (const item of squadItems(chosen.questions)) {
    let decided: ReturnType<typeof explainAsk>;
    try {
      decided = explainAsk(sctx, item.question, { limit: 1 });
    } catch {
      continue; // a question ask refuses (no words): scored as npm run eval scores it
    }
    if (item.golds.length) {
      answerable++;
      if (!decided.result.answer) count(wrong, decided.decision);
    } else {
      unanswerable++;
      count(decided.result.answer ? through : right, decided.decision);
    }
  }
  console.log(`\n== SQuAD ${values.split} split: ${answerable} answerable, ${unanswerable} unanswerable`);
  console.log(`  wrong abstentions by step: ${show(wrong)}`);
  console.log(`  right abstentions by step: ${show(right)}`);
  console.log(`  unanswerable answered: ${show(through)}`);
}
