/**
 * Document administration on a corpus folder: add (validated, atomic), remove into `.trash/`, restore, and
 * listings for autocomplete. These functions touch files only; `CorpusService` runs them one at a time and
 * reloads afterwards (undoing the file change if the reload fails). The loader skips dot-names, so neither
 * `.trash/` nor the temporary `.upload-*` files are ever read as documents.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { type Notice, UserInputError } from '../contract/types.js';
import { checkId, DOCUMENT_EXTENSIONS, type DocumentExtension, idFromFileName } from './formats.js';
import { CORPUS_LIMITS, sizeOf } from './limits.js';
import { loadCorpus } from './load.js';
import { type CorpusProblem, countProblems, type ProblemCode } from './problems.js';
import { readCorpusFile } from './read.js';
import type { Corpus, CorpusDocument } from './types.js';
import { checkFile } from './validate.js';

/** Where removed documents go, inside the corpus folder. */
export const TRASH_DIR = '.trash';
/** Default upload limit: 1 MB. */
export const DEFAULT_MAX_UPLOAD_BYTES = 1024 * 1024;

/** The codes corpus changes are refused with: each is a message of the catalogue (src/messages). */
export type AdminCode =
  | 'admin.badName'
  | 'admin.notDocument'
  | 'admin.tooLarge'
  | 'admin.badStem'
  | 'admin.exists'
  | 'admin.existsMany'
  | 'admin.holderShared'
  | 'admin.nameTaken'
  | 'admin.notAdded'
  | 'admin.noDocuments'
  | 'admin.unknownDocument'
  | 'admin.sharesFile'
  | 'admin.notInTrash'
  | 'admin.versionNotInTrash'
  | 'admin.restoreShared'
  | 'admin.restoreNameTaken';

/**
 * A refused corpus change: `notice` says why (the adapters word it in the moderator's language), and
 * `problems` holds the file's validation problems when that is why. `message` is for logs and the audit
 * trail: the code and its values.
 */
export class AdminError extends UserInputError {
  override name = 'AdminError';
  constructor(
    readonly notice: Notice,
    readonly problems: CorpusProblem[] = [],
  ) {
    super(`${notice.code} ${JSON.stringify(notice.values ?? {})}`);
  }
}

/** An {@link AdminError} of this module. */
function refused(
  code: AdminCode,
  values: Notice<AdminCode | ProblemCode>['values'],
  problems: CorpusProblem[] = [],
): AdminError {
  return new AdminError({ code, values }, problems);
}

/** Ids as refusals list them: `"a", "b"`. */
const quotedIds = (ids: readonly { id: string }[]) => ids.map((d) => `"${d.id}"`).join(', ');

/** A document as listed for moderators. */
export interface DocumentEntry {
  id: string;
  title: string;
  /** File holding it, relative to the corpus folder. */
  file: string;
}

/** Why a file went to the trash: removed by a moderator, or replaced by an upload or a restore. */
export type TrashReason = 'removed' | 'replaced';

/** A file in `.trash/`. */
export interface TrashedFile {
  /**
   * Name inside `.trash/`: `<UTC timestamp>[~n][+replaced]-<file>`, so nothing there is ever overwritten and
   * the name says when and why.
   */
  trashFile: string;
  /** The timestamp part of the name (with `~n`): which version of a file this is, unique in the trash. */
  version: string;
  reason: TrashReason;
  /** The name it had (and gets back) in the corpus folder. */
  file: string;
  /** When it was removed, ISO 8601. */
  removedAt: string;
  /** The documents it holds (empty when it no longer parses). */
  documents: { id: string; title: string }[];
}

/** What {@link addDocument} wrote. */
export interface AddedDocument {
  /** Stored file name in the corpus folder: the document id and the extension. */
  file: string;
  /** Ids of the documents it holds. */
  ids: string[];
  bytes: number;
  /** Files it replaced, now in `.trash/`. */
  replaced: TrashedFile[];
}

/** What {@link restoreDocument} brought back. */
export interface RestoredDocument {
  file: string;
  ids: string[];
  /** The trash entry it came from. */
  from: string;
  /** Live files it took the place of, now in `.trash/` (the restore swaps a version for the live one). */
  replaced: TrashedFile[];
}

