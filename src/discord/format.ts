/**
 * How replies look in Discord: embeds and buttons for /ask, /quote and /sources, and the moderators'
 * /corpus reports. User and corpus text is escaped here; limits are enforced again by `respond`. The
 * replies' own words come from the catalogue in the user's language (`m`); cited text stays as written.
 */
import { type APIButtonComponent, type APIEmbedField, ButtonStyle, ComponentType } from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../contract/limits.js';
import type {
  AskResult,
  Citation,
  CorpusStats,
  QuoteResult,
  RankedPassage,
  SourceInfo,
} from '../contract/types.js';
import { type CorpusProblem, countProblems } from '../corpus/problems.js';
import { formatDiff, formatProblem, type Messages, parseMessage } from '../messages/messages.js';
import type { Gap } from '../records/types.js';
import type { ReloadReport } from '../service/service.js';
import type { Reply } from './respond.js';
import type { OtherShards } from './sharding.js';
import { DISCORD_LIMITS, highlight, joinWithin, link, safeText, safeUrl, truncate } from './text.js';

/** Passages shown per page of sources. */
export const SOURCES_PER_PAGE = 3;

const COLOR_ANSWER = 0x2b6cb0;
const COLOR_NONE = 0x718096;
/** Between the two: an answer shown as the closest match. */
const COLOR_CLOSEST = 0xb7791f;

/**
 * The one choice shown when nothing matches what a user typed (rather than Discord's bare "no options"):
 * it says so in their language, and picking it runs the command with what they typed, which then
 * explains what the corpus has instead. None for blank input.
 */
export function noMatchChoices(label: string, typed: string): Array<{ name: string; value: string }> {
  const value = truncate(typed.trim(), DISCORD_LIMITS.choiceValue);
  return value ? [{ name: truncate(label, DISCORD_LIMITS.choiceName), value }] : [];
}

/** Custom ids of the /ask buttons. They carry their whole state: the question lives in the embed footer. */
export const ASK_IDS = {
  more: (offset: number) => `ask:more:${offset}`,
  /** The vote carries the answering passage when its id fits in a custom_id. */
  vote: (vote: 'up' | 'down', passageId: string | null) => {
    const id = `ask:vote:${vote}`;
    const withPassage = passageId ? `${id}:${passageId}` : id;
    return withPassage.length <= DISCORD_LIMITS.customId ? withPassage : id;
  },
} as const;

/** Footer of /ask embeds: plain text (footers render no Markdown), parsed back by the buttons. */
export function askFooter(m: Messages, version: string, question: string): string {
  return truncate(m.t('ask.footer', { version, question }), DISCORD_LIMITS.embedFooter);
}

/**
 * Reads the corpus version and question back from an /ask footer, in whichever language it was written
 * (whoever presses a button may read Discord in another language than the asker).
 */
export function parseAskFooter(text: string | undefined): { version: string; question: string } | null {
  const found = parseMessage('ask.footer', text ?? '');
  return found && !/\s/.test(found.version) ? found : null;
}

function citationLabel(m: Messages, c: Citation): string {
  return m.t('ask.citation', { title: c.title, paragraph: c.paragraph });
}

