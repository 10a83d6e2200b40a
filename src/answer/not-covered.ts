/**
 * "The corpus does not cover this" checks that `ask` keeps next to the calibrated confidence: each measured for
 * what it costs in wrong abstentions on SQuAD's tune split and gains on the press release's unanswerable
 * questions (docs/answer-quality.md; `npx tsx tests/eval/explain.ts --squad <part A>` and `--set <jsonl>` count
 * which of them decided each question). Which of them abstain, and below which confidences, is fitted by
 * `npm run train` for each size of corpus (weights.json `decide`): in a corpus of a few documents a question's
 * missing idea or kind of thing says the corpus does not cover it; in one of hundreds of passages it mostly says
 * retrieval found another passage, and there the checks cost more right answers than the confidence does.
 */
import { z } from 'zod';
import { tagWords } from '../text/english.js';
import { hasJapanese } from '../text/japanese.js';
import { normalizeWord, stem } from '../text/text.js';
import type { CorpusSize } from './corpus-size.js';
import { namesPerson, type PeopleFinder } from './entities.js';
import { type Candidate, conceptIn, featureValue as feature } from './features.js';
import { type AnalyzedQuestion, type Concept, unknownShare } from './question.js';
import type { StemLookup } from './referents.js';
import { readArgument } from './relation.js';
import {
  asksAge,
  asksNext,
  asksReason,
  asksRoleOf,
  asksWords,
  lastingUnstated,
  nameUnstated,
  personAway,
  reasonQuoted,
  saysAge,
  saysLater,
  saysMade,
  saysWords,
  statesReason,
  statesRole,
  topicUnstated,
  wordsUnstated,
} from './unstated.js';

/**
 * At or above this share of the question's (weighted) ideas unknown to the corpus, it is not about it; an
 * unknown verb or adjective ("hope", "exhaustive") counts a share of its weight. A small corpus lacks many
 * words a question may use, a large one few, so the check is looser in a small corpus (corpus-size.ts; chosen
 * by a sweep of the thresholds, docs/answer-quality.md: the press-release sets are about ten passages, SQuAD's
 * tune split 500).
 */
const UNKNOWN_CHECK = {
  small: { maxShare: 0.35, otherShare: 0.25 },
  large: { maxShare: 0.3, otherShare: 1 },
};
/** Below these shares of the question's ideas around the best sentence, or in its document, it is not covered. */
const MIN_NEAR_COVERAGE = 0.3;
const MIN_DOCUMENT_SHARE = 0.5;
/**
 * "What year…", "which year…", "何年…" asking a date (not 何年間, nor 何年 read as a duration, "有効期間は何年"; nor
 * 何年前/後/目, which ask how long ago or which one): a date without its year does not answer it.
 */
const ASKS_YEAR = /\b(?:what|which)\s+year\b|何年(?![間前後目])/i;
/**
 * A year as text writes it, in English or Japanese ("2023", "2023年", "令和5年"); tested on the NFKC form, so that
 * full-width digits ("２０２３年") count.
 */
const YEAR = /(?<!\d)(?:1\d|20)\d{2}(?!\d)|(?:令和|平成|昭和)\s*(?:\d+|元)年/;

/**
 * The years a text names in digits ("1973", "２０２２年", on the NFKC form), a range counting every year in it
 * ("1754–1763", "1973-74"): what {@link yearAway} compares.
 */
function yearsIn(text: string): Set<number> {
  const found = new Set<number>();
  const plain = text.normalize('NFKC');
  for (const m of plain.matchAll(/(?<!\d)((?:1\d|20)\d{2})(?:\s*[–—-]\s*(\d{2,4}))?(?!\d)/g)) {
    const from = Number(m[1]);
    const to = m[2] ? Number(m[2].length === 4 ? m[2] : `${m[1]?.slice(0, 4 - m[2].length)}${m[2]}`) : from;
    for (let y = from; y <= Math.min(to, from + 200); y++) found.add(y);
  }
  return found;
}

/**
 * "What did the council approve in 1985?" answered by a sentence dated 1983 and not 1985: the sentence speaks of
 * another time than the one asked about. Only where the sentence names some year: a sentence naming none may
 * belong to the asked year through its passage (a press release dates its events once, in its first lines).
 */
function yearAway(question: string, sentence: string): boolean {
  const asked = yearsIn(question);
  if (asked.size === 0) return false;
  const given = yearsIn(sentence);
  return given.size > 0 && ![...asked].some((year) => given.has(year));
}