export interface AddDocumentInput {
  corpusDir: string;
  /** The name the user gave the file; only its extension (and, for `.txt`, its id) is used. */
  fileName: string;
  bytes: Uint8Array;
  /** Overwrite documents with the same ids (their files go to `.trash/`). */
  replace?: boolean;
  /** Size limit, {@link DEFAULT_MAX_UPLOAD_BYTES} by default. */
  maxBytes?: number;
}

/**
 * Checks what can be checked before downloading: a plain file name, a document extension, the size.
 * Throws {@link AdminError}; returns the extension.
 */
export function checkUpload(fileName: string, size: number, maxBytes = DEFAULT_MAX_UPLOAD_BYTES): string {
  // The name only ever contributes an extension (and a .txt id), but refuse path-like names outright so
  // nobody wonders where "../x.md" went.
  if (
    fileName === '' ||
    fileName.length > 255 ||
    fileName.startsWith('.') ||
    fileName.includes('..') ||
    /[/\\\p{Cc}]/u.test(fileName)
  ) {
    throw refused('admin.badName', { name: JSON.stringify(fileName) });
  }
  const ext = extname(fileName).toLowerCase();
  if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) {
    throw refused('admin.notDocument', { file: fileName });
  }
  if (size > maxBytes) throw tooLarge(fileName, maxBytes);
  return ext;
}

function tooLarge(fileName: string, maxBytes: number): AdminError {
  return refused('admin.tooLarge', { file: fileName, max: sizeOf(maxBytes) });
}

/**
 * Collects a download, throwing {@link AdminError} as soon as it passes `maxBytes` (leaving the loop
 * cancels the rest of a web stream), so an oversized upload is never held in memory whole.
 */
export async function readWithLimit(
  chunks: AsyncIterable<Uint8Array>,
  fileName: string,
  maxBytes = DEFAULT_MAX_UPLOAD_BYTES,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > maxBytes) throw tooLarge(fileName, maxBytes);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

/**
 * Validates an uploaded file and writes it into the corpus folder as `<id><ext>` (a temporary dot-file
 * renamed into place, so a reader never sees half a file). Refused (with nothing on disk changed) when the
 * name, size, encoding or content is wrong, or when a document id is already in the corpus and `replace`
 * is not set. With `replace`, the files holding those ids move to `.trash/` first, and must hold nothing
 * else.
 */
