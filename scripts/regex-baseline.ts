/** Today's (72d0fda) regex answer types, frozen here as the baseline scripts/answer-types.ts measures against. */

import type { AnswerType } from '../src/answer/question.js';
import type { Span } from '../src/contract/types.js';
import type { SpeakerEntry } from '../src/corpus/types.js';
import { escapeRegExp } from '../src/text/text.js';

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const DATE = new RegExp(
  `\\b(?:${MONTHS})\\.?\\b|\\b(?:1[89]|20)\\d{2}\\b|\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|\\b(?:today|yesterday|tomorrow)\\b`,
);
const DURATION =
  /\blong history\b|\bdecades?\b|\bsince\s+\d{4}\b|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many)[-\s](?:years?|months?|weeks?|days?|decades?)\b|\buntil\b|\bexpires?\b|\bindefinite(?:ly)?\b/i;
const QUANTITY =
  /\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?)\b/i;
/** "in Washington", "at the agency’s Headquarters": a preposition, then a capitalized name. */
const PLACE = /\b(?:in|at|to|from|near|on)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}’'.-]*\s*)+|\bHeadquarters\b/u;
/** Words that start capitalized runs which are titles or institutions, not names of people. */
const NOT_NAMES = new Set(
  `The A An And Of For In At On To From By With During Among Known This That These Those It Its His Her Their
  NASA JAXA Japan Japanese United States America American Government Agency Agreement Framework Space Earth Moon
  Low Orbit National Council Exploration Aerospace Administrator Deputy Prime Minister Secretary State President
  Ambassador Assistant Executive Headquarters Washington Artemis Accords Gateway Cooperation Use Outer Celestial
  Bodies Peaceful Purposes Including Other Through From We I Friday January November U.S. Japan-U.S. Friday`.split(
    /\s+/,
  ),
);

/**
 * Finds people's names in text: names and name-like aliases from the speakers register first, then runs of
 * two or three capitalized words that are not titles or institutions ("Anne McClain").
 */
export class PeopleFinder {
  private readonly registered: RegExp | null;

  constructor(speakers: SpeakerEntry[]) {
    const names = speakers
      .flatMap((s) => [s.name, ...s.aliases])
      .filter((n) => /^\p{Lu}\S*\s+\p{Lu}/u.test(n) && n.split(/\s+/).every((w) => !NOT_NAMES.has(w)))
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp);
    this.registered = names.length ? new RegExp(`\\b(?:${names.join('|')})\\b`, 'gu') : null;
  }

  /** Spans of people's names in `text`. */
  find(text: string): Span[] {
    const spans: Span[] = [];
    if (this.registered) {
      for (const m of text.matchAll(this.registered))
        spans.push({ start: m.index, end: m.index + m[0].length });
    }
    for (const m of text.matchAll(/\b\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+){1,2}\b/gu)) {
      const words = m[0].split(/\s+/);
      if (words.some((w) => NOT_NAMES.has(w.replace(/[’']s$/, '')))) continue;
      if (!spans.some((s) => s.start <= m.index && m.index < s.end)) {
        spans.push({ start: m.index, end: m.index + m[0].length });
      }
    }
    return spans.sort((a, b) => a.start - b.start);
  }
}

/** Where in a sentence things of the asked-for kind stand, and how specific the best of them is (0–1). */
export interface TypeMatch {
  spans: Span[];
  strength: number;
}

const CLOCK_TIME =
  /\b\d{1,2}(?::\d{2})?\s?(?:a\.m\.|p\.m\.|am|pm)|\b(?:noon|midnight|morning|afternoon|evening)\b/gi;
const YEAR = /^(?:1[89]|20)\d{2}$/;
const MONEY = /[$¥€£]\s?\d|\b\d[\d,.]*\s?(?:dollars|yen|euros?|USD|JPY|million|billion|trillion)\b/i;
/** People as a group or by role: "representatives from the United States", "the U.S. Ambassador". */
const ROLE_OR_GROUP =
  /\b(?:representatives?|officials?|leaders?|delegations?|delegates?|ministers?|ambassadors?|administrators?|secretary|secretaries|presidents?|astronauts?|witnesses|governments?|nations|countries|agencies)\b/gi;

/** The global form of each pattern {@link allMatches} was given, compiled once: it runs for every sentence. */
const globalForms = new Map<RegExp, RegExp>();

function allMatches(re: RegExp, text: string): Span[] {
  let global = globalForms.get(re);
  if (!global) {
    global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    globalForms.set(re, global);
  }
  // matchAll works on a copy of the pattern, so the shared one keeps no state between calls.
  return [...text.matchAll(global)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

const MONTH_AND_DAY = new RegExp(`\\b(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b`);
const STARTS_WITH_MONTH = new RegExp(`^(?:${MONTHS})`);
const ENDS_WITH_MONTH = new RegExp(`(?:${MONTHS})\\.?\\s+$`);

/** Dates: a month with a day is the most specific, a bare year the least. */
function dateStrength(text: string, spans: Span[]): number {
  if (MONTH_AND_DAY.test(text)) return 1;
  const words = spans.map((s) => text.slice(s.start, s.end));
  if (words.some((w) => STARTS_WITH_MONTH.test(w))) return 0.8;
  if (words.some((w) => /day$/.test(w))) return 0.7;
  return 0.5;
}

/** Things of the asked-for kind in `text`, or `null` when there are none. `yesno` and `any` always match. */
export function findAnswerType(type: AnswerType, text: string, people: PeopleFinder): TypeMatch | null {
  const found = (spans: Span[], strength = 1): TypeMatch | null =>
    spans.length ? { spans, strength } : null;
  switch (type) {
    case 'date': {
      const spans = allMatches(DATE, text);
      return found(spans, dateStrength(text, spans));
    }
    case 'time':
      return found(allMatches(CLOCK_TIME, text));
    case 'duration':
      return found(allMatches(DURATION, text));
    case 'money':
      return found(allMatches(MONEY, text));
    case 'quantity':
      // Years and days of the month are dates, not counts.
      return found(
        allMatches(QUANTITY, text).filter((s) => {
          const word = text.slice(s.start, s.end);
          const before = text.slice(Math.max(0, s.start - 12), s.start);
          return !YEAR.test(word) && !ENDS_WITH_MONTH.test(before);
        }),
      );
    case 'place':
      return found(allMatches(PLACE, text));
    case 'name':
      return found(people.find(text));
    case 'person':
      return found([...people.find(text), ...allMatches(ROLE_OR_GROUP, text)]);
    case 'yesno':
    case 'any':
      return { spans: [], strength: 1 };
  }
}
