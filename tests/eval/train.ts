/**
 * `npm run train -- --squad <SQuAD 2.0 part A file>`: fits the answer scorer and writes src/answer/weights.json.
 *
 * 1. Candidates: every sentence of the passages `ask` retrieves, with its features (src/answer/features.ts),
 *    for the questions of the fit split's articles (squad-split.json; the corpus is those articles) and of
 *    the project's development set (tests/eval/dev-set.jsonl, over the bundled corpus). A candidate is right
 *    when it holds a gold answer (the hit rule of issue 12).
 * 2. The ranker: pairwise logistic regression, every right candidate of a question against each wrong one,
 *    each question counting the same.
 * 3. The confidence: logistic regression on the best candidate of each question (its score, its margin over
 *    another passage's best, its features), labelled by whether the question is answerable at all.
 * 4. When `ask` abstains, for each size of corpus (not-covered.ts). A large one, on the tune split (corpus: fit
 *    and tune articles, some 700 passages): the "not covered" checks chosen forward, each while it raises the
 *    right abstentions at the highest threshold that keeps `ask`'s wrong abstentions within the issue's limit.
 *    A small one (the press release, the uploaded documents): every check; abstain below the highest
 *    confidence that keeps wrong abstentions within the issue's limits, or, if `ask` with it breaks a floor of
 *    tests/eval/floors.ts, the nearest threshold that keeps them all (`ask` whole, with its checks and quote
 *    answers, on every set that has floors). Answers below the confidence where they stop being right 80% of
 *    the time are shown as the closest match.
 * Everything is computed in a fixed order from the rounded weights `ask` will read, so the same code and data
 * give the same file, byte for byte: `--check` fits without writing and fails when the file differs.
 * The final split is never read here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { type AskContext, ask, explainAsk } from '../../src/answer/ask.js';
import { type Scoring, scoreQuestion } from '../../src/answer/candidates.js';
import { type CorpusSize, corpusSize } from '../../src/answer/corpus-size.js';
import { FEATURES } from '../../src/answer/features.js';
import {
  abstainingStep,
  type DecisionLimits,
  UNCOVERED_CHECKS,
  type UncoveredCheck,
} from '../../src/answer/not-covered.js';
import { type AnswerType, cleanQuestion } from '../../src/answer/question.js';
import {
  CONFIDENCE_FEATURES,
  confidenceFeatures,
  confidenceOf,
  parseWeights,
  rankScore,
  type Scored,
  type ScorerWeights,
} from '../../src/answer/scorer.js';
import { parseCliArgs } from '../../src/cli/shared.js';
import { type AskOptions, type AskResult, UserInputError } from '../../src/contract/types.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { askContextOf } from '../support/context.js';
import { type DevItem, evaluate, readDevSet } from './evaluate.js';
import { featureFingerprint } from './fingerprint.js';
import {
  BUNDLED_FLOORS,
  breaches,
  type QaFloor,
  type SetFloor,
  SQUAD_EXCERPT_FLOOR,
  UPLOADED_FLOORS,
} from './floors.js';
import { fitLogistic } from './logistic.js';
import { askForFigures, isHit, scoreQa, systemAnswer } from './qa.js';
import { type QaItem, readSquad, type SplitName, splitOf, squadCorpus, squadItems } from './squad.js';
import { UPLOADED_DIR, withUploads } from './uploaded.js';

const USAGE =
  'npm run train -- --squad path/to/dev-v2.0-part-a.json [--out src/answer/weights.json] [--check]';
const { values } = parseCliArgs(
  {
    options: {
      squad: { type: 'string' },
      check: { type: 'boolean', default: false },
      out: { type: 'string', default: resolve(import.meta.dirname, '../../src/answer/weights.json') },
    },
  },
  USAGE,
);
if (!values.squad) {
  console.error(`--squad is required\nusage: ${USAGE}`);
  process.exit(2);
}

/** Most wrong abstentions the thresholds allow: SQuAD's target (5%) and the press release's (3%), with room. */
const MAX_WRONG_ABSTENTIONS = { squad: 0.045, project: 0.025 };
/** Answers less often right than this, at their confidence and above, are shown as the closest match. */
const SURE_PRECISION = 0.8;
/**
 * How much a question of the project's own set counts next to a SQuAD one, for the ranker and for the
 * confidence: few, but in the product's domain, and their unanswerable questions are of another kind
 * (things the corpus never says) than SQuAD's (answerable-looking traps).
 */
