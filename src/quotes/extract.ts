import type { Span } from '../contract/types.js';
import { splitParagraphs, turnLabel } from '../corpus/segment.js';
import type { CorpusDocument } from '../corpus/types.js';
import { namesNonPerson } from '../text/english.js';
import { containsWords, type NameTokens, nameTokens } from './names.js';
import { type PeopleDirectory, type Person, type Resolution, splitTitle } from './people.js';

/** A quote found in a document, before it is indexed. */
export interface ExtractedQuote {
  /** The quoted words without the quote marks, and without the comma that hands over to the attribution. */
  text: string;
  /** Offsets of `text` in the document's text. */
  start: number;
  end: number;
  speaker: Person;
}

// ---- Patterns --------------------------------------------------------------------------------------------

/**
 * Verbs that attribute speech. "told" takes its listener along, a word or two after an article or possessive
 * ("told reporters", "told the council", "told a news conference").
 */
const VERB =
  '(?:said|says|added|adds|noted|notes|stated|states|explained|explains|continued|continues|remarked|wrote|' +
  'writes|declared|declares|emphasized|emphasised|emphasizes|stressed|stresses|observed|commented|insisted|' +
  'argued|announced|recalled|concluded|asked|asks|replied|answered|acknowledged|agreed|urged|warned|' +
  'predicted|promised|pledged|affirmed|reflected|(?:told|tells)(?:\\s+(?:the|a|an|his|her|its|their|our))?(?:\\s+\\p{L}+){1,2})';
/** Honorifics written with a period, which does not end the name ("Dr. Jane Doe"). */
const HONORIFIC = '(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sr|Jr|St|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Adm|Hon|Rev|Amb)';
/** Japanese script, which ends a capitalized word ("XYZの山田理事長" names nobody "XYZの…"). */
const NOT_IN_WORD = '[\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}]';
/** A capitalized word: "Smith", "Taro’s", "U.S.", an initial or honorific with its period ("J.", "Dr."). */
const WORD = `(?:\\p{Lu}\\.){2,}|(?:\\p{Lu}|${HONORIFIC})\\.(?=\\s+\\p{Lu})|\\p{Lu}(?:(?!${NOT_IN_WORD})[\\p{L}\\p{M}\\p{N}'’-])*`;
/** Between the words of one name: space, or a lower-case particle ("Secretary of State", "van der"). */
const JOIN = '(?:\\s+(?:of|de|del|da|do|dos|van|von|der|den|bin|ibn|al|la|le|du|di)(?:\\s+the)?)?\\s+';
/** A run of capitalized words: a name with its title, as the text writes it. */
const RUN = `(?:${WORD})(?:${JOIN}(?:${WORD}))*`;
/** "the prime minister", "The ACME chief": a role named by a common noun phrase (up to four words). */
const THE_PHRASE = "[Tt]he(?:\\s+[\\p{L}\\p{M}'’.-]+){1,4}";
const PRONOUN = '(?:[Hh]e|[Ss]he)\\b';
const NAME = `${PRONOUN}|${THE_PHRASE}|${RUN}`;
/** Leading punctuation between a closing quote mark and its attribution. */
const LEAD = '^[\\s,.;:!?—–-]*';
/** What may follow "Smith said" when it attributes the quote before it: the end of the clause, or a place. */
const AFTER_VERB =
  '(?=\\s*(?:[.!?,;:—–-]|$)|\\s+(?:in|at|on|during|to|after|before|while|when|as|from|via|through)\\b)';
/** ", ACME’s director," between a name and its verb. */
const APPOSITIVE = '(?:\\s*,[^,.!?“”"]{1,80},)?';
const ADVERB = '(?:(?:also|later|then|once)\\s+)?';

