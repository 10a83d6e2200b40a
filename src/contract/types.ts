/**
 * The contract between the core (corpus, search, answers, quotes) and its adapters
 * (console, CLI, Discord). Nothing here knows about Discord.
 */

/** A half-open character range `[start, end)` into some text. */
export interface Span {
  start: number;
  end: number;
}

/** Where a piece of text comes from, in the form users see in a citation. */
export interface Citation {
  /** Document id, e.g. `city-budget-2024`. */
  document: string;
  /** Document title. */
  title: string;
  /** 1-based paragraph number within the document. */
  paragraph: number;
  /** Link to the source, or `null` when the document has none. */
  url: string | null;
  /** Offsets of the cited text in the document's text. */
  start: number;
  end: number;
}

/** A passage ranked for a question, with an excerpt to show. */
export interface RankedPassage {
  /** Stable passage id: `<docId>#p<N>` (windows of long paragraphs: `<docId>#p<N>w<K>`). */
  id: string;
  /** Excerpt: an exact substring of the document text at `citation.start`..`citation.end`. */
  text: string;
  score: number;
  citation: Citation;
  /** Query terms found in `text`, as offsets relative to `text`. */
  highlights: Span[];
}

/** The phrase that answers a question asking for a date, number, person, place, duration or sum. */
export interface ShortAnswer {
  /** An exact substring of the document text at `start`..`end`, inside the answer's citation. */
  text: string;
  /** Offsets in the document's text (the citation's coordinates, not the answer text's). */
  start: number;
  end: number;
}

export interface Answer {
  /** The answering sentence(s): an exact substring of the document text at the citation's offsets. */
  text: string;
  citation: Citation;
  /**
   * Id of the passage holding the answer, as in {@link RankedPassage.id} (windows included: `#p<N>w<K>`);
   * `null` only when the answer lies outside every passage.
   */
  passageId: string | null;
  /** Query terms found in `text`, relative to `text`. */
  highlights: Span[];
  /**
   * When the question asks for a particular kind of thing ("when…", "how many…", "who…") and `text` holds
   * one: that phrase ("January 13, 2023", "thirty days"). `null` otherwise.
   */
  short: ShortAnswer | null;
  /**
   * The calibrated probability (0–1) that `text` answers the question, from the fitted confidence
   * (src/answer/weights.json); `null` when the quotes index answered ("what did X say", "who said …").
   */
  confidence: number | null;
  /**
   * True when the confidence is below the fitted `closestBelow`: the closest the corpus comes to the
   * question rather than a sure answer. Replies say so.
   */
  closest: boolean;
}

/** What one run of the answering pipeline gives: everything a view shows, so views never ask again. */
export interface AskResult {
  question: string;
  /** `null` when the corpus does not answer the question. */
  answer: Answer | null;
  /** The page asked for (`offset`, `limit`), best first. */
  passages: RankedPassage[];
  /**
   * How many passages were ranked for the question, all pages together: a next page exists when
   * `offset + passages.length < total`.
   */
  total: number;
  /** Version of the corpus that answered (see {@link KnowledgeBase.version}). */
  version: string;
  /** When abstaining: topics the corpus does cover, closest first. */
  suggestions: string[];
}

export interface AskOptions {
  /** Passages to return (default 5, at most 100). */
  limit?: number;
  /** Passages to skip, for "more sources" paging (default 0). */
  offset?: number;
}

export interface Quote {
  /** The quoted words: an exact substring of the document text at the citation's offsets. */
  text: string;
  citation: Citation;
}

export interface SpeakerInfo {
  name: string;
  /** Role or title, e.g. "ACME Director"; `null` when unknown. */
  title: string | null;
}

export interface QuoteResult {
  query: string;
  /** The speaker the query resolved to; `null` when they have no quote in the corpus. */
  speaker: SpeakerInfo | null;
  /** True when the query names someone the corpus knows (mentioned or registered), quoted or not. */
  known: boolean;
  /** Every quote of the speaker in document order (ranked by topic when `about` is given). */
  quotes: Quote[];
  /** Closest speakers who are quoted, when the query did not resolve to one with quotes. */
  suggestions: string[];
}

/** One autocomplete choice for `/quote speaker`. */
export interface SpeakerChoice extends SpeakerInfo {
  quotes: number;
}

/** A document as listed by `/sources`. */
export interface SourceInfo {
  id: string;
  title: string;
  kind: string;
  published: string | null;
  publisher: string | null;
  url: string | null;
  passages: number;
}

/** How much a knowledge base holds, as `/sources` reports it. */
export interface CorpusStats {
  documents: number;
  passages: number;
  quotes: number;
}

/** What the adapters ask of the loaded corpus. Immutable once built: a reload builds a new one. */
export interface KnowledgeBase {
  /** Short content hash of the corpus and index options, shown in reply footers. */
  readonly version: string;
  ask(question: string, options?: AskOptions): AskResult;
  quote(speaker: string, about?: string): QuoteResult;
  /** Autocomplete over quoted speakers: prefix, alias and typo matches, at most `limit` (all when omitted). */
  speakers(prefix: string, limit?: number): SpeakerChoice[];
  sources(): SourceInfo[];
  stats(): CorpusStats;
}

/**
 * Something the core tells a person, without words of its own: a message code of the catalogue
 * (src/messages) and the values its text takes. Values are numbers, text quoted as it is (file names, ids,
 * source text, a parser's own diagnostic) or another notice. The adapters word it in the reader's language;
 * plain data, so it crosses worker threads as it is.
 */
export interface Notice<Code extends string = string> {
  readonly code: Code;
  readonly values?: Readonly<Record<string, NoticeValue<Code>>>;
}

/** A value a {@link Notice} fills in: quoted text, a number, or a notice worded in turn. */
export type NoticeValue<Code extends string = string> = string | number | Notice<Code>;

/**
 * A problem with user input, safe to show to the user as is.
 * Adapters show `message`; anything else thrown is an internal error.
 */
export class UserInputError extends Error {
  override name = 'UserInputError';
  constructor(
    message: string,
    /** What was wrong, for adapters that say it in the user's language (src/messages); `message` is English. */
    readonly reason?: UserInputReason,
  ) {
    super(message);
  }
}

/** Why a question or a /quote input was refused: the refusals every adapter words in the user's language. */
export type UserInputReason =
  | { code: 'questionEmpty' }
  | { code: 'questionTooLong'; length: number; max: number }
  | { code: 'questionNoWords' }
  /** No speaker named; `example` is a quoted speaker to suggest, `null` when nobody is quoted. */
  | { code: 'speakerEmpty'; example: string | null }
  | { code: 'speakerTooLong' | 'topicTooLong'; length: number; max: number };
