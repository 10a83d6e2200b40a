import { runNow, type Steps } from '../contract/steps.js';
import {
  type Quote,
  type QuoteResult,
  type SpeakerChoice,
  type SpeakerInfo,
  UserInputError,
} from '../contract/types.js';
import { passageAt } from '../corpus/segment.js';
import type { Corpus, CorpusDocument, Passage } from '../corpus/types.js';
import { Glossary } from '../search/glossary.js';
import { editDistance } from '../text/distance.js';
import { hasJapanese, isInflectedJapanese, JapaneseDictionary, japaneseRuns } from '../text/japanese.js';
import { JAPANESE_HONORIFIC_WORDS } from '../text/roles.js';
import { contentTerms, escapeRegExp, isStopWord, stripInvisible } from '../text/text.js';
import { type ExtractedQuote, extractQuotes } from './extract.js';
import { extractJapaneseQuotes, japaneseNamesOf, lookupJapanese } from './japanese.js';
import { nameTokens, typoAllowance } from './names.js';
import { isFromText, PeopleDirectory, type Person, type Resolution } from './people.js';

/** The longest speaker name or topic accepted from a user. */
export const MAX_INPUT_LENGTH = 200;
/** Suggestions offered when a name does not resolve to a quoted speaker. */
const MAX_SUGGESTIONS = 5;
/** Share of a phrase's content words a quote must hold for {@link QuoteIndex.whoSaid} to name its speaker. */
const WHO_SAID_MIN_COVERAGE = 0.6;

/**
 * A Japanese question asking what someone said: 何と言った, なんて言ってた, 何か言ってた, と述べた, 語った, 発言, コメント, 触れた…
 * (the Japanese counterpart of "say", "said", "comments" in {@link QuoteIndex.forQuestion}); and the speaker
 * named right before the verb ("山田さんが言ったのは", "スミス長官が言ってた協力", "…ってスミスさんは言ってる"),
 * whose name the question then holds (not "とは言え", "although").
 */
const JAPANESE_SAYING =
  /(?:何|なん|なに)(?:と|て|って|か)(?:言|い|述|語|話|おっしゃ)|(?:と|って|が|は|の)(?:言|い)(?:っ|い|う|わ)|述べ|語っ|語り|話し|発言|コメント|言葉|言及|触れ|おっしゃ|スピーチ|演説|挨拶|あいさつ|談話|表現/;

/**
 * "予算について", "予算に関して", "予算のことを", "予算に言及した", "予算に触れた": the topic of a Japanese question
 * about what someone said.
 */
const JAPANESE_TOPIC =
  /([^、。？！?!]+?)(?:について|に就いて|に関して|に関する|のことを|のことで|をめぐ|に言及|に触れ)/;

/** An honorific and a particle after a name ("[スミス]氏は…"), and spaces. */
const AFTER_NAME = new RegExp(
  `^\\s*(?:${JAPANESE_HONORIFIC_WORDS.join('|')})?\\s*(?:は|が|って|も|の)?\\s*`,
  'u',
);

/** "誰が言った", "言ったのは誰": asking who said something. */
const JAPANESE_WHO = /誰|だれ|どなた|どの人/;

/**
 * Whose words a Japanese question asks for, as typed: what stands before its first は, が or って ("バイデン
 * 大統領は何と言った？" → "バイデン大統領"); `null` when it does not ask what someone said, or asks who said it.
 */
export function japaneseSpeakerAsked(question: string): string | null {
  if (!hasJapanese(question) || !JAPANESE_SAYING.test(question) || JAPANESE_WHO.test(question)) return null;
  return /^\s*([^、。？！?!\s]+?)(?:は|が|って)/u.exec(question)?.[1] ?? null;
}

/** A quote and who said it. */
export interface AttributedQuote {
  speaker: SpeakerInfo;
  quote: Quote;
}

/**
 * What a free-text question asks of the quotes: a speaker's words ("what did the PM say about the budget?") or
 * the speaker of some words ("who said the future of space is collaborative?"). `topic` is what the question
 * says the words were about, as typed ("the budget", "予算について"), `null` when it names no topic.
 */