const PROJECT_WEIGHT = { ranker: 10, confidence: 30 };
const L2 = 1;

/** A question with its scored candidates and which of them are right. */
interface Observed {
  answerable: boolean;
  type: AnswerType;
  candidates: Scored[];
  right: boolean[];
  weight: number;
}

/** Weights of nothing: candidates are read before anything is fitted (and whatever weights.json holds). */
const unfitted: ScorerWeights = {
  version: 4,
  fittedOn: '',
  featureFingerprint: '',
  ranker: { features: [...FEATURES], weights: FEATURES.map(() => 0) },
  confidence: { features: [...CONFIDENCE_FEATURES], weights: CONFIDENCE_FEATURES.map(() => 0), bias: 0 },
  decide: {
    small: { abstainBelow: 0, doubtfulBelow: { type: 0, idea: 0 }, checks: [] },
    large: { abstainBelow: 0, doubtfulBelow: { type: 0, idea: 0 }, checks: [] },
  },
  closestBelow: 0,
};

function contextOf(corpus: Corpus): AskContext {
  return askContextOf(corpus, unfitted);
}

function observe(ctx: AskContext, items: QaItem[], weight: number): Observed[] {
  const observed: Observed[] = [];
  for (const item of items) {
    let scoring: Scoring;
    try {
      scoring = scoreQuestion(ctx, cleanQuestion(item.question));
    } catch (err) {
      if (err instanceof UserInputError) continue;
      throw err;
    }
    const texts = scoring.candidates.map((c) => {
      const doc = ctx.documents.get(c.passage.docId);
      return doc?.text.slice(c.span.start, c.span.end) ?? '';
    });
    observed.push({
      answerable: item.golds.length > 0,
      type: scoring.question.type,
      candidates: scoring.candidates,
      right: texts.map((t) => isHit(t, item.golds)),
      weight,
    });
  }
  return observed;
}

const bundled = await loadCorpusStrict(resolve(import.meta.dirname, '../../corpus'));
const bundledCtx = contextOf(bundled);
const projectItems = (file: string): QaItem[] =>
  readDevSet(resolve(import.meta.dirname, file)).map((d) => ({
    question: d.q,
    golds: d.fact === null ? [] : [d.fact],
    where: null,
  }));
const articles = readSquad(values.squad);
const squadContexts = new Map<SplitName, AskContext>();
const squadSplit = async (split: SplitName) => {
  const chosen = splitOf(articles, split);
  const ctx = contextOf(await squadCorpus(chosen.corpus));
  squadContexts.set(split, ctx);
  return observe(ctx, squadItems(chosen.questions), 1);
};

console.log('reading candidates…');
const fit = [
  ...(await squadSplit('fit')),
  ...observe(bundledCtx, projectItems('dev-set.jsonl'), PROJECT_WEIGHT.ranker),
];
const tuneSquad = await squadSplit('tune');
/** The project's sets the small corpus's limits are chosen on (the other sets with floors only constrain them). */
const PROJECT_TUNE_SETS = ['check-set.jsonl', 'holdout-2.jsonl'];
const tuneProject = PROJECT_TUNE_SETS.flatMap((name) => observe(bundledCtx, projectItems(name), 1));

const round = (x: number) => Number(x.toFixed(6));

