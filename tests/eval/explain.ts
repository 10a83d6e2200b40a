/**
 * `npx tsx tests/eval/explain.ts "question" […]`: how the bundled corpus's `ask` reads a question — its ideas
 * (known to the corpus or not, their weights and wordings), the best candidate's features, its confidence,
 * and the answer. For looking into a miss; measurement only.
 */
import { resolve } from 'node:path';
import { ask } from '../../src/answer/ask.js';
import { scoreQuestion } from '../../src/answer/candidates.js';
import { FEATURES } from '../../src/answer/features.js';
import { cleanQuestion } from '../../src/answer/question.js';
import { confidenceOf } from '../../src/answer/scorer.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { askContext } from '../../src/knowledge/knowledge.js';
import { QuoteIndex } from '../../src/quotes/index.js';
import { PassageIndex } from '../../src/search/index.js';

const corpus = await loadCorpusStrict(resolve(import.meta.dirname, '../../corpus'));
const ctx = askContext(corpus, PassageIndex.build(corpus), QuoteIndex.build(corpus));
for (const raw of process.argv.slice(2)) {
  const s = scoreQuestion(ctx, cleanQuestion(raw));
  const best = s.candidates[0];
  console.log(`\n${raw}  [${s.question.type}]`);
  for (const c of s.question.concepts)
    console.log(
      `  ${c.label.padEnd(14)} w ${c.weight.toFixed(2)} ${c.known ? 'known' : 'UNKNOWN'}${c.foreign ? ' foreign' : ''} ${c.alternatives.map((a) => a.join(' ')).join(' | ')}${s.question.main.includes(c) ? ' MAIN' : ''}${c.known ? '' : c.thing ? ' thing' : ' other'}`,
    );
  if (best) {
    const doc = ctx.documents.get(best.passage.docId);
    console.log(
      `  conf ${confidenceOf(best, s.candidates, s.question.type, ctx.weights).toFixed(3)} (abstain below ${ctx.weights.abstainBelow})`,
    );
    const v = (n: (typeof FEATURES)[number]) => best.features[FEATURES.indexOf(n)] ?? 0;
    const around = v('coverage') + (v('passageCoverage') - v('coverage')) / 2;
    const conf = confidenceOf(best, s.candidates, s.question.type, ctx.weights);
    const checks = {
      unknown: v('unknownIdeas') >= 0.3,
      nameAway: s.question.type === 'name' && v('nameAway') === 1,
      around: around < 0.3,
      document: v('documentCoverage') < 0.5,
      typeNowhere:
        v('typeAsked') === 1 && s.candidates.every((c) => c.features[FEATURES.indexOf('typeMissing')] === 1),
      doubtful: conf < 0.45 && (v('typeMissing') === 1 || v('missingIdea') >= 0.99),
      lowConfidence: conf < ctx.weights.abstainBelow,
    };
    console.log(
      `  checks: ${Object.entries(checks)
        .filter(([, on]) => on)
        .map(([k]) => k)
        .join(', ')}`,
    );
    console.log(`  ${FEATURES.map((f, i) => `${f} ${(best.features[i] ?? 0).toFixed(2)}`).join(', ')}`);
    console.log(`  best: ${doc?.text.slice(best.span.start, best.span.end).slice(0, 160)}`);
  }
  const answer = ask(ctx, raw).answer;
  console.log(`  ask: ${answer ? answer.text.slice(0, 160) : 'ABSTAINS'}`);
}
