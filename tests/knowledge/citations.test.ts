import { describe, expect, it } from 'vitest';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { pressRelease, tempCorpus } from '../support/tempCorpus.js';

/** A readout with headings and a list before its quote: the paragraphs a reader counts are its blocks of text. */
const BODY = `## Attendees

The working group met in Oslo on 3 March.

## Decisions

The group chose two relay sites:

- a northern site near the pole
- a southern site on the rim

## Remarks

“The relay will carry every rover’s data home within a minute,” said Chair Ingrid Solberg.`;

describe('citations', () => {
  it('give /quote and /ask one paragraph number for the same sentence of a document with headings', async () => {
    const corpus = await loadCorpusStrict(
      tempCorpus({ 'relay-readout.md': pressRelease('relay-readout', BODY) }),
    );
    const kb = buildKnowledgeBase(corpus);
    const [quote] = kb.quote('Ingrid Solberg').quotes;
    const answer = kb.ask('what will the relay carry home?').answer;
    expect(quote?.text).toBe('The relay will carry every rover’s data home within a minute');
    expect(answer?.text).toContain(quote?.text);
    expect(quote?.citation.paragraph).toBe(answer?.citation.paragraph);
    // The number counts the paragraphs of text, a list with the line opening it as one, headings not: the
    // quote's is the third.
    const blocks = BODY.split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p !== '' && !p.startsWith('#') && !p.startsWith('- '));
    expect(blocks.findIndex((p) => p.includes(quote?.text ?? '?')) + 1).toBe(quote?.citation.paragraph);
  });
});
