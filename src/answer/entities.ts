import type { Span } from '../contract/types.js';
import type { SpeakerEntry } from '../corpus/types.js';
import { mayTag, type TaggedWord, tagWords } from '../text/english.js';
import { hasJapanese } from '../text/japanese.js';
import { ROLE_WORDS } from '../text/roles.js';
import { escapeRegExp, stem } from '../text/text.js';
import { isEnglishWord, isKindOf } from '../text/wordnet.js';
import { unitClasses } from './answer-type.js';
import {
  isJapaneseQuantityOf,
  japaneseAnswerSpans,
  japaneseHonoredNames,
  japaneseOrganizations,
} from './japanese.js';
import type { AnswerType, Measure } from './question.js';

/**
 * The people the corpus's speakers register names, by their names and the aliases that are names too (an
 * alias sharing a word with the name: "Secretary Jones", not "Secretary of State"), and the people its text
 * names (`named`: "said Jane Roe, the mission's chief engineer", as quote attribution read them). Titles are
 * left to the register's roles: only the register and the text, not any word list, say who is a person here.
 */
export class PeopleFinder {
  private readonly registered: RegExp | null;

  /** Japanese names and name-like aliases (山田太郎, スミス長官): no capitals mark names in Japanese. */
  private readonly japanese: RegExp | null;

  constructor(speakers: SpeakerEntry[], named: string[] = []) {
    const japanese = speakers
      .flatMap((s) => [s.name, ...s.aliases])
      .filter((n) => hasJapanese(n))
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    this.japanese = japanese.length ? new RegExp(japanese.join('|'), 'gu') : null;
    const names = [
      ...new Set([
        ...speakers.flatMap((s) => {
          const own = new Set(s.name.split(/\s+/));
          return [s.name, ...s.aliases.filter((a) => a.split(/\s+/).some((w) => own.has(w)))];
        }),
        ...named,
      ]),
    ]
      .filter((n) => /^\p{Lu}\S*\s+\p{Lu}/u.test(n))
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    // A look-ahead finds overlapping names too: "Prime Minister Yamada" and "Yamada Taro" in one run.
    this.registered = names.length ? new RegExp(`(?=\\b(${names.join('|')})\\b)`, 'gu') : null;
  }

  /** Spans of registered people's names in `text` (they may overlap). */
  find(text: string): Span[] {
    const spans: Span[] = [];
    if (this.registered) {
      for (const m of text.matchAll(this.registered))
        spans.push({ start: m.index, end: m.index + (m[1]?.length ?? 0) });
    }
    if (this.japanese) {
      for (const m of text.matchAll(this.japanese))
        spans.push({ start: m.index, end: m.index + m[0].length });
    }
    return spans;
  }
}

/**
 * Where in a sentence things of the asked-for kind stand, and how specific the best of them is (0–1): a
 * month with its day is a more specific date than a bare year, a full name more than a role.
 */
export interface TypeEvidence {
  /** In the sentence's coordinates, in order, each with its own specificity. */
  spans: EvidenceSpan[];
  /** The best span's strength. */
  strength: number;
}

/** One thing of the asked-for kind and how specific it is (0–1). */
export interface EvidenceSpan extends Span {
  strength: number;
}

const rated = (spans: Span[], strength: number): EvidenceSpan[] => spans.map((s) => ({ ...s, strength }));

type Words = readonly TaggedWord[];
const has = (w: TaggedWord | undefined, ...tags: string[]) => !!w && tags.some((t) => w.tags.has(t));
const lower = (w: TaggedWord | undefined) => w?.text.toLowerCase() ?? '';
const spanOf = (words: Words, first: number, last: number): Span => ({
  start: words[first]?.start ?? 0,
  end: words[last]?.end ?? 0,
});

