import { buildKnowledgeBase } from '../../src/core/knowledge.js';
import type { KnowledgeBase } from '../../src/core/types.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { CORPUS_DIR } from './bundled.js';

let bundled: Promise<KnowledgeBase> | undefined;

/** The knowledge base of the bundled corpus, built once per test file. */
export function bundledKnowledgeBase(): Promise<KnowledgeBase> {
  bundled ??= loadCorpusStrict(CORPUS_DIR).then(buildKnowledgeBase);
  return bundled;
}
