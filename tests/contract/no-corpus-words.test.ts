import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpusStrict } from '../../src/corpus/load.js';
import { hasJapanese } from '../../src/text/japanese.js';
import { isStopWord } from '../../src/text/text.js';
import { CORPUS_DIR } from '../support/bundled.js';

const ROOT = resolve(import.meta.dirname, '../..');
/** The code that must not know the corpus: the core and the Discord commands. */
const CODE_DIRS = ['src', 'commands'].map((dir) => join(ROOT, dir));

/**
 * Glossary terms and title words that are general English the code may well use for its own sake: a
 * language it reads (Japanese), generic titles that stand in examples of name splitting and question reading
 * (President, Prime Minister…), country names and months used as examples of places and dates, and the
 * phrases English gives a name with ("known as"), which the answer step reads. Nothing here
 * is particular to this corpus; a word that is goes into the code nowhere.
 */
const GENERAL_ENGLISH = new Set([
  'Japanese',
  'President',
  'Ambassador',
  'Prime Minister',
  'Secretary of State',
  'United States',
  'U.S',
  'January',
  'November',
  'Known as',
]);

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
 * more its glossary spells out ("USA" belongs to any English text), its document ids, its glossary's names and
 * phrases and its documents' title words.
 */
describe('src/ and commands/ name nothing of the bundled corpus', () => {
  it('holds none of its people, acronyms, document ids, glossary terms or title words, not even in comments', async () => {
    const corpus = await loadCorpusStrict(CORPUS_DIR);
    const words = new Set<string>();
    for (const speaker of corpus.speakers) {
      for (const w of speaker.name.split(/\s+/)) if (w.length >= 4) words.add(w);
      for (const alias of speaker.aliases) if (hasJapanese(alias)) words.add(alias);
    }
    for (const entry of corpus.glossary)
      for (const w of [entry.text, ...entry.typed]) if (/^\p{Lu}{4,}$/u.test(w)) words.add(w);
    for (const doc of corpus.documents) words.add(doc.id);
    // The glossary's own terms that are names or phrases ("Artemis Accords", "outer space"; its single
    // lower-case words are everyday vocabulary), and every word of the documents' titles.
    const phrases = new Set<string>();
    for (const entry of corpus.glossary)
      if (/\s/.test(entry.text) || /^\p{Lu}/u.test(entry.text)) phrases.add(entry.text);
    for (const doc of corpus.documents)
      for (const w of doc.title.split(/[^\p{L}\p{N}.]+/u))
        if (w.length > 1 && !isStopWord(w.toLowerCase())) phrases.add(w.replace(/\.$/, ''));
    for (const phrase of phrases) if (!GENERAL_ENGLISH.has(phrase)) words.add(phrase);
    expect(words.size).toBeGreaterThan(5);
    const found: string[] = [];
    for (const file of CODE_DIRS.flatMap(sourceFiles)) {
      const text = readFileSync(file, 'utf8');
      for (const word of words) {
        const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
        // Phrases in any case ("Outer Space", "outer space"); single words as written ("Space", not "space").
        const pattern = hasJapanese(word)
          ? word
          : new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, /\s/.test(word) ? 'iu' : 'u');
        if (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text))
          found.push(`${relative(ROOT, file)}: ${word}`);
      }
    }
    expect(found).toEqual([]);
  });
});