export type QuestionQuotes =
  | {
      kind: 'speaker';
      result: QuoteResult;
      topic: string | null;
      /** Whether the topic is a claim the question asks they made ("did Smith say the budget doubled?"). */
      claim?: boolean;
    }
  | ({ kind: 'who' } & AttributedQuote);

interface IndexedQuote {
  quote: Quote;
  speaker: Person;
  stems: Set<string>;
}

/** A quote found in document number `document` of the corpus, in paragraph `paragraph` as citations number it. */
interface FoundQuote extends ExtractedQuote {
  document: number;
  paragraph: number;
}

/**
 * The quotes of a corpus as plain data, to persist and load instead of extracting again: the people
 * directory as reading the corpus left it, and each quote by document number, offsets and speaker id.
 */
export interface QuotesSnapshot {
  people: Person[];
  quotes: { document: number; start: number; end: number; paragraph: number; speaker: string }[];
}

/** Quotes analyzed per step: a corpus of fiction holds tens of thousands. */
const QUOTES_PER_STEP = 200;

/** Who said what in a corpus: its quotes, indexed by speaker and topic. Immutable once built. */
export class QuoteIndex {
  /** Number of quotes extracted. */
  readonly count: number;
  private readonly glossary: Glossary;
  /** Japanese names of the register's people (山田太郎, スミス), found whole in Japanese questions. */
  private readonly japaneseNames: JapaneseDictionary;
  /** The register's names half in Latin letters ("ACME長官"), NFKC-folded and lower case, longest first. */
  private readonly mixedNames: RegExp[];
  private readonly bySpeaker = new Map<Person, IndexedQuote[]>();
  /** Quoted people, in the order of their first quote. */
  private readonly quoted: Person[];
  private readonly attributed: AttributedQuote[];

  private constructor(
    corpus: Corpus,
    private readonly people: PeopleDirectory,
    private readonly found: FoundQuote[],
    private readonly all: IndexedQuote[],
  ) {
    this.count = all.length;
    this.glossary = new Glossary(corpus.glossary);
    const names = corpus.speakers.flatMap((s) => [s.name, ...s.aliases]);
    this.japaneseNames = new JapaneseDictionary([...names, ...japaneseNamesOf(people)]);
    this.mixedNames = names
      .filter((name) => hasJapanese(name) && /[A-Za-z]/.test(name))
      .map((name) => name.normalize('NFKC'))
      // Longest first: "スミスACME長官" before "ACME長官".
      .sort((a, b) => b.length - a.length)
      // Searched without regard to case in the text as typed: lower-casing the text first can change its
      // length ("İ" is two code units in lower case), and offsets in it would not be offsets in the text.
      .map((name) => new RegExp(escapeRegExp(name), 'iu'));
    for (const q of all) {
      const list = this.bySpeaker.get(q.speaker);
      if (list) list.push(q);
      else this.bySpeaker.set(q.speaker, [q]);
    }
    this.quoted = [...this.bySpeaker.keys()];
    this.attributed = all.map((q) => ({ speaker: info(q.speaker), quote: q.quote }));
  }

  /** Extracts the quotes of a corpus and indexes them by speaker. */
  static build(corpus: Corpus): QuoteIndex {
    return runNow(QuoteIndex.steps(corpus));
  }

  /** {@link build} as steps, one document each (see `contract/steps.ts`). */
  static *steps(corpus: Corpus): Steps<QuoteIndex> {
    const people = new PeopleDirectory(corpus.speakers, corpus.glossary);
    const found: FoundQuote[] = [];
    const passages = new Map<string, Passage[]>();
    for (const p of corpus.passages) {
      const list = passages.get(p.docId);
      if (list) list.push(p);
      else passages.set(p.docId, [p]);
    }
    for (const [document, doc] of corpus.documents.entries()) {
      // Japanese quotes use 「」, which English extraction never takes for quote marks: the two never overlap.
      const quotes = extractQuotes(doc, people);
      const japanese = extractJapaneseQuotes(doc, people);
      if (japanese.length > 0) {
        quotes.push(...japanese);
        quotes.sort((a, b) => a.start - b.start);
      }
      // Numbered as /ask cites the same words: by the passage holding them.
      const paragraphOf = (offset: number) => passageAt(passages.get(doc.id) ?? [], offset)?.paragraph ?? 0;
      for (const quote of quotes) found.push({ ...quote, document, paragraph: paragraphOf(quote.start) });
      yield;
    }
    return yield* QuoteIndex.indexSteps(corpus, people, found);
  }

