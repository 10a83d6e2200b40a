/**
 * Name normalization and fuzzy comparison, shared by quote attribution (names as the text writes them) and
 * speaker lookup (names as users type them).
 */
import { editDistance } from '../text/distance.js';
import { tokenize } from '../text/text.js';

/** A name or title as words: lower case, accents, periods, apostrophes and possessives removed. */
export type NameTokens = string[];

/**
 * The words of a name as compared everywhere: the words of {@link tokenize} ("Taro’s" → "taro", "U.S." →
 * "usa", "Renée" and "Renee" agree). Two rules of names on top: lower-case "us" is the country too (a
 * name or title holds no pronoun: "us ambassador"), and a leading "the" is dropped ("the Prime Minister" is
 * the Prime Minister).
 */
export function nameTokens(text: string): NameTokens {
  const words = tokenize(text).map((t) => (t.word === 'us' ? 'usa' : t.word));
  while (words[0] === 'the') words.shift();
  return words;
}

/** Index in `haystack` where `needle` occurs as a run of whole words, or -1. */
export function indexOfWords(haystack: NameTokens, needle: NameTokens): number {
  if (needle.length === 0 || needle.length > haystack.length) return -1;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

/** Whether `needle` occurs in `haystack` as a run of whole words. */
export function containsWords(haystack: NameTokens, needle: NameTokens): boolean {
  return indexOfWords(haystack, needle) >= 0;
}

/** Typos forgiven in one word: none in short words, where one edit makes another name entirely. */
export function typoAllowance(word: string): number {
  if (word.length <= 3) return 0;
  if (word.length <= 6) return 1;
  return 2;
}

/** Whether a typed word is `target` clipped by a user ("admin", "sec"): three letters or more of its start. */
export function clips(word: string, target: string): boolean {
  return word.length >= 3 && target.length > word.length && target.startsWith(word);
}

/**
 * How far the typed words are from a run of `variant`'s words (in order, one typed word per variant word),
 * or `null` when some typed word is beyond its typo allowance. Returns the best alignment.
 */
export function fuzzyWordsDistance(typed: NameTokens, variant: NameTokens): number | null {
  if (typed.length === 0 || typed.length > variant.length) return null;
  let best: number | null = null;
  for (let offset = 0; offset + typed.length <= variant.length; offset++) {
    let total = 0;
    for (let k = 0; k < typed.length; k++) {
      const word = typed[k] ?? '';
      const target = variant[offset + k] ?? '';
      // A clipped word ("admin", "sec") counts as one edit: users abbreviate.
      const clipped = clips(word, target);
      const allowance = Math.max(typoAllowance(word), clipped ? 1 : 0);
      // Words whose lengths differ by more than the allowance cannot be within it: skip the distance.
      const distance = clipped
        ? 1
        : Math.abs(word.length - target.length) > allowance
          ? allowance + 1
          : editDistance(word, target);
      if (distance > allowance) {
        total = Number.POSITIVE_INFINITY;
        break;
      }
      total += distance;
    }
    if (total !== Number.POSITIVE_INFINITY && (best === null || total < best)) best = total;
  }
  return best;
}
