import type { Span } from '../contract/types.js';
import { detectLanguage } from '../text/japanese.js';
import { tokenize } from '../text/text.js';
import type { CorpusDocument, Passage } from './types.js';

/** Paragraphs over this many words are cut into overlapping windows. */
export const MAX_PASSAGE_WORDS = 150;
/** Target size of a window, and how many words consecutive windows share at least. */
const WINDOW_WORDS = 110;
const WINDOW_OVERLAP_WORDS = 30;

/**
 * Words ending in a period that do not end a sentence. Lower-cased, without the final period.
 * Single letters (initials such as "Mary J. Smith") are handled separately.
 */
const ABBREVIATIONS = new Set([
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'u.s.a',
  'd.c',
  'a.m',
  'p.m',
  'e.g',
  'i.e',
  'etc',
  'vs',
  'cf',
  'al',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'gen',
  'gov',
  'sen',
  'rep',
  'amb',
  'hon',
  'rev',
  'lt',
  'col',
  'capt',
  'sgt',
  'adm',
  'inc',
  'ltd',
  'co',
  'corp',
  'dept',
  'univ',
  'no',
  'nos',
  'vol',
  'fig',
  'figs',
  'approx',
  'est',
  'ca',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
]);

/** Marks that may follow a sentence's end and belong to it: quotes, brackets, Markdown's bold ("**Why?**"). */
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»', '」', '』', '）', '】', '*']);
/** Japanese sentence ends: no space follows them. */
const JAPANESE_ENDS = new Set(['。', '！', '？']);
/** Closing marks of Japanese quotes: "「…。」と述べた" goes on after them. */
const JAPANESE_QUOTE_CLOSERS = new Set(['」', '』']);

/** The characters {@link splitSentences} acts on: sentence ends, and the quote marks that hold them back. */
const SENTENCE_MARKS = /[.!?。！？「『」』]/g;

/** Trims whitespace off both ends of `[start, end)` of `text`. */
function trimSpan(text: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s] ?? '')) s++;
  while (e > s && /\s/.test(text[e - 1] ?? '')) e--;
  return { start: s, end: e };
}