  /** The quote index of `corpus` from a snapshot of it, as steps. Throws when the snapshot does not fit the corpus. */
  static *fromSnapshotSteps(corpus: Corpus, snapshot: QuotesSnapshot): Steps<QuoteIndex> {
    const people = yield* PeopleDirectory.restoreSteps(corpus.speakers, corpus.glossary, snapshot.people);
    const byId = new Map(people.people.map((p) => [p.id, p]));
    const found: FoundQuote[] = [];
    for (const [i, q] of snapshot.quotes.entries()) {
      if (i % QUOTES_PER_STEP === QUOTES_PER_STEP - 1) yield;
      const doc = corpus.documents[q.document];
      const speaker = byId.get(q.speaker);
      if (!doc || !speaker || q.end > doc.text.length)
        throw new Error(`quotes snapshot: quote at ${q.document}:${q.start} does not fit the corpus`);
      found.push({ ...q, text: doc.text.slice(q.start, q.end), speaker });
    }
    return yield* QuoteIndex.indexSteps(corpus, people, found);
  }

  /** Indexes extracted quotes by speaker and topic, {@link QUOTES_PER_STEP} a step. */
  private static *indexSteps(
    corpus: Corpus,
    people: PeopleDirectory,
    found: FoundQuote[],
  ): Steps<QuoteIndex> {
    const all: IndexedQuote[] = [];
    for (const [i, q] of found.entries()) {
      if (i % QUOTES_PER_STEP === QUOTES_PER_STEP - 1) yield;
      const doc = corpus.documents[q.document] as CorpusDocument;
      all.push({
        quote: {
          text: q.text,
          citation: {
            document: doc.id,
            title: doc.title,
            paragraph: q.paragraph,
            url: doc.url,
            start: q.start,
            end: q.end,
          },
        },
        speaker: q.speaker,
        stems: new Set(contentTerms(q.text).map((t) => t.stem)),
      });
    }
    return new QuoteIndex(corpus, people, found, all);
  }

  /** The extracted quotes as plain data (see {@link QuotesSnapshot}). */
  toSnapshot(): QuotesSnapshot {
    return {
      people: this.people.people,
      quotes: this.found.map(({ document, start, end, paragraph, speaker }) => ({
        document,
        start,
        end,
        paragraph,
        speaker: speaker.id,
      })),
    };
  }

  /** The names of the people the text names (not the register's), as the text writes them. */
  namedInText(): string[] {
    return this.people.people.filter(isFromText).map((p) => p.name);
  }

  /** Every quote with its speaker, in document order (the /ask pipeline reads who says each sentence). */
  attributions(): AttributedQuote[] {
    return this.attributed;
  }

  /**
   * Every quote of the speaker a user typed, found by name, alias, title or a near spelling; see
   * {@link QuoteResult}. With `about`, quotes on that topic come first (all quotes are still returned).
   * Quote `text` excludes the quote marks; it is `document.text.slice(citation.start, citation.end)`.
   * @throws UserInputError when `speaker` is empty or either input is longer than {@link MAX_INPUT_LENGTH}.
   */
  quote(speaker: string, about?: string): QuoteResult {
    const query = checkInput(speaker, 'speaker');
    if (query === '') {
      const example = this.quoted[0]?.name ?? null;
      const forExample = example === null ? '' : `, for example "${example}"`;
      throw new UserInputError(`Please name a speaker${forExample}: a name, a surname or a title works.`, {
        code: 'speakerEmpty',
        example,
      });
    }
    const topic = about === undefined ? '' : checkInput(about, 'topic');
    const found = this.lookup(query);
    const typed = speaker.trim();
    if (found.kind === 'person') {
      if (this.isQuoted(found.person)) return this.resultFor(typed, found.person, topic || undefined);
      return { query: typed, speaker: null, known: true, quotes: [], suggestions: this.mostQuoted() };
    }
    const first = found.kind === 'ambiguous' ? found.people : [];
    return {
      query: typed,
      speaker: null,
      known: found.kind === 'ambiguous',
      quotes: [],
      suggestions: this.closestQuoted(query, first),
    };
  }