/**
 * "When…", "what date…", "which day…": a question asking for a date by its own words, not one typed a date for a
 * word such as "year" ("fellowships per year").
 */
const ASKS_DATE = /\bwhen\b|\b(?:what|which)\s+(?:date|day)\b/i;

/** "What month…", "which month…", "何月" (not 何ヶ月, a duration): a date without its month does not answer it. */
const ASKS_MONTH = /\b(?:what|which)\s+month\b|何月/i;
/**
 * A month as text writes it: an English month's name, long or short, as CLDR gives them (Node's ICU), or "11月";
 * capitalized, so that the verb "may" is no month. Tested on the NFKC form, as {@link YEAR}.
 */
const MONTH = new RegExp(`\\b(?:${englishMonths().join('|')})\\b|\\d{1,2}\\s*月`);

function englishMonths(): string[] {
  const names = new Set<string>();
  for (const month of ['long', 'short'] as const) {
    const format = new Intl.DateTimeFormat('en', { month, timeZone: 'UTC' });
    for (let m = 0; m < 12; m++) names.add(format.format(Date.UTC(2000, m, 15)));
  }
  return [...names];
}

/** The "not covered" checks, by the name measurement scripts print (`tests/eval/explain.ts`). */
export const UNCOVERED_CHECKS = [
  'unknownIdeas',
  'nameAway',
  'around',
  'document',
  'typeNowhere',
  'typeDoubtful',
  'ideaDoubtful',
  'yearMissing',
  'monthMissing',
  'negatedQuestion',
  'agentAway',
  'countAway',
  'reasonUnstated',
  'laterUnstated',
  'ageUnstated',
  'nameElsewhere',
  'roleUnstated',
  'yearAway',
  'personAway',
  'wordsUnstated',
  'nameUnstated',
  'topicUnstated',
  'dateMissing',
  'wordsUnsaid',
  'lastingUnstated',
] as const;
export type UncoveredCheck = (typeof UNCOVERED_CHECKS)[number];

/**
 * How `ask` decides in a corpus of one size (weights.json `decide`, fitted by `npm run train`): abstain below
 * `abstainBelow`, or when one of `checks` holds; the two "doubtful" checks only below their confidence in
 * `doubtfulBelow` (a sentence without the asked-for kind of thing, a passage without the question's heaviest
 * idea: on their own they are right about as often as wrong, SQuAD tune 73 / 39 and 59 / 71 at 0.74 / 0.40).
 */
export const decisionLimits = z.object({
  abstainBelow: z.number().min(0).max(1),
  doubtfulBelow: z.object({ type: z.number().min(0).max(1), idea: z.number().min(0).max(1) }),
  checks: z.array(z.enum(UNCOVERED_CHECKS)),
});
export type DecisionLimits = z.infer<typeof decisionLimits>;

/**
 * The checks that hold for the best candidate (`best`, the first of `ranked` unless a "who"/"how many" reading
 * moved another up; its text `sentence`), the question read as of a corpus of size `size` (`readingSize` in
 * corpus-size.ts), whatever the confidence: {@link abstainingStep} says which of them abstain, measurement reads
 * them all. `found` holds the stems of the best sentence, of its passage and of its document; `replyTo` the
 * question of the document the best sentence's paragraph replies to, if any (`Passage.answers`).
 */