// 2. The ranker.
const ranker = fitLogistic(
  FEATURES.length,
  (each) => {
    for (const q of fit) {
      const right = q.candidates.filter((_, i) => q.right[i]);
      const wrong = q.candidates.filter((_, i) => !q.right[i]);
      if (right.length === 0 || wrong.length === 0) continue;
      const weight = q.weight / (right.length * wrong.length);
      for (const r of right)
        for (const w of wrong) each({ x: r.features.map((v, k) => v - (w.features[k] ?? 0)), y: 1, weight });
    }
  },
  { l2: L2, withBias: false },
);
// Rounded before anything reads them: the confidence and the thresholds are fitted on the ranker `ask` uses.
const draft: ScorerWeights = {
  ...unfitted,
  ranker: { features: [...FEATURES], weights: ranker.weights.map(round) },
};

/** Re-scores a question's candidates with `weights`, best first. */
function rescore(q: Observed, weights: ScorerWeights): { ranked: Scored[]; right: boolean[] } {
  const order = q.candidates
    .map((c, i) => ({ c: { ...c, score: rankScore(c, weights) }, right: q.right[i] ?? false }))
    .sort((a, b) => b.c.score - a.c.score);
  return { ranked: order.map((o) => o.c), right: order.map((o) => o.right) };
}

// 3. The confidence.
const confidence = fitLogistic(
  CONFIDENCE_FEATURES.length,
  (each) => {
    for (const q of fit) {
      const { ranked } = rescore(q, draft);
      const best = ranked[0];
      if (!best) continue;
      const x = confidenceFeatures(best, ranked, q.type);
      const weight = q.weight === 1 ? 1 : PROJECT_WEIGHT.confidence;
      each({ x, y: q.answerable ? 1 : 0, weight });
    }
  },
  { l2: L2 },
);
const weights: ScorerWeights = {
  ...draft,
  confidence: {
    features: [...CONFIDENCE_FEATURES],
    weights: confidence.weights.map(round),
    bias: round(confidence.bias),
  },
};

/** Per question: its best candidate's confidence, whether that candidate is right, whether it is answerable. */
function outcomes(set: Observed[]) {
  return set.map((q) => {
    const { ranked, right } = rescore(q, weights);
    const best = ranked[0];
    return {
      answerable: q.answerable,
      confidence: best ? confidenceOf(best, ranked, q.type, weights) : 0,
      hit: right[0] ?? false,
    };
  });
}

/** The highest threshold keeping the share of answerable questions under it within `limit`. */
function thresholdFor(set: ReturnType<typeof outcomes>, limit: number): number {
  const answerable = set
    .filter((o) => o.answerable)
    .map((o) => o.confidence)
    .sort((a, b) => a - b);
  const allowed = Math.floor(limit * answerable.length);
  return answerable[allowed] ?? 0;
}

// 4. The thresholds.
const squadOutcomes = outcomes(tuneSquad);
const projectOutcomes = outcomes(tuneProject);
const byTarget = round(
  Math.min(
    thresholdFor(squadOutcomes, MAX_WRONG_ABSTENTIONS.squad),
    thresholdFor(projectOutcomes, MAX_WRONG_ABSTENTIONS.project),
  ),
);

/** ask's limits for each size of corpus (weights.json `decide`). */
type Limits = Record<CorpusSize, DecisionLimits>;

/**
 * A question asked through `ask` whole with the fitted weights, twice: with no limit at all (`open`: the answer
 * it gives when it does not abstain, its confidence and the "not covered" checks that hold for it) and with
 * every answer that has a confidence refused (`shut`: what it lists when it abstains). `ask` reads the
 * confidence and the checks only against its limits, so its result under any limits is one of these (quote
 * answers have no confidence and stand).
 */
interface Asked {
  question: string;
  open: AskResult;
  checks: UncoveredCheck[];
  shut: AskResult;
}

const OPEN: DecisionLimits = { abstainBelow: 0, doubtfulBelow: { type: 0, idea: 0 }, checks: [] };
const SHUT: DecisionLimits = { ...OPEN, abstainBelow: 2 };