  /**
   * Autocomplete over quoted speakers, best first: name prefix, then alias or title prefix, then typos. An
   * empty prefix lists every quoted speaker. At most `limit` (all when omitted). Never throws.
   */
  speakers(prefix: string, limit = Number.POSITIVE_INFINITY): SpeakerChoice[] {
    const max = Number.isNaN(limit) ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(limit));
    const typed = nameTokens(stripInvisible(String(prefix ?? '')).slice(0, MAX_INPUT_LENGTH)).join(' ');
    const ranked =
      typed === ''
        ? this.quoted
        : this.quoted
            .map((person) => ({ person, rank: prefixRank(person, typed) }))
            .filter((x) => x.rank !== null)
            .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0))
            .map((x) => x.person);
    return ranked.slice(0, max).map((person) => ({
      name: person.name,
      title: person.title,
      quotes: this.bySpeaker.get(person)?.length ?? 0,
    }));
  }

  /**
   * The quote that holds the words given (stems compared, so "collaboration" finds "collaborative") and its
   * speaker; `null` when no quote holds most of them or two speakers fit equally. For "who said …" questions.
   */
  whoSaid(words: string): AttributedQuote | null {
    const cleaned = stripInvisible(String(words ?? ''))
      .slice(0, 1000)
      .replace(WHO_SAID, '');
    return this.whoSaidIdeas([...new Set(contentTerms(cleaned).map((t) => t.stem))].map((s) => [[s]]));
  }

  /**
   * For the /ask pipeline: answers questions about quotes ("what did the PM say", "what did Smith say about
   * the budget", "who said …"); `null` when the question is not about what someone said. Never throws.
   */
  forQuestion(question: string): QuestionQuotes | null {
    const text = stripInvisible(String(question ?? '')).trim();
    if (text === '' || text.length > 1000) return null;
    if (hasJapanese(text)) return this.forJapaneseQuestion(text);
    if (WHO_SAID.test(text)) {
      const found = this.whoSaid(text);
      return found ? { kind: 'who', ...found } : null;
    }
    const which = WHICH_SPEAKER.exec(text);
    if (which) return this.whichSaid(which[1] ?? '', which[2] ?? '');
    const mention = MENTION.exec(text);
    if (mention) return this.forMention(text, mention[1] ?? '', mention[2] ?? '');
    const views = !ASKING_FOR_WORDS.test(text);
    if (views && !ASKING_FOR_VIEWS.test(text)) return null;
    const aboutMatch = /\b(about|on|regarding|concerning)\s+(.+?)\s*[?.!]*$/iu.exec(text);
    const about = aboutMatch?.[2];
    // "On" orders the quotes but names no topic: it more often says when or where ("say on Tuesday", "at the
    // event on January 13th"), and a topic is what a quote may be found silent on.
    const claim = CLAIM_ASKED.exec(text)?.[1];
    const topic = claim ?? (aboutMatch && aboutMatch[1]?.toLowerCase() !== 'on' ? (about ?? null) : null);
    let found = this.people.matchKnown(nameTokens(text));
    if (found.kind !== 'person') {
      // "what did kishda say", "what did the engineer say the software misses": the subject between the asking
      // words; or the words left once question and speech words go, looked up as typed; or those of its first
      // clause ("smiht quote, which places did she list").
      const asked = aboutMatch ? text.slice(0, aboutMatch.index) : text;
      const subject = SUBJECT_ASKED.exec(text)?.[1];
      const parts = [...(subject ? [subject] : []), asked, asked.split(/[,;:]|\s[-–—]\s/u)[0] ?? ''];
      for (const part of parts) {
        const rest = part
          .replace(WORDS_ASKING_FOR_QUOTES, ' ')
          .replace(/[?.!,]/gu, ' ')
          .trim();
        const words = nameTokens(rest);
        if (words.length < 1 || words.length > 3) continue;
        const resolved = this.people.lookup(rest, this.isQuoted);
        found =
          resolved.kind === 'ambiguous' ? this.onTopic(resolved.people, text.replace(part, ' ')) : resolved;
        if (found.kind === 'person' || part !== subject) break;
      }
    }
    if (found.kind !== 'person') return null;
    if (!this.isQuoted(found.person)) return views ? null : this.saidNothing(text);
    if (claim)
      return { kind: 'speaker', result: this.resultFor(text, found.person, claim), topic, claim: true };
    return { kind: 'speaker', result: this.resultFor(text, found.person, about), topic };
  }

  /**
   * "Did Smith mention the budget?": Smith's words on the budget, when the subject names a person; `null` when it
   * names none ("did the release mention Smith?" asks what the corpus says, not what someone said). Only a
   * personal name counts: a role alias can hold an organisation or a country ("ACME Director"), and "did
   * ACME mention the merger?" asks what the corpus says about it, not for the director's words.
   */
  private forMention(text: string, subject: string, topic: string): QuestionQuotes | null {
    const found = this.people.lookup(subject, this.isQuoted);
    if (found.kind !== 'person') return null;
    const nameWords = found.person.names.flat();
    const named = nameTokens(subject).some((w) =>
      nameWords.some((n) => n === w || editDistance(w, n) <= typoAllowance(w)),
    );
    if (!named) return null;
    if (!this.isQuoted(found.person)) return this.saidNothing(text);
    return { kind: 'speaker', result: this.resultFor(text, found.person, topic), topic };
  }

  /**
   * Of several people a description fits ("the engineer"), the one whose quotes hold most of the rest of the
   * question ("… say the software struggles to tell apart"); none when two hold as much, or none does.
   */
  private onTopic(people: Person[], rest: string): Resolution {
    const score = this.topicScorer(rest);
    const ranked = people
      .filter(this.isQuoted)
      .map((person) => ({
        person,
        score: Math.max(0, ...(this.bySpeaker.get(person) ?? []).map(score)),
      }))
      .sort((a, b) => b.score - a.score);
    const [first, second] = ranked;
    if (!first || first.score === 0 || (second && second.score === first.score)) return { kind: 'none' };
    return { kind: 'person', person: first.person };
  }

  /**
   * "Which ACME official commented on the launch?": of the quoted people the description fits (a word of it in
   * their names or roles), the one whose quote holds most of the topic, with that quote; `null` when it fits
   * nobody, or several and the topic does not choose.
   */
  private whichSaid(description: string, topic: string): QuestionQuotes | null {
    const words = nameTokens(description).filter((w) => !isStopWord(w));
    const fitting = this.quoted.filter((person) =>
      [...person.names, ...person.roles].some((variant) => variant.some((w) => words.includes(w))),
    );
    const only = fitting.length === 1 ? fitting[0] : undefined;
    const found = only ? { kind: 'person', person: only } : this.onTopic(fitting, topic);
    if (found.kind !== 'person') return null;
    const score = this.topicScorer(topic);
    const quotes = this.bySpeaker.get(found.person) ?? [];
    const best = quotes.reduce<IndexedQuote | undefined>(
      (top, q) => (!top || score(q) > score(top) ? q : top),
      undefined,
    );
    return best ? { kind: 'who', speaker: info(found.person), quote: best.quote } : null;
  }

  /**
   * The person a typed name stands for; a Japanese name the ordinary look-up misses is tried again without its
   * honorific or title, in either kana, whole or by part (see {@link lookupJapanese}).
   */
  private lookup(typed: string): Resolution {
    const found = this.people.lookup(typed, this.isQuoted);
    return found.kind === 'none' && hasJapanese(typed)
      ? lookupJapanese(typed, this.people, this.isQuoted)
      : found;
  }

  /** Whether the corpus quotes this person (a function to hand to look-ups). */
  private readonly isQuoted = (person: Person): boolean => this.bySpeaker.has(person);

  /** The answer to a question about someone the corpus knows but never quotes. */
  private saidNothing(question: string): QuestionQuotes {
    return {
      kind: 'speaker',
      result: { query: question, speaker: null, known: true, quotes: [], suggestions: this.mostQuoted() },
      topic: null,
    };
  }

  private resultFor(query: string, person: Person, about: string | undefined): QuoteResult {
    const quotes = this.bySpeaker.get(person) ?? [];
    let ordered = quotes;
    if (about) {
      const score = this.topicScorer(about);
      // Array.prototype.sort is stable, so quotes on the topic come first and each group keeps document order.
      ordered = [...quotes].sort((a, b) => score(b) - score(a));
    }
    return {
      query,
      speaker: info(person),
      known: true,
      quotes: ordered.map((q) => q.quote),
      suggestions: [],
    };
  }

  /**
   * How well a quote fits a topic: one point per topic word it holds, half a point when it holds what the
   * glossary says the word means in the corpus's wording ("teamwork" → "collaboration") instead.
   */
  private topicScorer(about: string): (q: IndexedQuote) => number {
    const stems = contentTerms(about, this.glossary.dictionary).map((t) => t.stem);
    const meaningsAt = new Map<number, string[][]>();
    for (const expansion of this.glossary.expand(stems)) {
      for (let i = expansion.at; i < expansion.at + expansion.length; i++)
        meaningsAt.set(i, expansion.meanings);
    }
    return (q) =>
      stems.reduce((score, stem, i) => {
        if (q.stems.has(stem)) return score + 1;
        const meanings = meaningsAt.get(i) ?? [];
        return meanings.some((m) => m.every((s) => q.stems.has(s))) ? score + 0.5 : score;
      }, 0);
  }

  /** Quoted people closest to what was typed (`first` ahead of them): suggestions for a name not found. */
  private closestQuoted(typed: string, first: Person[] = []): string[] {
    const key = nameTokens(typed).join(' ');
    const distance = (person: Person) =>
      Math.min(
        ...[...person.names, ...person.roles].map((v) => {
          const variant = v.join(' ');
          return editDistance(key, variant) / Math.max(key.length, variant.length, 1);
        }),
      );
    const rest = this.quoted.filter((p) => !first.includes(p)).sort((a, b) => distance(a) - distance(b));
    return [...first.filter(this.isQuoted), ...rest].slice(0, MAX_SUGGESTIONS).map((p) => p.name);
  }

  /** Quoted speakers, most quoted first: suggestions when the person asked for said nothing. */
  private mostQuoted(): string[] {
    return [...this.quoted]
      .sort((a, b) => (this.bySpeaker.get(b)?.length ?? 0) - (this.bySpeaker.get(a)?.length ?? 0))
      .slice(0, MAX_SUGGESTIONS)
      .map((p) => p.name);
  }

  /**
   * The quote holding most of the ideas asked about (each idea: the stem sequences that express it), when
   * it holds enough of them and no other speaker's quote holds as many as densely.
   */
  private whoSaidIdeas(wanted: string[][][]): AttributedQuote | null {
    if (wanted.length === 0) return null;
    let best: { q: IndexedQuote; coverage: number; density: number } | null = null;
    let tied = false;
    for (const q of this.all) {
      const hits = wanted.filter((idea) => idea.some((alt) => alt.every((s) => q.stems.has(s)))).length;
      const coverage = hits / wanted.length;
      const density = hits / Math.max(q.stems.size, 1);
      if (coverage < WHO_SAID_MIN_COVERAGE) continue;
      if (!best || coverage > best.coverage || (coverage === best.coverage && density > best.density)) {
        best = { q, coverage, density };
        tied = false;
      } else if (coverage === best.coverage && density === best.density && q.speaker !== best.q.speaker) {
        tied = true;
      }
    }
    if (!best || tied) return null;
    return { speaker: info(best.q.speaker), quote: best.q.quote };
  }

  /**
   * "研究を続けると言ったのは誰？": the quote holding the question's ideas, each read as typed or as
   * the glossary's wordings of it (the quotes are in the corpus's words).
   */
  private whoSaidJapanese(text: string): AttributedQuote | null {
    const terms = contentTerms(text, this.glossary.dictionary);
    const stems = terms.map((t) => t.stem);
    const expansions = this.glossary.expand(stems);
    const ideas: string[][][] = [];
    for (let i = 0; i < stems.length; ) {
      const expansion = expansions.find((e) => e.at === i);
      const length = expansion?.length ?? 1;
      const term = terms[i];
      // "話し", "言っ": how it is asked, not what was said.
      const phrasing =
        !expansion &&
        term &&
        isInflectedJapanese(text.slice(term.start, term.end), term.word, {
          before: text.slice(0, term.start),
          after: text.slice(term.end),
        });
      if (!phrasing) ideas.push([stems.slice(i, i + length), ...(expansion?.meanings ?? [])]);
      i += length;
    }
    return this.whoSaidIdeas(ideas);
  }

  /** "スミス長官は日本について何と言った？": the first registered Japanese name in it, the rest its topic. */
  private forJapaneseQuestion(typed: string): QuestionQuotes | null {
    // Full-width letters and half-width katakana as the registers write them ("ＡＣＭＥ長官" is "ACME長官").
    const text = typed.normalize('NFKC');
    if (!JAPANESE_SAYING.test(text)) return null;
    const names = this.japaneseNames;
    if (JAPANESE_WHO.test(text) && !japaneseRuns(text).some((run) => names.find(run).length > 0)) {
      const found = this.whoSaidJapanese(text);
      return found ? { kind: 'who', ...found } : null;
    }
    for (const typed of this.japaneseNamesIn(text)) {
      const found = this.lookup(typed);
      if (found.kind !== 'person') continue;
      if (!this.isQuoted(found.person)) return this.saidNothing(text);
      // The rest of the question orders the quotes; only words marked as the topic (について) are one.
      const rest = text.replace(typed, ' ');
      // What the name leaves before the topic ("氏は", "は") is the name's, not the topic's.
      const topic = JAPANESE_TOPIC.exec(rest)?.[1]?.replace(AFTER_NAME, '') || null;
      return { kind: 'speaker', result: this.resultFor(text, found.person, rest), topic };
    }
    return null;
  }

  /**
   * The register's Japanese names in a question, as typed, in the order they stand: those written in Japanese
   * script found in its runs, and those half in Latin letters ("ACME長官"), which are no run of Japanese script.
   */
  private japaneseNamesIn(text: string): string[] {
    const found: { at: number; typed: string }[] = [];
    let offset = 0;
    for (const run of japaneseRuns(text)) {
      const at = text.indexOf(run, offset);
      offset = at + run.length;
      for (const name of this.japaneseNames.find(run))
        found.push({ at: at + name.index, typed: run.slice(name.index, name.index + name.length) });
    }
    for (const name of this.mixedNames) {
      const match = name.exec(text);
      if (match) found.push({ at: match.index, typed: match[0] });
    }
    return found.sort((a, b) => a.at - b.at).map((f) => f.typed);
  }
}

