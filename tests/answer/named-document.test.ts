import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { explainAsk } from '../../src/answer/ask.js';
import {
  HELDOUT_DOCUMENTS_DIR,
  uploadedDocuments,
  withDocuments,
  withHeldoutDocuments,
} from '../eval/uploaded.js';
import { askContextOf } from '../support/context.js';

const corpusDir = resolve(import.meta.dirname, '../../corpus');
// A small corpus (the rule is for a moderator's few documents; among thousands it stays off): the bundled one,
// tests/eval/uploaded's and the panel transcript that names the programme.
const smallCorpus = () =>
  withDocuments(corpusDir, [
    ...uploadedDocuments(),
    resolve(HELDOUT_DOCUMENTS_DIR, 'meridian-module-panel-ocf-2025.md'),
  ]);

describe('a question naming what one document of many is about', () => {
  it('is not answered by another document that shares its other words but never writes the name', async () => {
    const ctx = askContextOf(await smallCorpus());
    const meridian = [...ctx.documents.values()].find((d) => d.id === 'meridian-module-panel-ocf-2025');
    const lantern = [...ctx.documents.values()].find((d) => d.id === 'lantern-relay-status-q3');
    // The status report's "whole programme" is of another programme: it never names Meridian.
    expect(lantern?.text).toContain('The original budget for the whole programme was $412 million.');
    expect(lantern?.text).not.toMatch(/meridian/i);
    expect(meridian?.text).toContain('Meridian');
    const { result } = explainAsk(ctx, 'How much is the whole Meridian programme supposed to cost?');
    expect(result.answer?.citation.document ?? null).not.toBe('lantern-relay-status-q3');
    if (result.answer) expect(meridian?.text).toContain(result.answer.text);
  });

  it('keeps the answer of the document that writes the name', async () => {
    const ctx = askContextOf(await smallCorpus());
    const { result } = explainAsk(ctx, 'What was the original budget for the whole Lantern programme?');
    expect(result.answer?.citation.document).toBe('lantern-relay-status-q3');
    expect(result.answer?.text).toBe('The original budget for the whole programme was $412 million.');
  });
});

describe('a moderator corpus of many short documents', () => {
  // The bundled corpus with the 22 seen documents: 23 documents of 7–21 passages, 283 passages in all, past the
  // small corpus's limits but still a few documents, each about one thing (corpus-size.ts).
  it('still puts first the document a name of the question points to', async () => {
    const ctx = askContextOf(await withHeldoutDocuments(corpusDir));
    expect(ctx.index.passageCount).toBeGreaterThanOrEqual(250);
    const meridian = [...ctx.documents.values()].find((d) => d.id === 'meridian-module-panel-ocf-2025');
    const { result, best } = explainAsk(ctx, 'How much is the whole Meridian programme supposed to cost?');
    // The ranker's best sentence, answered or not, is the named document's (an abstention alone says nothing).
    expect(best).not.toBeNull();
    expect(meridian?.text).toContain(best);
    expect(result.answer?.citation.document ?? null).not.toBe('lantern-relay-status-q3');
    if (result.answer) expect(meridian?.text).toContain(result.answer.text);
  });
});