export function uncoveredBy(
  question: AnalyzedQuestion,
  best: Candidate,
  sentence: string,
  ranked: Candidate[],
  size: CorpusSize,
  found: { sentence: StemLookup; passage: StemLookup; document: StemLookup },
  people: PeopleFinder,
  replyTo: string | null = null,
): UncoveredCheck[] {
  const unknown = UNKNOWN_CHECK[size];
  // Among a large corpus's many sentences, a related word beside the question's ideas is more often chance:
  // there (SQuAD's tune split) it let through more unanswerable questions than answerable ones.
  const asked = size === 'small' ? inSentenceWords(question, found.sentence) : question;
  const aroundCoverage =
    feature(best, 'coverage') + (feature(best, 'passageCoverage') - feature(best, 'coverage')) / 2;
  const checks: Record<UncoveredCheck, boolean> = {
    unknownIdeas: unknownShare(asked, unknown.otherShare) >= unknown.maxShare,
    // "Who is the <role>": no name stands by the role (for "who <did>" this costs more than it gains).
    nameAway: question.type === 'name' && feature(best, 'nameAway') === 1,
    around: aroundCoverage < MIN_NEAR_COVERAGE,
    document: feature(best, 'documentCoverage') < MIN_DOCUMENT_SHARE,
    // The kind of thing asked for (a date for "when") stands in none of the retrieved sentences.
    typeNowhere: feature(best, 'typeAsked') === 1 && ranked.every((c) => feature(c, 'typeMissing') === 1),
    // Below the fitted doubtful limits only (abstainingStep).
    typeDoubtful: feature(best, 'typeMissing') === 1,
    // Parsing the question for its nouns only when the passage lacks the heaviest idea at all.
    ideaDoubtful: feature(best, 'missingIdea') >= 0.99 && heaviestMissing(question, found),
    // "What year was the charter signed?" answered by "…on March 3rd…": the date's kind is there, its year
    // is not. On SQuAD tune 18 right abstentions and no wrong one on top of the other checks.
    yearMissing:
      question.type === 'date' && ASKS_YEAR.test(question.text) && !YEAR.test(sentence.normalize('NFKC')),
    // "Which month of 2021 did she take office?" answered by "…in 2021": as yearMissing, a grain finer.
    monthMissing:
      question.type === 'date' && ASKS_MONTH.test(question.text) && !MONTH.test(sentence.normalize('NFKC')),
    // "What isn't…", "who never…" answered by a sentence that negates nothing: the corpus says the opposite or
    // nothing (SQuAD's unanswerable questions add a negation to an answerable one). On SQuAD tune this abstains
    // right 77 times and wrong 5 on top of the other checks; a sentence negated where the question is not says
    // little (39 / 53), so only this direction counts.
    negatedQuestion: question.negated && feature(best, 'negationMismatch') === 1,
    // "Who signed…" answered by a sentence whose names are the agents of another verb ("an event hosted by Ana
    // Ruiz, … delegates gathered to sign"): the sentence does not say who did what was asked.
    agentAway: agentAway(question, best, sentence, people),
    countAway: countAway(question, sentence, people),
    // "Why was the site picked?" answered by a sentence that names the site and gives no cause or purpose at all;
    // unless it replies to the document's own "why" ("Q: Why yellow hulls?" "A: That colour shows in fog."),
    // when what it says is the reason.
    reasonUnstated:
      asksReason(question.text) &&
      !statesReason(sentence, question.concepts) &&
      !reasonQuoted(question.text, sentence) &&
      !(replyTo !== null && asksReason(replyTo)),
    // "When will they meet next?" answered by a sentence on the meeting held: it says nothing still to come.
    laterUnstated: asksNext(question.text) && !saysLater(sentence),
    // "How old is the commander?" answered by a sentence on her career: no age, nor a year to count one from.
    ageUnstated:
      asksAge(question.text) && !saysAge(sentence) && !madeInDocument(question, best, ranked, people),
    // "Has the NSO signed the charter?" answered from a document that never names the NSO: its sentence is about
    // something else. On SQuAD tune this holds on 31 answered unanswerable questions and 2 right answers.
    nameElsewhere: nameElsewhere(question, found.document),
    // "What is Ana Ruiz's job title?" answered by '"…," said Ana Ruiz': no role, nor anyone described.
    roleUnstated: asksRoleOf(question.text, people) && !statesRole(sentence),
    // On SQuAD tune this holds on 9 answered unanswerable questions and 1 right answer (fit: 54 and 3).
    yearAway: yearAway(question.text, sentence),
    // Of a few documents only: in a large corpus another passage on the person is more often retrieval's miss.
    personAway: size === 'small' && personAway(question.text, question.concepts, found.passage, people),
    // And of Japanese questions only: their ideas are their nouns (a predicate in kana is phrasing), what the
    // sentence must name; an English question's verbs and adjectives are often the user's words for what the
    // sentence says otherwise (on the English small sets it abstained wrongly 9 times, rightly 2).
    wordsUnstated:
      size === 'small' && hasJapanese(question.text) && wordsUnstated(asked.concepts, found.sentence),
    // "ロケットの名前は？" answered by a sentence that names no rocket (a quote, or "国内の大型ロケットで…").
    nameUnstated: question.type === 'any' && nameUnstated(question.text, sentence),
    // "…値下げの時期について何て言ってた？" answered by a sentence naming nothing of what it asks about.
    topicUnstated:
      hasJapanese(question.text) && topicUnstated(question.text, question.concepts, found.sentence),
    // "When did the port sign the treaty?" answered by a sentence that holds no date at all ("The port was one of
    // the treaty's first signatories"): as yearMissing, for the whole date. Japanese questions abstain on it at any
    // confidence through typeDoubtful already.
    dateMissing:
      question.type === 'date' && ASKS_DATE.test(question.text) && feature(best, 'typeMissing') === 1,
    // "What did the ambassador say about the pact?" answered by a sentence that only lists the ambassador among
    // the guests: it reports no one's words (whom the corpus quotes, the quotes index answers before this).
    wordsUnsaid: asksWords(question.text) && !saysWords(sentence),
    // "How long does the pact last?" answered by "…a pact that crowns a long history of trade": how long
    // something has gone on is not how long it lasts.
    lastingUnstated: question.type === 'duration' && lastingUnstated(question.text, sentence, people),
  };
  return UNCOVERED_CHECKS.filter((name) => checks[name]);
}

