import { describe, expect, it } from 'vitest';
import { definedAcronyms, Referents } from '../../src/answer/referents.js';
import type { CorpusDocument } from '../../src/corpus/types.js';

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
