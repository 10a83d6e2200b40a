import { describe, expect, it } from 'vitest';
import { definedAcronyms, Referents } from '../../src/answer/referents.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import type { CorpusDocument, Passage } from '../../src/corpus/types.js';
import { stem } from '../../src/text/text.js';
import { askContextOf } from '../support/context.js';
import { tempCorpus } from '../support/tempCorpus.js';

const TEXT =
  'Bergen — The Nordic Orbital Authority (NOA) and the Andean Space Commission (ASC) signed a deal. ' +
  'NOA will contribute 187 million euros. The agency President (JAXA) Ito Ken attended. ' +
  'Costs are in euros (EUR) and the partners (P) agreed.';

describe('acronyms a document defines', () => {
  it('reads "Long Name (ACR)" as the acronym standing for the words whose letters spell it', () => {
    expect(definedAcronyms(TEXT)).toEqual([
      { acronym: 'NOA', long: 'Nordic Orbital Authority' },
      { acronym: 'ASC', long: 'Andean Space Commission' },
    ]);
  });

  it('gives a sentence that uses the acronym the stems of what it stands for, in that document only', () => {
    const doc = { id: 'deal', text: TEXT } as CorpusDocument;
    const referents = new Referents([], [], [doc]);
    const sentence = 'NOA will contribute 187 million euros.';
    const start = TEXT.indexOf(sentence);
    const span = { start, end: start + sentence.length };
    expect([...referents.addTo(new Set(), 'deal', span, sentence)]).toEqual(['nordic', 'orbit', 'author']);
    expect([...referents.addTo(new Set(), 'other', span, sentence)]).toEqual([]);
  });
});

describe('a sentence opening with "She" or "He"', () => {
  it('is also about the person quoted in the sentence before it, in the same passage', async () => {
    const body =
      '“If the gates close too often, the fish lose their way,” Maud Lindqvist told the council. She asked for an independent study.\n\nShe was not quoted again.';
    const note = `---\nid: briefing\ntitle: Briefing\nkind: briefing\n---\n\n${body}\n`;
    const corpus = await loadCorpusStrict(tempCorpus({ 'briefing.md': note }));
    const ctx = askContextOf(corpus);
    const [first, second] = corpus.passages;
    const read = ctx.reader.stems(first as Passage);
    expect(read.sentences[1]?.has(stem('lindqvist'))).toBe(true);
    // The first sentence of a passage has no sentence before it to read.
    expect(ctx.reader.stems(second as Passage).sentences[0]?.has(stem('lindqvist'))).toBe(false);
  });
});