/**
 * Splits `text[start, end)` into sentences. A sentence ends at `.`, `!` or `?` (plus any closing quotes or
 * brackets) followed by white space and something that can start a sentence, unless the period belongs to an
 * abbreviation ("U.S.", "Jan.", "Dr.", "No. 5"), an initial, or a number. Offsets are into `text`.
 */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  const sentences: Span[] = [];
  let sentenceStart = start;
  let quoteDepth = 0;
  const marks = new RegExp(SENTENCE_MARKS);
  for (let i = start; i < end; i++) {
    // Straight to the next character that may end a sentence or open or close a quote: nothing else does anything.
    marks.lastIndex = i;
    const mark = marks.exec(text);
    if (!mark || mark.index >= end) break;
    i = mark.index;
    const ch = mark[0];
    if (ch === '「' || ch === '『') quoteDepth++;
    else if ((ch === '」' || ch === '』') && quoteDepth > 0) quoteDepth--;
    // Inside a Japanese quote, its own sentence ends end no sentence of the text: "「…。…！」と述べた。"
    if (JAPANESE_ENDS.has(ch) && quoteDepth === 0) {
      let j = i + 1;
      while (j < end && (CLOSERS.has(text[j] ?? '') || JAPANESE_ENDS.has(text[j] ?? ''))) j++;
      // A quote's last full stop, the sentence going on after it: "「…。」と述べた。"
      if (JAPANESE_QUOTE_CLOSERS.has(text[j - 1] ?? '') && j < end && !/\s/.test(text[j] ?? '')) continue;
      const span = trimSpan(text, sentenceStart, j);
      if (span.end > span.start) sentences.push(span);
      sentenceStart = j;
      i = j - 1;
      continue;
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < end && CLOSERS.has(text[j] ?? '')) j++;
    if (j < end && !/\s/.test(text[j] ?? '')) continue; // "3.5", "U.S.-Canada", "e.g.,"
    let k = j;
    while (k < end && /\s/.test(text[k] ?? '')) k++;
    if (k < end && !/[\p{Lu}\p{N}"'“‘([]/u.test(text[k] ?? '')) continue; // lower-case: not a new sentence
    if (ch === '.' && j === i + 1 && isAbbreviation(text, i)) continue;
    const span = trimSpan(text, sentenceStart, j);
    if (span.end > span.start) sentences.push(span);
    sentenceStart = j;
    i = j - 1;
  }
  const last = trimSpan(text, sentenceStart, end);
  if (last.end > last.start) sentences.push(last);
  return sentences;
}

/** Whether the period at `dot` closes an abbreviation or an initial rather than a sentence. */
function isAbbreviation(text: string, dot: number): boolean {
  let w = dot;
  while (w > 0 && /[\p{L}\p{N}.]/u.test(text[w - 1] ?? '')) w--;
  const word = text.slice(w, dot);
  if (word.length === 0) return false;
  if (/^\p{Lu}$/u.test(word)) return true; // an initial: "Mary J. Smith"
  return ABBREVIATIONS.has(word.toLowerCase());
}

/**
 * Paragraphs of `text[start, end)`. Blank lines always separate paragraphs. Inside a block, a line break
 * separates paragraphs too (press releases put one paragraph on a line) unless the line before ends
 * mid-sentence, which is how hard-wrapped text reads.
 */
export function splitParagraphs(text: string, start = 0, end = text.length): Span[] {
  const paragraphs: Span[] = [];
  let current: Span | null = null;
  let lineStart = start;
  while (lineStart <= end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    const line = trimSpan(text, lineStart, lineEnd);
    if (line.end === line.start) {
      if (current) paragraphs.push(current);
      current = null;
    } else if (current && continuesParagraph(text, current, line)) {
      current.end = line.end;
    } else {
      if (current) paragraphs.push(current);
      current = { ...line };
    }
    lineStart = lineEnd + 1;
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

/** A hard-wrapped line: the one before ends mid-sentence, or this one starts in lower case ("he said."). */
function continuesParagraph(text: string, current: Span, line: Span): boolean {
  if (startsBlock(text, line) || isTableRow(text, current)) return false;
  return !endsParagraph(text.slice(current.start, current.end)) || /^\p{Ll}/u.test(text[line.start] ?? '');
}

function endsParagraph(line: string): boolean {
  return /[.!?:;"'”’)\]。！？」』）][*_]*$/.test(line) || /^#{1,6}\s/.test(line);
}

/** Markdown headings, list items and table rows start a new paragraph even after an unfinished line. */
function startsBlock(text: string, line: Span): boolean {
  return /^(#{1,6}\s|[-*+]\s|\d+[.)]\s|>|\|)/.test(
    text.slice(line.start, Math.min(line.end, line.start + 8)),
  );
}

/** A line of a Markdown table: it opens with a pipe ("| Width | 40 cm |"). */
const isTableRow = (text: string, line: Span): boolean => text[line.start] === '|';
/** The line under a Markdown table's header: pipes, dashes, colons and blanks only ("|---|:--:|"). */
const isTableRule = (text: string, line: Span): boolean => {
  const row = text.slice(line.start, line.end);
  return /^\|[\s:|-]*$/.test(row) && row.includes('-');
};

/**
 * A table row's cells as one span, without the pipes opening and closing the row: "Width | 40 cm"; none
 * when every cell is empty ("|  |  |").
 */
function rowCells(text: string, row: Span): Span | undefined {
  let start = row.start;
  let end = row.end;
  while (start < end && text[start] === '|') start++;
  while (end > start && text[end - 1] === '|' && text[end - 2] !== '\\') end--;
  const cells = trimSpan(text, start, end);
  return /[^\s|]/.test(text.slice(cells.start, cells.end)) ? cells : undefined;
}

/** Words of `text[span]`: separated by spaces, or, in Japanese, as the segmenter cuts them. */
function countWords(text: string, span: Span, lang: 'en' | 'ja'): number {
  if (lang === 'ja') return tokenize(text.slice(span.start, span.end)).length;
  // Runs of non-space characters that start inside the span, counted without cutting the text up.
  const word = /\S+/g;
  word.lastIndex = span.start;
  let count = 0;
  for (let m = word.exec(text); m && m.index < span.end; m = word.exec(text)) count++;
  return count;
}

/** The mark opening a Markdown heading line ("## Launch and orbit"): its level, then a space or tab. */
const HEADING_MARK = /^(#{1,6})[ \t]/;

/**
 * A paragraph that is one Markdown heading line: its level and where its words stand, without the closing
 * "#"s. Read by hand, not by one regex: a lazy match between runs of spaces backtracks cubically on a long line
 * of spaces that a moderator's file may hold.
 */
function headingOf(text: string, paragraph: Span): { level: number; words: Span } | undefined {
  const line = text.slice(paragraph.start, paragraph.end);
  const mark = HEADING_MARK.exec(line);
  if (!mark || line.includes('\n')) return undefined;
  const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
  const level = (mark[1] as string).length;
  let start = level;
  while (isBlank(line[start])) start++;
  let end = line.length;
  while (end > start && line[end - 1] === '#') end--;
  while (end > start && isBlank(line[end - 1])) end--;
  return { level, words: { start: paragraph.start + start, end: paragraph.start + end } };
}
/** A Markdown list item's marker ("- ", "* ", "+ ", "1. ", "2) "), with the space after it. */
const LIST_MARKER = /^(?:[-*+]|\d{1,3}[.)])[ \t]+/;

/**
 * A block of a document that becomes one paragraph: a paragraph of text, or a Markdown list (its items, and the
 * line introducing it when that ends with a colon), with the headings of the sections it stands in.
 */
interface Block {
  span: Span;
  sentences: Span[];
  headings: Span[];
  /** The sentences that ask, when the block is a question the next ones answer. */
  questions?: Span[];
  /** The question the block answers. */
  answers?: Span;
}

/** Markdown's bold or italic marks around a line or a label ("**Q:**", "__Host:__"). */
const EMPHASIS = String.raw`(?:\*\*|__|\*|_)?`;
/**
 * A speaker's label opening a transcript turn: a name or role of one to five capitalized words, maybe a bracket,
 * then a colon: "HOST:", "Dr. Jane Roe (chair):", "**Interviewer:**", "司会：". Group 1: the name or role;
 * group 2: the bracket.
 */
const TURN_LABEL = new RegExp(
  String.raw`^${EMPHASIS}([\p{Lu}\p{Lo}][\p{L}\p{M}.'’-]*(?:[ \t]+[\p{Lu}\p{Lo}][\p{L}\p{M}.'’-]*){0,4})[ \t]*(?:\(([^()\n]{1,120})\))?[ \t]*${EMPHASIS}[:：]${EMPHASIS}[ \t\u3000]*`,
  'u',
);
/** A question's number opening it, in an FAQ or an interview: "Q:", "Q3.", "**Q.**", "Question 2:", "Ｑ：". */
const QUESTION_MARKER = new RegExp(
  String.raw`^${EMPHASIS}(?:[QＱ]\d{0,3}|Question[ \t]*\d{0,3})${EMPHASIS}[.:：．]${EMPHASIS}[ \t\u3000]+`,
  'u',
);
/** The answer's mark after it: "A:", "A.", "Answer:", "Ａ：". */
const ANSWER_MARKER = new RegExp(
  String.raw`^${EMPHASIS}(?:[AＡ]\d{0,3}|Answer)${EMPHASIS}[.:：．]${EMPHASIS}[ \t\u3000]+`,
  'u',
);
/** The dash an interview opens its questions with, in Japanese above all ("――今回の狙いは？"). */
const QUESTION_DASH = /^(?:―|—)+[ \t\u3000]*/u;
/**
 * Roles whose turns in a transcript ask rather than answer: who moderates, interviews, hosts or chairs, a
 * reporter or the audience at a press conference, in English and Japanese.
 */
const ASKING_ROLES = new Set([
  'moderator',
  'interviewer',
  'host',
  'chair',
  'chairman',
  'chairwoman',
  'chairperson',
  'presenter',
  'reporter',
  'journalist',
  'audience',
  'question',
  'questioner',
  'q',
  '司会',
  '司会者',
  '聞き手',
  '記者',
  'インタビュアー',
  '質問',
  '質問者',
]);

/** Whether a turn's label names a role that asks: any word of its name, or of its bracket before a comma. */
function asksByRole(label: RegExpExecArray): boolean {
  const words = `${label[1] ?? ''} ${(label[2] ?? '').split(/[,，、]/)[0]}`.toLowerCase().split(/[\s()]+/);
  return words.some((w) => ASKING_ROLES.has(w));
}

/** The speaker's label opening a transcript turn, as {@link turnLabel} reads it. */
export interface TurnLabel {
  /** The name or role before the colon ("PARK", "Dr. Jane Roe", "MODERATOR"). */
  name: string;
  /** The words in brackets after it, if any ("Jane Roe, editor at the Harbour Times", "chair"). */
  bracket: string | null;
  /** Whether the label names a role that asks (moderator, host, interviewer…) rather than who answers. */
  asks: boolean;
  /** How many characters the label takes, with the blanks after its colon. */
  length: number;
}

/** The label opening a paragraph `line` as a transcript's turn ("PARK:", "MODERATOR (Jane Roe):"), if any. */
export function turnLabel(line: string): TurnLabel | null {
  const label = TURN_LABEL.exec(line);
  if (!label) return null;
  return {
    name: label[1] ?? '',
    bracket: label[2]?.trim() || null,
    asks: asksByRole(label),
    length: label[0].length,
  };
}

/** Whether a sentence asks: it ends with a question mark, but for Markdown's emphasis. */
const asks = (text: string, span: Span): boolean => /[?？][*_]*$/.test(text.slice(span.start, span.end));

/**
 * A block that asks: the sentences that ask, the topic it gives the blocks that answer it, and whether the
 * sentences after its questions answer them ("**Can I swim here?** Keep forty metres away.", "Q: …? A: …").
 */
interface Asking {
  questions: Span[];
  topic: Span;
  answersItself?: boolean;
}

/**
 * How many paragraphs after a question reply to it: every sentence of theirs is about what it asks. Later ones
 * of its section still have it as their topic, as a heading, but go on to other things (a panel's turns move on).
 */
const REPLY_PARAGRAPHS = 3;

/**
 * How short a paragraph ending in a question must be to ask one of the paragraphs after it: an FAQ's or an
 * interviewer's question is a sentence or three ("You launched twice. Why?"), under a speaker's label one or two;
 * a longer one asks a question of its own along the way (an article's "…how much longer would it take?").
 */
const SHORT_QUESTION = { sentences: 3, labelled: 2, characters: 500 };

/**
 * Whether a paragraph asks a question the paragraphs after it answer, and how: an FAQ's question as a plain
 * paragraph or a bold line ("**How long will it fly?**", "Q: …", the question and its answer in one paragraph
 * too: "Q: … ? A: …"), an interviewer's question ("― …？", a paragraph ending in a question), a moderator's turn
 * that asks. 'turn' for a moderator's turn that asks nothing ("MODERATOR: Thank you all."): it ends what the
 * question before was about. Another paragraph ending in a question asks only when short ({@link SHORT_QUESTION}).
 */
function askingOf(text: string, paragraph: Span, sentences: Span[]): Asking | 'turn' | undefined {
  const line = text.slice(paragraph.start, paragraph.end);
  const marker = QUESTION_MARKER.exec(line) ?? QUESTION_DASH.exec(line);
  if (marker) {
    const answer = sentences.findIndex((s, i) => i > 0 && ANSWER_MARKER.test(text.slice(s.start, s.end)));
    const questions = answer > 0 ? sentences.slice(0, answer) : sentences;
    const last = questions.at(-1);
    if (!last) return undefined;
    const topic = { start: paragraph.start + marker[0].length, end: last.end };
    return { questions, topic, answersItself: answer > 0 };
  }
  const first = sentences[0];
  // A bold question opening the paragraph its answer follows in: "**How long will it fly?** Five years."
  if (first && sentences.length > 1 && /^(?:\*\*|__)/.test(line) && asks(text, first))
    return { questions: [first], topic: first, answersItself: true };
  const label = TURN_LABEL.exec(line);
  const byRole = label !== null && asksByRole(label);
  const questions = sentences.filter((s) => asks(text, s));
  const at = sentences.findIndex((s) => asks(text, s));
  if (at < 0) return byRole ? 'turn' : undefined;
  const endsAsking = asks(text, sentences.at(-1) as Span);
  const short =
    sentences.length <= (label ? SHORT_QUESTION.labelled : SHORT_QUESTION.sentences) &&
    paragraph.end - paragraph.start <= SHORT_QUESTION.characters;
  if (!byRole && !(endsAsking && short)) return undefined;
  // The question and the sentence leading to it ("Let's talk money. What does it cost?"), without the label.
  const from = (sentences[at - 1] ?? sentences[at]) as Span;
  const start = Math.max(from.start, paragraph.start + (label?.[0].length ?? 0));
  return { questions, topic: { start, end: paragraph.end } };
}

/**
 * The paragraphs of a document as passages see them. Markdown headings are no paragraphs: their words are the
 * topic of every paragraph of their section ({@link Passage.headings}), which rarely repeats them ("## Money",
 * then "The whole project has cost…"). A list is one paragraph whose items are its sentences, with the line
 * that introduces it: an item ("- Mass: 3.9 kilograms") means something only with its list and section.
 */
function blocksOf(doc: CorpusDocument): Block[] {
  const text = doc.text;
  const blocks: Block[] = [];
  const sections: { level: number; span: Span }[] = [];
  const isItem = (p: Span) => LIST_MARKER.test(text.slice(p.start, Math.min(p.end, p.start + 8)));
  const paragraphs = splitParagraphs(text, doc.bodyStart);
  // The question the paragraphs since the last one that asked answer, until a heading or another question.
  let asked: Span | null = null;
  // How many paragraphs have answered it so far: only the first few reply to it (see REPLY_PARAGRAPHS).
  let replies = 0;
  // A list or a table: its section's headings and the question asked before it are its topic, and it is one
  // of the paragraphs replying to that question.
  const replying = () => {
    const headings = sections.map((s) => s.span);
    if (asked && !headings.includes(asked)) headings.push(asked);
    const answers = replies++ < REPLY_PARAGRAPHS ? (asked ?? undefined) : undefined;
    return { headings, answers };
  };
  for (let i = 0; i < paragraphs.length; i++) {
    const paragraph = paragraphs[i] as Span;
    const heading = headingOf(text, paragraph);
    if (heading) {
      while ((sections.at(-1)?.level ?? 0) >= heading.level) sections.pop();
      if (heading.words.end > heading.words.start)
        sections.push({ level: heading.level, span: heading.words });
      // A heading that asks ("## Who pays for it?") is the question its section answers.
      asked = asks(text, heading.words) ? heading.words : null;
      replies = 0;
      continue;
    }
    if (isTableRow(text, paragraph)) {
      // A Markdown table is one paragraph whose rows are its sentences, as a list's items are; the header row
      // (the one above the rule) is its topic, as a heading is: "| Item | FY2024 |" names what a cell is. A row
      // above a rule past the first opens another table, even after a blank line.
      let header: Span | undefined;
      const sentences: Span[] = [];
      let last = paragraph;
      for (let j = i; j < paragraphs.length && isTableRow(text, paragraphs[j] as Span); j++) {
        const row = paragraphs[j] as Span;
        const next = paragraphs[j + 1];
        const aboveRule = next !== undefined && isTableRule(text, next);
        if (aboveRule && j > i) break;
        const cells = rowCells(text, row);
        if (aboveRule) header = cells;
        else if (!isTableRule(text, row) && cells) sentences.push(cells);
        last = row;
        i = j;
      }
      if (sentences.length === 0) continue;
      const { headings, answers } = replying();
      if (header) headings.push(header);
      blocks.push({
        span: { start: paragraph.start, end: last.end },
        sentences,
        headings,
        ...(answers && { answers }),
      });
      continue;
    }
    const introduces =
      text[paragraph.end - 1] === ':' && paragraphs[i + 1] && isItem(paragraphs[i + 1] as Span);
    if (!isItem(paragraph) && !introduces) {
      const sentences = splitSentences(text, paragraph.start, paragraph.end);
      const asking = askingOf(text, paragraph, sentences);
      if (asking === 'turn') asked = null;
      // A question is the topic of its answers as a heading is, not of itself: its words are its own already.
      const headings = sections.map((s) => s.span);
      if (asking === undefined && asked && !headings.includes(asked)) headings.push(asked);
      const answers = asking === undefined && replies++ < REPLY_PARAGRAPHS ? (asked ?? undefined) : undefined;
      if (typeof asking === 'object') {
        asked = asking.topic;
        replies = 0;
        const itself = asking.answersItself ? { answers: asking.topic } : {};
        blocks.push({ span: paragraph, sentences, headings, questions: asking.questions, ...itself });
      } else blocks.push({ span: paragraph, sentences, headings, ...(answers && { answers }) });
      continue;
    }
    const { headings, answers } = replying();
    const sentences = introduces ? splitSentences(text, paragraph.start, paragraph.end) : [];
    let last = paragraph;
    for (let j = introduces ? i + 1 : i; j < paragraphs.length && isItem(paragraphs[j] as Span); j++) {
      const item = paragraphs[j] as Span;
      const marker = LIST_MARKER.exec(text.slice(item.start, item.end))?.[0].length ?? 0;
      sentences.push(...splitSentences(text, item.start + marker, item.end));
      last = item;
      i = j;
    }
    blocks.push({
      span: { start: paragraph.start, end: last.end },
      sentences,
      headings,
      ...(answers && { answers }),
    });
  }
  return blocks;
}

/**
 * The passages of a document: one per paragraph (a Markdown list counting as one), long paragraphs cut into
 * windows of whole sentences that overlap, so an answer near a window's edge is still seen whole in one of them.
 */
export function segmentDocument(doc: CorpusDocument): Passage[] {
  const passages: Passage[] = [];
  const lang = doc.lang ?? detectLanguage(doc.text.slice(doc.bodyStart));
  blocksOf(doc).forEach(({ span: paragraph, sentences, headings, questions, answers }, index) => {
    const number = index + 1;
    const windows =
      countWords(doc.text, paragraph, lang) > MAX_PASSAGE_WORDS
        ? windowSentences(doc.text, sentences, lang)
        : [sentences];
    windows.forEach((windowSentences, w) => {
      const first = windowSentences[0];
      const last = windowSentences[windowSentences.length - 1];
      if (!first || !last) return;
      passages.push({
        id: windows.length === 1 ? `${doc.id}#p${number}` : `${doc.id}#p${number}w${w + 1}`,
        docId: doc.id,
        paragraph: number,
        start: first.start,
        end: last.end,
        text: doc.text.slice(first.start, last.end),
        sentences: windowSentences,
        headings,
        ...(answers && { answers }),
        ...(questions && {
          questions: questions.filter((q) => windowSentences.some((s) => s.start === q.start)),
        }),
      });
    });
  });
  return passages;
}

/** Whether a sentence of a passage is one of the questions it asks ({@link Passage.questions}): no answer. */
export function asksIn(passage: Passage, sentence: Span): boolean {
  return passage.questions?.some((q) => q.start === sentence.start) ?? false;
}

/**
 * The (first) passage of a document holding the character at `offset` (`passages`: the document's, in order):
 * what a citation of that character gives as its paragraph, for /ask's answers and /quote's quotes alike, so
 * one sentence is cited with one number (headings are no paragraphs, a list with the line opening it is one).
 */
export function passageAt(passages: readonly Passage[], offset: number): Passage | undefined {
  return passages.find((p) => p.start <= offset && offset < p.end);
}

/** Groups sentences into windows of about WINDOW_WORDS words, each repeating the tail of the one before. */
function windowSentences(text: string, sentences: Span[], lang: 'en' | 'ja'): Span[][] {
  const pieces = sentences.flatMap((s) =>
    countWords(text, s, lang) > WINDOW_WORDS ? splitWords(text, s) : [s],
  );
  const words = pieces.map((s) => countWords(text, s, lang));
  const windows: Span[][] = [];
  let from = 0;
  while (from < pieces.length) {
    let to = from;
    let total = 0;
    while (to < pieces.length && (to === from || total + (words[to] ?? 0) <= WINDOW_WORDS)) {
      total += words[to] ?? 0;
      to++;
    }
    windows.push(pieces.slice(from, to));
    if (to >= pieces.length) break;
    // Step back over whole sentences until the overlap is large enough, but always move forward.
    let next = to;
    let overlap = 0;
    while (next - 1 > from && overlap < WINDOW_OVERLAP_WORDS) {
      next--;
      overlap += words[next] ?? 0;
    }
    from = next;
  }
  return windows;
}

/** Cuts an overlong run-on sentence into word chunks so that windows stay bounded. */
function splitWords(text: string, span: Span): Span[] {
  const chunks: Span[] = [];
  const re = /\S+/g;
  re.lastIndex = span.start;
  let chunkStart = -1;
  let count = 0;
  let lastEnd = span.start;
  for (let m = re.exec(text); m && m.index < span.end; m = re.exec(text)) {
    if (chunkStart === -1) chunkStart = m.index;
    lastEnd = Math.min(m.index + m[0].length, span.end);
    if (++count === WINDOW_WORDS / 2) {
      chunks.push({ start: chunkStart, end: lastEnd });
      chunkStart = -1;
      count = 0;
    }
  }
  if (chunkStart !== -1) chunks.push({ start: chunkStart, end: lastEnd });
  return chunks;
}
