/**
 * Text safety for Discord: Markdown escaping of user and corpus text, and truncation that respects
 * Discord's limits without ever cutting a character (surrogate pair) or grapheme in half.
 *
 * Lengths here are UTF-16 code units (`string.length`). Discord counts code points, which is never
 * more, so anything that fits here fits there.
 */
import type { Span } from '../contract/types.js';

/** Discord's message and embed limits. */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthor: 256,
  embedTotal: 6000,
  embeds: 10,
  customId: 100,
  buttonLabel: 80,
  buttonUrl: 512,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;

export const ELLIPSIS = '…';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * Escapes Markdown so user and corpus text shows as typed: formatting characters, headings, lists,
 * block quotes, masked links, and mention/timestamp syntax (`<@id>`, `<t:…>`). `@everyone`/`@here`
 * get a zero-width space so they read as text even where mentions are not suppressed.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\*_`~|[\]()<>]/g, '\\$&')
    .replace(/^(\s*)([#>-])/gm, '$1\\$2')
    .replace(/^(\s*\d+)\./gm, '$1\\.')
    .replace(/@(everyone|here)/g, '@\u200b$1');
}

/**
 * Shortens `text` to at most `max` code units, ending with an ellipsis at a word boundary when one is
 * near the end (within 30 % of the budget), otherwise at the last whole grapheme. Never leaves a
 * dangling escape backslash.
 */
export function truncate(text: string, max: number, ellipsis = ELLIPSIS): string {
  if (text.length <= max) return text;
  if (max <= ellipsis.length) return ellipsis.slice(0, Math.max(0, max));
  const budget = max - ellipsis.length;
  let cut = 0;
  for (const { index, segment } of segmenter.segment(text)) {
    if (index + segment.length > budget) break;
    cut = index + segment.length;
  }
  let head = text.slice(0, cut);
  // Already at a word end when the next character is a space; otherwise back up to the last one.
  const space = /\s/.test(text[cut] ?? '') ? cut : head.search(/\s\S*$/);
  if (space > budget * 0.7) head = head.slice(0, space);
  // "word, …" reads worse than "word…".
  head = head.replace(/[\s,;:\-–—]+$/, '');
  // An odd number of trailing backslashes would escape the ellipsis; drop one.
  const slashes = /\\+$/.exec(head)?.[0].length ?? 0;
  if (slashes % 2 === 1) head = head.slice(0, -1);
  return head + ellipsis;
}

/** Escapes, then truncates, so the result both renders literally and fits. */
export function safeText(text: string, max: number): string {
  const escaped = escapeMarkdown(text);
  if (escaped.length <= max) return escaped;
  // Cut the raw text, then escape: an escape sequence is never split.
  let budget = max;
  for (;;) {
    const out = escapeMarkdown(truncate(text, budget));
    if (out.length <= max || budget <= 1) return out.length <= max ? out : ELLIPSIS;
    budget -= out.length - max;
  }
}

/**
 * Escapes `text` and makes the `highlights` bold, fitting in `max` code units. Spans are relative to
 * `text`; overlapping or out-of-range spans are tolerated.
 */
export function highlight(text: string, highlights: readonly Span[], max: number): string {
  const render = (source: string, truncated: boolean): string => {
    const spans = [...highlights]
      .map((s) => ({ start: Math.max(0, s.start), end: Math.min(source.length, s.end) }))
      .filter((s) => s.end > s.start)
      .sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const s of spans) {
      if (s.start < at) continue;
      out += escapeMarkdown(source.slice(at, s.start));
      const inner = source.slice(s.start, s.end);
      // Bold markers around leading/trailing spaces do not render.
      out += inner.trim() ? `**${escapeMarkdown(inner)}**` : escapeMarkdown(inner);
      at = s.end;
    }
    out += escapeMarkdown(source.slice(at));
    return truncated ? out + ELLIPSIS : out;
  };
  const full = render(text, false);
  if (full.length <= max) return full;
  let budget = max;
  for (;;) {
    const cut = truncate(text, budget, '');
    const out = render(cut, true);
    if (out.length <= max) return out;
    if (budget <= 1) return ELLIPSIS;
    budget = Math.max(1, budget - (out.length - max));
  }
}

/** A URL safe to put in a Markdown link or a link button: http(s) only, no characters that end the link. */
export function safeUrl(
  url: string | null | undefined,
  max: number = DISCORD_LIMITS.buttonUrl,
): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const href = parsed.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return href.length <= max ? href : null;
}

/** `[label](url)` with the label escaped, or the escaped label alone when the URL is unusable. */
export function link(label: string, url: string | null | undefined, max = 200): string {
  const href = safeUrl(url, 2048);
  const text = safeText(label, max);
  return href ? `[${text}](${href})` : text;
}

/**
 * `head` then as many of `items` as fit in `max` code units, one a line, ending with `more(n)` for the
 * n left out: a long list is cut between items, never mid-line. Items must already be safe text.
 */
export function joinWithin(
  head: string,
  items: readonly string[],
  max: number,
  more: (left: number) => string = (n) => `…and ${n} more.`,
): string {
  let out = truncate(head, max);
  for (const [i, item] of items.entries()) {
    const left = items.length - i - 1;
    // Room for the "…and N more" line stays reserved until the last item.
    const reserve = left > 0 ? more(left).length + 1 : 0;
    if (out.length + 1 + item.length + reserve > max) {
      const tail = `\n${more(items.length - i)}`;
      return out.length + tail.length <= max ? out + tail : out;
    }
    out += `\n${item}`;
  }
  return out;
}
