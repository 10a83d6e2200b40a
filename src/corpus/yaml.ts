/**
 * YAML within the corpus limits: front matter and register files are parsed only after a cheap scan shows
 * they cannot be nested deep enough to exhaust the parser (thousands of `[` make it run out of memory, a
 * fatal error no `try` catches), then checked for depth and aliases, then converted with an alias budget
 * (an "alias bomb" expands exponentially). Every failure is a problem on a line, never an exception.
 */
import { type Document, isAlias, isCollection, isPair, LineCounter, type Node, parseDocument } from 'yaml';
import { CORPUS_LIMITS } from './limits.js';
import { notice, type ProblemNotice, yamlMessage } from './problems.js';

/**
 * A problem in a YAML text, on a line of that text (1-based). Its notice has no subject ("is not valid
 * YAML: …"): the caller names what was read ("front matter", "the file").
 */
export interface YamlProblem {
  line: number;
  notice: ProblemNotice;
}

/** Thrown by {@link ParsedYaml.toJS}: the aliases expand too far; `notice` is worded as a {@link YamlProblem}. */
export class YamlAliasError extends Error {
  override name = 'YamlAliasError';
  constructor(readonly notice: ProblemNotice) {
    super(notice.code);
  }
}

/** A parsed YAML text whose nesting and aliases are within the limits. */
export interface ParsedYaml {
  doc: Document.Parsed;
  /** The 1-based line of an offset into the text. */
  lineOf(offset: number | undefined): number;
  /** A node as plain JavaScript, aliases resolved within the budget; throws a {@link YamlAliasError}. */
  toJS(node: unknown): unknown;
}

/**
 * How deep `text` could nest, at most: per line its indentation, its block indicators and the open flow
 * brackets. An overestimate (it does not skip quoted text) only ever refuses a file that nests absurdly.
 */
function nestingBound(text: string): { depth: number; line: number } {
  let flow = 0;
  let worst = { depth: 0, line: 1 };
  let line = 1;
  let lineDepth = 0;
  let atIndent = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x0a) {
      line++;
      lineDepth = 0;
      atIndent = true;
      continue;
    }
    if (atIndent && ch === 0x20) lineDepth++;
    else atIndent = false;
    if (ch === 0x5b || ch === 0x7b)
      flow++; // [ {
    else if ((ch === 0x5d || ch === 0x7d) && flow > 0)
      flow--; // ] }
    else if (ch === 0x2d || ch === 0x3f || ch === 0x3a) lineDepth++; // - ? :
    if (lineDepth + flow > worst.depth) worst = { depth: lineDepth + flow, line };
  }
  return worst;
}

/** Nesting the parser is safe with; past it the text is refused unparsed. The real limit is checked after. */
const PARSER_SAFE_DEPTH = 1_000;

/**
 * Parses `text` (a whole register file, or a front-matter block) within {@link CORPUS_LIMITS}: returns the
 * document, or the problems (syntax errors, too deep, too many aliases), each on a line of `text`.
 */
export function parseYaml(text: string): ParsedYaml | { problems: YamlProblem[] } {
  const { yamlDepth, yamlAliases } = CORPUS_LIMITS;
  const tooDeep = (line: number) => ({
    problems: [{ line, notice: notice('yaml.tooDeep', { max: yamlDepth }) }],
  });
  const bound = nestingBound(text);
  if (bound.depth > PARSER_SAFE_DEPTH) return tooDeep(bound.line);
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  } catch (err) {
    return {
      problems: [{ line: 1, notice: notice('yaml.unreadable', { reason: (err as Error).message }) }],
    };
  }
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => ({
        line: lineOf(error.pos[0]),
        notice: notice('yaml.invalid', { reason: yamlMessage(error.message) }),
      })),
    };
  }
  // Depth and aliases, walked with a stack of our own (yaml's `visit` recurses).
  let aliases = 0;
  const pending: [unknown, number][] = [[doc.contents, 1]];
  while (pending.length > 0) {
    const [node, depth] = pending.pop() as [unknown, number];
    if (isAlias(node)) {
      if (++aliases > yamlAliases) {
        return {
          problems: [
            {
              line: lineOf(node.range?.[0]),
              notice: notice('yaml.tooManyAliases', { max: yamlAliases }),
            },
          ],
        };
      }
    } else if (isCollection(node)) {
      if (depth > yamlDepth) return tooDeep(lineOf(node.range?.[0]));
      // Last item first: the stack then gives them back in file order (an alias is reported where it is).
      for (let i = node.items.length - 1; i >= 0; i--) {
        const item = node.items[i];
        if (isPair(item)) pending.push([item.value, depth + 1], [item.key, depth + 1]);
        else pending.push([item, depth + 1]);
      }
    }
  }
  return {
    doc,
    lineOf,
    toJS(node) {
      try {
        return node === doc
          ? doc.toJS({ maxAliasCount: yamlAliases })
          : (node as Node).toJS(doc, { maxAliasCount: yamlAliases });
      } catch (err) {
        // yaml's own guard against exponential expansion ("Excessive alias count …").
        throw new YamlAliasError(notice('yaml.aliasesExpand', { reason: (err as Error).message }));
      }
    },
  };
}
