import { isMap, isScalar } from 'yaml';
import { runNow, type Steps } from '../contract/steps.js';
import { CORPUS_LIMITS, sizeOf } from './limits.js';
import { type CorpusProblem, notice, type ProblemNotice } from './problems.js';
import { type CorpusDocument, DOCUMENT_LANGUAGES, type DocumentLanguage } from './types.js';
import { parseYaml, type YamlAliasError } from './yaml.js';

/** A document and where it is in its file. */
export interface LocatedDocument {
  document: CorpusDocument;
  /** The line it starts on: its `id:` line, its `.jsonl` line. */
  line: number;
  /** The line its `text` starts on (for a `.jsonl` document, its line: the text was a JSON string). */
  textLine: number;
}

/** What parsing one file gives: the documents it holds and what is wrong with it. */
export interface ParsedFile {
  documents: LocatedDocument[];
  problems: CorpusProblem[];
}

/** File endings the corpus reads documents from. */
export const DOCUMENT_EXTENSIONS = ['.md', '.txt', '.jsonl'] as const;
export type DocumentExtension = (typeof DOCUMENT_EXTENSIONS)[number];

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MARKDOWN_FIELDS = new Set(['id', 'title', 'url', 'published', 'publisher', 'kind', 'lang']);
const JSONL_FIELDS = new Set([
  'id',
  '_id',
  'title',
  'text',
  'url',
  'published',
  'publisher',
  'kind',
  'lang',
  'metadata',
]);

/** Checks an id, returning the problem, or null. */
export function checkId(id: string): ProblemNotice | null {
  if (ID_PATTERN.test(id)) return null;
  return notice('problem.badId', { id: shown(id) });
}

/** A document id derived from a file name: `My Notes.txt` → `my-notes`. */
export function idFromFileName(file: string): string {
  const base = file.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** A value as it is quoted in a problem: JSON, cut short (a hostile value may be megabytes long). */
function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 80 ? `${json.slice(0, 79)}…` : json;
}

/** Longest link a document may have: browsers and Discord embeds stop well before. */
const MAX_URL_CHARS = 2048;

/** Reports a problem with one field. */
type FieldProblem = (field: string, problem: ProblemNotice) => void;

/** Validates the optional metadata shared by Markdown front matter and JSONL records. */
function checkOptionalMeta(record: Record<string, unknown>, problem: FieldProblem): void {
  const { url, published, publisher, kind, lang } = record;
  if (lang !== undefined && lang !== null && !isLanguage(lang)) {
    problem('lang', notice('problem.badLang', { langs: DOCUMENT_LANGUAGES.join(', '), got: shown(lang) }));
  }
  if (
    url !== undefined &&
    url !== null &&
    (typeof url !== 'string' || url.length > MAX_URL_CHARS || !isHttpUrl(url))
  ) {
    problem('url', notice('problem.badUrl', { got: shown(url) }));
  }
  if (published !== undefined && published !== null) {
    if (
      typeof published !== 'string' ||
      !DATE_PATTERN.test(published) ||
      Number.isNaN(Date.parse(published))
    ) {
      problem('published', notice('problem.badDate', { got: shown(published) }));
    }
  }
  if (publisher !== undefined && publisher !== null && typeof publisher !== 'string') {
    problem('publisher', notice('problem.mustBeText', { field: 'publisher', got: shown(publisher) }));
  }
  if (kind !== undefined && (typeof kind !== 'string' || !/^[a-z][a-z0-9-]*$/.test(kind))) {
    problem('kind', notice('problem.badKind', { got: shown(kind) }));
  }
}

function isLanguage(value: unknown): value is DocumentLanguage {
  return (DOCUMENT_LANGUAGES as readonly unknown[]).includes(value);
}

