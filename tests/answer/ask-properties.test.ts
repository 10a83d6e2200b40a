/**
 * `ask` never fails on what a user types: generated questions mix question forms (English and Japanese), words of the
 * bundled release, words that are also keys of every JavaScript object ("constructor", "toString"), numbers and
 * arbitrary text. Each gets an answer whose text and short answer are the document's own at their offsets, or an
 * abstention, or a `UserInputError` (empty or too long): never another exception.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type KnowledgeBase, UserInputError } from '../../src/contract/types.js';
import { bundledText } from '../support/bundled.js';
import { bundledKnowledgeBase } from '../support/kb.js';

/** Questions tried per CI run. */
const RUNS = 150;

let kb: KnowledgeBase;
let text: string;
beforeAll(async () => {
  kb = await bundledKnowledgeBase();
  text = bundledText();
});

const OPENINGS = [
  'how many',
  'how much',
  'how long',
  'how far',
  'what year',
  'when',
  'who',
  'where',
  'why',
  'what did',
  'which',
  '何年',
  'いつ',
  '誰が',
  'どこで',
  '何人',
];
/** Keys every plain object has: a lookup table that is a plain object answers them with functions. */
const OBJECT_KEYS = [
  'constructor',
  'constructors',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__proto__',
  'prototype',
  'isPrototypeOf',
  'toLocaleString',
];

function questionArbitrary(releaseWords: string[]): fc.Arbitrary<string> {
  const word = fc.oneof(
    fc.constantFrom(...OPENINGS),
    fc.constantFrom(...OBJECT_KEYS),
    fc.constantFrom(...releaseWords),
    fc.integer({ min: 0, max: 3000 }).map(String),
    fc.string({ maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 6 }),
  );
  return fc.array(word, { minLength: 0, maxLength: 10 }).map((words) => words.join(' '));
}

describe('ask on generated questions', () => {
  it('answers with the source text, abstains, or refuses with a UserInputError', () => {
    const releaseWords = [...new Set(text.split(/\s+/).filter((w) => w.length > 2))];
    fc.assert(
      fc.property(questionArbitrary(releaseWords), (question) => {
        let result: ReturnType<KnowledgeBase['ask']>;
        try {
          result = kb.ask(question);
        } catch (err) {
          expect(err).toBeInstanceOf(UserInputError);
          return;
        }
        const answer = result.answer;
        if (!answer) return;
        expect(text.slice(answer.citation.start, answer.citation.end)).toBe(answer.text);
        if (answer.short) expect(text.slice(answer.short.start, answer.short.end)).toBe(answer.short.text);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(OBJECT_KEYS)('reads "%s" as a word, not as a key of an object', (key) => {
    for (const opening of OPENINGS)
      expect(() => kb.ask(`${opening} ${key} signed the agreement`)).not.toThrow();
  });
});
