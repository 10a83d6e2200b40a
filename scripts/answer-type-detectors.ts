/**
 * The detectors scripts/answer-types.ts compares: today's regexes, compromise (+ compromise-dates,
 * compromise-numbers) and wink-nlp with its English lite model. Libraries not in package.json are loaded only
 * when installed (`npm i --no-save …`), so the script runs with what is there.
 */

import { typeEvidence } from '../src/answer/entities.js';
import type { AnswerType } from '../src/answer/question.js';
import type { Span } from '../src/contract/types.js';
import type { Detector, Found, Kind } from './answer-types.js';
import { findAnswerType, PeopleFinder } from './regex-baseline.js';

const TYPE_OF: Record<Kind, AnswerType> = {
  date: 'date',
  person: 'person',
  place: 'place',
  quantity: 'quantity',
  money: 'money',
  duration: 'duration',
};

/** What Accord ships: src/answer/entities.ts. */
function accordDetector(): Detector {
  return {
    name: 'accord',
    prepare: () => null,
    find: (kind, _p, s) => typeEvidence(TYPE_OF[kind], s) ?? none,
  };
}

const none: Found = { spans: [], strength: 0 };
const full = (spans: Span[]): Found => ({ spans, strength: 1 });

function regexDetector(): Detector {
  const people = new PeopleFinder([]);
  return {
    name: 'regex',
    prepare: () => null,
    find: (kind, _p, s) => findAnswerType(TYPE_OF[kind], s, people) ?? none,
  };
}

/** A match's span without the white space and punctuation compromise keeps around terms. */
function trimmed(text: string, start: number, end: number): Span {
  while (start < end && /[\s,.;:!?"“”'‘’()]/u.test(text[start] ?? '')) start++;
  while (end > start && /[\s,.;:!?"“”'‘’()]/u.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

async function tryImport<T>(name: string): Promise<T | null> {
  try {
    return ((await import(name)) as { default: T }).default;
  } catch {
    console.log(`(${name} is not installed: skipped)`);
    return null;
  }
}

interface CompromiseView {
  json(opts: { offset: true }): { offset: { start: number; length: number } }[];
}
type CompromiseDoc = Record<string, (() => CompromiseView) | undefined>;

/** `plugins: false` measures compromise alone: its plugins change the shared instance once loaded. */
async function compromiseDetectors(plugins: boolean): Promise<Detector[]> {
  // biome-ignore lint/suspicious/noExplicitAny: the library's plugin types differ between versions
  const nlp = await tryImport<any>('compromise');
  if (!nlp) return [];
  const TAGS: Record<Kind, string> = {
    date: '(#Date|#Time)+',
    person: '#Person+',
    place: '#Place+',
    quantity: '(#Value|#Percent)+',
    money: '#Money+',
    duration: '#Duration+',
  };
  const core: Detector = {
    name: 'compromise-core',
    prepare: (s) => nlp(s),
    find: (kind, doc, s) =>
      full(
        (doc as { match(m: string): CompromiseView })
          .match(TAGS[kind])
          .json({ offset: true })
          .map((m) => trimmed(s, m.offset.start, m.offset.start + m.offset.length)),
      ),
  };
  if (!plugins) return [core];
  const dates = await tryImport<unknown>('compromise-dates');
  const numbers = await tryImport<unknown>('compromise-numbers');
  if (dates) nlp.plugin(dates);
  if (numbers) nlp.plugin(numbers);
  const spans = (doc: CompromiseDoc, method: string, text: string): Span[] =>
    (doc[method]?.call(doc).json({ offset: true }) ?? []).map((m) =>
      trimmed(text, m.offset.start, m.offset.start + m.offset.length),
    );
  const METHODS: Record<Kind, string[]> = {
    date: ['dates', 'times'],
    person: ['people'],
    place: ['places'],
    quantity: ['numbers', 'percentages'],
    money: ['money'],
    duration: ['durations'],
  };
  const make = (name: string, methods: Record<Kind, string[]>): Detector => ({
    name,
    prepare: (s) => nlp(s),
    find: (kind, doc, s) => full(methods[kind].flatMap((m) => spans(doc as CompromiseDoc, m, s))),
  });
  return [
    make('compromise', METHODS),
    make('compromise+orgs', {
      ...METHODS,
      person: ['people', 'organizations'],
      place: ['places', 'organizations'],
    }),
  ];
}

interface WinkToken {
  value: string;
  pos: string;
  start: number;
  end: number;
}
interface WinkParse {
  tokens: WinkToken[];
  entities: { type: string; first: number; last: number }[];
}

async function winkDetector(): Promise<Detector[]> {
  // biome-ignore lint/suspicious/noExplicitAny: wink's model typings are loose
  const winkNLP = await tryImport<any>('wink-nlp');
  const model = await tryImport<unknown>('wink-eng-lite-web-model');
  if (!winkNLP || !model) return [];
  const nlp = winkNLP(model);
  const its = nlp.its;
  const ENTITY_TYPES: Partial<Record<Kind, string[]>> = {
    date: ['DATE', 'TIME'],
    quantity: ['CARDINAL', 'PERCENT'],
    money: ['MONEY'],
    duration: ['DURATION'],
  };
  return [
    {
      name: 'wink',
      prepare(s): WinkParse {
        const doc = nlp.readDoc(s);
        const values: string[] = doc.tokens().out(its.value);
        const spaces: string[] = doc.tokens().out(its.precedingSpaces);
        const pos: string[] = doc.tokens().out(its.pos);
        let at = 0;
        const tokens = values.map((value, i) => {
          at += spaces[i]?.length ?? 0;
          const token = { value, pos: pos[i] ?? '', start: at, end: at + value.length };
          at += value.length;
          return token;
        });
        const entities: WinkParse['entities'] = [];
        doc.entities().each((e: { out(x: unknown): unknown }) => {
          const [first, last] = e.out(its.span) as [number, number];
          entities.push({ type: e.out(its.type) as string, first, last });
        });
        return { tokens, entities };
      },
      find(kind, parsed) {
        const { tokens, entities } = parsed as WinkParse;
        const span = (first: number, last: number): Span => ({
          start: tokens[first]?.start ?? 0,
          end: tokens[last]?.end ?? 0,
        });
        const types = ENTITY_TYPES[kind];
        if (types)
          return full(entities.filter((e) => types.includes(e.type)).map((e) => span(e.first, e.last)));
        // No named entities in the lite model: runs of proper nouns (after a preposition, for places).
        const runs: Span[] = [];
        for (let i = 0; i < tokens.length; i++) {
          if (tokens[i]?.pos !== 'PROPN') continue;
          let j = i;
          while (tokens[j + 1]?.pos === 'PROPN') j++;
          const before = tokens[i - 1];
          if (kind === 'person' || (before && /^(in|at|near|from|to|on)$/i.test(before.value)))
            runs.push(span(i, j));
          i = j;
        }
        return full(runs);
      },
    },
  ];
}

export async function detectors(wanted?: string[]): Promise<Detector[]> {
  const plugins = !wanted || wanted.some((w) => w.startsWith('compromise') && w !== 'compromise-core');
  return [
    regexDetector(),
    accordDetector(),
    ...(await compromiseDetectors(plugins)),
    ...(await winkDetector()),
  ];
}