/** Words before a number that make it a year: "in 1066", "from 1562 to 1598", "around 1294". */
const BEFORE_YEAR = new Set(
  'in since by until till from to between around circa c. c before after during of and early late mid year'.split(
    ' ',
  ),
);
const ERA = /^(?:AD|BC|BCE|CE|A\.D\.|B\.C\.)$/;
const CENTURY_WORDS = 'century|centuries|millennium|millennia';
const CENTURY = new RegExp(`^(?:${CENTURY_WORDS})$`, 'i');
const HAS_CENTURY = new RegExp(`\\b(?:${CENTURY_WORDS})\\b`, 'i');
const DECADE = /^(?:\d{2})?\d0s$|^['’]\d0s$/;

/** A year written as a number: 3–4 digits (or a range "1568–1609") where the words around say it is one. */
function isYear(words: Words, i: number): boolean {
  const w = words[i];
  if (!w || !/^\d{3,4}(?:[–-]\d{2,4})?$/.test(w.text)) return false;
  if (has(w, 'Year') || ERA.test(words[i + 1]?.text ?? '')) return true;
  // "2,000 men" is a count; "in 1066 the Normans" a year.
  if (has(words[i + 1], 'Plural') && !has(words[i + 1], 'Date')) return false;
  return BEFORE_YEAR.has(lower(words[i - 1])) || /^(?:1\d|20)\d{2}$/.test(w.text);
}

const isNumber = (w: TaggedWord | undefined) => has(w, 'Value') && !has(w, 'Determiner');
const isDateWord = (words: Words, i: number) => {
  const w = words[i];
  return (
    has(w, 'Month', 'WeekDay', 'Holiday', 'Year') ||
    (has(w, 'Date') && !has(w, 'Duration', 'Value')) ||
    DECADE.test(w?.text ?? '') ||
    isYear(words, i)
  );
};

/** Whether only white space (or a comma inside "January 13, 2023") separates two words. */
function joined(text: string, a: TaggedWord, b: TaggedWord, commaAllowed: boolean): boolean {
  const gap = text.slice(a.end, b.start);
  return (
    /^\s*$/.test(gap) ||
    (commaAllowed && /^,\s*$/.test(gap)) ||
    /^\s*[–-]\s*$/.test(gap) ||
    // An initial or abbreviation with its period: "William E. Simon", "St. Lawrence".
    (/^\.\s+$/.test(gap) && (has(a, 'Abbreviation') || /^\p{Lu}\p{Ll}?$/u.test(a.text)))
  );
}

/**
 * Dates: runs of month, weekday, year, decade and century words with the numbers among them ("January 13,
 * 2023", "the 10th and 11th centuries", "early 1990s", "1568–1609").
 */
function dates(text: string, words: Words): EvidenceSpan[] {
  const spans: EvidenceSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    const centuryAt = (k: number) => {
      // "10th century", "10th and 11th centuries": ordinals joined by "and"/"or"/"to" before the unit.
      let j = k;
      while (has(words[j], 'Ordinal') || (j > k && /^(?:and|or|to)$/.test(lower(words[j])))) j++;
      return j > k && CENTURY.test(words[j]?.text ?? '') ? j : -1;
    };
    const century = centuryAt(i);
    if (!isDateWord(words, i) && century < 0) continue;
    let first = i;
    if (/^(?:early|late|mid|middle)$/.test(lower(words[i - 1]))) first = i - 1;
    let last = century >= 0 ? century : i;
    let month = has(words[i], 'Month');
    let day = false;
    while (last + 1 < words.length) {
      const next = last + 1;
      const a = words[last] as TaggedWord;
      const b = words[next] as TaggedWord;
      if (!joined(text, a, b, month)) break;
      const c = centuryAt(next);
      if (c >= 0) last = c;
      else if (month && lower(b) === 'of' && isYear(words, next + 1))
        last = next + 1; // "November of 2022"
      else if (isYear(words, last) && /^(?:to|and|until|till)$/.test(lower(b)) && isYear(words, next + 1))
        last = next + 1; // "1562 to 1598"
      else if (isDateWord(words, next) || (isNumber(b) && /^\d{1,2}(?:st|nd|rd|th)?$/.test(b.text))) {
        month ||= has(b, 'Month');
        day ||= isNumber(b) && /^\d{1,2}/.test(b.text);
        last = next;
      } else break;
    }
    const before = words[first - 1];
    if (before && has(words[first], 'Month') && /^\d{1,2}(?:st|nd|rd|th)?$/.test(before.text)) {
      first--; // "13 January"
      day = true;
    }
    const weekday = words.slice(first, last + 1).some((w) => has(w, 'WeekDay'));
    const strength = month && day ? 1 : month ? 0.8 : weekday ? 0.7 : 0.5;
    spans.push({ ...spanOf(words, first, last), strength });
    i = last;
  }
  return spans;
}

