import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The bundled corpus folder. */
export const CORPUS_DIR = resolve(import.meta.dirname, '../../corpus');
export const BUNDLED_ID = 'nasa-us-japan-framework-agreement-2023';

/** The bundled press release's text, read straight from the file (everything after the front matter). */
export function bundledText(): string {
  const file = readFileSync(resolve(CORPUS_DIR, `${BUNDLED_ID}.md`), 'utf8');
  const close = file.indexOf('\n---\n', 4);
  return file.slice(close + '\n---\n'.length);
}

/** The non-blank lines of the bundled release: one paragraph each, numbered from 1 as users see them. */
export function bundledParagraphs(): string[] {
  return bundledText()
    .split('\n')
    .filter((line) => line.trim() !== '');
}

/**
 * The sentence of `text` that holds all of `words`, read from the text itself (a sentence ends at ".", "!" or
 * "?", and a closing quote after it, before white space): tests check answers against the corpus's own words.
 */
export function sentenceWith(text: string, ...words: string[]): string {
  const found = text
    .split(/(?<=[.!?][”"]?)\s+/)
    .map((s) => s.trim())
    .find((s) => words.every((w) => s.includes(w)));
  if (!found) throw new Error(`no sentence holds ${words.join(', ')}`);
  return found;
}
