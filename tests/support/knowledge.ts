import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KnowledgeBase } from '../../src/contract/types.js';
import { BUNDLED_ID, CORPUS_DIR } from './bundled.js';
import { tempCorpus } from './tempCorpus.js';

export const release = readFileSync(join(CORPUS_DIR, `${BUNDLED_ID}.md`), 'utf8');
const speakers = readFileSync(join(CORPUS_DIR, 'speakers.yaml'), 'utf8');
const glossary = readFileSync(join(CORPUS_DIR, 'glossary.yaml'), 'utf8');

/** Someone quoted whom the speakers register does not know: the directory learns her name and title. */
export const LUNAR_NOTE = `---
id: lunar-note
title: Lunar note
kind: statement
---
"The lander is ready for the Moon," said Jane Roe, chief engineer of the lunar program.

"We will fly in 2031," Roe added.
`;

/** A throw-away corpus: the bundled one (release, registers) plus {@link LUNAR_NOTE}. */
export function lunarCorpus(): string {
  return tempCorpus({
    [`${BUNDLED_ID}.md`]: release,
    'speakers.yaml': speakers,
    'glossary.yaml': glossary,
    'lunar-note.md': LUNAR_NOTE,
  });
}

const QUESTIONS = readFileSync(join(import.meta.dirname, '../eval/dev-set.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => (JSON.parse(line) as { q: string }).q);

/**
 * Everything a user can get out of a knowledge base, as plain data: two knowledge bases giving equal
 * results here answer every dev-set question, quote and autocomplete the same way.
 */
export function everything(kb: KnowledgeBase): unknown {
  return {
    version: kb.version,
    stats: kb.stats(),
    sources: kb.sources(),
    speakers: kb.speakers(''),
    answers: QUESTIONS.map((q) => kb.ask(q, { limit: 10 })),
    quotes: kb.speakers('').map((s) => kb.quote(s.name, 'space')),
    roe: kb.quote('Jane Roe'),
  };
}