/**
 * "Who said …", and "who called ACME a partner", "who described the plan as bold": words a speaker chose for
 * something are their quote's words, so the speaker of the quote holding them answers.
 */
const WHO_SAID =
  /^\s*(?:who|whom)\s+(?:said|says|stated|declared|remarked|wrote|call(?:ed|s)?|describe[ds]?|term(?:ed|s)?|dub(?:bed|s)?|label(?:l?ed|s)?|referred\s+to)\b\s*(?:that\b)?/iu;

/** "Which ACME official commented on the launch?": a description of a speaker, and what they spoke about. */
const WHICH_SPEAKER =
  /^\s*(?:which|what)\s+(.+?)\s+(?:commented|remarked|spoke|talked|was\s+quoted|is\s+quoted)\s*(?:on|about|regarding|concerning)?\s+(.+?)\s*[?.!]*$/iu;

/** Whose words a question asks for: the subject of "what did <subject> say / call / describe …". */
const SUBJECT_ASKED =
  /\b(?:did|does|do|has|have|had|will|would)\s+(.+?)\s+(?:say|tell|call|describe|characteri[sz]e|rank|hope|expect|think|believe|talk|speak|comment|remark)\b/iu;

/**
 * "Did Smith say (that) the budget doubled?": the claim a yes-or-no question asks someone made. Not "did Smith
 * say anything about …" nor "did Smith say at the launch …", which ask for their words on a topic or at a time.
 */
