import { stemmer } from 'stemmer';
import { isJapaneseStopWord, JAPANESE_RUN, type JapaneseDictionary, segmentJapanese } from './japanese.js';

/** A word of some text, with its offsets in that text (so highlights and excerpts stay exact). */
export interface Token {
  /** Normalized word: NFKC, Latin accents and case folded, apostrophes and possessives too, "U.S." → "usa". */
  word: string;
  start: number;
  end: number;
}

/**
 * Letters, digits and combining marks (a decomposed "é") of every script but Japanese, whose runs are
 * segmented apart (see `japanese.ts`).
 */
const WORD_CHAR = `[[\\p{L}\\p{N}\\p{M}]--${JAPANESE_RUN.slice(0, -1)}]`;
/**
 * Runs of Japanese script (group 1), acronyms written with periods ("U.S.", "D.C."), then words with inner
 * apostrophes ("Taro’s", "don't").
 */
const WORD_PATTERN = new RegExp(
  `(${JAPANESE_RUN})|(?:\\p{Lu}\\.){2,}|${WORD_CHAR}+(?:['’‘\`´]${WORD_CHAR}+)*`,
  'gv',
);

/** Removes zero-width and bidirectional control characters, which users paste and which split words. */
export function stripInvisible(text: string): string {
  return text.replace(/[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g, '');
}

/**
 * Normalizes one word as written: the one normalization of words, for search, questions and names alike.
 * "U.S." and "US" both mean the country, distinct from the pronoun "us", so the upper-case forms become
 * "usa". Accents on Latin letters go ("Akíhiko" is "akihiko"). Ordinals lose their suffix ("13th" → "13").
 */
export function normalizeWord(raw: string): string {
  if (isLowerAscii(raw)) return raw; // most words of English text: nothing to normalize, nothing to look up
  let word = normalized.get(raw);
  if (word === undefined) {
    word = normalizeUncached(raw);
    remember(normalized, raw, word);
  }
  return word;
}

/** Whether `word` is only the letters a–z, which normalization leaves as they are. */
function isLowerAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code < 97 || code > 122) return false;
  }
  return word.length > 0;
}

/**
 * Memo tables: text repeats its words, so a corpus of 100k passages analyzes a few tens of thousands of
 * distinct ones. Bounded, so that odd input (random strings) cannot grow them without end.
 */
const normalized = new Map<string, string>();
const stems = new Map<string, string>();
const MEMO_LIMIT = 200_000;

function remember(memo: Map<string, string>, key: string, value: string): void {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
}

const LATIN_ACCENTS = /(\p{sc=Latin})\p{M}+/gu;

function normalizeUncached(raw: string): string {
  // Marks after Latin letters are accents; elsewhere (Devanagari vowel signs…) they are part of the letter.
  const nfkc = raw.normalize('NFKD').replace(LATIN_ACCENTS, '$1').normalize('NFKC');
  const undotted = nfkc.replace(/\./g, '');
  if (undotted === 'US' || undotted === 'USA') return 'usa';
  let word = undotted
    .toLowerCase()
    .replace(/['’‘`´]/g, "'")
    .replace(/'s$/, '')
    .replace(/'/g, '');
  const ordinal = /^(\d+)(st|nd|rd|th)$/.exec(word);
  if (ordinal?.[1]) word = ordinal[1];
  return word;
}

/**
 * The words of `text` with their offsets into it. A dictionary keeps its Japanese words whole (see
 * {@link JapaneseDictionary}): questions are read with the registers' words.
 */
export function tokenize(text: string, dictionary?: JapaneseDictionary): Token[] {
  const tokens: Token[] = [];
  forEachWord(text, (word, start, end) => tokens.push({ word, start, end }), dictionary);
  return tokens;
}

/**
 * Calls `visit` with each normalized word of `text` and its offsets. An `exec` loop, with no intermediate
 * token objects: this is the hot path of indexing and of highlighting (half the time of `matchAll` + spread).
 */
function forEachWord(
  text: string,
  visit: (word: string, start: number, end: number) => void,
  dictionary?: JapaneseDictionary,
): void {
  const pattern = new RegExp(WORD_PATTERN);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const raw = match[0];
    if (match[1] !== undefined) {
      const afterNumber = /\p{N}/u.test(text[match.index - 1] ?? '');
      for (const { word, index, length } of segmentJapanese(raw, dictionary, afterNumber)) {
        visit(word, match.index + index, match.index + index + length);
      }
      continue;
    }
    const word = normalizeWord(raw);
    if (word) visit(word, match.index, match.index + raw.length);
  }
}

/**
 * English function words: they carry no topic, and matching them makes every passage look relevant.
 * Question words are here too; the question analysis reads them before they are dropped.
 */
const STOP_WORDS = new Set(
  `a about above after again against all also am an and any are aren as at be because been before being below
  between both but by can cannot could couldn did didn do does doesn doing don down during each either else
  ever every few for from further had hadn has hasn have haven having he her here hers herself him himself his
  how however i if in into is isn it its itself just let ll me might more most must mustn my myself no nor not
  now of off on once only or other ought our ours ourselves out over own re s same shall shan she should
  shouldn so some such t than that the their theirs them themselves then there these they this those through
  thus to too under until up upon us ve very was wasn we were weren what whats when whens where wheres whether
  which while who whos whom whose why will with won would wouldn you your yours yourself yourselves
  tell know say says said please give show explain describe anything something thing things way get got
  im ive id youre whats hows whos wheres per via
  make makes made making go goes went gone going come comes came use uses used using see saw seen want wants
  wanted someone somebody somewhere anyone anybody anywhere everyone everything everywhere still yet even`
    .split(/\s+/)
    .filter(Boolean),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word) || isJapaneseStopWord(word);
}

/** Porter stem of a normalized word; numbers and short words are kept as they are. */
export function stem(word: string): string {
  if (word.length <= 2) return word;
  // Most words start with a–z: Latin, no number, and no need to ask the two regular expressions.
  const first = word.charCodeAt(0);
  if ((first < 97 || first > 122) && (/^\d/.test(word) || !isLatinStart(word))) return word;
  let result = stems.get(word);
  if (result === undefined) {
    result = stemmer(word);
    remember(stems, word, result);
  }
  return result;
}

/** Porter stemming is for English: Japanese (and other non-Latin) words are kept whole. */
function isLatinStart(word: string): boolean {
  return /^\p{sc=Latin}/u.test(word);
}

/** A content term of `text`: its stem, and where its word stands in the text. */
export interface Term extends Token {
  stem: string;
}

/** The content terms of `text`, in order: stop words dropped, the rest stemmed (dictionary: see {@link tokenize}). */
export function contentTerms(text: string, dictionary?: JapaneseDictionary): Term[] {
  const terms: Term[] = [];
  forEachWord(
    text,
    (word, start, end) => {
      if (!isStopWord(word)) terms.push({ word, start, end, stem: stem(word) });
    },
    dictionary,
  );
  return terms;
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
