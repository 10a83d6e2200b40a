import type { Span } from '../contract/types.js';
import type { CorpusDocument, Passage, SpeakerEntry } from '../corpus/types.js';
import type { AttributedQuote } from '../quotes/index.js';
import { headingStems, type PassageIndex } from '../search/index.js';
import { contentTerms, escapeRegExp } from '../text/text.js';

interface SpeakerMatcher {
  pattern: RegExp;
  stems: string[];
}

/** The stems of a person's name and title: what a sentence that quotes or names them is also about. */
function personStems(name: string, title: string | null): string[] {
  return contentTerms(`${name} ${title ?? ''}`).map((t) => t.stem);
}

/**
 * Coreference for ranking: a sentence that says "said Yamada", or continues a quote without naming anyone,
 * is about "Prime Minister Yamada Taro" too. Built once per corpus from the speakers register and the
 * quotes' attributions.
 */
export class Referents {
  private readonly matchers: SpeakerMatcher[];
  private readonly quotesByDocument = new Map<string, { span: Span; stems: string[] }[]>();

  /** Per document, the acronyms it defines ("Harbor Mapping Authority (HMA)") and the stems of what they stand for. */
  private readonly acronymsByDocument = new Map<string, { pattern: RegExp; stems: string[] }[]>();

  constructor(speakers: SpeakerEntry[], quotes: AttributedQuote[], documents: CorpusDocument[] = []) {
    for (const doc of documents) {
      const defined = definedAcronyms(doc.text).map(({ acronym, long }) => ({
        pattern: new RegExp(`\\b${escapeRegExp(acronym)}\\b`),
        stems: contentTerms(long).map((t) => t.stem),
      }));
      if (defined.length) this.acronymsByDocument.set(doc.id, defined);
    }
    this.matchers = speakers.map((s) => ({
      pattern: new RegExp(`\\b(?:${[s.name, ...s.aliases].map(escapeRegExp).join('|')})\\b`),
      stems: personStems(s.name, s.title),
    }));
    // Per speaker, not per quote: a corpus may quote a few people thousands of times.
    const stemsOf = new Map<string, string[]>();
    for (const { speaker, quote } of quotes) {
      const key = `${speaker.name}\n${speaker.title ?? ''}`;
      let stems = stemsOf.get(key);
      if (!stems) {
        stems = personStems(speaker.name, speaker.title);
        stemsOf.set(key, stems);
      }
      const list = this.quotesByDocument.get(quote.citation.document) ?? [];
      list.push({ span: quote.citation, stems });
      this.quotesByDocument.set(quote.citation.document, list);
    }
  }

  /**
   * The stems of the people `text` (found at `span` of document `docId`) names or quotes: whom "She" opening
   * the next sentence most likely means.
   */
  peopleIn(docId: string, span: Span, text: string): string[] {
    const stems: string[] = [];
    for (const matcher of this.matchers) if (matcher.pattern.test(text)) stems.push(...matcher.stems);
    for (const quote of this.quotesByDocument.get(docId) ?? [])
      if (quote.span.start < span.end && span.start < quote.span.end) stems.push(...quote.stems);
    return stems;
  }

  /** Adds to `stems` those of the people that `text` (found at `span` of document `docId`) refers to. */
  addTo(stems: Set<string>, docId: string, span: Span, text: string): Set<string> {
    for (const matcher of this.matchers) {
      if (matcher.pattern.test(text)) for (const s of matcher.stems) stems.add(s);
    }
    // "HMA will contribute…" is about the Harbor Mapping Authority, as the document defined it.
    for (const acronym of this.acronymsByDocument.get(docId) ?? []) {
      if (acronym.pattern.test(text)) for (const s of acronym.stems) stems.add(s);
    }
    for (const quote of this.quotesByDocument.get(docId) ?? []) {
      if (quote.span.start < span.end && span.start < quote.span.end)
        for (const s of quote.stems) stems.add(s);
    }
    return stems;
  }
}

/** An acronym in brackets after capitalized words: "… Harbor Mapping Authority (HMA)". */
const ACRONYM_DEFINED = /\(([A-Z][A-Z0-9&-]{1,7})\)/g;
/** The words before the brackets a definition may span: about as many as the acronym has letters, and a few. */
const LONG_FORM_WORDS = 8;

/**
 * The acronyms a text defines and what they stand for: "the Baltic Ocean Research Institute (BORI)" →
 * BORI, "Baltic Ocean Research Institute". The long form is the shortest run of words before the brackets
 * whose letters spell the acronym in order, the acronym's first letter a word's first and its last one in the
 * last word (Schwartz and Hearst's rule, 2003, a little stricter), of at least two words: a reading any document's definitions follow, in no list of names.
 */
export function definedAcronyms(text: string): { acronym: string; long: string }[] {
  const found: { acronym: string; long: string }[] = [];
  for (const m of text.matchAll(ACRONYM_DEFINED)) {
    const acronym = m[1] as string;
    if ((acronym.match(/[A-Z]/g)?.length ?? 0) < 2) continue;
    const before = text.slice(Math.max(0, m.index - 200), m.index).trimEnd();
    const words = before.split(/\s+/).slice(-Math.min(LONG_FORM_WORDS, acronym.length + 5));
    const long = longForm(acronym, words.join(' '));
    if (long && long.split(/\s+/).length >= 2) found.push({ acronym, long });
  }
  return found;
}