const CLAIM_ASKED =
  /^\s*(?:did|does|has|had)\s+.+?\s+(?:ever\s+)?(?:say|said|claim|claimed|state|stated)\s+(?:that\s+)?(?!(?:anything|something|much|a\s+lot|about|on|at|in|during|when|while|after|before)\b)(.+?)\s*[?.!]*$/iu;

/** "Did Smith (ever) mention the budget?", "has the PM mentioned …": the subject, then the topic. */
const MENTION = /^\s*(?:did|does|do|has|have|had)\s+(.+?)\s+(?:ever\s+)?mention(?:ed|s)?\s+(.+?)\s*[?.!]*$/iu;

/**
 * An English question asking for someone's words: "say", "quote", "remarks", "speech", "told", and "tell" after
 * "did/does…" ("what did the mayor tell reporters"; "tell me when…" asks something else).
 */
const ASKING_FOR_WORDS =
  /\b(?:say|said|says|saying|quote|quotes|quoted|words|remarks?|comments?|statements?|speak|spoke|speech(?:es)?|told)\b|\b(?:did|does|do|will|would)\s+(?:\S+\s+){1,4}?tell\b/iu;

/**
 * A question asking what someone called, thought or hoped something ("what did the chief call ACME", "how does
 * Smith describe the plan", "Smith talked about …"): their quotes say it when the corpus quotes them, but the
 * text may also report it ("the historian wrote that …"), so it asks the quotes only of someone quoted.
 */
