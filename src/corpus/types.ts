import type { Span } from '../contract/types.js';

/** The languages a document may declare: those the analysis knows. */
export const DOCUMENT_LANGUAGES = ['en', 'ja'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/** Front-matter / record fields every document has after loading. */
export interface DocumentMeta {
  id: string;
  title: string;
  kind: string;
  url: string | null;
  /** ISO date `YYYY-MM-DD`, when known. */
  published: string | null;
  publisher: string | null;
  /**
   * The document's language when its metadata gives one (`lang: ja`); else it is read from the text (see
   * `detectLanguage`). Japanese runs are segmented as Japanese in any document; the language decides how
   * paragraph length is counted.
   */
  lang?: DocumentLanguage;
  /** Corpus-relative path of the file the document came from. */
  file: string;
}

/** A document: its metadata and its text, kept exactly as in the file so offsets stay true. */
export interface CorpusDocument extends DocumentMeta {
  text: string;
  /** Where the body starts in `text` (after a `.txt` title line, say); passages never start before it. */
  bodyStart: number;
}

/** A paragraph of a document, or a window of a long one: the unit of retrieval. */
export interface Passage extends Span {
  /** `<docId>#p<N>`, or `<docId>#p<N>w<K>` for the K-th window of a long paragraph. */
  id: string;
  docId: string;
  /** 1-based paragraph number, as users see it in citations. */
  paragraph: number;
  /** `text.slice(start, end)` of the document. */
  text: string;
  /** Sentences, with offsets into the document text. */
  sentences: Span[];
  /**
   * The words of the Markdown headings of the sections the passage stands in, outermost first (offsets into the
   * document text, without the `#`s): the topic of the section, which its paragraphs rarely repeat. Last, the
   * question the passage answers when a paragraph before it asks one (an FAQ's, an interviewer's, a moderator's),
   * read the same way: its words are what the answer is about, though the answer rarely repeats them.
   */
  headings: Span[];
  /**
   * The question the passage answers, when it stands after one (one of {@link headings}): a heading that asks
   * ("## How long will it fly?") or a paragraph that does (an FAQ's bold question, an interviewer's). Every
   * sentence of the answer is about it.
   */
  answers?: Span;
  /**
   * The sentences of a paragraph that asks (a question the next paragraphs answer): no answer themselves.
   * Absent when the passage asks nothing.
   */
  questions?: Span[];
}

/** A person in the speakers register (corpus/speakers.yaml). */
export interface SpeakerEntry {
  name: string;
  title: string | null;
  aliases: string[];
}

/** A glossary entry (corpus/glossary.yaml): what users type, and what the text says. */
export interface GlossaryEntry {
  /** The wording the corpus uses. */
  text: string;
  /** Wordings users type that mean `text`. */
  typed: string[];
  /** Whether `text` also expands to `typed` (abbreviation ↔ full name). */
  both: boolean;
}

/** Everything loaded from a corpus folder. */
export interface Corpus {
  documents: CorpusDocument[];
  passages: Passage[];
  speakers: SpeakerEntry[];
  glossary: GlossaryEntry[];
}
