import { isMap, isSeq } from 'yaml';
import { hasJapanese } from '../text/japanese.js';
import { type CorpusProblem, notice, type ProblemNotice } from './problems.js';
import type { GlossaryEntry, SpeakerEntry } from './types.js';
import { parseYaml, type YamlAliasError } from './yaml.js';

/** The register files a corpus folder may hold beside its documents. */
export const SPEAKERS_FILE = 'speakers.yaml';
export const GLOSSARY_FILE = 'glossary.yaml';
export const JAPANESE_FILE = 'japanese.yaml';

interface Parsed<T> {
  entries: T[];
  problems: CorpusProblem[];
}

/** Parses a YAML file whose top level is `<listKey>:` followed by a list of mappings. */
function parseList(
  file: string,
  content: string,
  listKey: string,
  readEntry: (entry: Record<string, unknown>, problem: EntryProblem) => void,
): CorpusProblem[] {
  const problems: CorpusProblem[] = [];
  const parsed = parseYaml(content);
  if ('problems' in parsed) {
    for (const { line, notice: what } of parsed.problems)
      problems.push({ file, line, ...notice('problem.registryFile', { problem: what }) });
    return problems;
  }
  const { doc, lineOf } = parsed;
  const root = doc.contents;
  const list = isMap(root) ? root.get(listKey, true) : undefined;
  if (!isSeq(list)) {
    problems.push({
      file,
      line: 1,
      ...notice('problem.registryList', { key: listKey }),
    });
    return problems;
  }
  list.items.forEach((item, index) => {
    const line = lineOf((item as { range?: [number] }).range?.[0]);
    const problem: EntryProblem = (what) =>
      problems.push({ file, line, ...notice('problem.entry', { index: index + 1, problem: what }) });
    if (!isMap(item)) {
      problem(notice('problem.entryNotMap'));
      return;
    }
    let entry: Record<string, unknown>;
    try {
      entry = parsed.toJS(item) as Record<string, unknown>;
    } catch (err) {
      problem(notice('problem.entryYaml', { problem: (err as YamlAliasError).notice }));
      return;
    }
    readEntry(entry, problem);
  });
  return problems;
}

/** Reports a problem with one entry of a register. */
type EntryProblem = (problem: ProblemNotice) => void;

function checkKeys(entry: Record<string, unknown>, allowed: string[], problem: EntryProblem): void {
  for (const key of Object.keys(entry)) {
    if (!allowed.includes(key))
      problem(notice('problem.unknownEntryField', { field: key, expected: allowed.join(', ') }));
  }
}

/** The problem of a missing or empty required field. */
const required = (field: string) => notice('problem.required', { field });

function stringList(value: unknown, field: string, problem: EntryProblem): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || v.trim() === '')) {
    problem(notice('problem.listOfTexts', { field }));
    return [];
  }
  return value.map((v: string) => v.trim());
}

/**
 * `speakers.yaml`: `speakers:` then a list of `{ name, title?, aliases? }`. Aliases are other spellings,
 * name orders and titles users may type ("Taro Yamada", "Prime Minister", "PM").
 */
export function parseSpeakers(file: string, content: string): Parsed<SpeakerEntry> {
  const entries: SpeakerEntry[] = [];
  const problems = parseList(file, content, 'speakers', (entry, problem) => {
    checkKeys(entry, ['name', 'title', 'aliases'], problem);
    const { name, title } = entry;
    if (typeof name !== 'string' || name.trim() === '') return problem(required('name'));
    if (title !== undefined && title !== null && typeof title !== 'string')
      return problem(notice('problem.fieldNotText', { field: 'title' }));
    entries.push({
      name: name.trim(),
      title: typeof title === 'string' && title.trim() ? title.trim() : null,
      aliases: stringList(entry.aliases, 'aliases', problem),
    });
  });
  return { entries, problems };
}

/**
 * `glossary.yaml`: `terms:` then a list of `{ text, typed, both? }`: what users type (`typed`) and what the
 * corpus says (`text`). With `both: true` the corpus wording also expands to the typed ones (WHO ↔ World
 * Health Organization).
 */
export function parseGlossary(file: string, content: string): Parsed<GlossaryEntry> {
  const entries: GlossaryEntry[] = [];
  const problems = parseList(file, content, 'terms', (entry, problem) => {
    checkKeys(entry, ['text', 'typed', 'both'], problem);
    const { text, both } = entry;
    if (typeof text !== 'string' || text.trim() === '') return problem(required('text'));
    const typed = stringList(entry.typed, 'typed', problem);
    if (typed.length === 0) return problem(notice('problem.typedEmpty'));
    if (both !== undefined && typeof both !== 'boolean') return problem(notice('problem.bothNotBoolean'));
    entries.push({ text: text.trim(), typed, both: both === true });
  });
  return { entries, problems };
}

/**
 * `japanese.yaml`, the bilingual register: `terms:` then a list of `{ text, ja }`: Japanese wordings users type
 * (`ja`) and what the corpus says (`text`), so that Japanese questions find English documents (協定 → agreement).
 * Read as glossary entries.
 */
export function parseJapanese(file: string, content: string): Parsed<GlossaryEntry> {
  const entries: GlossaryEntry[] = [];
  const problems = parseList(file, content, 'terms', (entry, problem) => {
    checkKeys(entry, ['text', 'ja'], problem);
    const { text } = entry;
    if (typeof text !== 'string' || text.trim() === '') return problem(required('text'));
    const ja = stringList(entry.ja, 'ja', problem);
    if (ja.length === 0) return problem(notice('problem.jaEmpty'));
    const english = ja.filter((wording) => !hasJapanese(wording));
    if (english.length > 0)
      return problem(
        notice('problem.jaNotJapanese', { wording: JSON.stringify(english[0]), file: GLOSSARY_FILE }),
      );
    entries.push({ text: text.trim(), typed: ja, both: false });
  });
  return { entries, problems };
}