const ASKING_FOR_VIEWS =
  /\b(?:did|does|do|will|would)\s+(?:\S+\s+){1,4}?(?:call|describe|characteri[sz]e|rank|hope|expect|think|believe)\b|\btalk(?:ed|s|ing)?\s+about\b/iu;

/**
 * The words around a name in a request for someone's words ("what did X say", "what has X said", "quote X"),
 * dropped to leave the name. Not the question words of `answer/question.ts`, which tell what kind of answer
 * a question wants.
 */
const WORDS_ASKING_FOR_QUOTES =
  /\b(?:what|which|how|did|does|do|has|have|had|was|were|is|the|any|anything|ever|say|said|says|saying|quote|quotes|quoted|words|remarks?|comments?|statements?|speak|spoke|speech(?:es)?|told|give|gave|me|show|tell|us|from|by|of|a|an)\b/giu;

/** Trims a user's text and checks its length; a non-string (a bad adapter call) reads as empty. */
function checkInput(value: string, what: 'speaker' | 'topic'): string {
  const text = stripInvisible(typeof value === 'string' ? value : '').trim();
  if (text.length > MAX_INPUT_LENGTH) {
    throw new UserInputError(
      `That ${what} is ${text.length} characters long; please keep it under ${MAX_INPUT_LENGTH} characters.`,
      {
        code: what === 'speaker' ? 'speakerTooLong' : 'topicTooLong',
        length: text.length,
        max: MAX_INPUT_LENGTH,
      },
    );
  }
  return text;
}

