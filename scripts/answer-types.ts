/**
 * Measures answer-type detectors on SQuAD 2.0 (issue 12, item 3): for answerable questions whose wording says
 * what kind of thing they want (when → date, who → person, where → place, how many/much → quantity/money,
 * how long → duration), does the detector find a span of that kind overlapping the gold answer in the gold
 * sentence (recall), how often does it fire on the other sentences of the paragraph (a precision proxy), and
 * what does it cost per sentence.
 *
 *   npx tsx scripts/answer-types.ts <dev-v2.0-part-a.json> [--split choose|report] [--detectors a,b] [--misses kind]
 *
 * Splits: `choose` and `report`, see {@link SPLITS}.
 * Detectors other than the one Accord ships need their libraries installed without saving them, e.g.
 * `npm i --no-save wink-nlp wink-eng-lite-web-model compromise-numbers`.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type AnswerType, answerType } from '../src/answer/question.js';
import type { Span } from '../src/contract/types.js';
import { splitSentences } from '../src/corpus/segment.js';
import { tokenize } from '../src/text/text.js';
import { SQUAD_SPLIT } from '../tests/eval/squad.js';

/** The kinds measured, and which question types ask for each. */
type Kind = 'date' | 'person' | 'place' | 'quantity' | 'money' | 'duration';
const KIND_OF: Partial<Record<AnswerType, Kind>> = {
  date: 'date',
  time: 'date',
  name: 'person',
  person: 'person',
  place: 'place',
  quantity: 'quantity',
  money: 'money',
  duration: 'duration',
};
const KINDS: Kind[] = ['date', 'person', 'place', 'quantity', 'money', 'duration'];

/** Spans of one kind and how specific they are (0–1; detectors without a measure say 1). */
interface Found {
  spans: Span[];
  strength: number;
}

/** Finds spans of one kind in a sentence. `prepare` parses once per sentence; `find` reads the parse. */
interface Detector {
  name: string;
  prepare(sentence: string): unknown;
  find(kind: Kind, parsed: unknown, sentence: string): Found;
}

interface Item {
  kind: Kind;
  sentences: string[];
  gold: number;
  /** Gold answer spans relative to the gold sentence. */
  answers: Span[];
}

/**
 * The answer engine's split of part A (tests/eval/squad-split.json): detectors are chosen on its `fit`
 * articles and reported on its `tune` ones; its `final` four are never read here.
 */
const SPLITS = { choose: SQUAD_SPLIT.fit, report: SQUAD_SPLIT.tune };

