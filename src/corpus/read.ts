/**
 * Reading the corpus folder safely: only regular files whose real path (links resolved) is inside the
 * folder, each read bounded in bytes and in time. A link to `/etc/passwd`, to `/dev/zero` or to a FIFO, a
 * FIFO or a folder named like a document: each is refused with a problem, never read, never waited on.
 */
import { constants, type Stats } from 'node:fs';
import { type FileHandle, open, readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { CORPUS_LIMITS, sizeOf } from './limits.js';
import { type CorpusProblem, notice, type ProblemNotice } from './problems.js';
import { isCorpusFileName } from './validate.js';

/** The corpus files of a folder, by name, and what is wrong with the entries that cannot be read. */
export interface CorpusListing {
  /** The folder's real path (links resolved): every file read must be inside it. */
  realDir: string;
  /** Names of the entries to read, in code-point order (hidden names left out). */
  names: string[];
  problems: CorpusProblem[];
}

/** A file read whole, with its status (for its modification time). */
export interface ReadFile {
  bytes: Uint8Array;
  stats: Stats;
}

/** What a non-regular file is. */
function kindOf(stats: Stats): ProblemNotice {
  if (stats.isDirectory()) return notice('kind.folder');
  if (stats.isFIFO()) return notice('kind.fifo');
  if (stats.isSocket()) return notice('kind.socket');
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return notice('kind.device');
  return notice('kind.other');
}

/** A file system error as problems quote it: its code, else its own message. */
function reasonOf(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
}

/**
 * Lists the entries of `dir` the corpus reads: document and register names not starting with `.`. Entries
 * with such names that are folders, FIFOs, sockets or devices are reported, not listed. Never throws.
 */
export async function listCorpusFolder(dir: string): Promise<CorpusListing | { problem: CorpusProblem }> {
  let realDir: string;
  let entries: import('node:fs').Dirent[];
  try {
    realDir = await realpath(dir);
    entries = await readdir(realDir, { withFileTypes: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const what =
      code === 'ENOENT'
        ? notice('problem.folderMissing')
        : code === 'ENOTDIR'
          ? notice('problem.folderNotFolder')
          : notice('problem.folderUnreadable', { reason: reasonOf(err) });
    return { problem: { file: dir, ...what } };
  }
  const names: string[] = [];
  const problems: CorpusProblem[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith('.') || !isCorpusFileName(entry.name)) continue;
    if (entry.isFile() || entry.isSymbolicLink()) names.push(entry.name);
    else if (entry.isDirectory()) problems.push({ file: entry.name, ...notRegular(notice('kind.folder')) });
    else
      problems.push({
        file: entry.name,
        ...notRegular(
          notice(entry.isFIFO() ? 'kind.fifo' : entry.isSocket() ? 'kind.socket' : 'kind.device'),
        ),
      });
  }
  names.sort();
  return { realDir, names, problems };
}

const notRegular = (kind: ProblemNotice) => notice('problem.notRegular', { kind });

/**
 * Reads `name` inside `realDir`: a regular file (after resolving links) whose real path stays inside the
 * folder, at most `maxBytes`, within {@link CORPUS_LIMITS.readMs}. Returns its bytes or the problem. The
 * file is checked before it is opened (a FIFO is never opened), opened without following a last link and
 * without blocking, and checked again through the open handle (it may have been swapped in between).
 */
export async function readCorpusFile(
  realDir: string,
  name: string,
  maxBytes: number,
): Promise<ReadFile | { problem: CorpusProblem }> {
  const problem = (what: ProblemNotice) => ({ problem: { file: name, ...what } });
  const unreadable = (err: unknown) => problem(notice('problem.unreadable', { reason: reasonOf(err) }));
  let real: string;
  try {
    real = await realpath(join(realDir, name));
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT'
      ? problem(notice('problem.linkMissing'))
      : unreadable(err);
  }
  const inside = relative(realDir, real);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside))
    return problem(notice('problem.linkOutside'));
  let before: Stats;
  try {
    before = await stat(real);
  } catch (err) {
    return unreadable(err);
  }
  if (!before.isFile()) return problem(notRegular(kindOf(before)));
  if (before.size > maxBytes)
    return problem(notice('problem.fileTooBig', { size: sizeOf(before.size), max: sizeOf(maxBytes) }));

  let handle: FileHandle | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    const timer = setTimeout(() => resolve('timeout'), CORPUS_LIMITS.readMs);
    timer.unref();
  });
  const reading = (async () => {
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
    const stats = await handle.stat();
    if (!stats.isFile() || stats.ino !== before.ino || stats.dev !== before.dev)
      return problem(notice('problem.changedWhileRead'));
    // One byte more than allowed tells a file that grew past the limit since `stat`.
    const buffer = Buffer.allocUnsafe(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) break;
    }
    if (length > maxBytes) return problem(notice('problem.grewTooBig', { max: sizeOf(maxBytes) }));
    return { bytes: buffer.subarray(0, length), stats };
  })();
  try {
    const result = await Promise.race([reading, timeout]);
    if (result === 'timeout') {
      // The read goes on in the thread pool; its handle is closed when it ends.
      void reading.finally(() => handle?.close()).catch(() => {});
      return problem(notice('problem.readTimeout', { seconds: CORPUS_LIMITS.readMs / 1000 }));
    }
    await handle?.close();
    return result;
  } catch (err) {
    await handle?.close().catch(() => {});
    return unreadable(err);
  }
}