function info(person: Person): SpeakerInfo {
  return { name: person.name, title: person.title };
}

/**
 * How well a person fits an autocomplete prefix, lower is better, or `null`: 0 the name starts with it, 1 a
 * word of a personal name does, 2 a role or one of its words does, 3 a name contains it, 4 a typo away.
 */
function prefixRank(person: Person, typed: string): number | null {
  const name = nameTokens(person.name).join(' ');
  if (name.startsWith(typed)) return 0;
  const startsAnyWord = (variant: string[]) =>
    variant.some((_, i) => variant.slice(i).join(' ').startsWith(typed));
  if (person.names.some(startsAnyWord)) return 1;
  if (person.roles.some(startsAnyWord)) return 2;
  const variants = [...person.names, ...person.roles];
  if (typed.length >= 3 && variants.some((v) => v.join(' ').includes(typed))) return 3;
  const allowance = typoAllowance(typed);
  if (allowance === 0) return null;
  const nearly = variants.some((v) =>
    v.some((_, i) => {
      const rest = v.slice(i).join(' ');
      return (
        editDistance(typed, rest.slice(0, typed.length)) <= allowance ||
        editDistance(typed, rest.slice(0, typed.length + 1)) <= allowance ||
        editDistance(typed, v[i] ?? '') <= allowance
      );
    }),
  );
  return nearly ? 4 : null;
}