/** Seconds, which the model reads as a fraction after a number ("ninety seconds": ninety halves). */
const SECONDS = /^seconds?$/i;
/** Whether the model could read a unit of time in `sentence`, seconds too (which it takes for fractions). */
const mayCountTime = (sentence: string): boolean =>
  mayTag('duration', sentence) || /\bseconds?\b/i.test(sentence);
/** Words that count like numbers before a unit of time: "several years", "a decade", "many months". */
const COUNT_WORDS = /^(?:a|an|one|several|many|few|some|couple)$/i;
/**
 * Spans of a duration that is not a number of units: "since 1969", "until 2030", "indefinitely", "a long
 * tradition", "long-standing", "for decades" (English's ways of saying "a long time" without counting it).
 */
const OPEN_DURATION =
  /\bsince\s+\d{4}\b|\buntil\b|\bexpires?\b|\bindefinite(?:ly)?\b|\b(?:long|lengthy)\s+(?:history|tradition|record)\b|\blong-?(?:standing|lived|time)\b|\bfor\s+(?:decades|centuries|generations)\b/gi;

/**
 * Words that say how near a count is to the truth: "about eighty", "up to 5,200", "more than two", "within
 * six months".
 */
const APPROXIMATELY =
  /(?:\b(?:about|roughly|approximately|around|nearly|almost|some|over|under|minus|within)|\bup\s+to|\b(?:more|fewer|less)\s+than|\bat\s+(?:least|most))\s+$/i;

/** `span` with the words before it that say how near it is, as an answer says it: "up to thirty days". */
function withNearness(text: string, span: Span): Span {
  const near = APPROXIMATELY.exec(text.slice(Math.max(0, span.start - 20), span.start));
  return near ? { ...span, start: span.start - near[0].length } : span;
}

/**
 * Durations: a number (spelled out or not) and a unit of time ("thirty days", "two-year", "a decade"), with
 * how near it is ("up to thirty days").
 */
function durations(text: string, words: Words): EvidenceSpan[] {
  const spans: EvidenceSpan[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as TaggedWord;
    const unit = has(w, 'Duration') && has(w, 'Noun');
    if (!(unit || (SECONDS.test(w.text) && isNumber(words[i - 1]))) || CENTURY.test(w.text)) continue;
    let first = i;
    while (first > 0 && isNumber(words[first - 1])) first--;
    if (first === i && COUNT_WORDS.test(words[i - 1]?.text ?? '')) first--; // "several weeks", "a decade"
    if (first < i) spans.push({ ...withNearness(text, spanOf(words, first, i)), strength: 1 });
  }
  return sorted([...spans, ...rated(matches(OPEN_DURATION, text), 0.5)]);
}

/** Runs of consecutive words that pass `test`, as spans. */
function runs(text: string, words: Words, test: (i: number) => boolean): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i < words.length; i++) {
    if (!test(i)) continue;
    let last = i;
    while (
      last + 1 < words.length &&
      test(last + 1) &&
      joined(text, words[last] as TaggedWord, words[last + 1] as TaggedWord, false)
    )
      last++;
    spans.push(spanOf(words, i, last));
    i = last;
  }
  return spans;
}

/** Overlapping or touching spans as one: "Prime Minister Yamada" and "Yamada Taro" are one name. */
function merged(spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of sorted(spans)) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

const inside = (s: Span, spans: Span[]) => spans.some((d) => d.start <= s.start && s.end <= d.end);
const sorted = <S extends Span>(spans: S[]) => spans.sort((a, b) => a.start - b.start || b.end - a.end);

/** "One of the original members" picks one out of a group: it counts nothing ("how many signed?"). */
const ONE_OF = /^one\s+of\b/i;

/**
 * Counts: numbers spelled out or not ("two astronauts", "7,000", "45 percent"), not years or dates; for an
 * amount of a `measure`, only those with a unit of it ("about eighty kilograms" for "how much does it weigh").
 */