export async function addDocument(input: AddDocumentInput): Promise<AddedDocument> {
  const { corpusDir, fileName, bytes } = input;
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const ext = checkUpload(fileName, bytes.byteLength, maxBytes) as DocumentExtension;
  const documents = parseUpload(fileName, bytes);

  const stem = documents.length === 1 ? (documents[0]?.id ?? '') : idFromFileName(fileName);
  const stemProblem = checkId(stem);
  if (stemProblem) throw refused('admin.badStem', { file: fileName, problem: stemProblem });
  const file = `${stem}${ext}`;

  const ids = documents.map((d) => d.id);
  const existing = await documentsOnDisk(corpusDir);
  const clashes = existing.filter((d) => ids.includes(d.id));
  const holders = [...new Set(clashes.map((d) => d.file))];
  if (clashes.length > 0 && !input.replace) {
    throw refused(clashes.length === 1 ? 'admin.exists' : 'admin.existsMany', {
      file: fileName,
      ids: quotedIds(clashes),
      files: holders.join(', '),
    });
  }
  for (const holder of holders) {
    const others = existing.filter((d) => d.file === holder && !ids.includes(d.id));
    if (others.length > 0) {
      throw refused('admin.holderShared', { file: fileName, holder, others: quotedIds(others) });
    }
  }
  if (!holders.includes(file) && (await exists(join(corpusDir, file)))) {
    throw refused('admin.nameTaken', { file: fileName, name: file });
  }

  const temp = join(corpusDir, `.upload-${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temp, bytes, { flag: 'wx' });
  const replaced: TrashedFile[] = [];
  try {
    for (const holder of holders) replaced.push(await moveToTrash(corpusDir, holder, 'replaced'));
    await rename(temp, join(corpusDir, file));
  } catch (err) {
    await rm(temp, { force: true });
    for (const t of replaced) await moveFromTrash(corpusDir, t);
    throw err;
  }
  return { file, ids, bytes: bytes.byteLength, replaced };
}

/** Checks an upload as the loader checks every file, refusing it with every problem found. */
function parseUpload(fileName: string, bytes: Uint8Array): CorpusDocument[] {
  const checked = checkFile(fileName, bytes);
  const problems = checked.problems;
  const documents = checked.documents.map((d) => d.document);
  if (problems.length > 0)
    throw refused('admin.notAdded', { file: fileName, n: countProblems(problems) }, problems);
  if (documents.length === 0) throw refused('admin.noDocuments', { file: fileName });
  return documents;
}

/**
 * Moves the file holding document `id` into `.trash/`. A `.jsonl` file holding other documents too is
 * refused (naming them) unless `wholeFile` is set, since removing one line by rewriting the file would
 * make the trash copy differ from what was live.
 */
export async function removeDocument(input: {
  corpusDir: string;
  id: string;
  wholeFile?: boolean;
}): Promise<TrashedFile> {
  const existing = await documentsOnDisk(input.corpusDir);
  const target = existing.find((d) => d.id === input.id);
  if (!target) throw refused('admin.unknownDocument', { id: input.id });
  const others = existing.filter((d) => d.file === target.file && d.id !== input.id);
  if (others.length > 0 && !input.wholeFile) {
    throw refused('admin.sharesFile', {
      id: input.id,
      file: target.file,
      n: others.length,
      others: quotedIds(others),
    });
  }
  return moveToTrash(input.corpusDir, target.file);
}

/**
 * Moves a trashed file holding document `id` back to its name: the trash entry of `version` (see
 * {@link TrashedFile.version}), or the most recent one. When its documents are live again (an upload
 * replaced them, say), the live files holding them go to the trash in exchange, so that no version is ever
 * out of reach. Refused when a live file holding them also holds other documents, or when its name is
 * taken by a file that does not hold them.
 */
export async function restoreDocument(input: {
  corpusDir: string;
  id: string;
  version?: string;
}): Promise<RestoredDocument> {
  const { corpusDir, id, version } = input;
  const entry = (await listTrash(corpusDir)).find(
    (t) => (version === undefined || t.version === version) && t.documents.some((d) => d.id === id),
  );
  if (!entry) {
    throw version === undefined
      ? refused('admin.notInTrash', { id })
      : refused('admin.versionNotInTrash', { id, version });
  }
  const ids = entry.documents.map((d) => d.id);
  const existing = await documentsOnDisk(corpusDir);
  const holders = [...new Set(existing.filter((d) => ids.includes(d.id)).map((d) => d.file))];
  for (const holder of holders) {
    const others = existing.filter((d) => d.file === holder && !ids.includes(d.id));
    if (others.length > 0) {
      throw refused('admin.restoreShared', { id, holder, others: quotedIds(others) });
    }
  }
  if (!holders.includes(entry.file) && (await exists(join(corpusDir, entry.file)))) {
    throw refused('admin.restoreNameTaken', { id, name: entry.file });
  }
  const replaced: TrashedFile[] = [];
  try {
    for (const holder of holders) replaced.push(await moveToTrash(corpusDir, holder, 'replaced'));
    await moveFromTrash(corpusDir, entry);
  } catch (err) {
    for (const t of replaced) await moveFromTrash(corpusDir, t);
    throw err;
  }
  return { file: entry.file, ids, from: entry.trashFile, replaced };
}

/** Undoes {@link restoreDocument}: the restored file goes back under its trash name, the swapped ones return. */
export async function undoRestore(corpusDir: string, restored: RestoredDocument): Promise<void> {
  await rename(join(corpusDir, restored.file), join(corpusDir, TRASH_DIR, restored.from));
  for (const t of restored.replaced) await moveFromTrash(corpusDir, t);
}

/** The files in `.trash/`, most recently removed first. */
export async function listTrash(corpusDir: string): Promise<TrashedFile[]> {
  let names: string[];
  try {
    names = await readdir(join(corpusDir, TRASH_DIR));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const entries: TrashedFile[] = [];
  for (const trashFile of names) {
    const match = TRASH_NAME.exec(trashFile);
    if (!match?.[1] || !match[4]) continue;
    const file = match[4];
    const s = match[1];
    const removedAt = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`;
    const documents = await documentsIn(corpusDir, join(TRASH_DIR, trashFile), file);
    entries.push({
      trashFile,
      version: `${s}${match[2] ?? ''}`,
      reason: match[3] ? 'replaced' : 'removed',
      file,
      removedAt,
      documents: documents.map(({ id, title }) => ({ id, title })),
    });
  }
  // Names start with a fixed-width UTC stamp, so code-point order is time order.
  return entries.sort((a, b) => (a.trashFile < b.trashFile ? 1 : a.trashFile > b.trashFile ? -1 : 0));
}

