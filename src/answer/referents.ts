import type { Span } from '../contract/types.js';
import type { CorpusDocument, Passage, SpeakerEntry } from '../corpus/types.js';
import type { AttributedQuote } from '../quotes/index.js';
import type { PassageIndex } from '../search/index.js';
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

  constructor(speakers: SpeakerEntry[], quotes: AttributedQuote[]) {
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

  /** Adds to `stems` those of the people that `text` (found at `span` of document `docId`) refers to. */
  addTo(stems: Set<string>, docId: string, span: Span, text: string): Set<string> {
    for (const matcher of this.matchers) {
      if (matcher.pattern.test(text)) for (const s of matcher.stems) stems.add(s);
    }
    for (const quote of this.quotesByDocument.get(docId) ?? []) {
      if (quote.span.start < span.end && span.start < quote.span.end)
        for (const s of quote.stems) stems.add(s);
    }
    return stems;
  }
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
    for (const passage of passages)
      for (const span of passage.sentences)
        this.referents.addTo(referred, docId, span, docText.slice(span.start, span.end));
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
    const sentences = this.index.sentenceStems(passage).map((stems, i) => {
      const span = passage.sentences[i] ?? passage;
      return this.referents.addTo(new Set(stems), passage.docId, span, text.slice(span.start, span.end));
    });
    const all = new Set<string>();
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
