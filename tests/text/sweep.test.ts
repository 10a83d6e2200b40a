/**
 * The contract of src/text/sweep.ts with compromise's post-tagger sweep (`methods.one.bulkMatch`), pinned to
 * the version it was checked against: a compromise upgrade fails here first, by name.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/corpus/segment.js';
import { CHECKED_COMPROMISE_VERSION, sweep } from '../../src/text/sweep.js';
import { brownPassages } from '../bench/brown.js';

interface Term {
  text: string;
  tags: Set<string>;
  offset?: { start: number };
}
interface View {
  docs: Term[][];
  compute(what: string): void;
  sweep(net: unknown, opts: object): { found: { match: string; view: { text(): string } }[] };
}
interface Nlp {
  (text: string): View;
  version: string;
  buildNet(matches: { match: string }[]): unknown;
  world(): { methods: { one: { bulkMatch: unknown } } };
}
// A fresh copy of the library (vitest isolates test files): its own sweep is still in place here.
const nlp = createRequire(import.meta.url)('compromise/two') as Nlp;
const world = nlp.world();
const librarys = world.methods.one.bulkMatch;

/** Runs `fn` with the library's own sweep, or with sweep.ts's. */
function withSweep<T>(ours: boolean, fn: () => T): T {
  world.methods.one.bulkMatch = ours ? sweep : librarys;
  try {
    return fn();
  } finally {
    world.methods.one.bulkMatch = librarys;
  }
}

/** Every word of `text` with its offset and tags, as src/text/english.ts reads them. */
function tagged(text: string): string[] {
  const doc = nlp(text);
  doc.compute('offset');
  return doc.docs.flat().map((t) => `${t.text}@${t.offset?.start}:${[...t.tags].sort().join(',')}`);
}

describe(`compromise's post-tagger sweep (checked on ${CHECKED_COMPROMISE_VERSION})`, () => {
  it('is the version sweep.ts was checked against', () => {
    expect(
      nlp.version,
      `compromise ${nlp.version} is installed, but src/text/sweep.ts was checked against ` +
        `${CHECKED_COMPROMISE_VERSION}: compare it with the library's src/1-one/sweep (getHooks, trimDown, ` +
        'runMatch), then update CHECKED_COMPROMISE_VERSION',
    ).toBe(CHECKED_COMPROMISE_VERSION);
  });

  it('tags every word of Brown sentences exactly as the library does', () => {
    const sentences = brownPassages(120).flatMap((p) =>
      splitSentences(p.text).map((s) => p.text.slice(s.start, s.end)),
    );
    const theirs = withSweep(false, () => sentences.map(tagged));
    const ours = withSweep(true, () => sentences.map(tagged));
    expect(ours).toEqual(theirs);
  });

  it('finds the same matches as the library, and stops at the first one when asked to', () => {
    // The library's documented way to sweep a text with rules of one's own.
    const net = nlp.buildNet([
      { match: '#Person' },
      { match: 'the? health board' },
      { match: '(in|on) #Date' },
      { match: '#Money+' },
      { match: 'nobody here' },
      // Neighbouring tokens that must match neighbouring words (sweep.ts skips rules that cannot), also
      // around a contraction's hidden word ("do" of "don't").
      { match: 'the #Noun of' },
      { match: 'the #Noun #Noun' },
      { match: '(do|does) not #Verb' },
      { match: 'not [#Verb] the' },
    ]);
    const text =
      'Mayor Smith of Springfield, who met the health board in March, spent $3 million. ' +
      "The board doesn't know the mayor of Springfield, and they do not say.";
    for (const matchOne of [false, true]) {
      const found = (ours: boolean) =>
        withSweep(ours, () =>
          nlp(text)
            .sweep(net, { tagger: false, matchOne })
            .found.map((f) => `${f.match} → ${f.view.text()}`),
        );
      const theirs = found(false);
      expect(theirs.length).toBeGreaterThan(0);
      expect(found(true)).toEqual(theirs);
    }
  });
});