function readItems(path: string, split: keyof typeof SPLITS): Item[] {
  const data = JSON.parse(readFileSync(path, 'utf8')) as {
    data: {
      title: string;
      paragraphs: {
        context: string;
        qas: {
          question: string;
          is_impossible?: boolean;
          answers: { text: string; answer_start: number }[];
        }[];
      }[];
    }[];
  };
  const titles = SPLITS[split];
  const items: Item[] = [];
  for (const article of data.data.filter((a) => titles.includes(a.title))) {
    for (const { context, qas } of article.paragraphs) {
      const spans = splitSentences(context);
      for (const qa of qas) {
        if (qa.is_impossible || qa.answers.length === 0) continue;
        const kind = KIND_OF[answerType(tokenize(qa.question.replace(/\s+/g, ' ')).map((t) => t.word))];
        const first = qa.answers[0];
        if (!kind || !first) continue;
        const gold = spans.findIndex((s) => s.start <= first.answer_start && first.answer_start < s.end);
        const sentence = spans[gold];
        if (!sentence) continue;
        const answers = qa.answers
          .map((a) => ({
            start: a.answer_start - sentence.start,
            end: a.answer_start + a.text.length - sentence.start,
          }))
          .filter((a) => a.start >= 0 && a.end <= sentence.end - sentence.start);
        items.push({ kind, sentences: spans.map((s) => context.slice(s.start, s.end)), gold, answers });
      }
    }
  }
  return items;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

function measure(detector: Detector, items: Item[], showMisses?: string): void {
  const parses = new Map<string, unknown>();
  const parse = (s: string) => {
    let p = parses.get(s);
    if (p === undefined) {
      p = detector.prepare(s);
      parses.set(s, p);
    }
    return p;
  };
  // Cost: every distinct sentence parsed once and searched for every kind (after a warm-up), timed apart from
  // the scoring. Detectors that cache parses are timed on sentences they have not seen.
  const distinct = [...new Set(items.flatMap((i) => i.sentences))];
  const searchAll = (s: string) => {
    const p = detector.prepare(s);
    for (const kind of KINDS) detector.find(kind, p, s);
  };
  for (const s of distinct.slice(0, 50)) searchAll(s);
  const timed = distinct.slice(50);
  const t0 = process.hrtime.bigint();
  for (const s of timed) searchAll(s);
  const micros = Number(process.hrtime.bigint() - t0) / 1000 / timed.length;
  const rows: string[] = [];
  let allHit = 0;
  let allFire = 0;
  let allOthers = 0;
  // AUC: how often the gold sentence's evidence (its strength, 0 when none) beats another sentence's of the
  // same paragraph (ties count half): the detector as a ranking feature.
  let allWins = 0;
  let allPairs = 0;
  for (const kind of KINDS) {
    const mine = items.filter((i) => i.kind === kind);
    let hit = 0;
    let fired = 0;
    let others = 0;
    let wins = 0;
    let pairs = 0;
    for (const item of mine) {
      const values = item.sentences.map((s) => {
        const { spans, strength } = detector.find(kind, parse(s), s);
        return spans.length ? strength : 0;
      });
      const gold = values[item.gold] ?? 0;
      values.forEach((v, i) => {
        if (i === item.gold) return;
        pairs++;
        wins += gold > v ? 1 : gold === v ? 0.5 : 0;
      });
      item.sentences.forEach((s, i) => {
        const { spans } = detector.find(kind, parse(s), s);
        if (i === item.gold) {
          if (spans.some((sp) => item.answers.some((a) => overlaps(sp, a)))) hit++;
          else if (showMisses === kind)
            console.log(
              `    miss: ${s.slice(item.answers[0]?.start, item.answers[0]?.end)} | found: ${spans.map((sp) => s.slice(sp.start, sp.end)).join(' / ')}`,
            );
        } else {
          others++;
          if (spans.length) fired++;
        }
      });
    }
    allWins += wins;
    allPairs += pairs;
    allHit += hit;
    allFire += fired;
    allOthers += others;
    rows.push(
      `  ${kind.padEnd(9)} n=${String(mine.length).padStart(4)}  recall ${pct(hit / mine.length)}  fires elsewhere ${pct(fired / (others || 1))}  AUC ${(wins / (pairs || 1)).toFixed(3)}`,
    );
  }
  console.log(
    `${detector.name}: recall ${pct(allHit / items.length)}  fires elsewhere ${pct(allFire / (allOthers || 1))}  AUC ${(allWins / (allPairs || 1)).toFixed(3)}  ${micros.toFixed(0)} µs/sentence (all kinds)`,
  );
  for (const r of rows) console.log(r);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(6);

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    split: { type: 'string', default: 'choose' },
    detectors: { type: 'string' },
    misses: { type: 'string' },
  },
});
const path = positionals[0];
const split = values.split;
if (!path || (split !== 'choose' && split !== 'report')) {
  console.error(
    'usage: npx tsx scripts/answer-types.ts <dev-v2.0-part-a.json> [--split choose|report] [--detectors a,b]',
  );
  process.exit(2);
}
const items = readItems(path, split);
console.log(`${items.length} answerable typed questions (${split} split)`);
const { detectors } = await import('./answer-type-detectors.js');
const wanted = values.detectors?.split(',');
for (const d of await detectors(wanted))
  if (!wanted || wanted.includes(d.name)) measure(d, items, values.misses);

export type { Detector, Found, Kind };