function askedOver(ctx: AskContext, questions: string[]): Asked[] {
  const contextWith = (limits: DecisionLimits): AskContext => ({
    ...ctx,
    weights: { ...weights, decide: { small: limits, large: limits } },
  });
  const [open, shut] = [contextWith(OPEN), contextWith(SHUT)];
  return questions.map((q) => {
    let checks: UncoveredCheck[] = [];
    const explaining = {
      ask: (text: string, options: AskOptions): AskResult => {
        const explained = explainAsk(open, text, options);
        checks = explained.checks;
        return { ...explained.result, version: '' };
      },
    };
    const shutting = {
      ask: (text: string, options: AskOptions) => ({ ...ask(shut, text, options), version: '' }),
    };
    return { question: q, open: askForFigures(explaining, q), checks, shut: askForFigures(shutting, q) };
  });
}

/** Whether `ask` answers (with the open result) under `limits`, else abstains (the shut result). */
function answersWith(a: Asked, limits: DecisionLimits): boolean {
  if (a.open.answer === null) return false; // a short-cut abstained, whatever the limits
  const c = a.open.answer.confidence;
  return c === null || abstainingStep(a.checks, c, limits, a.question) === undefined; // a quote answers
}

/** A set with floors: its questions asked, the size of its corpus, and its floors' breaches under any limits. */
interface FloorSet {
  name: string;
  size: CorpusSize;
  asked: Asked[];
  /** Per question: whether the open answer holds the fact (or a gold answer); empty when unanswerable. */
  hits: (boolean | null)[];
  breaches: (limits: DecisionLimits) => string[];
}

function floorSet(
  name: string,
  ctx: AskContext,
  items: (DevItem | QaItem)[],
  figures: (ask: (q: string) => AskResult) => SetFloor | QaFloor,
  floor: SetFloor | QaFloor,
): FloorSet {
  const questions = items.map((item) => ('q' in item ? item.q : item.question));
  const asked = askedOver(ctx, questions);
  const index = new Map(questions.map((q, i) => [q, i]));
  const golds = items.map((item) => ('q' in item ? (item.fact === null ? [] : [item.fact]) : item.golds));
  const hits = asked.map((a, i) => {
    const wanted = golds[i] ?? [];
    const text = a.open.answer?.text ?? null;
    if (wanted.length === 0) return null;
    return 'q' in (items[i] ?? {}) ? wanted.some((g) => text?.includes(g) ?? false) : isHit(text, wanted);
  });
  // Many limits give the same answers on a set: its figures are computed once per pattern of answers.
  const known = new Map<string, string[]>();
  return {
    name,
    size: corpusSize(ctx.index.passageCount),
    asked,
    hits,
    breaches: (limits) => {
      const answers = asked.map((a) => answersWith(a, limits));
      const key = answers.map((on) => (on ? 1 : 0)).join('');
      let found = known.get(key);
      if (!found) {
        found = breaches(
          figures((q) => {
            const a = asked[index.get(q) ?? -1];
            if (!a) throw new Error(`${name}: "${q}" was not asked`);
            return answers[index.get(q) ?? -1] ? a.open : a.shut;
          }),
          floor,
        );
        known.set(key, found);
      }
      return found;
    },
  };
}

/** A project set's floor check, over `ctx`'s corpus (whose text the set's facts are checked against). */
function projectFloorSet(name: string, path: string, ctx: AskContext, floor: SetFloor): FloorSet {
  const items = readDevSet(path);
  const text = [...ctx.documents.values()].map((d) => d.text).join('\n');
  return floorSet(name, ctx, items, (askQ) => evaluate({ ask: askQ }, items, text), floor);
}

/**
 * Right abstentions less wrong ones less right answers lost (an abstention on a question answered right costs
 * twice) of `ask` under `limits`, over questions asked (`asked`) whose open answers are right or not (`hits`,
 * null when unanswerable): what the small corpora's doubtful limits maximize.
 */
