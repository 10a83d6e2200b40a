import { UserInputError } from '../core/types.js';
import type { Glossary } from '../search/glossary.js';
import type { PassageIndex, WeightedTerm } from '../search/index.js';
import { contentTerms, stripInvisible, tokenize } from '../search/text.js';

/** The longest question the core accepts (Discord's own option is shorter). */
export const MAX_QUESTION_LENGTH = 500;

/** The kind of thing a question asks for; the answer sentence must hold one. */
export type AnswerType = 'date' | 'place' | 'person' | 'quantity' | 'duration' | 'yesno' | 'any';

/** One idea of the question: a word (or glossary wording) and the corpus wordings that express it. */
export interface Concept {
  /** The words as the user typed them (normalized). */
  label: string;
  /** Stem sequences that express the concept; the first is the user's own. */
  alternatives: string[][];
  /** How much the concept counts: the IDF of its rarest known wording, or the top IDF when unknown. */
  weight: number;
  /** Whether any alternative occurs in the corpus at all. */
  known: boolean;
}

export interface AnalyzedQuestion {
  text: string;
  type: AnswerType;
  concepts: Concept[];
  /** What retrieval searches for. */
  terms: WeightedTerm[];
}

/** Words that say what kind of answer is wanted rather than what it is about ("signing date"). */
const TYPE_WORDS: Record<string, AnswerType> = {
  date: 'date',
  day: 'date',
  year: 'date',
  month: 'date',
  time: 'date',
  place: 'place',
  location: 'place',
  venue: 'place',
  city: 'place',
  person: 'person',
  people: 'person',
  name: 'person',
  official: 'person',
  officials: 'person',
  many: 'quantity',
  number: 'quantity',
  count: 'quantity',
};

const YES_NO_START = /^(is|are|was|were|do|does|did|can|could|will|would|has|have|had|should|may)\b/;

/** Reads what kind of answer a question asks for from its wording. */
export function answerType(question: string): AnswerType {
  const words = tokenize(question).map((t) => t.word);
  const text = words.join(' ');
  if (
    /\bhow (long|many years|many months)\b/.test(text) ||
    /\b(duration|last|lasts|expire|expires)\b/.test(text)
  ) {
    if (!/\b(when|date)\b/.test(text)) return 'duration';
  }
  if (/\b(when|date|what year|which year|what day|which day|what time)\b/.test(text)) return 'date';
  if (/\bwhere\b/.test(text)) return 'place';
  if (/\b(who|whom|whose)\b/.test(text)) return 'person';
  if (/\bhow (many|much)\b/.test(text)) return 'quantity';
  if (YES_NO_START.test(text)) return 'yesno';
  for (const word of words.slice(0, 4)) {
    const type = TYPE_WORDS[word];
    if (type && /^(what|which)\b/.test(text)) return type;
  }
  return 'any';
}

/** Checks and cleans a question, throwing a {@link UserInputError} that says what is wrong. */
export function cleanQuestion(raw: string): string {
  // Mentions name people or channels, not what the question is about.
  const text = stripInvisible(raw)
    .replace(/<(?:@[!&]?|#)\d+>|@(?:everyone|here)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === '') throw new UserInputError('Please type a question: this one is empty.');
  if (text.length > MAX_QUESTION_LENGTH) {
    throw new UserInputError(
      `Questions can be at most ${MAX_QUESTION_LENGTH} characters; this one has ${text.length}. Please shorten it.`,
    );
  }
  if (contentTerms(text).length === 0 && !/\p{L}/u.test(text)) {
    throw new UserInputError('Please ask with words: this question has no letters or numbers to search for.');
  }
  return text;
}

const EXPANSION_WEIGHT = 0.6;
const CORRECTION_WEIGHT = 0.8;

/** Turns a cleaned question into concepts (with glossary meanings and typo corrections) and search terms. */
export function analyzeQuestion(text: string, index: PassageIndex, glossary: Glossary): AnalyzedQuestion {
  const type = answerType(text);
  const words = contentTerms(text).filter(
    (t) => !(t.word in TYPE_WORDS && type !== 'any' && type !== 'yesno'),
  );
  // Fix typos first so that the glossary sees "agreement" in "agrement".
  const stems = words.map((w) => (index.has(w.stem) ? w.stem : (index.correct(w.stem) ?? w.stem)));
  const expansions = glossary.expand(stems);
  const concepts: Concept[] = [];
  const terms: WeightedTerm[] = [];
  const maxIdf = index.idf('');
  for (let i = 0; i < stems.length; ) {
    const expansion = expansions.find((e) => e.at === i);
    const length = expansion?.length ?? 1;
    const own = stems.slice(i, i + length);
    const original = words.slice(i, i + length);
    const alternatives = [own, ...(expansion?.meanings ?? [])];
    const knownAlternatives = alternatives.filter((alt) => alt.every((s) => index.has(s)));
    const weight = knownAlternatives.length
      ? Math.max(...knownAlternatives.map((alt) => Math.min(...alt.map((s) => index.idf(s)))))
      : maxIdf;
    concepts.push({
      label: original.map((w) => w.word).join(' '),
      alternatives,
      weight,
      known: knownAlternatives.length > 0,
    });
    const corrected = own.some((stem, k) => stem !== original[k]?.stem);
    alternatives.forEach((alt, a) => {
      const base = a === 0 ? (corrected ? CORRECTION_WEIGHT : 1) : EXPANSION_WEIGHT;
      for (const stem of alt) terms.push({ stem, weight: base / alt.length });
    });
    i += length;
  }
  return { text, type, concepts, terms };
}
