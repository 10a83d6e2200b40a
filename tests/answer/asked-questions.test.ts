import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/contract/types.js';
import { bundledWith } from '../support/kb.js';

/**
 * An invented page of questions and answers a moderator adds: bold questions, "Q:"/"A:" paragraphs and a
 * host's question in a transcript, each answered by paragraphs that do not repeat its words.
 */
const fixture = readFileSync(join(import.meta.dirname, 'fixtures/buoy-questions.md'), 'utf8');
/** The paragraph of the fixture holding `words`, as the file writes it. */
const paragraphWith = (words: string) =>
  fixture
    .split('\n\n')
    .find((p) => p.includes(words))
    ?.trim() ?? '';

describe('a document that asks questions and answers them', () => {
  let kb: KnowledgeBase;
  beforeAll(async () => {
    kb = await bundledWith({ 'buoy-questions.md': fixture });
  });

  it('answers with the paragraph after the question, which never repeats its words, not with the question', () => {
    const result = kb.ask('how long does a buoy stay at sea?');
    const answer = paragraphWith('hauled ashore');
    expect(answer).not.toMatch(/buoy|stay|sea/i);
    expect(result.answer?.text).toBe(answer);
    expect(result.passages[0]?.text).toBe(answer);
  });

  it('answers with the words after a bold question in its paragraph, never the question', () => {
    const result = kb.ask('can I swim near a buoy?');
    expect(paragraphWith('**Can I swim near one?**')).toContain(result.answer?.text);
    expect(result.answer?.text).toMatch(/^Swimmers should keep forty metres away/);
  });

  it("takes the reply to the document's own why-question for the reason it asks, though no word says because", () => {
    const result = kb.ask('why are the hulls painted yellow?');
    expect(result.answer?.text).toBe(paragraphWith('A: That colour'));
    expect(result.answer?.text).not.toMatch(/because|since|so that|due to/);
  });

  it('lists the answer of a "Q:" question and of a host\'s question first, not the question', () => {
    expect(kb.ask('why are the hulls painted yellow?').passages[0]?.text).toBe(
      paragraphWith('A: That colour'),
    );
    expect(kb.ask('what happens to the buoys when a storm breaks a mooring').passages[0]?.text).toBe(
      paragraphWith('spare anchor'),
    );
  });
});
