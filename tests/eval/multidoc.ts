/**
 * What many documents cost; measurement only.
 *   npx tsx tests/eval/multidoc.ts [--list]
 * Asks each document's set (tests/eval/uploaded/*.jsonl, tests/eval/heldout-documents/*.jsonl) over (a) the bundled
 * corpus with every document and (b) the bundled corpus with that document alone, and tallies the answers (a) loses
 * that (b) has: the wrong document's sentence answered, or an abstention. `--list` prints those questions.
 */
import { basename, resolve } from 'node:path';
import { explainAsk } from '../../src/answer/ask.js';
import { parseCliArgs } from '../../src/cli/shared.js';
import { askContextOf } from '../support/context.js';
import { readDevSet } from './evaluate.js';
import { documentOfSet, documentSets, withDocuments, withHeldoutDocuments } from './uploaded.js';

const { values } = parseCliArgs(
  { options: { list: { type: 'boolean', default: false } } },
  'npx tsx tests/eval/multidoc.ts [--list]',
);
const corpusDir = resolve(import.meta.dirname, '../../corpus');
const all = askContextOf(await withHeldoutDocuments(corpusDir));

const t = {
  answerable: 0,
  hitsAll: 0,
  hitsAlone: 0,
  lostOther: 0,
  lostAbstain: 0,
  lostSame: 0,
  gained: 0,
  unans: 0,
  abstAll: 0,
  abstAlone: 0,
};
for (const set of documentSets()) {
  const id = basename(set, '.jsonl');
  const alone = askContextOf(await withDocuments(corpusDir, [documentOfSet(set)]));
  for (const item of readDevSet(set)) {
    const a = explainAsk(all, item.q, { limit: 1 });
    const b = explainAsk(alone, item.q, { limit: 1 });
    if (item.fact === null) {
      t.unans++;
      if (!a.result.answer) t.abstAll++;
      if (!b.result.answer) t.abstAlone++;
      if (values.list && !a.result.answer !== !b.result.answer)
        console.log(
          `UNANS ${a.result.answer ? 'answered(a)' : 'answered(b)'} [${id}] ${item.q}\n    a: ${a.result.answer?.citation.document} ${a.result.answer?.text.slice(0, 140) ?? a.decision}\n    b: ${b.result.answer?.text.slice(0, 140) ?? b.decision}`,
        );
      continue;
    }
    t.answerable++;
    const hitA = a.result.answer?.text.includes(item.fact) === true;
    const hitB = b.result.answer?.text.includes(item.fact) === true;
    if (hitA) t.hitsAll++;
    if (hitB) t.hitsAlone++;
    if (hitA && !hitB) t.gained++;
    if (!hitA && hitB) {
      const kind = !a.result.answer
        ? 'ABSTAIN'
        : a.result.answer.citation.document !== id
          ? 'OTHERDOC'
          : 'SAMEDOC';
      if (kind === 'ABSTAIN') t.lostAbstain++;
      else if (kind === 'OTHERDOC') t.lostOther++;
      else t.lostSame++;
      if (values.list)
        console.log(
          `${kind} [${id}] ${item.q}\n    a: ${a.decision} ${a.result.answer?.citation.document ?? ''} ${a.result.answer?.text.slice(0, 160) ?? `best: ${a.best?.slice(0, 160)}`}\n    b: ${b.result.answer?.text.slice(0, 160)}\n    fact: ${item.fact}`,
        );
    }
  }
}
console.log(JSON.stringify(t));
