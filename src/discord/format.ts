/**
 * How replies look in Discord: embeds and buttons for /ask, /quote and /sources, and the moderators'
 * /corpus reports. User and corpus text is escaped here; limits are enforced again by `respond`.
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
import { formatDiff } from '../corpus/diff.js';
import { type CorpusProblem, formatProblem } from '../corpus/problems.js';
import type { Gap } from '../records/types.js';
import type { ReloadReport } from '../service/service.js';
import type { Reply } from './respond.js';
import type { OtherShards } from './sharding.js';
import { DISCORD_LIMITS, highlight, joinWithin, link, safeText, safeUrl, truncate } from './text.js';

/** Passages shown per page of sources. */
export const SOURCES_PER_PAGE = 3;

const COLOR_ANSWER = 0x2b6cb0;
const COLOR_NONE = 0x718096;

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
export function askFooter(version: string, question: string): string {
  return truncate(`Corpus ${version} · Asked: ${question}`, DISCORD_LIMITS.embedFooter);
}

/** Reads the corpus version and question back from an /ask footer. */
export function parseAskFooter(text: string | undefined): { version: string; question: string } | null {
  const m = /^Corpus (\S+) · Asked: ([\s\S]+)$/.exec(text ?? '');
  return m?.[1] && m[2] ? { version: m[1], question: m[2] } : null;
}

function citationLabel(c: Citation): string {
  return `${c.title}, ¶${c.paragraph}`;
}

