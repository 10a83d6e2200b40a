import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase } from '../../src/contract/types.js';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { BUNDLED_ID, CORPUS_DIR } from './bundled.js';
import { tempCorpus } from './tempCorpus.js';

let bundled: Promise<KnowledgeBase> | undefined;

/** The knowledge base of the bundled corpus, built once per test file. */
export function bundledKnowledgeBase(): Promise<KnowledgeBase> {
  bundled ??= loadCorpusStrict(CORPUS_DIR).then(buildKnowledgeBase);
  return bundled;
}

/**
 * The knowledge base of the bundled corpus (its registers and release) with `files` (name → content) added, as a
 * moderator adds documents; built in a throw-away folder.
 */
export async function bundledWith(files: Record<string, string>): Promise<KnowledgeBase> {
  const bundledFiles = ['speakers.yaml', 'glossary.yaml', 'japanese.yaml', `${BUNDLED_ID}.md`];
  const dir = tempCorpus({
    ...Object.fromEntries(bundledFiles.map((name) => [name, readFileSync(join(CORPUS_DIR, name), 'utf8')])),
    ...files,
  });
  return buildKnowledgeBase(await loadCorpusStrict(dir));
}