function quantities(text: string, words: Words, measure?: Measure | null): EvidenceSpan[] {
  const date = dates(text, words);
  const spans = runs(
    text,
    words,
    (i) => isNumber(words[i]) && !has(words[i], 'Ordinal') && !isDateWord(words, i),
  )
    .filter((s) => !inside(s, date) && !ONE_OF.test(text.slice(s.start)))
    .filter((s) => !measure || unitAfter(words, s, measure));
  // A count of units of time ("a seven-year agreement", "30 days") is a duration: the amount of something else
  // that "how much cargo" asks for is likelier a count of other things.
  return spans.map((s) => ({ ...withUnit(text, words, s), strength: countsTime(text, words, s) ? 0.5 : 1 }));
}

/**
 * What the counts of `sentence` count, for a question counting `counted` things ("how many satellites",
 * `AnalyzedQuestion.counted`): `counted` when one of them counts those things or a kind of them ("twelve small
 * satellites"; "two astronauts" for persons, "nine candidate sites" for locations), `other` when each counts other
 * things ("four square metres", "35 missions" for persons), `unknown` when one says nothing of what it counts ("rose
 * to 40") and none counts them, `none` without a count.
 */
export function countsOf(sentence: string, counted: string): 'counted' | 'other' | 'unknown' | 'none' {
  if (hasJapanese(sentence) || !mayTag('number', sentence)) return 'none';
  const words = tagWords(sentence);
  const counts = runs(
    sentence,
    words,
    (i) => isNumber(words[i]) && !has(words[i], 'Ordinal') && !isDateWord(words, i),
  );
  const date = dates(sentence, words);
  const readings = counts
    .filter((s) => !inside(s, date) && !ONE_OF.test(sentence.slice(s.start)))
    .map((s) => countedBy(sentence, words, s, counted));
  if (readings.length === 0) return 'none';
  if (readings.includes(true)) return 'counted';
  return readings.includes(null) ? 'unknown' : 'other';
}

/** The most words of a noun phrase read after a count for what it counts ("nine candidate sites"). */
const COUNTED_PHRASE = 3;
/** What counts persons: a person of any kind ("astronauts"), or people employed ("35 staff", "a workforce of 90"). */
const PERSONS = ['person', 'personnel'];
/** Words joining a count to the other end of its range ("12 to 18 kilograms"). */
const RANGE_WORDS = new Set(['and', 'or', 'to']);

/**
 * Whether a count (`count`, its number's words) counts `counted`: the nouns that follow it in its noun phrase,
 * adjectives aside ("twelve small satellites", "four crew members", "35 staff", "four square metres"), are
 * `counted` or, by WordNet, a kind of it ("astronauts" are persons, "sites" locations; for persons, people employed); `null` when no noun follows
 * ("rose to 40"): what it counts is then said elsewhere.
 */
function countedBy(text: string, words: Words, count: Span, counted: string): boolean | null {
  let i = words.findIndex((w) => w.start >= count.end);
  const nouns: TaggedWord[] = [];
  for (let previous = words[i - 1]; i >= 0 && i < words.length && nouns.length < COUNTED_PHRASE; i++) {
    const w = words[i] as TaggedWord;
    if (previous && !/^[\s-]*$/.test(text.slice(previous.end, w.start))) break;
    // Right after a count a bare verb form is its noun: the tagger reads "35 staff" as "35 people staff".
    const bare = nouns.length === 0 && has(w, 'Infinitive') && !has(w, 'Auxiliary', 'Modal');
    if ((has(w, 'Noun') && !has(w, 'Pronoun') && !isNumber(w)) || bare) nouns.push(w);
    // "between 12 and 18 degrees", "two or three astronauts": the range's other end counts the same things.
    else if (
      nouns.length > 0 ||
      !(has(w, 'Adjective') || isNumber(w) || RANGE_WORDS.has(w.text.toLowerCase()))
    )
      break;
    previous = w;
  }
  if (nouns.length === 0) return null;
  const asked = stem(counted);
  // A unit ("18 degrees Celsius") or a name ("four Ravenholt astronauts") is no kind of thing, whoever WordNet says
  // Celsius was.
  const common = nouns.filter((w) => !has(w, 'Unit', 'ProperNoun')).map((w) => w.text.toLowerCase());
  const kinds = counted === 'person' ? PERSONS : [counted];
  const isKind = (noun: string) => kinds.some((kind) => isKindOf(noun, kind));
  return (
    nouns.some((w) => stem(w.text.toLowerCase()) === asked) ||
    common.some(isKind) ||
    (common.length > 1 && isKind(common.join(' ')))
  );
}

