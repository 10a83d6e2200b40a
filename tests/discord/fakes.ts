/** A deterministic knowledge base and corpus source, so adapter tests do not depend on corpus content. */

import { MAX_QUESTION_LENGTH, questionTooLong } from '../../src/contract/limits.js';
import {
  type AskOptions,
  type AskResult,
  type Citation,
  type KnowledgeBase,
  type QuoteResult,
  type RankedPassage,
  type Span,
  type SpeakerChoice,
  UserInputError,
} from '../../src/contract/types.js';
import { AdminError, type DocumentEntry, type TrashedFile } from '../../src/corpus/admin.js';
import { emptyDiff } from '../../src/corpus/diff.js';
import type { CorpusSource } from '../../src/discord/command.js';
import { type Actor, disabledRecords, type Records } from '../../src/records/types.js';
import type { ReloadReport } from '../../src/service/service.js';

const URL_A =
  'https://www.nasa.gov/news-release/us-japan-sign-space-collaboration-agreement-at-nasa-headquarters/';

function citation(paragraph: number, text: string): Citation {
  return {
    document: 'doc-a',
    title: 'U.S., Japan Sign Space Collaboration Agreement',
    paragraph,
    url: URL_A,
    start: paragraph * 1000,
    end: paragraph * 1000 + text.length,
  };
}

/** Offsets of each word of `question` (3+ letters) found in `text`. */
export function spans(text: string, question: string): Span[] {
  const out: Span[] = [];
  for (const word of question.toLowerCase().match(/\p{L}{3,}/gu) ?? []) {
    const at = text.toLowerCase().indexOf(word);
    if (at >= 0) out.push({ start: at, end: at + word.length });
  }
  return out;
}

const PASSAGES = Array.from(
  { length: 8 },
  (_, i) =>
    `Paragraph ${i + 1}: the Framework Agreement between the United States and Japan covers cooperation in space exploration, science and the Artemis program (${'detail '.repeat(i)}).`,
);

/** Quotes of "Talkative Envoy": too many and too long for one embed, each tagged `[Q<n>]`. */
export const ENVOY_QUOTES = Array.from(
  { length: 17 },
  (_, i) =>
    `[Q${i + 1}] @everyone <@123456789012345678> we *will* cooperate on ${'lunar science and exploration, '.repeat(8 + (i % 5) * 4)}together.`,
);

export const SPEAKERS: SpeakerChoice[] = [
  { name: 'Bill Nelson', title: 'NASA Administrator', quotes: 2 },
  { name: 'Talkative Envoy', title: 'Special Envoy', quotes: ENVOY_QUOTES.length },
  { name: 'Pam Melroy', title: 'NASA Deputy Administrator', quotes: 0 },
  { name: 'Titled Official', title: 'Deputy '.repeat(30).trim(), quotes: 1 },
  ...Array.from({ length: 30 }, (_, i) => ({
    name: `Aide ${String(i).padStart(2, '0')}`,
    title: null,
    quotes: 1,
  })),
];

const ROVER = 'The rover is planned to support two astronauts for up to *thirty* days_.';
const ROVER_SHORT = '*thirty* days_';

