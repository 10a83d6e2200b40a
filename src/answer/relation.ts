/**
 * Whether a sentence states the relation a "who" or "how many" question asks about, read from the English model's
 * tags: a sentence may name people, or count things, and hold the question's verb without saying that those people
 * did it or that those things are what was counted. "During an event hosted by Ana Ruiz, delegates gathered to sign
 * the pact" names the host, not who signed: asked "who signed", the name is the agent of another verb. General
 * English syntax, nothing about any corpus.
 */

import type { Span } from '../contract/types.js';
import { type TaggedWord, tagWords } from '../text/english.js';
import { stem, tokenize } from '../text/text.js';
import { type PeopleFinder, typeEvidence } from './entities.js';
import type { AnalyzedQuestion } from './question.js';

/**
 * What a sentence says of what a "who" or "how many" question asks for: `stated` when a name (a count) in it is an
 * argument of the question's verb, `other` when it holds some but each is an argument of another verb, `none`
 * when it holds none, `unknown` when it cannot tell (no verb of the question in it, a quote, whose speaker stands
 * apart from what was said, or a question of another kind).
 */
export type ArgumentReading = 'stated' | 'other' | 'unknown' | 'none';

/** Quotation marks: a quote's speaker ("…,” said Ana Ruiz) is the agent of what was said, a clause away. */
const QUOTE_MARK = /["“”„«»「」『』]/;

/** Words inside a noun phrase before a name ("by the agency's chief engineer Ana Ruiz", "by Ruiz and Lee"). */
const PHRASE_TAGS = ['Noun', 'ProperNoun', 'Adjective', 'Determiner', 'Value', 'Possessive', 'Acronym'];
const inPhrase = (w: TaggedWord) =>
  PHRASE_TAGS.some((t) => w.tags.has(t)) || NOUN_PHRASE_WORDS.has(w.text.toLowerCase());
/** Words that join a noun phrase's parts: "by Ruiz and Lee", "by representatives of 12 countries". */
const NOUN_PHRASE_WORDS = new Set(['and', '&', 'of', 'from']);

/** A verb that says what happened: not an auxiliary, a copula or a modal ("was", "is", "can"). */
const isEventVerb = (w: TaggedWord | undefined) =>
  !!w && w.tags.has('Verb') && !w.tags.has('Auxiliary') && !w.tags.has('Copula') && !w.tags.has('Modal');

/** Words that join verbs into one predicate: "gathered to sign", "signed and ratified", "will not sign". */
const JOINS_VERBS = new Set(['to', 'and', 'or', 'not', 'also']);

/**
 * The predicates of a sentence: each event verb's group, verbs joined by {@link JOINS_VERBS} sharing one
 * ("gathered to sign" is one predicate); -1 for words that are no verb.
 */
function predicates(words: readonly TaggedWord[]): number[] {
  const group = words.map(() => -1);
  let next = 0;
  for (let i = 0; i < words.length; i++) {
    if (!isEventVerb(words[i])) continue;
    let j = i - 1;
    while (j >= 0 && !isEventVerb(words[j]) && JOINS_VERBS.has((words[j] as TaggedWord).text.toLowerCase()))
      j--;
    group[i] = j >= 0 && j >= i - 3 && isEventVerb(words[j]) ? (group[j] as number) : next++;
  }
  return group;
}

/**
 * The things a question's answer would be, whose predicate {@link readArgument} reads: for "who", the names (not
 * roles or groups: "delegates gathered to sign" says no more than that someone did); for "how many", the counts
 * that are not the question's own words; `null` for other questions, and for a quote.
 */
function answerSpans(question: AnalyzedQuestion, sentence: string, people: PeopleFinder): Span[] | null {
  const asksWho = question.type === 'person' || question.type === 'name';
  if (asksWho && QUOTE_MARK.test(sentence)) return null;
  if (!asksWho && question.type !== 'quantity') return null;
  const spans = typeEvidence(question.type, sentence, people, question.measure)?.spans ?? [];
  if (asksWho) return spans.filter((s) => s.strength === 1);
  const own = new Set(question.concepts.flatMap((c) => c.alternatives[0] ?? []));
  const tokens = tokenize(sentence);
  return spans.filter((span) =>
    tokens.some((t) => t.start >= span.start && t.end <= span.end && !own.has(stem(t.word))),
  );
}

/**
 * Whether `sentence` states the relation a "who" or "how many" `question` asks: a name (a person the model or the
 * speakers register knows) or a count in it is an argument of a predicate holding one of the question's ideas.
 * Which predicate a thing belongs to is read only after "by" ("hosted by Ana Ruiz": the verb before the "by");
 * a thing anywhere else counts as stated.
 */
export function readArgument(
  question: AnalyzedQuestion,
  sentence: string,
  people: PeopleFinder,
): ArgumentReading {
  const things = answerSpans(question, sentence, people);
  if (things === null) return 'unknown';
  if (things.length === 0) return 'none';
  const words = tagWords(sentence);
  const asked = new Set(question.concepts.flatMap((c) => c.alternatives.flat()));
  const group = predicates(words);
  const askedGroups = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const g = group[i] as number;
    if (g >= 0 && asked.has(stem(tokenize((words[i] as TaggedWord).text)[0]?.word ?? ''))) askedGroups.add(g);
  }
  if (askedGroups.size === 0) return 'unknown';
  for (const thing of things) {
    const inside = words.flatMap((w, i) => (w.start >= thing.start && w.end <= thing.end ? [i] : []));
    const first = inside[0];
    if (first === undefined) continue;
    let k = first - 1;
    while (k >= 0 && group[k] === -1 && inPhrase(words[k] as TaggedWord)) k--;
    // Only an agent after "by" is tied to its verb with confidence; anywhere else ("Ana Ruiz, who led the
    // review for years, signed…", "Twelve countries, all members of…, ratified…") the tags cannot tell which
    // verb a subject or object belongs to, and the sentence keeps the benefit of the doubt.
    if (words[k]?.text.toLowerCase() !== 'by') return 'stated';
    let owner = -1;
    for (let i = k - 1; i >= 0 && owner < 0; i--) owner = group[i] as number;
    if (owner < 0 || askedGroups.has(owner)) return 'stated';
  }
  return 'other';
}