/**
 * `question` with the ideas it finds only through a related word ("co2" → "carbon dioxide", "cargo" →
 * "transport") counted as known where that word stands in the answer sentence (`sentence`'s stems). Such an
 * idea counts as unknown to the corpus because the relation may hold in another sense; in the sentence that
 * answers, beside the question's other ideas, the document says it in its own words.
 */
function inSentenceWords(question: AnalyzedQuestion, sentence: StemLookup): AnalyzedQuestion {
  if (!question.concepts.some((c) => c.related && conceptIn(c, sentence))) return question;
  return {
    ...question,
    concepts: question.concepts.map((c) =>
      c.related && conceptIn(c, sentence) ? { ...c, related: false } : c,
    ),
  };
}

/**
 * Whether the best sentence's passage (`found.passage`) lacks the heaviest of the question's ideas, as the
 * feature missingIdea says, once a thing its document (`found.document`) never names is left out (a noun or its
 * adjective): the user's own name for what the document calls otherwise. Known to a corpus of a few documents
 * only from one sentence of another, a user's "panel" for a document's "board", "supply vehicle" for "resupply
 * vehicle" or "single operation" for "each operation" weighs the most of all, yet its absence says only that
 * the user words it differently. A verb the document
 * never uses is kept: it may ask for another relation than the one stated (SQuAD's unanswerable "who created
 * X" beside "developed X"). In a corpus of one document every known idea is the document's: missingIdea as is.
 */
function heaviestMissing(
  question: AnalyzedQuestion,
  found: { passage: StemLookup; document: StemLookup },
): boolean {
  let nouns: Set<string> | undefined;
  // The words as the question types them, by their lower case (concept labels are lower case).
  const namesThing = (label: string) => {
    nouns ??= new Set(
      tagWords(question.text)
        // A name ("Kellport", "Orbitex") is no user's wording of the document's thing: it points to another one.
        .filter(
          (w) =>
            (w.tags.has('Noun') || w.tags.has('Adjective')) &&
            !w.tags.has('Verb') &&
            !w.tags.has('ProperNoun') &&
            !(w.start > 0 && /^\p{Lu}/u.test(w.text)),
        )
        .map((w) => w.text.toLowerCase()),
    );
    return label.split(' ').every((word) => nouns?.has(word));
  };
  let counts: Set<string> | undefined;
  // A count ("the two nations") says how many, which a passage may leave out while naming them ("our nations").
  const isCount = (label: string) => {
    counts ??= new Set(
      tagWords(question.text)
        .filter((w) => w.tags.has('Cardinal'))
        .map((w) => w.text.toLowerCase()),
    );
    return label.split(' ').every((word) => counts?.has(word));
  };
  // A Japanese predicate the corpus writes (出|てる, 作|られる) is the user's verb for what the document may say with
  // another (賄う, 建設): as an English verb the document never uses, no sign that the passage is not the answer's,
  // yet a lone kanji stem weighs the most, as the corpus seldom writes it alone.
  const counted = question.concepts.filter(
    (c) =>
      (!c.known || conceptIn(c, found.document) || !namesThing(c.label)) && !isCount(c.label) && !c.predicate,
  );
  // The context a user gives before asking ("I read the leader praised the alliance, so what else does he hope
  // for it?") is what they believe, not what they ask: the heaviest idea is the asking part's, when it has one.
  const asked = counted.filter((c) => !c.context);
  const ideas = asked.some((c) => c.known) ? asked : counted;
  const heaviest = Math.max(0, ...ideas.map((c) => c.weight));
  return ideas.some((c) => c.known && c.weight >= 0.99 * heaviest && !conceptIn(c, found.passage));
}

/**
 * "Who <did>…" asked of a sentence that names people, but none near the question's main idea (the feature
 * `nameAway`) nor as an argument of its verb ({@link readArgument}: "an event hosted by Ana Ruiz, … delegates
 * gathered to sign" names the host): the sentence does not say who did it. Both, because each alone misreads
 * some sentences: a subject stands far from its verb, and a group ("delegates") is no name.
 */
