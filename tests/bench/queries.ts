/**
 * Bench queries built from passage text, deterministically: what someone who has read a passage might type.
 * Kept independent of the project's own text analysis, so the queries do not favour the pipeline under test.
 */
import { type Random, seededRandom } from './random.js';

/** A bench query and how it was made (to break timings down by kind when needed). */
export interface BenchQuery {
  text: string;
  kind: 'keywords' | 'question' | 'phrase' | 'typo';
  /** The sentence it was made from: a passage holding it is one the query is looking for. */
  sentence: string;
}

/** Common English function words; query content words are the others. */
const FUNCTION_WORDS = new Set(
  `a about after all also an and any are as at be been before but by can could did do does for from had has
  have he her him his how i if in into is it its just may me more most my no not now of on one only or other
  our out over said she so some than that the their them then there these they this those through to too
  two up upon us very was we were what when where which while who will with would you your`.split(/\s+/),
);

const QUESTION_OPENERS = [
  'what did',
  'what is',
  'who',
  'when did',
  'why did',
  'how did',
  'where did',
  'what about',
];

interface Word {
  text: string;
  content: boolean;
}

/** The words of a sentence, lower-cased the way people type queries, punctuation dropped. */
function wordsOf(sentence: string): Word[] {
  return (sentence.match(/[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]/g) ?? []).map((raw) => {
    const text = raw.toLowerCase().replace(/^'+|'+$/g, '');
    return { text, content: text.length >= 3 && !FUNCTION_WORDS.has(text) };
  });
}

/** A contiguous run of 2..max words that starts and ends on a content word, or null when there is none. */
function phrase(words: Word[], min: number, max: number, random: Random): string[] | null {
  const starts = words.flatMap((w, i) => (w.content ? [i] : []));
  for (let attempt = 0; attempt < 10 && starts.length > 0; attempt++) {
    const start = random.pick(starts);
    const length = random.int(min, max);
    let end = Math.min(words.length, start + length) - 1;
    while (end > start && !words[end]?.content) end--;
    if (end - start + 1 >= min) return words.slice(start, end + 1).map((w) => w.text);
  }
  return null;
}

/** 3–6 content words of the sentence, in their order, from a random window. */
function keywords(words: Word[], random: Random): string[] | null {
  const content = words.filter((w) => w.content).map((w) => w.text);
  if (content.length < 3) return null;
  const n = random.int(3, Math.min(6, content.length));
  const start = random.int(0, content.length - n);
  return content.slice(start, start + n);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** One edit (substitution, deletion or insertion, never at the first letter) of a word. */
export function typo(word: string, random: Random): string {
  const at = random.int(1, word.length - 1);
  const letter = LETTERS.charAt(random.int(0, LETTERS.length - 1));
  switch (random.int(0, 2)) {
    case 0: {
      // Substitution with a different letter, so the edit is real.
      const other = letter === word.charAt(at) ? (letter === 'e' ? 'a' : 'e') : letter;
      return word.slice(0, at) + other + word.slice(at + 1);
    }
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    default:
      return word.slice(0, at) + letter + word.slice(at);
  }
}

/**
 * `count` queries of 3–8 words from passages' sentences: ~35% bare keywords, ~35% questions ("what did …"),
 * ~20% phrases as written, ~10% typos (one edit in the longest word of a keyword query or question).
 */
export function buildQueries(passages: readonly string[], count: number, seed = 7): BenchQuery[] {
  const random = seededRandom(seed);
  const queries: BenchQuery[] = [];
  while (queries.length < count) {
    const passage = random.pick(passages);
    const sentences = passage.split(/(?<=[.!?]"?)\s+(?=["A-Z])/);
    const sentence = random.pick(sentences);
    const words = wordsOf(sentence);
    const roll = random.next();
    let kind: BenchQuery['kind'] =
      roll < 0.35 ? 'keywords' : roll < 0.7 ? 'question' : roll < 0.875 ? 'phrase' : 'typo';
    const asQuestion = kind === 'question' || (kind === 'typo' && random.next() < 0.5);
    let parts: string[] | null;
    if (asQuestion) {
      const opener = random.pick(QUESTION_OPENERS);
      const rest = phrase(words, 2, 8 - opener.split(' ').length, random);
      parts = rest ? [...opener.split(' '), ...rest] : null;
    } else if (kind === 'phrase') parts = phrase(words, 3, 8, random);
    else parts = keywords(words, random);
    if (!parts) continue;
    if (kind === 'typo') {
      // Only content words get the typo: "wht" for "what" tells nothing about correcting topic words.
      let at = -1;
      parts.forEach((p, i) => {
        if (!FUNCTION_WORDS.has(p) && p.length >= 6 && p.length > (parts?.[at]?.length ?? 0)) at = i;
      });
      if (at < 0) kind = asQuestion ? 'question' : 'keywords';
      else parts[at] = typo(parts[at] as string, random);
    }
    const text = parts.join(' ');
    const n = text.split(' ').length;
    if (n >= 3 && n <= 8) queries.push({ text, kind, sentence });
  }
  return queries;
}