/** The `lang` field, once checked: absent unless given. */
function languageOf(value: unknown): { lang?: DocumentLanguage } {
  return isLanguage(value) ? { lang: value } : {};
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/**
 * Moderators write `title: Saltpan Horizon: a six-month study` as they would anywhere; strict YAML reads the
 * second ": " as a nested mapping and refuses the file. A front-matter field's plain value holding ": " is
 * one text, as meant: it is quoted for a second parse (same lines) when the first fails, and what still fails
 * is reported from that second parse, so a title with a colon is never named as the problem.
 */
function quoteColonValues(yamlText: string): string {
  // Line by line with indexOf: a regular expression here backtracks quadratically on a long line of spaces.
  return yamlText
    .split('\n')
    .map((line) => {
      const field = /^([a-z]+):[ \t]+/.exec(line);
      if (!field?.[1] || !MARKDOWN_FIELDS.has(field[1])) return line;
      const cr = line.endsWith('\r') ? '\r' : '';
      const value = line.slice(field[0].length, line.length - cr.length).trimEnd();
      if (/^["'[{|>&*!#]/.test(value) || !/:[ \t]/.test(value)) return line;
      return `${field[1]}: ${JSON.stringify(value)}${cr}`;
    })
    .join('\n');
}

/**
 * A Markdown document: a front-matter block between `---` lines (`id`, `title`, `kind` required; `url`,
 * `published`, `publisher` optional), then the body, kept byte for byte.
 */
export function parseMarkdown(file: string, content: string): ParsedFile {
  const problems: CorpusProblem[] = [];
  const problem = (what: ProblemNotice, line = 1) => problems.push({ file, line, ...what });
  const open = /^---\r?\n/.exec(content);
  if (!open) {
    problem(notice('problem.noFrontMatter'));
    return { documents: [], problems };
  }
  const close = /^---[ \t]*(\r?\n|$)/m.exec(content.slice(open[0].length));
  if (!close) {
    problem(notice('problem.frontMatterOpen'));
    return { documents: [], problems };
  }
  const yamlText = content.slice(open[0].length, open[0].length + close.index);
  const bodyStart = open[0].length + close.index + close[0].length;
  if (yamlText.length > CORPUS_LIMITS.frontMatterBytes) {
    problem(notice('problem.frontMatterTooLong', { max: sizeOf(CORPUS_LIMITS.frontMatterBytes) }));
    return { documents: [], problems };
  }
  // Front-matter line N is file line N + 1 (the opening "---" is line 1).
  let parsed = parseYaml(yamlText);
  if ('problems' in parsed) parsed = parseYaml(quoteColonValues(yamlText));
  if ('problems' in parsed) {
    for (const p of parsed.problems)
      problem(notice('problem.frontMatter', { problem: p.notice }), p.line + 1);
    return { documents: [], problems };
  }
  const lineOf = (offset: number | undefined) => parsed.lineOf(offset) + 1;
  const contents = parsed.doc.contents;
  if (!isMap(contents)) {
    problem(notice('problem.frontMatterNotMap'));
    return { documents: [], problems };
  }
  const lineOfKey = new Map<string, number>();
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    lineOfKey.set(key, lineOf(isScalar(pair.key) ? pair.key.range?.[0] : undefined));
  }
  let meta: Record<string, unknown>;
  try {
    meta = parsed.toJS(parsed.doc) as Record<string, unknown>;
  } catch (err) {
    problem(notice('problem.frontMatter', { problem: (err as YamlAliasError).notice }), 2);
    return { documents: [], problems };
  }
  for (const key of Object.keys(meta)) {
    if (!MARKDOWN_FIELDS.has(key)) {
      problem(
        notice('problem.unknownFrontMatterField', { field: key, expected: [...MARKDOWN_FIELDS].join(', ') }),
        lineOfKey.get(key),
      );
    }
  }
  const fieldProblem: FieldProblem = (field, what) => problem(what, lineOfKey.get(field));
  for (const key of ['id', 'title', 'kind']) {
    const value = meta[key];
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      problem(notice('problem.missingField', { field: key }));
    } else if (typeof value !== 'string' && !(key === 'id' && typeof value === 'number')) {
      fieldProblem(key, notice('problem.mustBeText', { field: key, got: shown(value) }));
    }
  }
  if (meta.id !== undefined && meta.id !== null) {
    const idProblem = checkId(String(meta.id));
    if (idProblem) fieldProblem('id', notice('problem.idField', { problem: idProblem }));
  }
  checkOptionalMeta(meta, fieldProblem);
  if (content.slice(bodyStart).trim() === '') problem(notice('problem.noBody'));
  if (problems.length > 0) return { documents: [], problems };
  return {
    documents: [
      {
        line: lineOfKey.get('id') ?? 1,
        textLine: lineAt(content, bodyStart),
        document: {
          id: String(meta.id),
          title: String(meta.title).trim(),
          kind: String(meta.kind),
          url: optionalString(meta.url),
          published: optionalString(meta.published),
          publisher: optionalString(meta.publisher),
          ...languageOf(meta.lang),
          file,
          text: content.slice(bodyStart),
          bodyStart: 0,
        },
      },
    ],
    problems,
  };
}

/** The 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** A plain-text document: its first non-blank line is the title, the rest the body; the id is the file name. */
export function parseText(file: string, content: string): ParsedFile {
  const id = idFromFileName(file);
  const idProblem = checkId(id);
  if (idProblem)
    return {
      documents: [],
      problems: [{ file, ...notice('problem.idFromFileName', { problem: idProblem }) }],
    };
  const titleMatch = /^\s*(\S[^\n]*)(\n|$)/.exec(content);
  if (!titleMatch?.[1])
    return { documents: [], problems: [{ file, line: 1, ...notice('problem.emptyFile') }] };
  const bodyStart = titleMatch[0].length;
  if (content.slice(bodyStart).trim() === '') {
    return {
      documents: [],
      problems: [{ file, line: 1, ...notice('problem.titleOnly') }],
    };
  }
  const title = titleMatch[1].trim();
  return {
    documents: [
      {
        line: 1,
        textLine: 1,
        document: {
          id,
          title,
          kind: 'document',
          url: null,
          published: null,
          publisher: null,
          file,
          text: content,
          bodyStart,
        },
      },
    ],
    problems: [],
  };
}

/**
 * Bulk documents, one JSON object a line: `id` or `_id`, `title`, `text`, optional `url`, `published`,
 * `publisher`, `kind`. Blank lines are skipped; each broken line is reported with its number.
 */
export function parseJsonl(file: string, content: string): ParsedFile {
  return runNow(jsonlSteps(file, content));
}

/**
 * {@link parseJsonl} as steps, one line each: a bulk file of thousands of documents (see `steps.ts`). Given
 * the file's bytes, each line is decoded on its own, so a 50 MB file is never one string (joining one takes
 * a third of a second, all at once).
 */
export function* jsonlSteps(file: string, content: string | Uint8Array): Steps<ParsedFile> {
  const documents: LocatedDocument[] = [];
  const problems: CorpusProblem[] = [];
  const lineOfId = new Map<string, number>();
  for (const [index, raw] of linesOf(content)) {
    yield;
    const line = index + 1;
    const problem = (what: ProblemNotice) => problems.push({ file, line, ...what });
    if (raw === TOO_LONG) {
      problem(notice('problem.lineTooBig', { max: sizeOf(CORPUS_LIMITS.documentBytes) }));
      continue;
    }
    if (raw === null) {
      problem(notice('problem.lineNotUtf8'));
      continue;
    }
    if (raw.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch (err) {
      problem(notice('problem.notJson', { reason: (err as Error).message }));
      continue;
    }
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      problem(notice('problem.notObject', { example: '{"id": "…", "title": "…", "text": "…"}' }));
      continue;
    }
    const fields = record as Record<string, unknown>;
    const before = problems.length;
    const unknown = Object.keys(fields).filter((key) => !JSONL_FIELDS.has(key));
    if (unknown.length > 0) {
      const names = unknown.map((k) => `"${k}"`).join(', ');
      problem(
        notice(unknown.length > 1 ? 'problem.unknownFields' : 'problem.unknownField', { fields: names }),
      );
    }
    const rawId = fields.id ?? fields._id;
    if (rawId === undefined || rawId === null || rawId === '') problem(notice('problem.missingId'));
    else if (typeof rawId !== 'string' && typeof rawId !== 'number') problem(notice('problem.idType'));
    else {
      const idProblem = checkId(String(rawId));
      if (idProblem) problem(idProblem);
    }
    if (typeof fields.title !== 'string') problem(notice('problem.fieldNotText', { field: 'title' }));
    if (typeof fields.text !== 'string' || fields.text.trim() === '') problem(notice('problem.textEmpty'));
    checkOptionalMeta(fields, (_field, what) => problem(what));
    const id = String(rawId);
    const first = lineOfId.get(id);
    if (first !== undefined && problems.length === before)
      problem(notice('problem.idUsedOnLine', { id, line: first }));
    if (problems.length > before) continue;
    lineOfId.set(id, line);
    documents.push({
      line,
      textLine: line,
      document: {
        id,
        title: (fields.title as string).trim() || String(rawId),
        kind: typeof fields.kind === 'string' ? fields.kind : 'document',
        url: optionalString(fields.url),
        published: optionalString(fields.published),
        publisher: optionalString(fields.publisher),
        ...languageOf(fields.lang),
        file,
        text: fields.text as string,
        bodyStart: 0,
      },
    });
  }
  return { documents, problems };
}

/** A line over the document limit, left undecoded. */
const TOO_LONG = Symbol('too long');

/**
 * The lines of a text, or of UTF-8 bytes decoded a line at a time (`null` for a line that is not UTF-8,
 * {@link TOO_LONG} for one longer than a document may be).
 */
function* linesOf(content: string | Uint8Array): Generator<[number, string | null | typeof TOO_LONG]> {
  const isText = typeof content === 'string';
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let index = 0;
  for (let start = 0; start <= content.length; index++) {
    let end = isText ? content.indexOf('\n', start) : content.indexOf(0x0a, start);
    if (end < 0) end = content.length;
    if (end - start > CORPUS_LIMITS.documentBytes) yield [index, TOO_LONG];
    else if (isText) {
      const line = content.slice(start, end);
      yield [index, index === 0 ? line.replace(/^\uFEFF/, '') : line];
    } else {
      try {
        // A newline byte never occurs inside a multi-byte UTF-8 character, so lines decode on their own.
        yield [index, decoder.decode(content.subarray(start, end))];
      } catch {
        yield [index, null];
      }
    }
    start = end + 1;
  }
}

/** The file endings documents are read from, and the parser of each. The only such table. */
export const DOCUMENT_PARSERS: Record<DocumentExtension, (file: string, content: string) => ParsedFile> = {
  '.md': parseMarkdown,
  '.txt': parseText,
  '.jsonl': parseJsonl,
};