/** The shortest end of `candidate` that spells `acronym` (letters and digits, in order, case aside), or null. */
function longForm(acronym: string, candidate: string): string | null {
  const short = acronym.toLowerCase();
  const long = candidate.toLowerCase();
  let s = short.length - 1;
  let l = long.length - 1;
  const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
  for (; s >= 0; s--) {
    const c = short[s] as string;
    if (!isWordChar(c)) continue;
    // The acronym's first letter must start a word of the long form.
    while (l >= 0 && (long[l] !== c || (s === 0 && l > 0 && isWordChar(long[l - 1])))) l--;
    // Its last letter in the last word: "… Institute Director (BORI)" names no director.
    if (l < 0 || (s === short.length - 1 && l < long.lastIndexOf(' '))) return null;
    l--;
  }
  const start = long.lastIndexOf(' ', l) + 1;
  return candidate.slice(start).replace(/^[^\p{L}\p{N}]+/u, '') || null;
}

/** Whether a stem occurs somewhere (a sentence, a passage, a document): all that coverage asks of it. */
export interface StemLookup {
  has(stem: string): boolean;
}

/** A passage's stems as ranking reads them: per sentence and for the whole passage, referents included. */
export interface PassageStems {
  sentences: Set<string>[];
  all: Set<string>;
}

/** A sentence opening with a personal pronoun, which means someone named before. */
const PERSON_PRONOUN = /^["“'‘]?(?:He|She)\b/;

/** How many passages' stems to keep at hand; a question touches a few dozen. */
const CACHE_SIZE = 2048;
/** Documents' stems kept at hand (a few kilobytes each). */
const DOCUMENT_CACHE_SIZE = 1024;

/**
 * Passage stems for ranking, from the index's analysis plus referents, kept in a small LRU cache so that
 * popular passages are not re-read on every question and memory stays bounded on large corpora.
 */
export class PassageReader {
  private readonly cache = new Map<string, PassageStems>();
  private readonly documentCache = new Map<string, StemLookup>();

  constructor(
    private readonly index: PassageIndex,
    private readonly referents: Referents,
    private readonly documents: Map<string, CorpusDocument>,
  ) {}

  /** Every stem of a document (with referents): the context a question's side ideas may come from. */
  documentStems(docId: string): StemLookup {
    let stems = this.documentCache.get(docId);
    if (stems) {
      this.documentCache.delete(docId); // re-insert: most recently used last
    } else {
      stems = this.readDocument(docId);
      const oldest = this.documentCache.keys().next().value;
      if (this.documentCache.size >= DOCUMENT_CACHE_SIZE && oldest !== undefined)
        this.documentCache.delete(oldest);
    }
    this.documentCache.set(docId, stems);
    return stems;
  }

  /**
   * A document's stems straight from the index, as one string searched for each stem asked about: a question
   * reads some thirty documents of ten passages or more, for the few stems of the question, so a set of all
   * their stems (or one per sentence, through {@link stems}) costs far more than the search.
   */
  private readDocument(docId: string): StemLookup {
    const passages = this.index.passagesOf(docId);
    const text = passages.map((p) => this.index.stemText(p)).join('');
    const referred = new Set<string>();
    const docText = this.documents.get(docId)?.text ?? '';
    for (const passage of passages) {
      for (const span of passage.sentences)
        this.referents.addTo(referred, docId, span, docText.slice(span.start, span.end));
      for (const s of headingStems(passage, docText)) referred.add(s);
    }
    return { has: (stem) => referred.has(stem) || text.includes(` ${stem} `) };
  }

  stems(passage: Passage): PassageStems {
    const cached = this.cache.get(passage.id);
    if (cached) {
      this.cache.delete(passage.id); // re-insert: most recently used last
      this.cache.set(passage.id, cached);
      return cached;
    }
    const text = this.documents.get(passage.docId)?.text ?? '';
    const own = this.index.sentenceStems(passage);
    const said = new Set(own.flat());
    const asked = passage.answers
      ? contentTerms(text.slice(passage.answers.start, passage.answers.end))
          .map((t) => t.stem)
          .filter((s) => !said.has(s))
      : [];
    const sentences = own.map((stems, i) => {
      const span = passage.sentences[i] ?? passage;
      const sentence = text.slice(span.start, span.end);
      const read = this.referents.addTo(new Set(stems), passage.docId, span, sentence);
      // An answer's sentences are about what the question it answers asks and they leave unsaid ("How long
      // will it fly?" — "The design life is five years."); a word of the question the answer does say still
      // tells its sentences apart ("What is the Tern-2?" — "Tern-2 stands for…").
      for (const s of asked) read.add(s);
      // "She asked for a study": the person the sentence before named or quoted.
      const before = passage.sentences[i - 1];
      if (before && PERSON_PRONOUN.test(sentence))
        for (const s of this.referents.peopleIn(passage.docId, before, text.slice(before.start, before.end)))
          read.add(s);
      return read;
    });
    // The section's heading is what the whole passage is about, not what one of its sentences says.
    const all = new Set<string>(headingStems(passage, text));
    for (const sentence of sentences) for (const s of sentence) all.add(s);
    const result = { sentences, all };
    this.cache.set(passage.id, result);
    if (this.cache.size > CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    return result;
  }
}
