import type { Span } from '../core/types.js';
import type { SpeakerEntry } from '../corpus/types.js';
import type { AttributedQuote } from '../quotes/index.js';
import { contentTerms } from '../search/text.js';

interface SpeakerMatcher {
  pattern: RegExp;
  stems: string[];
}

/** The stems of a person's name and title: what a sentence that quotes or names them is also about. */
function personStems(name: string, title: string | null): string[] {
  return contentTerms(`${name} ${title ?? ''}`).map((t) => t.stem);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Coreference for ranking: a sentence that says "said Kishida", or continues a quote without naming anyone,
 * is about "Prime Minister Kishida Fumio" too. Built once per corpus from the speakers register and the
 * quotes' attributions.
 */
export class Referents {
  private readonly matchers: SpeakerMatcher[];
  private readonly quotesByDocument = new Map<string, { span: Span; stems: string[] }[]>();

  constructor(speakers: SpeakerEntry[], quotes: AttributedQuote[]) {
    this.matchers = speakers.map((s) => ({
      pattern: new RegExp(`\\b(?:${[s.name, ...s.aliases].map(escape).join('|')})\\b`),
      stems: personStems(s.name, s.title),
    }));
    for (const { speaker, quote } of quotes) {
      const list = this.quotesByDocument.get(quote.citation.document) ?? [];
      list.push({ span: quote.citation, stems: personStems(speaker.name, speaker.title) });
      this.quotesByDocument.set(quote.citation.document, list);
    }
  }

  /** The stems of `text` (found at `span` of document `docId`) plus those of the people it refers to. */
  stems(docId: string, span: Span, text: string): Set<string> {
    const stems = new Set(contentTerms(text).map((t) => t.stem));
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
