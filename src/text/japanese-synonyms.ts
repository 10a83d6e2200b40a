/**
 * Japanese synonyms, from Sudachi's synonym dictionary (WorksApplications' SudachiDict, Apache-2.0, as the
 * `sudachi-synonyms-dictionary` package ships it): some 26,000 groups of words of one meaning, with their
 * spelling variants (挨拶, あいさつ), loanwords and the English they come from (タイトル, 題名, title), and
 * abbreviations. A Japanese question may use a word its document does not (テスト for 試験, 土台 for "base"):
 * what WordNet is for English words, this is for Japanese ones.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { normalizeJapanese } from './japanese.js';

/** One headword of a group, as the package gives it (the fields read here; see its index.d.ts). */
interface SynonymItem {
  /** 0: expands and is expanded to; 1: only expanded to (an ambiguous or rare form); 2: never used. */
  expandControl: 0 | 1 | 2;
  midashi: string;
}

let byWord: Map<string, string[]> | undefined;

/**
 * The package's JSON, read where Node finds the package: its ES module entry is missing from what it
 * publishes, so it is located through its CommonJS one.
 */
function load(): Map<string, string[]> {
  const main = createRequire(import.meta.url).resolve('sudachi-synonyms-dictionary');
  const groups = JSON.parse(
    readFileSync(join(dirname(main), 'sudachi-synonyms-dictionary.json'), 'utf8'),
  ) as {
    items: SynonymItem[];
  }[];
  const map = new Map<string, string[]>();
  for (const { items } of groups) {
    const used = items.filter((i) => i.expandControl !== 2);
    for (const item of used) {
      const key = normalizeJapanese(item.midashi);
      const list = map.get(key) ?? [];
      // A word that triggers no expansion (テスト, ambiguous) still finds the triggers it is expanded from
      // (試験): a document's 試験 would have been indexed as テスト too.
      for (const other of used)
        if (
          other !== item &&
          (item.expandControl === 0 || other.expandControl === 0) &&
          !list.includes(other.midashi)
        )
          list.push(other.midashi);
      map.set(key, list);
    }
  }
  return map;
}

/**
 * The other words of `word`'s synonym groups (Japanese and English, as written there); `[]` when it is in
 * none. `word` is compared as the segmenter writes words ({@link normalizeJapanese}). The dictionary is read
 * on the first call: only Japanese questions ever need it, and a process that never gets one never pays for it.
 * That first call is slow (0.5 s on an idle machine, 1.3 s on a loaded one, measured 1 Dec) and keeps some 19 MB
 * of heap: once per process, and inside the 2 s after which the Discord adapter defers a slow answer.
 */
export function japaneseSynonyms(word: string): string[] {
  byWord ??= load();
  return byWord.get(normalizeJapanese(word)) ?? [];
}
