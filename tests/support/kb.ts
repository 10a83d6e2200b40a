import type { KnowledgeBase } from '../../src/contract/types.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { CORPUS_DIR } from './bundled.js';

let bundled: Promise<KnowledgeBase> | undefined;

/** The knowledge base of the bundled corpus, built once per test file. */
export function bundledKnowledgeBase(): Promise<KnowledgeBase> {
  bundled ??= loadCorpusStrict(CORPUS_DIR).then(buildKnowledgeBase);
  return bundled;
}