/** Whether the word after a count is a unit of time ("seven-year", "thirty days"). */
function countsTime(text: string, words: Words, count: Span): boolean {
  const next = words.find((w) => w.start >= count.end);
  return !!next && has(next, 'Duration') && /^[\s-]*$/.test(text.slice(count.end, next.start));
}

/**
 * Whether the words after a count (the tagger's unit words, or the next two when it knows no unit:
 * "kilometres") measure `measure` ({@link unitIs}).
 */
function unitAfter(words: Words, count: Span, measure: Measure): boolean {
  // "45%", "10 percent": the tagger knows a share by its sign or word.
  if (
    measure === 'proportion' &&
    words.some((w) => w.start >= count.start && w.end <= count.end && has(w, 'Percent'))
  )
    return true;
  const next = words.findIndex((w) => w.start >= count.end);
  if (next < 0) return false;
  let last = next;
  while (has(words[last + 1], 'Unit')) last++;
  const unit = (to: number) =>
    words
      .slice(next, to + 1)
      .map((w) => w.text)
      .join(' ');
  return unitIs(unit(last), measure) || unitIs(unit(next + 1), measure);
}

/**
 * Whether the unit words after a count (`unit`: "cubic meters", "kilometers per hour") measure `measure`: the
 * whole or one of its words is a kind of it in WordNet; a length per unit of time is a rate.
 */
function unitIs(unit: string, measure: Measure): boolean {
  if (measure === 'size') return unitClasses(measure).some((m) => unitIs(unit, m));
  const words = unit.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return false;
  // A unit WordNet knows whole is what it is ("cubic meters" are no meters); else by one of its words.
  const whole = words.join(' ');
  if (isKindOf(whole, measure)) return true;
  if (words.length > 1 && isEnglishWord(whole)) return false;
  if (words.some((w) => isKindOf(w, measure))) return true;
  const per = words.indexOf('per');
  return measure === 'rate' && per > 0 && unitIs(words.slice(0, per).join(' '), 'linear unit');
}

/** A count with its unit and how near it is, as an answer says it: "about eighty kilograms", "98 percent". */
function withUnit(text: string, words: Words, span: Span): Span {
  const count = words.findIndex((w) => w.end === span.end);
  let last = count;
  // The tagger's units, or one it does not know that WordNet does ("kilometres").
  const isUnit = (w: TaggedWord | undefined) =>
    has(w, 'Unit') || (last === count && !!w && isKindOf(w.text, 'unit of measurement'));
  while (
    isUnit(words[last + 1]) &&
    joined(text, words[last] as TaggedWord, words[last + 1] as TaggedWord, false)
  )
    last++;
  return withNearness(text, { start: span.start, end: words[last]?.end ?? span.end });
}

/**
 * Currencies the English model does not always tag as such ("96 million U.S. dollars" reads "dollars" as a
 * plain noun). General English, the world's common currency names; "pounds" is left out: it weighs too.
 */
const CURRENCY_NAME =
  /^(?:dollars?|euros?|yen|yuan|renminbi|won|rupees?|francs?|pesos?|rubles?|roubles?|krona|kronor|krone|kroner|cents?|sterling)$/i;
const isCurrency = (w: TaggedWord | undefined) =>
  has(w, 'Money', 'Currency') || CURRENCY_NAME.test(w?.text ?? '') || (!!w && isMoneyWord(w.text));

/**
 * A currency by WordNet in any of its meanings ("crowns", "kronor", "rand"), unless its commonest meaning is a
 * unit of some other measure ("pounds" weigh first): a sum is rarely written in a currency named only by the
 * document.
 */
function isMoneyWord(word: string): boolean {
  if (!/^\p{L}+$/u.test(word)) return false;
  return (
    (isKindOf(word, 'monetary unit', ALL_SENSES) || isKindOf(word, 'currency', ALL_SENSES)) &&
    !isKindOf(word, 'unit of measurement', 1)
  );
}

/** Every meaning WordNet lists of a word (none has more). */
const ALL_SENSES = 100;