/** Field names render little Markdown; drop the characters that would, rather than show backslashes. */
function plainLabel(text: string, max: number): string {
  return truncate(text.replace(/[\\*_`~|]/g, '').replace(/\s+/g, ' '), max);
}

function quoteLine(question: string): string {
  return `> ${safeText(question.replace(/\s+/g, ' '), MAX_QUESTION_LENGTH + 100)}`;
}

function passageFields(passages: RankedPassage[], firstNumber: number): APIEmbedField[] {
  return passages.map((p, i) => {
    const source = link(`Source: ${citationLabel(p.citation)}`, p.citation.url, 300);
    const budget = DISCORD_LIMITS.embedFieldValue - source.length - 1;
    return {
      name: plainLabel(`${firstNumber + i}. ${citationLabel(p.citation)}`, DISCORD_LIMITS.embedFieldName),
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
export function askReply(result: AskResult, ephemeral: boolean): Reply {
  const footer = { text: askFooter(result.version, result.question) };
  const passageId = result.answer?.passageId ?? null;
  const vote = [
    button(ASK_IDS.vote('up', passageId), 'Helpful', '👍'),
    button(ASK_IDS.vote('down', passageId), 'Not helpful', '👎'),
  ];
  if (!result.answer) {
    const topics = result.suggestions.slice(0, 8).map((s) => `• ${safeText(s, 100)}`);
    const description = [
      quoteLine(result.question),
      'The corpus does not cover this question, so there is no cited answer to give.',
      topics.length ? `\n**Topics it does cover:**\n${topics.join('\n')}` : '',
      '\nUse `/sources` to see what the corpus contains.',
    ].join('\n');
    return {
      ephemeral,
      embeds: [{ title: 'Not covered by the corpus', description, color: COLOR_NONE, footer }],
      components: [{ type: ComponentType.ActionRow, components: vote }],
    };
  }
  const { answer } = result;
  const cite = `— ${link(citationLabel(answer.citation), answer.citation.url, 300)}`;
  const head = quoteLine(result.question);
  const budget = DISCORD_LIMITS.embedDescription - head.length - cite.length - 4;
  const description = `${head}\n${highlight(answer.text, answer.highlights, Math.min(budget, 2500))}\n${cite}`;
  const shown = result.passages.slice(0, SOURCES_PER_PAGE);
  const hasMore = shown.length < result.total;
  const row: APIButtonComponent[] = [];
  if (hasMore) row.push(button(ASK_IDS.more(shown.length), 'More sources', '📚'));
  row.push(...vote);
  const source = linkButton('Read the source', answer.citation.url);
  if (source) row.push(source);
  return {
    ephemeral,
    embeds: [
      {
        title: 'Answer from the corpus',
        description,
        color: COLOR_ANSWER,
        fields: passageFields(shown, 1),
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
export function moreSourcesReply(result: AskResult, offset: number, askedVersion: string): Reply {
  const { question, version } = result;
  if (result.passages.length === 0) {
    return { ephemeral: true, content: 'There are no more sources for this question.' };
  }
  const next = offset + result.passages.length;
  const hasMore = next < result.total;
  const changed =
    askedVersion === version
      ? ''
      : `\n*The corpus changed since this answer (version ${safeText(askedVersion, 20)} → ${version}); these sources come from the current one.*`;
  return {
    ephemeral: true,
    embeds: [
      {
        title: `More sources (${offset + 1}–${next})`,
        description: `${quoteLine(question)}${changed}`,
        color: COLOR_ANSWER,
        fields: passageFields(result.passages, offset + 1),
        footer: { text: askFooter(version, question) },
      },
    ],
    components: hasMore
      ? [{ type: ComponentType.ActionRow, components: [button(ASK_IDS.more(next), 'More sources', '📚')] }]
      : [],
  };
}

/** Custom ids of the /quote page buttons; the speaker and topic live in the embed footer. */
export const QUOTE_IDS = { page: (page: number) => `quote:page:${page}` } as const;

/**
 * Footer of a /quote page: plain text (footers render no Markdown), parsed back by the page buttons.
 * The speaker is the resolved name, so asking again finds the same person.
 */
export function quoteFooter(
  version: string,
  page: number,
  pages: number,
  speaker: string,
  about: string | null,
): string {
  const topic = about ? ` · About: ${about.replace(/\s+/g, ' ')}` : '';
  return truncate(
    `Corpus ${version} · Page ${page}/${pages} · Speaker: ${speaker.replace(/\s+/g, ' ')}${topic}`,
    DISCORD_LIMITS.embedFooter,
  );
}

/** Reads the page, speaker and topic back from a /quote footer. */
export function parseQuoteFooter(
  text: string | undefined,
): { version: string; page: number; pages: number; speaker: string; about: string | null } | null {
  const m = /^Corpus (\S+) · Page (\d+)\/(\d+) · Speaker: (.+?)(?: · About: (.+))?$/.exec(text ?? '');
  if (!m?.[1] || !m[4]) return null;
  return { version: m[1], page: Number(m[2]), pages: Number(m[3]), speaker: m[4], about: m[5] ?? null };
}

/** Room for quotes on one page: the description minus the heading and some slack for separators. */
const QUOTE_PAGE_BUDGET = DISCORD_LIMITS.embedDescription - 100;

/** The quotes as cited blocks, grouped into pages that each fit one embed description after `heading`. */
function quotePages(quotes: QuoteResult['quotes'], heading: string): string[][] {
  const pages: string[][] = [];
  let page: string[] = [];
  let used = heading.length;
  for (const q of quotes) {
    const cite = `— ${link(citationLabel(q.citation), q.citation.url, 300)}`;
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
  result: QuoteResult,
  version: string,
  about: string | null,
  ephemeral: boolean,
  page = 1,
): Reply {
  const suggest = result.suggestions.length
    ? `\n\n**Quoted people include:** ${result.suggestions
        .slice(0, 10)
        .map((s) => safeText(s, 80))
        .join(', ')}`
    : '';
  if (!result.speaker || result.quotes.length === 0) {
    const who = safeText(result.speaker?.name ?? result.query, 100);
    const text = result.known
      ? `${who} is mentioned in the corpus but never quoted.`
      : `No one called “${who}” is quoted in the corpus.`;
    return {
      ephemeral,
      embeds: [
        {
          title: 'No quote found',
          description: text + suggest,
          color: COLOR_NONE,
          footer: { text: `Corpus ${version}` },
        },
      ],
    };
  }
  const { speaker } = result;
  const heading = `**${safeText(speaker.name, 100)}**${speaker.title ? `, ${safeText(speaker.title, 150)}` : ''}${
    about ? ` on “${safeText(about, 200)}”` : ''
  }`;
  const pages = quotePages(result.quotes, heading);
  const n = Math.min(Math.max(1, Math.trunc(page)), pages.length);
  const title = result.quotes.length === 1 ? 'Quote' : `Quotes (${result.quotes.length})`;
  const embed = {
    title,
    description: `${heading}\n\n${(pages[n - 1] ?? []).join('\n\n')}`,
    color: COLOR_ANSWER,
  };
  if (pages.length === 1) return { ephemeral, embeds: [{ ...embed, footer: { text: `Corpus ${version}` } }] };
  const previous = { ...button(QUOTE_IDS.page(n - 1), 'Previous', '◀️'), disabled: n === 1 };
  const next = { ...button(QUOTE_IDS.page(n + 1), 'Next', '▶️'), disabled: n === pages.length };
  return {
    ephemeral,
    embeds: [{ ...embed, footer: { text: quoteFooter(version, n, pages.length, speaker.name, about) } }],
    components: [{ type: ComponentType.ActionRow, components: [previous, next] }],
  };
}

/** The /sources reply: every document with publisher, date, passage count and link. */
export function sourcesReply(sources: SourceInfo[], stats: CorpusStats, version: string): Reply {
  const lines: string[] = [];
  let used = 0;
  for (const s of sources) {
    const meta = [s.publisher, s.published].filter(Boolean).map((m) => safeText(String(m), 100));
    const line = `• ${link(s.title, s.url, 200)}${meta.length ? ` — ${meta.join(', ')}` : ''} · ${s.passages} passage${
      s.passages === 1 ? '' : 's'
    }`;
    if (used + line.length + 60 > DISCORD_LIMITS.embedDescription) break;
    lines.push(line);
    used += line.length + 1;
  }
  const rest = sources.length - lines.length;
  if (rest > 0) lines.push(`*…and ${rest} more.*`);
  if (sources.length === 0) lines.push('The corpus is empty.');
  return {
    embeds: [
      {
        title: `Sources (${stats.documents} document${stats.documents === 1 ? '' : 's'})`,
        description: lines.join('\n'),
        color: COLOR_ANSWER,
        footer: {
          text: `Corpus ${version} · ${stats.passages} passages · ${stats.quotes} quote${stats.quotes === 1 ? '' : 's'}`,
        },
      },
    ],
  };
}

// ---------------------------------------------------------------- /corpus (moderators; always private)

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * A corpus change that went through: `done` (what was added, removed…, already escaped; `null` for a
 * plain reload), then versions, counts, build time and the passage diff per document.
 */
export function corpusChangeReply(
  done: string | null,
  r: ReloadReport,
  others: OtherShards | null = null,
): Reply {
  const reloaded = `Corpus reloaded: version ${r.previousVersion} → ${r.version}. ${r.documents} documents, ${r.passages} passages, ${r.quotes} quotes (${r.buildMs} ms).`;
  const summary = others ? `${reloaded}\n${shardsLine(others)}` : reloaded;
  // Corpus ids come from files anyone with write access edits: escaped like user text.
  const diff = formatDiff(r.diff).map((line) => safeText(line, 300));
  return {
    ephemeral: true,
    content: joinWithin(done ? `${done}\n${summary}` : summary, diff, DISCORD_LIMITS.content, (n) =>
      n === 1 ? '…and 1 more changed document.' : `…and ${n} more changed documents.`,
    ),
  };
}

/** What the other shards did after a corpus change on this one (sharded bots only). */
function shardsLine(others: OtherShards): string {
  if (others.error !== undefined) {
    return `The other shards could not be asked to reload (${safeText(others.error, 200)}); they reload on their own triggers (SIGHUP, CORPUS_WATCH).`;
  }
  const each = others.reached.map(
    (s) =>
      `shard ${s.shards.join(', ')}: ${s.outcome === 'reloaded' ? `reloaded (${s.version})` : s.outcome === 'busy' ? 'busy with another reload' : 'failed (see its log)'}`,
  );
  const elsewhere = others.total - others.reached.length - 1;
  const rest =
    elsewhere > 0
      ? ` Not reached: ${plural(elsewhere, 'shard')} on other hosts (they reload on their own SIGHUP or CORPUS_WATCH).`
      : '';
  return `Other shards: ${each.length ? each.join('; ') : 'none on this host'}.${rest}`;
}

/** A reload that failed: nothing changed, the live version keeps answering; each problem as `file:line: message`. */
export function corpusProblemsReply(problems: readonly CorpusProblem[], liveVersion: string): Reply {
  const head = `The reload failed, so nothing changed: the current corpus (version ${liveVersion}) keeps answering. ${plural(problems.length, 'problem')}:`;
  return {
    ephemeral: true,
    content: joinWithin(
      head,
      problems.map((p) => `• ${safeText(formatProblem(p), 300)}`),
      DISCORD_LIMITS.content,
      (n) => `…and ${plural(n, 'more problem')}.`,
    ),
  };
}

/**
 * A refused change (bad upload, unknown document, a reload already running…): the reason, each problem
 * of the file when that is why, and the version still answering.
 */
export function corpusRefusalReply(
  message: string,
  problems: readonly CorpusProblem[],
  liveVersion: string,
): Reply {
  // With problems, the message's first line is the summary and the rest repeats them.
  const reason = problems.length > 0 ? (message.split('\n')[0] ?? message) : message;
  const items = problems.map((p) => `• ${safeText(formatProblem(p), 300)}`);
  const unchanged = `Nothing changed: the corpus is still version ${liveVersion}.`;
  items.push(unchanged);
  return {
    ephemeral: true,
    // The last item is `unchanged`: a cut list still ends with it.
    content: joinWithin(safeText(reason, 1000), items, DISCORD_LIMITS.content, (n) =>
      n === 1 ? unchanged : `…and ${plural(n - 1, 'more problem')}. ${unchanged}`,
    ),
  };
}

/** The questions the corpus failed on (`Records.gaps`), most frequent first, or why there are none. */
export function gapsReply(
  gaps: readonly Gap[],
  days: number,
  recordsEnabled: boolean,
  version: string,
): Reply {
  const period = `the last ${plural(days, 'day')}`;
  if (!recordsEnabled) {
    return {
      ephemeral: true,
      content:
        'Records are off (the records database is unavailable; see the bot log), so no abstentions or 👎 are kept and there are no gaps to show.',
    };
  }
  if (gaps.length === 0) {
    return {
      ephemeral: true,
      content: `No unanswered questions and no 👎 answers in ${period}: no gaps to show (corpus ${version}).`,
    };
  }
  const lines = gaps.map((g, i) => {
    const why = [
      g.abstained > 0 ? `${g.abstained} unanswered` : '',
      g.disliked > 0 ? `${g.disliked} 👎` : '',
    ].filter(Boolean);
    return `${i + 1}. **${g.count}×** “${safeText(g.example.replace(/\s+/g, ' '), 200)}” — ${why.join(', ')} · last ${g.lastAt.slice(0, 10)}`;
  });
  const total = gaps.reduce((n, g) => n + g.count, 0);
  return {
    ephemeral: true,
    embeds: [
      {
        title: `Gaps in ${period}: ${plural(gaps.length, 'group')} of similar questions`,
        description: joinWithin(
          `${plural(total, 'question')} the corpus did not answer or answered badly, most frequent first:`,
          lines,
          DISCORD_LIMITS.embedDescription,
          (n) => `*…and ${plural(n, 'more group')}.*`,
        ),
        color: COLOR_NONE,
        footer: { text: `Corpus ${version}` },
      },
    ],
  };
}
