/**
 * The documents' sets `npm run train` fits on: each held-out document's set is asked over a corpus holding that
 * document (and the uploaded ones), so every fact it expects is words of that corpus.
 */
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR } from '../support/bundled.js';
import { readDevSet } from './evaluate.js';
import { heldoutDocumentSets, uploadedDocuments, withHeldoutDocuments } from './uploaded.js';

describe('the held-out documents (tests/eval/heldout-documents)', () => {
  it('are asked over the bundled corpus, the uploaded documents and every held-out document', async () => {
    const sets = heldoutDocumentSets();
    expect(sets.length).toBeGreaterThanOrEqual(6);
    const corpus = await withHeldoutDocuments(CORPUS_DIR);
    const ids = corpus.documents.map((d) => d.id);
    const text = corpus.documents.map((d) => d.text).join('\n');
    for (const set of sets) {
      expect(ids).toContain(basename(set, '.jsonl'));
      for (const item of readDevSet(set)) if (item.fact !== null) expect(text).toContain(item.fact);
    }
    for (const document of uploadedDocuments()) expect(ids).toContain(basename(document, '.md'));
  });
});
