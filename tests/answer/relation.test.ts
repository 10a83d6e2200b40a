import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { explainAsk } from '../../src/answer/ask.js';
import type { AskContext } from '../../src/answer/candidates.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { readArgument } from '../../src/answer/relation.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { withUploads } from '../eval/uploaded.js';
import { bundledText, CORPUS_DIR, sentenceWith } from '../support/bundled.js';
import { askContextOf } from '../support/context.js';
import { tempCorpus } from '../support/tempCorpus.js';

let ctx: AskContext;
beforeAll(async () => {
  const corpus = await withUploads(CORPUS_DIR);
  ctx = askContextOf(corpus);
});

const reading = (question: string, sentence: string) =>
  readArgument(analyzeQuestion(question, ctx.index, ctx.glossary), sentence, ctx.people);

describe('whether a sentence states what a "who" or "how many" question asks (readArgument)', () => {
  it('reads the names after "hosted by" as the hosts, not as who signed', () => {
    const hosting = sentenceWith(bundledText(), 'hosted by');
    expect(reading('who signed the agreement for japan?', hosting)).toBe('other');
    expect(reading('who hosted the event?', hosting)).toBe('stated');
  });

  it('reads a name after "signed … by" as who signed', () => {
    const note = readFileSync(
      resolve(import.meta.dirname, '../eval/uploaded/documents/moon-sample-note.md'),
      'utf8',
    );
    expect(reading('who signed the agreement?', sentenceWith(note, 'was signed on'))).toBe('stated');
  });

  it('reads a count after "by" with the verb before it, through "of" ("by representatives of 12 countries")', () => {
    const signed =
      'The turbine project was signed in Bergen by representatives of 12 countries, who met for two days.';
    expect(reading('how many countries signed the turbine project?', signed)).toBe('stated');
    const hosted = 'During a ceremony hosted by 3 mayors, delegates gathered to sign the water pact.';
    expect(reading('how many towns signed the water pact?', hosted)).toBe('other');
  });

  it('gives a subject or object whose verb the tags cannot tell (clauses, appositions) the benefit of the doubt', () => {
    // Each once read as belonging to the nearest verb ("spent", "founded", "travelled", "builds").
    const cases: [string, string][] = [
      [
        'how many countries ratified the ocean treaty?',
        'Twelve countries, all members of the alliance that was founded in 1949, ratified the ocean treaty.',
      ],
      [
        'how many nations attended the closing session?',
        'Officials from 40 nations, who travelled from five continents, attended the closing session.',
      ],
      ['how many countries have signed the agreement?', sentenceWith(bundledText(), 'hosted by')],
    ];
    for (const [question, sentence] of cases) expect(reading(question, sentence), question).toBe('stated');
  });

  it('cannot tell for a quote (its speaker stands apart from what was said) or without the asked verb', () => {
    const quote = sentenceWith(bundledText(), 'future of space is collaborative');
    expect(reading('who said the future of space is collaborative?', quote)).toBe('unknown');
    const hosting = sentenceWith(bundledText(), 'hosted by');
    expect(reading('who was the ambassador?', hosting)).toBe('unknown');
    expect(reading('when was the agreement signed?', hosting)).toBe('unknown');
  });
});

/** The ask context of a one-document corpus: an invented press release whose paragraphs are `paragraphs`. */
async function pactContext(...paragraphs: string[]): Promise<AskContext> {
  const front =
    'id: water-pact\ntitle: "Towns sign a water pact"\nurl: https://example.org/water-pact\npublished: 2025-05-20\nkind: press-release';
  const note = `---\n${front}\n---\n\n${paragraphs.join('\n\n')}\n`;
  const corpus = await loadCorpusStrict(tempCorpus({ 'water-pact.md': note }));
  return askContextOf(corpus);
}

const COVERS = 'The pact covers irrigation, drinking water and flood control along the whole valley.';

describe('"who <did>" and "how many" when the best sentence names or counts for another verb', () => {
  const hosting =
    'During a ceremony hosted by Mayor Ana Ruiz and Councillor Li Wen at the old town hall in Riverton on Tuesday, March 4th, delegates from the two towns and from the farms of the valley gathered to sign a water pact.';

  it('abstains: the corpus does not say who signed', async () => {
    const small = await pactContext(hosting, COVERS);
    const signed = explainAsk(small, 'who signed the water pact?');
    expect(signed.result.answer).toBeNull();
    expect(signed.decision).toBe('agentAway');
    const hosted = explainAsk(small, 'who hosted the ceremony?');
    expect(hosted.result.answer?.text).toContain('Ana Ruiz');
  });

  it('answers with a sentence just below that names who signed', async () => {
    const signer = 'The pact was signed on behalf of the valley board by its chair Tomas Berg.';
    const small = await pactContext(hosting, `${COVERS} ${signer}`);
    expect(explainAsk(small, 'who signed the water pact?').result.answer?.text).toBe(signer);
  });

  it('abstains on "how many" when the only count is the agent of another verb', async () => {
    const small = await pactContext(
      'During a ceremony hosted by 3 mayors at the old town hall in Riverton on Tuesday, delegates of the valley gathered to sign a water pact.',
      COVERS,
    );
    const farms = explainAsk(small, 'how many people signed the water pact?');
    expect(farms.result.answer).toBeNull();
    expect(farms.decision).toBe('countAway');
  });

  it('answers "who" and "how many" from sentences whose subject stands apart from its verb', async () => {
    const presented =
      'Kenji Sato, whose team spent two years drafting the text, presented the pact to the council on Tuesday.';
    const ratified =
      'Twelve farms, all members of the cooperative that was founded in 1949, ratified the pact.';
    const small = await pactContext(presented, ratified, COVERS);
    expect(explainAsk(small, 'who presented the pact to the council?').result.answer?.text).toBe(presented);
    expect(explainAsk(small, 'how many farms ratified the pact?').result.answer?.text).toBe(ratified);
  });
});
