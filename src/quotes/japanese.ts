/**
 * Quotes in Japanese text: 「…」 followed by と and a verb of speech, with the speaker named in the same
 * sentence ("スミス長官は「…」と述べた", "「…」とスミス長官は語った"). Only speakers the people directory knows
 * are accepted: a Japanese name the registers do not list is not told apart from any other noun, so such
 * quotes are left out rather than guessed.
 */
import type { Span } from '../contract/types.js';
import { splitParagraphs } from '../corpus/segment.js';
import type { CorpusDocument } from '../corpus/types.js';
import type { ExtractedQuote } from './extract.js';
import { nameTokens } from './names.js';
import type { PeopleDirectory, Person } from './people.js';

/** Verbs of speech after "と": 述べた, 語った, 言った, 話した, 強調した, 説明した, 表明した, 明かした, コメントした. */
const SPEECH = '(?:述べ|語っ|語り|言っ|言い|話し|強調し|説明し|表明し|明かし|コメントし|発言し|訴え)';
/** After the quote: "と" then the verb, or "と" + the speaker (+ は/が) + the verb. */
const AFTER = new RegExp(`^と[、,]?\\s*(?:([^。！？「」、\\s]{1,40}?)(?:は|が)?[、,]?\\s*)?${SPEECH}`, 'u');
/** Before the quote, in the same sentence: the speaker, then は or が. */
const BEFORE = /([^。！？「」、\s]{1,40}?)(?:は|が)[、,]?\s*$/u;

/** The 「…」 quotes of a paragraph at the outer level (quotes inside quotes stay part of them). */
function brackets(text: string, paragraph: Span): { open: number; close: number }[] {
  const found: { open: number; close: number }[] = [];
  let depth = 0;
  let open = -1;
  for (let i = paragraph.start; i < paragraph.end; i++) {
    const ch = text[i];
    if (ch === '「') {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === '」' && depth > 0) {
      depth--;
      if (depth === 0) found.push({ open, close: i });
    }
  }
  return found;
}

/** The start of the sentence holding `at`: after the last 。！？ before it (or the paragraph's start). */
function sentenceStart(text: string, paragraph: Span, at: number): number {
  for (let i = at - 1; i >= paragraph.start; i--) if (/[。！？]/.test(text[i] ?? '')) return i + 1;
  return paragraph.start;
}

/** The Japanese quotes of a document whose speaker is known, paragraphs numbered as passages are. */
export function extractJapaneseQuotes(doc: CorpusDocument, people: PeopleDirectory): ExtractedQuote[] {
  const { text } = doc;
  const quotes: ExtractedQuote[] = [];
  if (!text.includes('「')) return quotes;
  const paragraphs = splitParagraphs(text, doc.bodyStart);
  paragraphs.forEach((paragraph, index) => {
    for (const { open, close } of brackets(text, paragraph)) {
      const after = AFTER.exec(text.slice(close + 1, Math.min(paragraph.end, close + 80)));
      if (!after) continue;
      const before = BEFORE.exec(text.slice(sentenceStart(text, paragraph, open), open));
      const named = after[1] ?? before?.[1];
      const speaker = named ? known(named, people) : null;
      if (!speaker) continue;
      let start = open + 1;
      let end = close;
      while (start < end && /\s/.test(text[start] ?? '')) start++;
      while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
      if (end > start)
        quotes.push({ text: text.slice(start, end), start, end, paragraph: index + 1, speaker });
    }
  });
  return quotes;
}

/** The registered person a Japanese phrase names ("ACMEのスミス長官"), or `null` when it is not one for sure. */
function known(phrase: string, people: PeopleDirectory): Person | null {
  const found = people.matchKnown(nameTokens(phrase));
  return found.kind === 'person' ? found.person : null;
}