function gainOf(asked: Asked[], hits: (boolean | null)[], limits: DecisionLimits): number {
  let gain = 0;
  asked.forEach((a, i) => {
    if (answersWith(a, limits)) return;
    const hit = hits[i];
    gain += hit === null || hit === undefined ? 1 : hit ? -2 : -1;
  });
  return gain;
}

console.log('asking the tune split and the sets with floors…');
const tuneCtx = squadContexts.get('tune') as AskContext;
if (corpusSize(tuneCtx.index.passageCount) !== 'large')
  throw new Error('the tune split is meant to stand for a large corpus: its limits are fitted on it');
const tuneItems = squadItems(splitOf(articles, 'tune').questions);
const tuneAsked = askedOver(
  tuneCtx,
  tuneItems.map((item) => item.question),
);
const tuneAnswerable = tuneItems.map((item) => item.golds.length > 0);

const uploadedCtx = contextOf(await withUploads(resolve(import.meta.dirname, '../../corpus')));
const excerpt = readSquad(resolve(import.meta.dirname, 'fixtures/squad-excerpt.json'));
const excerptItems = squadItems(excerpt);
const floorSets: FloorSet[] = [
  ...Object.entries(BUNDLED_FLOORS).map(([name, floor]) =>
    projectFloorSet(name, resolve(import.meta.dirname, name), bundledCtx, floor),
  ),
  ...Object.entries(UPLOADED_FLOORS).map(([name, floor]) =>
    projectFloorSet(name, resolve(UPLOADED_DIR, name), uploadedCtx, floor),
  ),
  floorSet(
    'squad-excerpt.json',
    contextOf(await squadCorpus(excerpt)),
    excerptItems,
    (askQ) => scoreQa((q) => systemAnswer(askQ(q)), excerptItems),
    SQUAD_EXCERPT_FLOOR,
  ),
];
const breachesAt = (limits: Limits) =>
  floorSets.flatMap((set) => set.breaches(limits[set.size]).map((b) => `${set.name}: ${b}`));
const DOUBTFUL_GRID = Array.from({ length: 36 }, (_, i) => round(0.2 + i * 0.02));

/**
 * A large corpus (SQuAD's tune split stands for one). With `checks` and `doubtfulBelow`: the highest abstainBelow
 * keeping `ask`'s wrong abstentions on the tune split within the target (short-cuts and checks included; rounded
 * down, so no answer moves below it), or null when the checks alone abstain wrongly more often.
 */
function largeLimits(checks: UncoveredCheck[], doubtfulBelow: DecisionLimits['doubtfulBelow']) {
  const limits: DecisionLimits = { abstainBelow: 0, doubtfulBelow, checks };
  const answerable = tuneAsked.filter((_, i) => tuneAnswerable[i]);
  const abstaining = answerable.filter((a) => !answersWith(a, limits)).length;
  const confidences = answerable
    .filter((a) => answersWith(a, limits))
    .flatMap((a) => a.open.answer?.confidence ?? [])
    .sort((a, b) => a - b);
  const allowed = Math.floor(MAX_WRONG_ABSTENTIONS.squad * answerable.length) - abstaining;
  if (allowed < 0) return null;
  const at = confidences[allowed] ?? 1;
  return { ...limits, abstainBelow: Math.floor(at * 1e6) / 1e6 };
}
/** Right abstentions on the tune split under `limits`. */
const tuneRight = (limits: DecisionLimits) =>
  tuneAsked.filter((a, i) => !tuneAnswerable[i] && !answersWith(a, limits)).length;

/**
 * The large corpus's checks, chosen forward: starting from none, add the check (a doubtful one with its limit
 * on the grid) that most raises the right abstentions on the tune split at the wrong-abstention target, while
 * one does. A check that abstains wrongly about as often as rightly never comes in: the threshold pays for it.
 */
