import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { hasJapanese } from '../../src/text/japanese.js';
import { CORPUS_DIR } from '../support/bundled.js';

const SRC = resolve(import.meta.dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.(?:ts|mts|mjs)$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

/**
 * Issue 12: no code may know this corpus, so a new corpus needs no code change. The words that would betray
 * it are read from the corpus itself: its people's names (English and Japanese), the acronyms of four letters or
 * more its glossary spells out ("USA" belongs to any English text), and its document ids.
 */
describe('src/ names nothing of the bundled corpus', () => {
  it('holds none of its people, acronyms or document ids, not even in comments', async () => {
    const corpus = await loadCorpusStrict(CORPUS_DIR);
    const words = new Set<string>();
    for (const speaker of corpus.speakers) {
      for (const w of speaker.name.split(/\s+/)) if (w.length >= 4) words.add(w);
      for (const alias of speaker.aliases) if (hasJapanese(alias)) words.add(alias);
    }
    for (const entry of corpus.glossary)
      for (const w of [entry.text, ...entry.typed]) if (/^\p{Lu}{4,}$/u.test(w)) words.add(w);
    for (const doc of corpus.documents) words.add(doc.id);
    expect(words.size).toBeGreaterThan(5);
    const found: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const word of words) {
        const pattern = hasJapanese(word)
          ? word
          : new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`);
        if (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text))
          found.push(`${relative(SRC, file)}: ${word}`);
      }
    }
    expect(found).toEqual([]);
  });
});