/** `“…,” said Smith` / `“…,” said the prime minister`. */
const TAIL_VERB_FIRST = new RegExp(`${LEAD}${VERB}\\s+(${NAME})`, 'u');
/** `“…,” Smith said` / `“…,” he added` / `“…,” Smith, the administrator, said`. */
const TAIL_NAME_FIRST = new RegExp(`${LEAD}(${NAME})${APPOSITIVE}\\s+${ADVERB}${VERB}${AFTER_VERB}`, 'u');
/** `“…,” according to Smith`. */
const TAIL_ACCORDING = new RegExp(`${LEAD}according\\s+to\\s+(${NAME})`, 'u');
/** `Smith said: “…”` / `Smith said in a statement, “…”`. */
const HEAD_NAME_FIRST = new RegExp(
  `(${NAME})${APPOSITIVE}\\s+${ADVERB}${VERB}(?:\\s+(?:in|at|on|during|to|after|before|while|when|from|via|through)\\b[^.!?“”"]{0,60})?\\s*[,:]?\\s*$`,
  'u',
);
/** `According to Smith, “…”`. */
const HEAD_ACCORDING = new RegExp(
  `[Aa]ccording\\s+to\\s+(${NAME})(?:\\s*,[^.!?“”"]{0,80})?\\s*[,:]\\s*$`,
  'u',
);
/** A second speaker joined to the first: `said Jane Doe and John Roe`, `Jane Doe and John Roe said`. */
const JOINT_AFTER = /^\s*(?:and|&)\s+(?:\p{Lu}|the\b|[Tt]he\b)/u;
const JOINT_BEFORE = /(?:\band|&)\s*$/u;
/** A speech verb right after a name. */
const SPEECH_AFTER = new RegExp(`^\\s+${ADVERB}${VERB}\\b`, 'u');
/** The text left between an attribution and the next quote when that quote goes on in the same voice. */
const SAME_VOICE_GAP = /^\s*(?:,[^.!?“”"]*)?[.!?;:,—–-]?\s*$/u;
/** A title set off after the name: `said Jane Doe, director of the lab.` */
const APPOSITIVE_TITLE =
  /^\s*,\s*(?!(?:who|whom|whose|which|that|adding|noting|saying|according|as|when|while|after|before|in|at|on|and|but)\b)([^,.;:!?“”"]{3,60}?)\s*(?:[,.;!?]|$)/u;

const RUN_PATTERN = new RegExp(RUN, 'gu');
const OPENERS = new Set(['“', '«', '„']);
const CLOSERS = new Set(['”', '»']);

// ---- Quote marks -----------------------------------------------------------------------------------------

/** One stretch of quoted text within a paragraph. */
interface Segment {
  paragraph: number;
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark, or the paragraph's end when the quote runs on into the next paragraph. */
  close: number;
  closed: boolean;
  /** The quoted words, trimmed. */
  inner: Span;
}

/**
 * The quoted stretches of a paragraph. Curly, straight and angle marks all open and close double quotes;
 * single marks are left alone, since inside a quote they quote someone else and elsewhere they are mostly
 * apostrophes. A quote still open at the paragraph's end runs to it; one still open at the next opening
 * mark is dropped.
 */
function findSegments(text: string, paragraph: Span, number: number): Segment[] {
  const segments: Segment[] = [];
  let open = -1;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const ch = text[i] ?? '';
    if (open < 0) {
      const straightOpener = ch === '"' && (i === paragraph.start || /[\s([{—–-]/u.test(text[i - 1] ?? ''));
      if (OPENERS.has(ch) || straightOpener) open = i;
    } else if (OPENERS.has(ch)) {
      // An opening mark inside a quote: the quote before was never closed, so where it ends is unknown.
      open = i;
    } else if (CLOSERS.has(ch) || ch === '"') {
      segments.push(makeSegment(text, number, open, i, true));
      open = -1;
    }
  }
  if (open >= 0) segments.push(makeSegment(text, number, open, paragraph.end, false));
  return segments.filter((s) => s.inner.end > s.inner.start);
}

function makeSegment(text: string, paragraph: number, open: number, close: number, closed: boolean): Segment {
  let start = open + 1;
  let end = close;
  while (start < end && /\s/u.test(text[start] ?? '')) start++;
  while (end > start && /[\s,]/u.test(text[end - 1] ?? '')) end--;
  return { paragraph, open, close, closed, inner: { start, end } };
}

// ---- Attribution -----------------------------------------------------------------------------------------

/** A capitalized run of a document, kept to expand short names into the fullest mention before them. */
interface Mention {
  start: number;
  text: string;
  tokens: NameTokens;
}

/** A quote that may run over several paragraphs: one segment per paragraph. */
interface Unit {
  segments: Segment[];
  speaker: Person | null;
  /** Where the attribution that follows the quote ends, when the quote was attributed by what follows it. */
  attributionEnd: number | null;
}

/** An attribution found next to a quote: the name as written, and where. */
interface Attribution {
  name: string;
  start: number;
  end: number;
  /** Whether the name comes after the verb ("said the prime minister in Tokyo"): trailing words are noise. */
  nameFirstInClause: boolean;
  titleHint: string | null;
}

/** Reads the quotes of one document and who said each. Quotes nobody can be sure of are left out. */
export function extractQuotes(doc: CorpusDocument, people: PeopleDirectory): ExtractedQuote[] {
  const text = doc.text;
  const paragraphs = splitParagraphs(text, doc.bodyStart);
  const mentions: Mention[] = [];
  const perParagraph: Segment[][] = [];
  paragraphs.forEach((paragraph, index) => {
    for (const m of text.slice(paragraph.start, paragraph.end).matchAll(RUN_PATTERN)) {
      mentions.push({ start: paragraph.start + m.index, text: m[0], tokens: nameTokens(m[0]) });
    }
    perParagraph.push(findSegments(text, paragraph, index + 1));
  });

  const units = joinParagraphs(paragraphs, perParagraph);
  const resolver = new SpeakerResolver(text, mentions, people);
  units.forEach((unit, index) => {
    const first = unit.segments[0];
    const last = unit.segments[unit.segments.length - 1];
    if (!first || !last) return;
    const paragraph = paragraphs[first.paragraph - 1];
    const lastParagraph = paragraphs[last.paragraph - 1];
    if (!paragraph || !lastParagraph) return;
    const next = units[index + 1]?.segments[0];
    const nextOpen =
      next && next.paragraph === last.paragraph ? next.open : tailEnd(text, paragraphs, last.paragraph);
    const previous = units[index - 1];
    const previousLast = previous?.segments[previous.segments.length - 1];
    const headStart =
      previousLast && previousLast.paragraph === first.paragraph ? previousLast.close + 1 : paragraph.start;

    const tail = last.closed
      ? tailAttribution(text, last, nextOpen, next?.paragraph === last.paragraph)
      : null;
    const attribution = tail ?? headAttribution(text, headStart, first.open);
    if (attribution) {
      const pronounFor = () => {
        const named = resolver.soleMentionBefore(
          paragraph.start,
          first.open,
          perParagraph[first.paragraph - 1] ?? [],
        );
        return named === undefined ? previousSpeaker(units, index, first.paragraph) : named;
      };
      unit.speaker = resolver.resolve(attribution, pronounFor);
      if (unit.speaker && attribution === tail) unit.attributionEnd = attribution.end;
      return;
    }
    // No attribution of its own: the same voice goes on when only the previous quote's attribution (and
    // perhaps an appositive) stands between them, as in `“…,” said Jones. “Through this agreement…”`.
    if (previous?.speaker && previousLast && previousLast.paragraph === first.paragraph) {
      const gapStart = previous.attributionEnd ?? previousLast.close + 1;
      if (SAME_VOICE_GAP.test(text.slice(gapStart, first.open))) unit.speaker = previous.speaker;
    }
  });

  const turns = turnQuotes(text, paragraphs, resolver);
  const quotes: ExtractedQuote[] = [...turns];
  for (const unit of units) {
    if (!unit.speaker) continue;
    for (const segment of unit.segments) {
      // Within a turn, quote marks are the speaker's own words quoting someone: the turn is the quote.
      if (turns.some((t) => t.start <= segment.inner.start && segment.inner.start < t.end)) continue;
      quotes.push({
        text: text.slice(segment.inner.start, segment.inner.end),
        start: segment.inner.start,
        end: segment.inner.end,
        speaker: unit.speaker,
      });
    }
  }
  resolver.registerMentionedPeople(perParagraph.flat());
  return quotes.sort((a, b) => a.start - b.start);
}

/**
 * A transcript's turns: "PARK: We launch in…" and "MODERATOR (Jane Roe, editor at …): …" are their speaker's
 * words without quote marks, each one quote, when the label clearly names a person of the document (a name the
 * document gives in full, or one of two words or more). A role without a name ("HOST:", "Q:") names nobody.
 */
function turnQuotes(text: string, paragraphs: Span[], resolver: SpeakerResolver): ExtractedQuote[] {
  const quotes: ExtractedQuote[] = [];
  for (const paragraph of paragraphs) {
    const label = turnLabel(text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 200)));
    if (!label) continue;
    // A moderator's label names the role; who holds it stands in the bracket, before any title.
    const [named = '', ...title] = label.asks ? (label.bracket ?? '').split(/[,，、]/) : [label.name];
    const start = paragraph.start + label.length;
    const speaker = resolver.turnSpeaker(
      named.trim(),
      { start: paragraph.start, end: start },
      label.asks ? title.join(',').trim() || null : label.bracket,
    );
    if (speaker && paragraph.end > start)
      quotes.push({ text: text.slice(start, paragraph.end), start, end: paragraph.end, speaker });
  }
  return quotes;
}

/**
 * Groups segments into quotes. A quote left open at a paragraph's end goes on when the next paragraph opens
 * with a quote mark, the journalistic convention for a quotation over several paragraphs.
 */
function joinParagraphs(paragraphs: Span[], perParagraph: Segment[][]): Unit[] {
  const units: Unit[] = [];
  let carrying: Unit | null = null;
  perParagraph.forEach((segments, index) => {
    const paragraph = paragraphs[index];
    segments.forEach((segment, k) => {
      if (carrying && k === 0 && paragraph && segment.open === paragraph.start) {
        carrying.segments.push(segment);
      } else {
        carrying = null;
        units.push({ segments: [segment], speaker: null, attributionEnd: null });
      }
      if (k === segments.length - 1) carrying = segment.closed ? null : (units[units.length - 1] ?? null);
    });
    if (segments.length === 0) carrying = null;
  });
  return units;
}

/**
 * Where the text after a paragraph's last quote ends: the paragraph's end, or the end of the next paragraph
 * when the quote closes its paragraph and the next one starts in lower case, an attribution cut off by a line
 * break (`…no slack,"⏎he said.`).
 */
function tailEnd(text: string, paragraphs: Span[], paragraph: number): number {
  const current = paragraphs[paragraph - 1];
  const following = paragraphs[paragraph];
  if (!current) return text.length;
  if (
    following &&
    /^\p{Ll}/u.test(text[following.start] ?? '') &&
    text.slice(current.end, following.start).split('\n').length <= 2
  ) {
    return following.end;
  }
  return current.end;
}

/** The speaker of the closest earlier quote in this or the previous paragraph, for "he said". */
function previousSpeaker(units: Unit[], index: number, paragraph: number): Person | null {
  for (let i = index - 1; i >= 0; i--) {
    const unit = units[i];
    const last = unit?.segments[unit.segments.length - 1];
    if (!unit || !last || last.paragraph < paragraph - 1) return null;
    if (unit.speaker) return unit.speaker;
  }
  return null;
}

/** An attribution right after the closing mark: `“…,” said Smith.`, `“…,” Smith said.` */
function tailAttribution(
  text: string,
  segment: Segment,
  until: number,
  quoteFollows: boolean,
): Attribution | null {
  const from = segment.close + 1;
  const tail = text.slice(from, until);
  const verbFirst = TAIL_VERB_FIRST.exec(tail) ?? TAIL_ACCORDING.exec(tail);
  if (verbFirst?.[1] !== undefined) {
    const nameStart = from + verbFirst.index + verbFirst[0].length - verbFirst[1].length;
    const end = from + verbFirst.index + verbFirst[0].length;
    // `said Jane Doe and John Roe`: a joint statement is nobody's own words.
    if (JOINT_AFTER.test(text.slice(end, until))) return null;
    return {
      name: verbFirst[1],
      start: nameStart,
      end,
      nameFirstInClause: false,
      titleHint: APPOSITIVE_TITLE.exec(text.slice(end, until))?.[1] ?? null,
    };
  }
  const nameFirst = TAIL_NAME_FIRST.exec(tail);
  if (nameFirst?.[1] === undefined) return null;
  const end = from + nameFirst.index + nameFirst[0].length;
  const rest = text.slice(end, until);
  // `“We are ready.” Smith said: “…”`: the clause introduces the next quote, not this one.
  const quoteEndsSentence = /[.!?]$/u.test(text.slice(segment.inner.start, segment.inner.end));
  if (quoteFollows && (/^\s*:\s*$/u.test(rest) || (quoteEndsSentence && /^\s*,?\s*$/u.test(rest))))
    return null;
  return {
    name: nameFirst[1],
    start: from + nameFirst.index + nameFirst[0].indexOf(nameFirst[1]),
    end,
    nameFirstInClause: true,
    titleHint: null,
  };
}

/** An attribution that introduces the quote: `Smith said: “…”`, `According to Smith, “…”`. */
function headAttribution(text: string, from: number, open: number): Attribution | null {
  const start = Math.max(from, open - 300);
  const head = text.slice(start, open);
  const match = HEAD_ACCORDING.exec(head) ?? HEAD_NAME_FIRST.exec(head);
  if (match?.[1] === undefined) return null;
  const nameStart = start + match.index + match[0].indexOf(match[1]);
  if (JOINT_BEFORE.test(text.slice(start, nameStart))) return null;
  return {
    name: match[1],
    start: nameStart,
    end: nameStart + match[1].length,
    nameFirstInClause: !/^[Aa]ccording/u.test(match[0]),
    titleHint: null,
  };
}

/** Whether `mention` names more fully someone `words` name: their words in either order, and more of them. */
function fullerThan(mention: Mention, words: NameTokens): boolean {
  const reversed = [...words].reverse();
  return (
    mention.tokens.length > words.length &&
    (containsWords(mention.tokens, words) || containsWords(mention.tokens, reversed))
  );
}

/** Turns names as a document writes them into people, using the document's earlier, fuller mentions. */
class SpeakerResolver {
  constructor(
    private readonly text: string,
    private readonly mentions: Mention[],
    private readonly people: PeopleDirectory,
  ) {}

  /** `pronounFor` names whom "he" or "she" stands for, asked only when the attribution is a pronoun. */
  resolve(attribution: Attribution, pronounFor: () => Person | null): Person | null {
    const { name } = attribution;
    if (/^(?:he|she)$/iu.test(name)) return pronounFor();
    const words = nameTokens(name);
    if (/^the\s/iu.test(name)) {
      // "said the prime minister in Tokyo" / "Later the prime minister said": try the words nearest the verb.
      for (let length = words.length; length >= 1; length--) {
        const part = attribution.nameFirstInClause
          ? words.slice(words.length - length)
          : words.slice(0, length);
        const found = this.resolveWords(part, attribution.start);
        if (found.kind === 'person') return found.person;
        if (found.kind === 'ambiguous') return null;
      }
      return null;
    }
    const found = this.resolveWords(words, attribution.start);
    if (found.kind === 'person') return found.person;
    if (found.kind === 'ambiguous') return null;
    return this.people.personForRun(name, attribution.titleHint);
  }

  /**
   * The person a transcript turn's label (at `label`) names: one the document or the register names more fully
   * ("PARK" after "Park Ji-hoon, vice president…"); or a name of two words or more that the label gives a title
   * in brackets ("Jane Roe (chair):"), or whose surname the document uses elsewhere. "Key Points:" names nobody.
   * One word English reads as no person's (a place, a quality) names only someone the document named before it:
   * a dateline ("MADRID (Reuters): …", "GENEVA: …") opens a story before anyone is named, even someone
   * bearing the word as a surname, where a transcript introduces its speakers ("Grace Noble" before "NOBLE:").
   */
  turnSpeaker(name: string, label: Span, titleHint: string | null): Person | null {
    const words = nameTokens(name);
    if (words.length === 0) return null;
    if (words.length === 1 && namesNonPerson(name)) {
      const earlier = this.resolveEarlier(words, label.start);
      return earlier.kind === 'person' ? earlier.person : null;
    }
    const found = this.resolveWords(words, label.start);
    if (found.kind === 'person') return found.person;
    if (found.kind === 'ambiguous' || words.length < 2) return null;
    const surname = words.at(-1) as string;
    const elsewhere = this.mentions.some(
      (m) => (m.start < label.start || m.start >= label.end) && m.tokens.includes(surname),
    );
    return titleHint !== null || elsewhere ? this.people.personForRun(name, titleHint) : null;
  }

  /**
   * A surname or title stands for the fullest mention before it that contains it ("Yamada" → "Prime Minister
   * Yamada Taro"); if those mentions are different people, nobody is named.
   */
  private resolveWords(words: NameTokens, before: number): Resolution {
    if (words.length === 0) return { kind: 'none' };
    const earlier = this.resolveEarlier(words, before);
    if (earlier.kind !== 'none') return earlier;
    const registered = this.people.matchKnown(words);
    if (registered.kind !== 'none') return registered;
    // Only a later mention is fuller (`“…,” said Doe.` … `Jane Doe, the director, …`).
    return this.fromMentions(this.mentions.filter((m) => m.start >= before && fullerThan(m, words)));
  }

  /** Who the fullest mentions before `before` that contain `words` name. */
  private resolveEarlier(words: NameTokens, before: number): Resolution {
    return this.fromMentions(this.mentions.filter((m) => m.start < before && fullerThan(m, words)));
  }

  /** The one person a set of mentions names, or a tie. */
  private fromMentions(mentions: Mention[]): Resolution {
    const found = new Set<Person>();
    for (const mention of mentions) {
      const known = this.people.matchKnown(mention.tokens);
      if (known.kind === 'ambiguous') return known;
      const person = known.kind === 'person' ? known.person : this.people.personForRun(mention.text);
      if (person) found.add(person);
    }
    const [only, ...others] = found;
    if (!only) return { kind: 'none' };
    return others.length ? { kind: 'ambiguous', people: [...found] } : { kind: 'person', person: only };
  }

  /**
   * The one person named between `from` and a quote opening at `until`, outside quotes, for "he said" in
   * `Ek said the schedule was tight. “We launch in March,” he said.`; `undefined` when nobody is named there,
   * `null` when several people are (the pronoun is then left unresolved).
   */
  soleMentionBefore(from: number, until: number, quoted: Segment[]): Person | null | undefined {
    const named = new Set<Person>();
    for (const mention of this.mentions) {
      if (mention.start < from || mention.start >= until) continue;
      if (quoted.some((s) => s.open <= mention.start && mention.start < s.close)) continue;
      const found = this.resolveWords(mention.tokens, mention.start);
      if (found.kind === 'ambiguous') return null;
      if (found.kind === 'person') named.add(found.person);
      else if (nameTokens(splitTitle(mention.text).name).length >= 2 || this.speaksAt(mention)) {
        const person = this.people.personForRun(mention.text);
        if (person) named.add(person);
      }
    }
    if (named.size === 0) return undefined;
    return named.size === 1 ? ([...named][0] ?? null) : null;
  }

  /** Whether a speech verb follows the mention ("Ek said the schedule was tight"): a person, not a place. */
  private speaksAt(mention: Mention): boolean {
    return SPEECH_AFTER.test(
      this.text.slice(mention.start + mention.text.length, mention.start + mention.text.length + 40),
    );
  }

  /**
   * Adds people named in the text outside quotes (two or more name words, "Mary Brown") to the directory, so
   * that asking for them answers "known, but never quoted" rather than "unknown".
   */
  registerMentionedPeople(segments: Segment[]): void {
    const quoted = (at: number) => segments.some((s) => s.open <= at && at < s.close);
    for (const mention of this.mentions) {
      if (quoted(mention.start)) continue;
      const known = this.people.matchKnown(mention.tokens);
      if (known.kind === 'ambiguous') continue;
      if (known.kind === 'person' || nameTokens(splitTitle(mention.text).name).length >= 2)
        this.people.personForRun(mention.text);
    }
  }
}