/** Field names render little Markdown; drop the characters that would, rather than show backslashes. */
function plainLabel(text: string, max: number): string {
  return truncate(text.replace(/[\\*_`~|]/g, '').replace(/\s+/g, ' '), max);
}

function quoteLine(question: string): string {
  return `> ${safeText(question.replace(/\s+/g, ' '), MAX_QUESTION_LENGTH + 100)}`;
}

function passageFields(m: Messages, passages: RankedPassage[], firstNumber: number): APIEmbedField[] {
  return passages.map((p, i) => {
    const label = citationLabel(m, p.citation);
    const source = link(m.t('ask.source', { citation: label }), p.citation.url, 300);
    const budget = DISCORD_LIMITS.embedFieldValue - source.length - 1;
    return {
      name: plainLabel(`${firstNumber + i}. ${label}`, DISCORD_LIMITS.embedFieldName),
      value: `${highlight(p.text, p.highlights, Math.min(400, budget))}\n${source}`,
    };
  });
}

function button(custom_id: string, label: string, emoji?: string): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    custom_id,
    label,
    ...(emoji ? { emoji: { name: emoji } } : {}),
  };
}

function linkButton(label: string, url: string | null): APIButtonComponent | null {
  const href = safeUrl(url);
  return href ? { type: ComponentType.Button, style: ButtonStyle.Link, url: href, label } : null;
}

/**
 * The /ask reply to the first page of a question's passages (ask for {@link SOURCES_PER_PAGE}): the answer
 * with query terms in bold, cited excerpts, version footer, buttons.
 */
export function askReply(m: Messages, result: AskResult, ephemeral: boolean): Reply {
  const footer = { text: askFooter(m, result.version, result.question) };
  const passageId = result.answer?.passageId ?? null;
  const vote = [
    button(ASK_IDS.vote('up', passageId), m.t('ask.helpful'), '👍'),
    button(ASK_IDS.vote('down', passageId), m.t('ask.notHelpful'), '👎'),
  ];
  if (!result.answer) {
    const topics = result.suggestions.slice(0, 8).map((s) => `• ${safeText(s, 100)}`);
    const description = [
      quoteLine(result.question),
      m.t('ask.notCovered'),
      topics.length ? `\n${m.t('ask.topics')}\n${topics.join('\n')}` : '',
      `\n${m.t('ask.seeSources')}`,
    ].join('\n');
    return {
      ephemeral,
      embeds: [{ title: m.t('ask.notCoveredTitle'), description, color: COLOR_NONE, footer }],
      components: [{ type: ComponentType.ActionRow, components: vote }],
    };
  }
  const { answer } = result;
  const cite = `— ${link(citationLabel(m, answer.citation), answer.citation.url, 300)}`;
  // A borderline answer says so under the question; the short answer ("January 13th") leads, in bold, when
  // the question asks for one; then the sentence.
  const asked = answer.closest
    ? `${quoteLine(result.question)}\n*${m.t('ask.closestNote')}*`
    : quoteLine(result.question);
  const head = answer.short ? `${asked}\n**${safeText(answer.short.text, 200)}**` : asked;
  const budget = DISCORD_LIMITS.embedDescription - head.length - cite.length - 4;
  const description = `${head}\n${highlight(answer.text, answer.highlights, Math.min(budget, 2500))}\n${cite}`;
  const shown = result.passages.slice(0, SOURCES_PER_PAGE);
  const hasMore = shown.length < result.total;
  const row: APIButtonComponent[] = [];
  if (hasMore) row.push(button(ASK_IDS.more(shown.length), m.t('ask.moreSources'), '📚'));
  row.push(...vote);
  const source = linkButton(m.t('ask.readSource'), answer.citation.url);
  if (source) row.push(source);
  return {
    ephemeral,
    embeds: [
      {
        title: answer.closest ? m.t('ask.closestTitle') : m.t('ask.answerTitle'),
        description,
        color: answer.closest ? COLOR_CLOSEST : COLOR_ANSWER,
        fields: passageFields(m, shown, 1),
        footer,
      },
    ],
    components: [{ type: ComponentType.ActionRow, components: row }],
  };
}

/**
 * The page of sources at `offset` (ask for {@link SOURCES_PER_PAGE} there), as an ephemeral reply to
 * "More sources" on an answer given by corpus `askedVersion`.
 */
export function moreSourcesReply(
  m: Messages,
  result: AskResult,
  offset: number,
  askedVersion: string,
): Reply {
  const { question, version } = result;
  if (result.passages.length === 0) {
    return { ephemeral: true, content: m.t('ask.noMoreSources') };
  }
  const next = offset + result.passages.length;
  const hasMore = next < result.total;
  const changed =
    askedVersion === version
      ? ''
      : `\n*${m.t('ask.corpusChanged', { asked: safeText(askedVersion, 20), current: version })}*`;
  const more = button(ASK_IDS.more(next), m.t('ask.moreSources'), '📚');
  return {
    ephemeral: true,
    embeds: [
      {
        title: m.t('ask.moreSourcesTitle', { from: offset + 1, to: next }),
        description: `${quoteLine(question)}${changed}`,
        color: COLOR_ANSWER,
        fields: passageFields(m, result.passages, offset + 1),
        footer: { text: askFooter(m, version, question) },
      },
    ],
    components: hasMore ? [{ type: ComponentType.ActionRow, components: [more] }] : [],
  };
}

/** Custom ids of the /quote page buttons; the speaker and topic live in the embed footer. */
export const QUOTE_IDS = { page: (page: number) => `quote:page:${page}` } as const;

/**
 * Footer of a /quote page: plain text (footers render no Markdown), parsed back by the page buttons.
 * The speaker is the resolved name, so asking again finds the same person.
 */
export function quoteFooter(
  m: Messages,
  version: string,
  page: number,
  pages: number,
  speaker: string,
  about: string | null,
): string {
  const shown = { version, page, pages, speaker: speaker.replace(/\s+/g, ' ') };
  const text = about
    ? m.t('quote.footerAbout', { ...shown, about: about.replace(/\s+/g, ' ') })
    : m.t('quote.footer', shown);
  return truncate(text, DISCORD_LIMITS.embedFooter);
}

/** Reads the page, speaker and topic back from a /quote footer, in whichever language it was written. */
export function parseQuoteFooter(
  text: string | undefined,
): { version: string; page: number; pages: number; speaker: string; about: string | null } | null {
  // With a topic first: the footer without one would read the topic as part of the speaker.
  const withTopic = parseMessage('quote.footerAbout', text ?? '');
  const found = withTopic ?? parseMessage('quote.footer', text ?? '');
  if (!found || /\s/.test(found.version) || !/^\d+$/.test(found.page) || !/^\d+$/.test(found.pages)) {
    return null;
  }
  const { version, speaker } = found;
  return {
    version,
    page: Number(found.page),
    pages: Number(found.pages),
    speaker,
    about: withTopic?.about ?? null,
  };
}

/** Room for quotes on one page: the description minus the heading and some slack for separators. */
const QUOTE_PAGE_BUDGET = DISCORD_LIMITS.embedDescription - 100;

/** The quotes as cited blocks, grouped into pages that each fit one embed description after `heading`. */
function quotePages(m: Messages, quotes: QuoteResult['quotes'], heading: string): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let used = heading.length;
  for (const q of quotes) {
    const cite = `— ${link(citationLabel(m, q.citation), q.citation.url, 300)}`;
    const block = `> ${safeText(q.text.replace(/\s+/g, ' '), 900)}\n${cite}`;
    if (page.length > 0 && used + block.length + 2 > QUOTE_PAGE_BUDGET) {
      pages.push(page);
      page = [];
      used = heading.length;
    }
    page.push(block);
    used += block.length + 2;
  }
  if (page.length > 0) pages.push(page);
  return pages;
}

/**
 * The /quote reply: the speaker's quotes, cited, or what the corpus knows instead. When they do not fit
 * one embed, page `page` of them (clamped to the pages there are) with Previous/Next buttons.
 */
export function quoteReply(
  m: Messages,
  result: QuoteResult,
  version: string,
  about: string | null,
  ephemeral: boolean,
  page = 1,
): Reply {
  const names = result.suggestions
    .slice(0, 10)
    .map((s) => safeText(s, 80))
    .join(', ');
  const suggest = result.suggestions.length ? `\n\n${m.t('quote.quotedPeople', { names })}` : '';
  const corpusFooter = { text: m.t('footer.corpus', { version }) };
  if (!result.speaker || result.quotes.length === 0) {
    const who = safeText(result.speaker?.name ?? result.query, 100);
    const text = result.known ? m.t('quote.neverQuoted', { who }) : m.t('quote.nobody', { who });
    return {
      ephemeral,
      embeds: [
        {
          title: m.t('quote.notFoundTitle'),
          description: text + suggest,
          color: COLOR_NONE,
          footer: corpusFooter,
        },
      ],
    };
  }
  const { speaker } = result;
  const heading = `**${safeText(speaker.name, 100)}**${speaker.title ? `, ${safeText(speaker.title, 150)}` : ''}${
    about ? m.t('quote.about', { about: safeText(about, 200) }) : ''
  }`;
  const pages = quotePages(m, result.quotes, heading);
  const n = Math.min(Math.max(1, Math.trunc(page)), pages.length);
  const embed = {
    title: m.count('quote.title', result.quotes.length),
    description: `${heading}\n\n${(pages[n - 1] ?? []).join('\n\n')}`,
    color: COLOR_ANSWER,
  };
  if (pages.length === 1) return { ephemeral, embeds: [{ ...embed, footer: corpusFooter }] };
  const previous = { ...button(QUOTE_IDS.page(n - 1), m.t('quote.previous'), '◀️'), disabled: n === 1 };
  const next = { ...button(QUOTE_IDS.page(n + 1), m.t('quote.next'), '▶️'), disabled: n === pages.length };
  const footer = { text: quoteFooter(m, version, n, pages.length, speaker.name, about) };
  return {
    ephemeral,
    embeds: [{ ...embed, footer }],
    components: [{ type: ComponentType.ActionRow, components: [previous, next] }],
  };
}

/** The /sources reply: every document with publisher, date, passage count and link. */
export function sourcesReply(m: Messages, sources: SourceInfo[], stats: CorpusStats, version: string): Reply {
  const lines: string[] = [];
  let used = 0;
  for (const s of sources) {
    const meta = [s.publisher, s.published].filter(Boolean).map((value) => safeText(String(value), 100));
    const line = `• ${link(s.title, s.url, 200)}${meta.length ? ` — ${meta.join(', ')}` : ''} · ${m.count(
      'sources.passages',
      s.passages,
    )}`;
    if (used + line.length + 60 > DISCORD_LIMITS.embedDescription) break;
    lines.push(line);
    used += line.length + 1;
  }
  const rest = sources.length - lines.length;
  if (rest > 0) lines.push(m.t('sources.more', { n: rest }));
  if (sources.length === 0) lines.push(m.t('sources.empty'));
  const quotes = m.count('sources.quotes', stats.quotes);
  return {
    embeds: [
      {
        title: m.count('sources.title', stats.documents),
        description: lines.join('\n'),
        color: COLOR_ANSWER,
        footer: { text: m.t('sources.footer', { version, passages: stats.passages, quotes }) },
      },
    ],
  };
}

// ---------------------------------------------------------------- /corpus (moderators; always private)

/**
 * A corpus change that went through: `done` (what was added, removed…, already escaped; `null` for a
 * plain reload), then versions, counts, build time and the passage diff per document.
 */
export function corpusChangeReply(
  m: Messages,
  done: string | null,
  r: ReloadReport,
  others: OtherShards | null = null,
): Reply {
  const reloaded = m.t('corpus.reloaded', {
    from: r.previousVersion,
    to: r.version,
    documents: r.documents,
    passages: r.passages,
    quotes: r.quotes,
    ms: r.buildMs,
  });
  const summary = others ? `${reloaded}\n${shardsLine(m, others)}` : reloaded;
  // Corpus ids come from files anyone with write access edits: escaped like user text.
  const diff = formatDiff(m, r.diff).map((line) => safeText(line, 300));
  return {
    ephemeral: true,
    content: joinWithin(done ? `${done}\n${summary}` : summary, diff, DISCORD_LIMITS.content, (n) =>
      m.count('corpus.moreChanged', n),
    ),
  };
}

/** What the other shards did after a corpus change on this one (sharded bots only). */
function shardsLine(m: Messages, others: OtherShards): string {
  if (others.error !== undefined) {
    return m.t('corpus.shardsUnasked', { error: safeText(others.error, 200) });
  }
  const each = others.reached.map((s) =>
    m.t('corpus.shard', {
      shards: s.shards.join(', '),
      outcome:
        s.outcome === 'reloaded'
          ? m.t('corpus.shardReloaded', { version: s.version })
          : s.outcome === 'busy'
            ? m.t('corpus.shardBusy')
            : m.t('corpus.shardFailed'),
    }),
  );
  const elsewhere = others.total - others.reached.length - 1;
  const rest = elsewhere > 0 ? m.count('corpus.shardsNotReached', elsewhere) : '';
  const list = each.length ? each.join('; ') : m.t('corpus.noOtherShards');
  return m.t('corpus.otherShards', { list, rest });
}

/** A reload that failed: nothing changed, the live version keeps answering; each problem as `file:line: message`. */
export function corpusProblemsReply(
  m: Messages,
  problems: readonly CorpusProblem[],
  liveVersion: string,
): Reply {
  const head = m.count('corpus.reloadFailed', countProblems(problems), { version: liveVersion });
  return {
    ephemeral: true,
    content: joinWithin(
      head,
      problems.map((p) => `• ${safeText(formatProblem(m, p), 300)}`),
      DISCORD_LIMITS.content,
      (n) => m.count('corpus.moreProblems', n),
    ),
  };
}

/**
 * A refused change (bad upload, unknown document, a reload already running…): the reason, each problem
 * of the file when that is why, and the version still answering.
 */
export function corpusRefusalReply(
  m: Messages,
  reason: string,
  problems: readonly CorpusProblem[],
  liveVersion: string,
): Reply {
  const items = problems.map((p) => `• ${safeText(formatProblem(m, p), 300)}`);
  const unchanged = m.t('corpus.unchanged', { version: liveVersion });
  items.push(unchanged);
  return {
    ephemeral: true,
    // The last item is `unchanged`: a cut list still ends with it.
    content: joinWithin(safeText(reason, 1000), items, DISCORD_LIMITS.content, (n) =>
      n === 1 ? unchanged : `${m.count('corpus.moreProblems', n - 1)} ${unchanged}`,
    ),
  };
}

/** The questions the corpus failed on (`Records.gaps`), most frequent first, or why there are none. */
export function gapsReply(
  m: Messages,
  gaps: readonly Gap[],
  days: number,
  recordsEnabled: boolean,
  version: string,
): Reply {
  const period = m.count('gaps.period', days);
  if (!recordsEnabled) return { ephemeral: true, content: m.t('gaps.recordsOff') };
  if (gaps.length === 0) {
    return { ephemeral: true, content: m.t('gaps.none', { period, version }) };
  }
  const lines = gaps.map((g, i) => {
    const why = [
      g.abstained > 0 ? m.t('gaps.unanswered', { n: g.abstained }) : '',
      g.disliked > 0 ? `${g.disliked} 👎` : '',
    ].filter(Boolean);
    return m.t('gaps.line', {
      rank: i + 1,
      count: g.count,
      example: safeText(g.example.replace(/\s+/g, ' '), 200),
      why: why.join(', '),
      date: g.lastAt.slice(0, 10),
    });
  });
  const total = gaps.reduce((n, g) => n + g.count, 0);
  return {
    ephemeral: true,
    embeds: [
      {
        title: m.t('gaps.title', { period, groups: m.count('gaps.groups', gaps.length) }),
        description: joinWithin(m.count('gaps.head', total), lines, DISCORD_LIMITS.embedDescription, (n) =>
          m.count('gaps.moreGroups', n),
        ),
        color: COLOR_NONE,
        footer: { text: m.t('footer.corpus', { version }) },
      },
    ],
  };
}
