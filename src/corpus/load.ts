import { extname } from 'node:path';
import { runInSlices } from '../contract/steps.js';
import { CORPUS_LIMITS } from './limits.js';
import { CorpusError, type CorpusProblem, notice } from './problems.js';
import { listCorpusFolder, readCorpusFile } from './read.js';
import type { Corpus, CorpusDocument, GlossaryEntry, Passage, SpeakerEntry } from './types.js';
import { type CheckedDocument, checkFileSteps } from './validate.js';

/** A corpus as far as it loaded, and every problem found on the way. */
export interface LoadResult {
  corpus: Corpus;
  problems: CorpusProblem[];
}

/** How a load settles what the folder alone cannot. */
export interface LoadOptions {
  /**
   * The file each live document id came from (the running corpus, or the manifest the last run saved).
   * When two files hold the same id, the one it came from keeps it and the newcomer is refused; without an
   * owner, the file modified first keeps it.
   */
  owners?: ReadonlyMap<string, string>;
}

/**
 * Loads every document and register file directly inside `dir` (hidden files and folders such as `.trash/`
 * are skipped) and splits the documents into passages. Broken files, and anything that is not a regular
 * file inside the folder, are left out and reported; use {@link loadCorpusStrict} where one broken file must
 * stop everything. Never throws.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const listing = await listCorpusFolder(dir);
  if ('problem' in listing) return { corpus: emptyCorpus(), problems: [listing.problem] };
  const problems: CorpusProblem[] = listing.problems;
  const found: { file: string; modified: number; checked: CheckedDocument }[] = [];
  let speakers: SpeakerEntry[] = [];
  let glossary: GlossaryEntry[] = [];
  for (const name of listing.names) {
    const limit =
      extname(name).toLowerCase() === '.jsonl' ? CORPUS_LIMITS.fileBytes : CORPUS_LIMITS.documentBytes;
    const read = await readCorpusFile(listing.realDir, name, limit);
    if ('problem' in read) {
      problems.push(read.problem);
      continue;
    }
    const checked = await runInSlices(checkFileSteps(name, read.bytes));
    for (const problem of checked.problems) problems.push(problem);
    if (checked.speakers) speakers = checked.speakers;
    // glossary.yaml and japanese.yaml both hold glossary entries.
    if (checked.glossary) glossary = [...glossary, ...checked.glossary];
    for (const document of checked.documents)
      found.push({ file: name, modified: read.stats.mtimeMs, checked: document });
  }

  // Each id once: its owner's file keeps it, else the file modified first (then the first by name).
  const holder = new Map<string, { file: string; modified: number }>();
  for (const { file, modified, checked } of found) {
    const id = checked.document.id;
    const current = holder.get(id);
    const owner = options.owners?.get(id);
    const before = (a: { file: string; modified: number }, b: { file: string; modified: number }) =>
      (a.file === owner) !== (b.file === owner) ? a.file === owner : a.modified < b.modified;
    if (current === undefined || before({ file, modified }, current)) holder.set(id, { file, modified });
  }
  const documents: CorpusDocument[] = [];
  const passages: Passage[] = [];
  for (const { file, checked } of found) {
    const id = checked.document.id;
    const keeper = holder.get(id)?.file;
    if (keeper !== file) {
      problems.push({
        file,
        line: checked.line,
        ...notice('problem.idUsedBy', { id, file: keeper ?? '' }),
      });
      continue;
    }
    documents.push(checked.document);
    // One by one: spreading a document's passages into `push` overflows the stack past ~100k.
    for (const passage of checked.passages) passages.push(passage);
  }
  return { corpus: { documents, passages, speakers, glossary }, problems };
}

/** Loads `dir` all or nothing: throws a {@link CorpusError} listing every problem if any file is broken. */
export async function loadCorpusStrict(dir: string, options: LoadOptions = {}): Promise<Corpus> {
  const { corpus, problems } = await loadCorpus(dir, options);
  if (problems.length > 0) throw new CorpusError(problems);
  return corpus;
}

function emptyCorpus(): Corpus {
  return { documents: [], passages: [], speakers: [], glossary: [] };
}
