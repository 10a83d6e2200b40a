import type { Span } from '../core/types.js';
import type { SpeakerEntry } from '../corpus/types.js';
import type { AnswerType } from './question.js';

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const DATE = new RegExp(
  `\\b(?:${MONTHS})\\.?\\b|\\b(?:1[89]|20)\\d{2}\\b|\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|\\b(?:today|yesterday|tomorrow)\\b`,
);
const DURATION =
  /\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many)[-\s](?:years?|months?|weeks?|days?|decades?)\b|\buntil\b|\bexpires?\b|\bindefinite(?:ly)?\b/i;
const QUANTITY =
  /\b\d[\d,.]*\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|hundreds?|thousands?|millions?|billions?)\b/i;
/** "in Washington", "at the agency’s Headquarters": a preposition, then a capitalized name. */
const PLACE = /\b(?:in|at|to|from|near)\s+(?:the\s+)?(?:[\p{Lu}][\p{L}’'.-]*\s*)+|\bHeadquarters\b/u;
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
      .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
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

/** Where in `text` something of the asked-for kind stands, or `null` when there is none. */
export function findAnswerType(type: AnswerType, text: string, people: PeopleFinder): Span[] | null {
  const spans = (re: RegExp): Span[] | null => {
    const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    const found = [...text.matchAll(global)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    return found.length ? found : null;
  };
  switch (type) {
    case 'date':
      return spans(DATE);
    case 'duration':
      return spans(DURATION);
    case 'quantity':
      return spans(QUANTITY);
    case 'place':
      return spans(PLACE);
    case 'person': {
      const found = people.find(text);
      return found.length ? found : null;
    }
    case 'yesno':
    case 'any':
      return [];
  }
}