let large = largeLimits([], { type: 0, idea: 0 }) as DecisionLimits;
for (;;) {
  const options = UNCOVERED_CHECKS.filter((check) => !large.checks.includes(check)).flatMap((check) =>
    check === 'typeDoubtful'
      ? DOUBTFUL_GRID.map((type) => largeLimits([...large.checks, check], { ...large.doubtfulBelow, type }))
      : check === 'ideaDoubtful'
        ? DOUBTFUL_GRID.map((idea) => largeLimits([...large.checks, check], { ...large.doubtfulBelow, idea }))
        : [largeLimits([...large.checks, check], large.doubtfulBelow)],
  );
  let next: DecisionLimits | undefined;
  for (const option of options) if (option && tuneRight(option) > tuneRight(next ?? large)) next = option;
  if (!next) break;
  const added = next.checks;
  large = { ...next, checks: UNCOVERED_CHECKS.filter((check) => added.includes(check)) };
}

/**
 * A small corpus (the press release, the uploaded documents, the SQuAD excerpt): every check, abstainBelow the
 * wrong-abstention targets' threshold, or the nearest one with which some doubtful limits keep every floor (one
 * just below each confidence `ask` answered a floor set's question with: halfway to the next lower one, so
 * rounding keeps it there). The doubtful limits, on a grid: those that keep every floor with it and abstain
 * right most often net of wrong abstentions on check-set.jsonl and holdout-2.jsonl (the lower on a tie).
 */
const smallSets = floorSets.filter((set) => set.size === 'small');
// The gain is counted on the project's tune sets only: the other floor sets only constrain the choice, so
// their figures still say something about questions the limits were not chosen on.
const gainSets = smallSets.filter((set) => PROJECT_TUNE_SETS.includes(set.name));
if (gainSets.length !== PROJECT_TUNE_SETS.length)
  throw new Error(`train: a tune set has no floors: ${PROJECT_TUNE_SETS.join(', ')}`);
const smallGain = (limits: DecisionLimits) =>
  gainSets.reduce((sum, set) => sum + gainOf(set.asked, set.hits, limits), 0);
const confidences = [
  ...new Set(smallSets.flatMap((set) => set.asked.flatMap((a) => a.open.answer?.confidence ?? []))),
].sort((a, b) => a - b);
const nearTarget = [
  byTarget,
  ...confidences
    .map((c, i) => round((c + (confidences[i - 1] ?? 0)) / 2))
    .sort((a, b) => Math.abs(a - byTarget) - Math.abs(b - byTarget) || a - b)
    .slice(0, 40),
];
let chosen: Limits | undefined;
for (const abstainBelow of nearTarget) {
  const ranked = DOUBTFUL_GRID.flatMap((type) =>
    DOUBTFUL_GRID.map(
      (idea): DecisionLimits => ({
        abstainBelow,
        doubtfulBelow: { type, idea },
        checks: [...UNCOVERED_CHECKS],
      }),
    ),
  )
    .map((small) => ({ small, gain: smallGain(small) }))
    .sort(
      (a, b) =>
        b.gain - a.gain ||
        a.small.doubtfulBelow.type - b.small.doubtfulBelow.type ||
        a.small.doubtfulBelow.idea - b.small.doubtfulBelow.idea,
    );
  const small = ranked.find((r) => breachesAt({ small: r.small, large }).length === 0)?.small;
  if (small) {
    chosen = { small, large };
    break;
  }
  if (abstainBelow === byTarget)
    console.log(`at ${byTarget} (the wrong-abstention targets) no doubtful limits keep every floor`);
}
if (!chosen) console.log('no limits near the targets keep every floor: report the trade');
const limits: Limits = chosen ?? {
  small: { abstainBelow: byTarget, doubtfulBelow: { type: 0.45, idea: 0.45 }, checks: [...UNCOVERED_CHECKS] },
  large,
};

const lowest = Math.min(limits.small.abstainBelow, limits.large.abstainBelow);
const highest = Math.max(limits.small.abstainBelow, limits.large.abstainBelow);
const answered = [...squadOutcomes, ...projectOutcomes]
  .filter((o) => o.answerable && o.confidence >= lowest)
  .sort((a, b) => b.confidence - a.confidence);
