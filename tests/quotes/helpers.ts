import type { QuoteResult } from '../../src/contract/types.js';
import { segmentDocument } from '../../src/corpus/segment.js';
import type { Corpus, CorpusDocument, SpeakerEntry } from '../../src/corpus/types.js';
import { QuoteIndex } from '../../src/quotes/index.js';

/** A one-document corpus from a body text (paragraphs one per line or split by blank lines). */
export function corpusOf(text: string, speakers: SpeakerEntry[] = [], id = 'doc'): Corpus {
  const doc: CorpusDocument = {
    id,
    title: `Title of ${id}`,
    kind: 'press-release',
    url: `https://example.org/${id}`,
    published: null,
    publisher: null,
    file: `${id}.md`,
    text,
    bodyStart: 0,
  };
  return { documents: [doc], passages: segmentDocument(doc), speakers, glossary: [] };
}

export function indexOf(text: string, speakers: SpeakerEntry[] = []): QuoteIndex {
  return QuoteIndex.build(corpusOf(text, speakers));
}

/** The quote texts returned for a speaker, in order. */
export function quotesOf(index: QuoteIndex, speaker: string, about?: string): string[] {
  return index.quote(speaker, about).quotes.map((q) => q.text);
}

/** The text of a one-document corpus at each quote's citation offsets: what the document says, not the index. */
export function citedTexts(result: QuoteResult, text: string): string[] {
  return result.quotes.map((q) => text.slice(q.citation.start, q.citation.end));
}

/** Every quote of every quoted speaker, checked against the document text at its offsets. */
export function allQuotes(index: QuoteIndex, corpus: Corpus): { speaker: string; text: string }[] {
  const found: { speaker: string; text: string }[] = [];
  for (const choice of index.speakers('', 25)) {
    for (const quote of index.quote(choice.name).quotes) {
      const doc = corpus.documents.find((d) => d.id === quote.citation.document);
      if (doc?.text.slice(quote.citation.start, quote.citation.end) !== quote.text) {
        throw new Error(`quote not at its offsets: ${quote.text}`);
      }
      found.push({ speaker: choice.name, text: quote.text });
    }
  }
  return found;
}