/** A fake knowledge base. Questions containing "pizza" abstain; "long answer" gets a 5,000-character one. */
export function fakeKb(version = 'v1fake'): KnowledgeBase {
  return {
    version,
    ask(question: string, options: AskOptions = {}): AskResult {
      const q = question.replace(/\s+/g, ' ').trim();
      if (q === '') throw new UserInputError('Please type a question: this one is empty.');
      if (q.length > MAX_QUESTION_LENGTH) throw questionTooLong(q.length);
      const limit = options.limit ?? 5;
      const offset = options.offset ?? 0;
      if (/pizza/i.test(q)) {
        return {
          question: q,
          answer: null,
          passages: [],
          total: 0,
          version,
          suggestions: ['Artemis program', 'Gateway', 'lunar science'],
        };
      }
      const passages: RankedPassage[] = PASSAGES.slice(offset, offset + limit).map((text, i) => ({
        id: `doc-a#p${offset + i + 1}`,
        text,
        score: 1 - (offset + i) / 10,
        citation: citation(offset + i + 1, text),
        highlights: spans(text, q),
      }));
      const text = /long answer/i.test(q)
        ? `Japan 🚀 and the United States ${'signed 👩🏽‍🚀 the agreement '.repeat(200)}`
        : /how long/i.test(q)
          ? ROVER
          : 'The Framework Agreement was signed by NASA Administrator Bill Nelson and Ambassador Tomita Koji.';
      // "How long…" gets a short answer with Markdown in it, as a document may write it.
      const short = /how long/i.test(q)
        ? {
            text: ROVER_SHORT,
            start: ROVER.indexOf(ROVER_SHORT),
            end: ROVER.indexOf(ROVER_SHORT) + ROVER_SHORT.length,
          }
        : null;
      return {
        question: q,
        answer: {
          text,
          citation: citation(1, text),
          passageId: 'doc-a#p1',
          highlights: spans(text, q),
          short,
          confidence: 0.9,
          closest: false,
        },
        passages,
        total: PASSAGES.length,
        version,
        suggestions: [],
      };
    },
    quote(speaker: string, about?: string): QuoteResult {
      const s = SPEAKERS.find((x) => x.name.toLowerCase() === speaker.trim().toLowerCase());
      if (s?.name === 'Bill Nelson') {
        const quotes = [
          'This agreement is a testament to our shared values.',
          `We will go to the Moon together${about ? `, for ${about}` : ''}.`,
        ].map((text, i) => ({ text, citation: citation(i + 2, text) }));
        return {
          query: speaker,
          speaker: { name: s.name, title: s.title },
          known: true,
          quotes,
          suggestions: [],
        };
      }
      if (s?.name === 'Talkative Envoy') {
        // With a topic, the quotes mentioning it first (as the core ranks them).
        const ranked = about
          ? [...ENVOY_QUOTES].sort((a, b) => Number(b.includes(about)) - Number(a.includes(about)))
          : ENVOY_QUOTES;
        return {
          query: speaker,
          speaker: { name: s.name, title: s.title },
          known: true,
          quotes: ranked.map((text, i) => ({ text, citation: citation(i + 1, text) })),
          suggestions: [],
        };
      }
      return { query: speaker, speaker: null, known: Boolean(s), quotes: [], suggestions: ['Bill Nelson'] };
    },
    speakers(prefix: string, limit = Number.POSITIVE_INFINITY): SpeakerChoice[] {
      const p = prefix.toLowerCase();
      return SPEAKERS.filter((s) => s.quotes > 0 && s.name.toLowerCase().startsWith(p)).slice(0, limit);
    },
    sources() {
      return [
        {
          id: 'doc-a',
          title: 'U.S., Japan Sign Space Collaboration Agreement',
          kind: 'press-release',
          published: '2023-01-13',
          publisher: 'NASA',
          url: URL_A,
          passages: PASSAGES.length,
        },
      ];
    },
    stats: () => ({ documents: 1, passages: PASSAGES.length, quotes: 2 }),
  };
}

/**
 * A corpus source whose reload swaps in a new fake version, or fails with `failWith`. Document changes are
 * refused (the loopback tests of /corpus use the real service on a temporary corpus).
 */
export class FakeCorpus implements CorpusSource {
  current: KnowledgeBase = fakeKb();
  reloads = 0;
  failWith: Error | null = null;
  isReloading = false;

  actors: Actor[] = [];

  async reload(actor: Actor = { via: 'unknown' }): Promise<ReloadReport> {
    this.reloads++;
    this.actors.push(actor);
    if (this.failWith) throw this.failWith;
    const previousVersion = this.current.version;
    this.current = fakeKb(`v${this.reloads + 1}fake`);
    return {
      documents: 1,
      passages: 8,
      quotes: 2,
      version: this.current.version,
      previousVersion,
      buildMs: 3,
      diff: emptyDiff(),
    };
  }

  async addDocument(): Promise<never> {
    throw new AdminError({ code: 'admin.noDocuments', values: { file: 'fake' } });
  }

  refuseUpload(): void {
    // The fake corpus keeps no audit.
  }

  async removeDocument(): Promise<never> {
    throw new AdminError({ code: 'admin.unknownDocument', values: { id: 'fake' } });
  }

  async restoreDocument(): Promise<never> {
    throw new AdminError({ code: 'admin.notInTrash', values: { id: 'fake' } });
  }

  async trash(): Promise<TrashedFile[]> {
    return [];
  }

  async removable(): Promise<DocumentEntry[]> {
    return [];
  }
}

type FeedbackInput = Parameters<Records['feedback']>[0];
type AbstentionInput = Parameters<Records['abstention']>[0];

/** Records that keep feedback and abstentions in memory, for assertions. */
export function memoryRecords(): Records & { feedbacks: FeedbackInput[]; abstentions: AbstentionInput[] } {
  const feedbacks: FeedbackInput[] = [];
  const abstentions: AbstentionInput[] = [];
  return {
    ...disabledRecords(),
    enabled: true,
    feedbacks,
    abstentions,
    feedback: (input) => {
      feedbacks.push(input);
    },
    abstention: (input) => {
      abstentions.push(input);
    },
  };
}
