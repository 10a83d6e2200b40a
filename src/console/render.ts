import type { AskResult, Citation, QuoteResult, SourceInfo, Span } from '../contract/types.js';
import type { Messages } from '../messages/messages.js';

/** How emphasis looks: ANSI bold on a terminal, plain text in a pipe. */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
}

export const ANSI: Style = { bold: (t) => `\x1b[1m${t}\x1b[22m`, dim: (t) => `\x1b[2m${t}\x1b[22m` };
export const PLAIN: Style = { bold: (t) => t, dim: (t) => t };

/** `text` with the `highlights` spans emphasized. */
export function emphasize(text: string, highlights: Span[], style: Style): string {
  let out = '';
  let at = 0;
  for (const h of [...highlights].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    out += text.slice(at, h.start) + style.bold(text.slice(h.start, h.end));
    at = h.end;
  }
  return out + text.slice(at);
}

/** "Title, paragraph 3 — https://…" (in the reader's language; the title as published). */
export function formatCitation(m: Messages, citation: Citation): string {
  const where = m.t('console.citation', { title: citation.title, paragraph: citation.paragraph });
  return citation.url ? `${where} — ${citation.url}` : where;
}

export function renderAsk(m: Messages, result: AskResult, style: Style): string {
  const lines: string[] = [];
  if (result.answer) {
    const sentence = emphasize(result.answer.text, result.answer.highlights, style);
    const head = result.answer.closest ? 'console.closestAnswer' : 'console.answer';
    // The short answer ("January 13th") leads when the question asks for one; then the sentence it is from.
    if (result.answer.short) {
      lines.push(m.t(head, { text: style.bold(result.answer.short.text) }), `  ${sentence}`);
    } else {
      lines.push(m.t(head, { text: sentence }));
    }
    lines.push(`  (${formatCitation(m, result.answer.citation)})`);
  } else {
    lines.push(m.t('console.notCovered'));
    if (result.suggestions.length > 0) {
      lines.push(m.t('console.covers'));
      for (const topic of result.suggestions) lines.push(`  - ${topic}`);
    }
  }
  // A source that is the answer sentence itself, at the same place, would repeat the lines above it.
  const answer = result.answer;
  const sources = result.passages.filter(
    (p) => !answer || p.text !== answer.text || p.citation.start !== answer.citation.start,
  );
  if (sources.length > 0) {
    lines.push('', answer ? m.t('console.sources') : m.t('console.closest'));
    sources.forEach((p, i) => {
      lines.push(`${i + 1}. ${formatCitation(m, p.citation)}`);
      lines.push(`   ${emphasize(p.text, p.highlights, style)}`);
    });
  }
  lines.push('', style.dim(m.t('console.version', { version: result.version })));
  return lines.join('\n');
}

export function renderQuote(m: Messages, result: QuoteResult, style: Style): string {
  const lines: string[] = [];
  if (result.speaker) {
    const who = result.speaker.title
      ? `${result.speaker.name} (${result.speaker.title})`
      : result.speaker.name;
    lines.push(m.count('console.quotes', result.quotes.length, { who: style.bold(who) }));
    result.quotes.forEach((q, i) => {
      lines.push(`${i + 1}. ${q.text}`);
      lines.push(`   (${formatCitation(m, q.citation)})`);
    });
  } else if (result.known) {
    lines.push(m.t('console.neverQuoted', { query: result.query }));
  } else {
    lines.push(m.t('console.nobody', { query: result.query }));
  }
  if (result.suggestions.length > 0) {
    lines.push(m.t('console.quotedSpeakers', { names: result.suggestions.join(', ') }));
  }
  return lines.join('\n');
}

export function renderSources(m: Messages, sources: SourceInfo[], version: string, style: Style): string {
  const lines = [m.count('console.documents', sources.length, { version })];
  for (const s of sources) {
    lines.push(
      m.t('console.source', {
        title: style.bold(s.title),
        kind: s.kind,
        date: s.published ? `, ${s.published}` : '',
        passages: s.passages,
        url: s.url ? ` — ${s.url}` : '',
      }),
    );
  }
  return lines.join('\n');
}