let closestBelow = highest;
let hits = 0;
answered.forEach((o, i) => {
  if (o.hit) hits++;
  if (hits / (i + 1) >= SURE_PRECISION) closestBelow = Math.max(highest, o.confidence);
});

const final = parseWeights(
  {
    ...weights,
    fittedOn: `npm run train: SQuAD 2.0 dev part A, fit split (${fit.length - projectItems('dev-set.jsonl').length} questions) and tests/eval/dev-set.jsonl; limits for a large corpus on the tune split, for a small one on ${PROJECT_TUNE_SETS.join(' and ')} within the floors of tests/eval/floors.ts`,
    decide: limits,
    closestBelow: round(closestBelow),
    featureFingerprint: await featureFingerprint(weights),
  },
  'the fitted weights',
);
const text = `${JSON.stringify(final, null, 2)}\n`;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
for (const [name, set] of [
  ['SQuAD tune split', squadOutcomes],
  ['check-set + holdout-2', projectOutcomes],
] as const) {
  const a = set.filter((o) => o.answerable);
  const u = set.filter((o) => !o.answerable);
  const on = (o: (typeof set)[number]) => o.confidence >= byTarget;
  console.log(
    `${name} (scorer alone at ${byTarget}, without the checks, quote and unknown-name rules): hit@1 ${pct(a.filter((o) => on(o) && o.hit).length / a.length)}, wrong abstentions ${pct(a.filter((o) => !on(o)).length / a.length)}, abstains when it should ${pct(u.filter((o) => !on(o)).length / (u.length || 1))}`,
  );
}
{
  const answerable = tuneAnswerable.filter(Boolean).length;
  const wrong = tuneAsked.filter((a, i) => tuneAnswerable[i] && !answersWith(a, limits.large)).length;
  console.log(
    `SQuAD tune split, ask whole with the large corpus's limits: wrong abstentions ${pct(wrong / answerable)}, abstains when it should ${pct(tuneRight(limits.large) / (tuneAsked.length - answerable))}`,
  );
}
console.log(
  `thresholds: SQuAD tune ${thresholdFor(squadOutcomes, MAX_WRONG_ABSTENTIONS.squad).toFixed(3)}, project ${thresholdFor(projectOutcomes, MAX_WRONG_ABSTENTIONS.project).toFixed(3)}`,
);
console.log(
  FEATURES.map((f, i) => `${f} ${final.ranker.weights[i]?.toFixed(2)}`).join(', '),
  `\nconfidence: ${CONFIDENCE_FEATURES.map((f, i) => `${f} ${final.confidence.weights[i]?.toFixed(2)}`).join(', ')}`,
);
const describe = (l: DecisionLimits) =>
  `abstain below ${l.abstainBelow}, doubtful below ${l.doubtfulBelow.type} (type) / ${l.doubtfulBelow.idea} (idea), checks ${l.checks.join(', ') || 'none'}`;
const broken = breachesAt(limits);
// Weights that break a floor are never written: the committed file stays what ask can keep.
if (broken.length) {
  console.error(`floors broken with the small corpus's ${describe(limits.small)}: ${broken.join('; ')}`);
  process.exit(1);
}
if (values.check) {
  let committed: Record<string, unknown> = {};
  try {
    committed = JSON.parse(readFileSync(values.out, 'utf8'));
  } catch {}
  const differing = Object.entries(final).filter(
    ([key, value]) => JSON.stringify(value) !== JSON.stringify(committed[key]),
  );
  if (differing.length) {
    console.error(
      `${basename(values.out)} is not what train fits on this code and data (${differing.map(([key]) => key).join(', ')} differ): run npm run train -- --squad <part A> and commit it`,
    );
    process.exit(1);
  }
  console.log(`${values.out} is what train fits on this code and data`);
} else {
  writeFileSync(values.out, text);
  console.log(
    `wrote ${values.out}: closest match below ${final.closestBelow}; small corpus: ${describe(limits.small)}; large corpus: ${describe(limits.large)}`,
  );
}
