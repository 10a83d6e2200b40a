import type { AskResult, Citation, QuoteResult, SourceInfo, Span } from '../contract/types.js';

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

/** "Title, paragraph 3 — https://…" */
export function formatCitation(citation: Citation): string {
  const where = `${citation.title}, paragraph ${citation.paragraph}`;
  return citation.url ? `${where} — ${citation.url}` : where;
}

export function renderAsk(result: AskResult, style: Style): string {
  const lines: string[] = [];
  if (result.answer) {
    const sentence = emphasize(result.answer.text, result.answer.highlights, style);
    // The short answer ("January 13th") leads when the question asks for one; then the sentence it is from.
    if (result.answer.short) lines.push(`Answer: ${style.bold(result.answer.short.text)}`, `  ${sentence}`);
    else lines.push(`Answer: ${sentence}`);
    lines.push(`  (${formatCitation(result.answer.citation)})`);
  } else {
    lines.push('The corpus does not cover that question.');
    if (result.suggestions.length > 0) {
      lines.push('It does cover, for example:');
      for (const topic of result.suggestions) lines.push(`  - ${topic}`);
    }
  }
  if (result.passages.length > 0) {
    lines.push('', result.answer ? 'Sources:' : 'Closest passages:');
    result.passages.forEach((p, i) => {
      lines.push(`${i + 1}. ${formatCitation(p.citation)}`);
      lines.push(`   ${emphasize(p.text, p.highlights, style)}`);
    });
  }
  lines.push('', style.dim(`corpus ${result.version}`));
  return lines.join('\n');
}

export function renderQuote(result: QuoteResult, style: Style): string {
  const lines: string[] = [];
  if (result.speaker) {
    const who = result.speaker.title
      ? `${result.speaker.name} (${result.speaker.title})`
      : result.speaker.name;
    lines.push(`${style.bold(who)}: ${result.quotes.length} quote${result.quotes.length === 1 ? '' : 's'}`);
    result.quotes.forEach((q, i) => {
      lines.push(`${i + 1}. ${q.text}`);
      lines.push(`   (${formatCitation(q.citation)})`);
    });
  } else if (result.known) {
    lines.push(`"${result.query}" appears in the corpus but is never quoted.`);
  } else {
    lines.push(`No one called "${result.query}" is quoted in the corpus.`);
  }
  if (result.suggestions.length > 0) lines.push(`Quoted speakers: ${result.suggestions.join(', ')}`);
  return lines.join('\n');
}

export function renderSources(sources: SourceInfo[], version: string, style: Style): string {
  const lines = [`${sources.length} document${sources.length === 1 ? '' : 's'} in the corpus (${version}):`];
  for (const s of sources) {
    const date = s.published ? `, ${s.published}` : '';
    lines.push(
      `- ${style.bold(s.title)} [${s.kind}${date}] ${s.passages} passages${s.url ? ` — ${s.url}` : ''}`,
    );
  }
  return lines.join('\n');
}