/** Sums of money: "$3 million", "5 billion yen", "96 million U.S. dollars", "2 million Canadian dollars". */
function money(text: string, words: Words): EvidenceSpan[] {
  // A number leads on to the currency through the words naming whose it is ("U.S.", "Canadian").
  const toCurrency = (i: number): boolean =>
    isCurrency(words[i]) || (has(words[i], 'Acronym', 'ProperNoun', 'Adjective') && isCurrency(words[i + 1]));
  const amount = (i: number): boolean => {
    let j = i;
    while (isNumber(words[j])) j++;
    return j > i && toCurrency(j);
  };
  const inSum = (i: number): boolean =>
    isCurrency(words[i]) || amount(i) || (toCurrency(i) && !isCurrency(words[i]) && isNumber(words[i - 1]));
  // A currency named without a sum ("the dollar fell") is no sum.
  const spans = runs(text, words, inSum).filter((s) =>
    words.some((w) => w.start >= s.start && w.end <= s.end && (isNumber(w) || /\d/.test(w.text))),
  );
  return sorted([...rated(spans, 1), ...rated(sumsInOwnCurrency(text, words, spans), 0.5)]);
}

/** What a sentence says of money without a currency the model knows: "cost", "budget", "funded", "pays". */
const MONEY_CONTEXT =
  /\b(?:costs?|costing|budgets?|fund(?:s|ed|ing)?|price[sd]?|pa(?:y|ys|id)|spen[dt]|contribut\w*|financ\w*)\b/i;
/** A number's scale word: a sum is counted in millions more often than any other amount. */
const SCALE = /^(?:thousand|million|billion|trillion)$/i;

/**
 * Sums in a currency of the document's own that the model does not know ("88 million marks", a sum in some
 * invented or local unit): a number with its scale and the plural noun after it, after a word about money.
 */
function sumsInOwnCurrency(text: string, words: Words, known: Span[]): Span[] {
  if (!MONEY_CONTEXT.test(text)) return [];
  const spans: Span[] = [];
  for (let i = 1; i < words.length; i++) {
    const w = words[i] as TaggedWord;
    if (!SCALE.test(words[i - 1]?.text ?? '') || !has(w, 'Plural') || has(w, 'Unit', 'Duration')) continue;
    if (known.some((k) => k.start <= w.start && w.end <= k.end)) continue;
    // The money word leads to the sum: "cost 88 million marks", not "3 million users, and costs nothing".
    if (!MONEY_CONTEXT.test(text.slice(0, w.start))) continue;
    let first = i - 1;
    while (first > 0 && isNumber(words[first - 1])) first--;
    if (first < i - 1) spans.push(spanOf(words, first, i));
  }
  return spans;
}

/** A time of day: "5 p.m.", "9:30am", "noon", and the 24-hour clock ("03:41", "14:00 UTC"), not a ratio or a score. */
const CLOCK_TIME =
  /\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am|pm)|\b(?:noon|midnight|morning|afternoon|evening)\b|(?<![\d:.,])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])/gi;

/** People as a group or by role: "representatives from the United States", "the Ambassador". */
const ROLE_OR_GROUP = new RegExp(
  `\\b(?:(?:${[...ROLE_WORDS].join('|')})s?|secretaries|deputies|delegations?|governments?|nations|countries|agencies)\\b`,
  'gi',
);

const matches = (re: RegExp, text: string): Span[] =>
  [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));

/** People's names, as the English model reads them and as the corpus's register lists them. */
function names(text: string, words: Words, people: PeopleFinder | undefined): Span[] {
  const registered = people?.find(text) ?? [];
  const named = runs(text, words, (i) => has(words[i], 'Person') && !has(words[i], 'Pronoun'))
    // A name goes on through the proper nouns after it: "Colonel Monckton", "King Sigismund III Vasa".
    .map((s) => {
      let last = words.findIndex((w) => w.end === s.end);
      while (
        has(words[last + 1], 'ProperNoun', 'RomanNumeral') &&
        !has(words[last + 1], 'Place', 'Organization', 'Date') &&
        joined(text, words[last] as TaggedWord, words[last + 1] as TaggedWord, false)
      )
        last++;
      return { start: s.start, end: words[last]?.end ?? s.end };
    });
  return merged([...registered, ...named, ...namedAfterRole(text, words)]);
}

/**
 * Proper nouns right after a role are the name of whoever holds it, whether or not the model knows the name
 * as a person's: "program manager Mei Kuroda", "Minister Daichi Hosoya".
 */