export function agentAway(
  question: AnalyzedQuestion,
  best: Candidate,
  sentence: string,
  people: PeopleFinder,
): boolean {
  return (
    question.type === 'person' &&
    feature(best, 'nameAway') === 1 &&
    readArgument(question, sentence, people) === 'other'
  );
}

/**
 * Whether a name the question asks about stands only in other documents than the answer's (`document`, its stems):
 * known to the corpus, and not said in passing, as a word describing a thing the question names ("the Oakmere
 * library, a US library": "US" says which library, the question is about the library, whose document need not
 * call it so), unless that document says none of the question's other main ideas.
 */
function nameElsewhere(question: AnalyzedQuestion, document: StemLookup): boolean {
  return question.concepts.some(
    (c) =>
      c.named &&
      c.known &&
      !c.related &&
      !conceptIn(c, document) &&
      (!describesNoun(question.text, c) ||
        question.main.every((other) => other === c || !conceptIn(other, document))),
  );
}

/**
 * Whether the words of `concept` (a name) stand in `question` only right before a common noun, which they describe
 * ("a US library", "the French minister"), never as what the question is about ("has the VSA signed…").
 */
function describesNoun(question: string, concept: Concept): boolean {
  const own = concept.alternatives[0] ?? [];
  if (own.length === 0) return false;
  const words = tagWords(question);
  let found = false;
  for (let i = 0; i + own.length <= words.length; i++) {
    if (!own.every((s, k) => stem(normalizeWord(words[i + k]?.text ?? '')) === s)) continue;
    found = true;
    const next = words[i + own.length];
    const noun =
      next?.tags.has('Noun') === true &&
      !next.tags.has('ProperNoun') &&
      !next.tags.has('Pronoun') &&
      !next.tags.has('Verb') &&
      !/[,;:()?!]/.test(question.slice(words[i + own.length - 1]?.end ?? 0, next.start));
    if (!noun) return false;
  }
  return found;
}

/**
 * Whether "how old is <a thing>" finds, in a retrieved sentence of the best one's document, the year the thing was
 * made ("Opened: 1968" in the fact sheet's list, apart from the sentence naming the bridge). Not for a person: a
 * year in their document ("the habitat was first built in 2019") is rarely their age, which stands by their name.
 */
function madeInDocument(
  question: AnalyzedQuestion,
  best: Candidate,
  ranked: Candidate[],
  people: PeopleFinder,
): boolean {
  if (namesPerson(question.text, people)) return false;
  return ranked.some((c) => {
    if (c.passage.docId !== best.passage.docId) return false;
    const start = c.passage.start;
    return saysMade(c.passage.text.slice(c.span.start - start, c.span.end - start));
  });
}

/**
 * "How many…" asked of a sentence whose counts are all arguments of other predicates than the question's
 * ({@link readArgument}): "how many countries signed the accords" answered by "…gathered to sign an agreement that
 * rests on a history between the two nations" counts the nations of a history, not the signatories.
 */
export function countAway(question: AnalyzedQuestion, sentence: string, people: PeopleFinder): boolean {
  return question.type === 'quantity' && readArgument(question, sentence, people) === 'other';
}

/**
 * Why `ask` abstains on an answer of calibrated `confidence` to `question` for which `checks` ({@link uncoveredBy})
 * hold, under `limits`: the confidence is too low, or the first of the limits' checks that holds; `undefined` when it
 * answers.
 */
export function abstainingStep(
  checks: readonly UncoveredCheck[],
  confidence: number,
  limits: DecisionLimits,
  question: string,
): 'lowConfidence' | UncoveredCheck | undefined {
  if (confidence < limits.abstainBelow) return 'lowConfidence';
  // A Japanese question's confidence vouches for less: its predicate (なった, 行った), written in kana, is read
  // as phrasing and left out of its ideas, so only its nouns are covered. The asked-for kind is then the one
  // sign that the sentence answers it (on the Japanese sets, no answerable question's best sentence lacks it).
  const typeBelow = hasJapanese(question) ? Number.POSITIVE_INFINITY : limits.doubtfulBelow.type;
  return checks.find(
    (check) =>
      limits.checks.includes(check) &&
      (check === 'typeDoubtful'
        ? confidence < typeBelow
        : check === 'ideaDoubtful'
          ? confidence < limits.doubtfulBelow.idea
          : true),
  );
}