/**
 * Of `documents`, those a moderator typing `query` may mean, for autocomplete: the id or title contains it
 * (case-insensitive), ids starting with it first, at most `limit` (all when omitted).
 */
export function removableDocuments(
  documents: DocumentEntry[],
  query = '',
  limit = Number.POSITIVE_INFINITY,
): DocumentEntry[] {
  const q = query.trim().toLowerCase();
  const matches = documents.filter(
    (d) => d.id.toLowerCase().includes(q) || d.title.toLowerCase().includes(q),
  );
  const rank = (d: DocumentEntry) => (d.id.toLowerCase().startsWith(q) ? 0 : 1);
  return matches.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id)).slice(0, limit);
}

/** `<yyyymmddThhmmssmmmZ>[~n][+replaced]-<original name>`. */
const TRASH_NAME = /^(\d{8}T\d{9}Z)(~\d+)?(\+replaced)?-(.+)$/;

/** Moves `file` (relative to the corpus folder) into `.trash/` under a name saying when and why. */
export async function moveToTrash(
  corpusDir: string,
  file: string,
  reason: TrashReason = 'removed',
): Promise<TrashedFile> {
  const trashDir = join(corpusDir, TRASH_DIR);
  await mkdir(trashDir, { recursive: true });
  const documents = (await documentsIn(corpusDir, file, file)).map(({ id, title }) => ({ id, title }));
  const now = new Date();
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  const mark = reason === 'replaced' ? '+replaced' : '';
  let version = stamp;
  // A version names one entry whatever its reason: neither form of the name may exist yet.
  const taken = async (v: string) =>
    (await exists(join(trashDir, `${v}-${file}`))) || (await exists(join(trashDir, `${v}+replaced-${file}`)));
  for (let n = 2; await taken(version); n++) version = `${stamp}~${n}`;
  const trashFile = `${version}${mark}-${file}`;
  await rename(join(corpusDir, file), join(trashDir, trashFile));
  return { trashFile, version, reason, file, removedAt: now.toISOString(), documents };
}

/** Moves a trashed file back to its original name. */
export async function moveFromTrash(corpusDir: string, entry: TrashedFile): Promise<void> {
  await rename(join(corpusDir, TRASH_DIR, entry.trashFile), join(corpusDir, entry.file));
}

/** Every document the corpus folder holds now, with its file (broken files hold none). */
async function documentsOnDisk(corpusDir: string): Promise<DocumentEntry[]> {
  const { corpus } = await loadCorpus(corpusDir);
  return documentEntries(corpus);
}

/** The documents of a loaded corpus and the files holding them. */
export function documentEntries(corpus: Corpus): DocumentEntry[] {
  return corpus.documents.map(({ id, title, file }) => ({ id, title, file }));
}

/**
 * The documents the file `path` (relative to the corpus folder) holds, checked as if it were named `name`;
 * none when it cannot be read or does not pass.
 */
async function documentsIn(corpusDir: string, path: string, name: string): Promise<CorpusDocument[]> {
  const ext = extname(name).toLowerCase();
  if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(ext)) return [];
  const read = await readCorpusFile(
    await realpath(corpusDir),
    path,
    ext === '.jsonl' ? CORPUS_LIMITS.fileBytes : CORPUS_LIMITS.documentBytes,
  );
  return 'bytes' in read ? checkFile(name, read.bytes).documents.map((d) => d.document) : [];
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