function namedAfterRole(text: string, words: Words): Span[] {
  const nameWord = (i: number) =>
    has(words[i], 'ProperNoun', 'Person') &&
    !has(words[i], 'Place', 'Organization', 'Date', 'Pronoun') &&
    !ROLE_WORDS.has(lower(words[i])) &&
    /^\p{Lu}\p{Ll}/u.test(words[i]?.text ?? '');
  return runs(text, words, nameWord).filter((s) => {
    const first = words.findIndex((w) => w.start === s.start);
    const role = words[first - 1];
    return !!role && ROLE_WORDS.has(lower(role)) && joined(text, role, words[first] as TaggedWord, false);
  });
}

/** Where something happens follows these: "in Rouen", "at the University of Paris", "near the border". */
const AT_PLACE = /\b(?:in|at|on|near|inside|outside|throughout|across)\s+(?:the\s+)?$/i;
/** Places also follow these, as where from or where to, which a "where" question asks less often. */
const TO_OR_FROM_PLACE = /\b(?:from|to|into)\s+(?:the\s+)?$/i;

/** The text just before `start`, where {@link AT_PLACE} and {@link TO_OR_FROM_PLACE} look. */
const textBefore = (text: string, start: number) => text.slice(Math.max(0, start - 14), start);

/**
 * Whether {@link places} could find a place in `sentence`, told without parsing it: a word the model could tag
 * as a place ("France", "Springfield"; not "Rouen"), or a word where something happens ("in Rouen"), where a
 * proper name counts as a place. A word there follows white space, as "in" does.
 */
function mayHoldPlace(sentence: string): boolean {
  if (mayTag('place', sentence)) return true;
  for (const m of sentence.matchAll(/\s(?=\S)/g))
    if (AT_PLACE.test(textBefore(sentence, m.index + 1))) return true;
  return false;
}

/**
 * Places: what the model knows as one, most of all where something happens ("in France"); a proper name the
 * model does not know counts only there ("in Rouen").
 */
function places(text: string, words: Words): EvidenceSpan[] {
  const before = (s: Span) => textBefore(text, s.start);
  const known = runs(text, words, (i) => has(words[i], 'Place'));
  const proper = runs(text, words, (i) => has(words[i], 'ProperNoun') && !has(words[i], 'Person', 'Date'));
  return sorted([
    ...known.map((s) => ({
      ...s,
      strength: AT_PLACE.test(before(s)) ? 1 : TO_OR_FROM_PLACE.test(before(s)) ? 0.8 : 0.7,
    })),
    ...rated(
      proper.filter((s) => AT_PLACE.test(before(s)) && !inside(s, known)),
      0.6,
    ),
  ]);
}

/**
 * Evidence that `sentence` holds the kind of thing a question asks for: where such things stand and how
 * specific they are, or `null` when there are none; a quantity of a `measure` only with a unit of it. Corpus-independent (a general English model and rules
 * on its tags), except for `people`, the corpus's register of names. `yesno` and `any` always match.
 * Parsing costs about a millisecond per new sentence (cached after): rank cheaply first, then ask this of
 * the few best sentences.
 */
export function typeEvidence(
  type: AnswerType,
  sentence: string,
  people?: PeopleFinder,
  measure?: Measure | null,
): TypeEvidence | null {
  if (type === 'yesno' || type === 'any') return { spans: [], strength: 1 };
  const spans = japaneseSpans(type, sentence, people, measure) ?? spansOf(type, sentence, people, measure);
  return spans.length ? { spans, strength: Math.max(...spans.map((s) => s.strength)) } : null;
}

/** Whether `text` names someone: a person's name (the strongest evidence), not only a role or a group. */
export function namesPerson(text: string, people?: PeopleFinder): boolean {
  return (typeEvidence('person', text, people)?.spans ?? []).some((s) => s.strength === 1);
}

/** Capitalized words after a sentence's first, and numbers: where names, places and counts mostly stand. */
const CAPITALIZED_OR_NUMBER = /(?<=\S\s+)\p{Lu}|\d+/gu;

/**
 * How likely `sentence` is to hold the kind of thing a question asks for, told without parsing it: 0 only when
 * it certainly holds none (no word of it could be a date, for "when"), else higher where things of the kind
 * more often stand (capitalized words, numbers). For looking first where the answer type likely is.
 */
export function typeLikelihood(type: AnswerType, sentence: string): number {
  if (type === 'yesno' || type === 'any') return 1;
  if (hasJapanese(sentence)) return 1;
  if (type === 'date' && !mayTag('date', sentence) && !HAS_CENTURY.test(sentence)) return 0;
  if (type === 'duration' && !mayCountTime(sentence) && !matches(OPEN_DURATION, sentence).length) return 0;
  if (type === 'time' && !matches(CLOCK_TIME, sentence).length) return 0;
  return 1 + (sentence.match(CAPITALIZED_OR_NUMBER)?.length ?? 0);
}

/**
 * Japanese sentences (a Japanese document's) write dates, counts and places their own way, and their names
 * are the register's; `null` when the sentence has none of these, for the English model to read it.
 */
function japaneseSpans(
  type: AnswerType,
  sentence: string,
  people?: PeopleFinder,
  measure?: Measure | null,
): EvidenceSpan[] | null {
  if (!hasJapanese(sentence)) return null;
  // A quantity of a measure only in a unit of it (重さ: 9.8キログラム, not 3校).
  const found = japaneseAnswerSpans(type, sentence).filter(
    (s) => type !== 'quantity' || !measure || isJapaneseQuantityOf(sentence.slice(s.start, s.end), measure),
  );
  const names =
    type === 'name' || type === 'person'
      ? [...(people?.find(sentence) ?? []), ...japaneseHonoredNames(sentence)]
      : [];
  // Who did it may also be an organization, as in English: weaker evidence than a name or a role.
  const organizations = type === 'person' ? japaneseOrganizations(sentence) : [];
  const spans = [...rated([...names, ...found], 1), ...rated(organizations, 0.5)];
  return spans.length ? sorted(spans) : null;
}

function spansOf(
  type: AnswerType,
  sentence: string,
  people?: PeopleFinder,
  measure?: Measure | null,
): EvidenceSpan[] {
  // Parsing costs about a millisecond: a sentence no word of which the model could read as a date (a unit of
  // time, a name, a number) is not parsed to find none. "The 10th century" is a date by its ordinal and unit alone;
  // names the register lists and roles ("the Ambassador") are found without parsing.
  const words = () => tagWords(sentence);
  const nameWords = () => (mayTag('name', sentence) ? words() : []);
  const numberWords = () => (mayTag('number', sentence) ? words() : []);
  switch (type) {
    case 'date':
      return dates(sentence, mayTag('date', sentence) || HAS_CENTURY.test(sentence) ? words() : []);
    case 'time':
      return rated(matches(CLOCK_TIME, sentence), 1);
    case 'duration':
      return durations(sentence, mayCountTime(sentence) ? words() : []);
    case 'money':
      return money(sentence, numberWords());
    case 'quantity': {
      const amounts = quantities(sentence, numberWords(), measure);
      // "How fast do they get the data?" asks a speed or the time it takes: "within three hours of each pass".
      if (measure !== 'rate') return amounts;
      const taken = durations(sentence, mayCountTime(sentence) ? words() : []).filter(
        (d) => d.strength === 1,
      );
      return sorted([...amounts, ...rated(taken, 0.5)]);
    }
    case 'place':
      return places(sentence, mayHoldPlace(sentence) ? words() : []);
    case 'name':
      return rated(names(sentence, nameWords(), people), 1);
    case 'person': {
      // Who did it may also be an organisation or a people ("the Normans"), a proper name the model does not
      // know as a person's ("Rollo"), or a role or group ("representatives"): each counts less than a name.
      const tagged = nameWords();
      const named = names(sentence, tagged, people);
      const proper = runs(
        sentence,
        tagged,
        (i) => has(tagged[i], 'ProperNoun', 'Organization') && !has(tagged[i], 'Place', 'Date'),
      ).filter((s) => !named.some((n) => n.start < s.end && s.start < n.end));
      return sorted([
        ...rated(named, 1),
        ...rated(proper, 0.7),
        ...rated(matches(ROLE_OR_GROUP, sentence), 0.5),
      ]);
    }
    case 'yesno':
    case 'any':
      return [];
  }
}
