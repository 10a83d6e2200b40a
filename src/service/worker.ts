/**
 * Reloads build off the main thread. A worker thread loads the corpus folder and builds its knowledge base
 * (or loads it from a saved snapshot, saving the one it builds), then sends the corpus and the snapshot back
 * in messages of bounded size. The main thread keeps answering from the live knowledge base meanwhile: each
 * message is its own event-loop task, and the restore from the snapshot runs a few milliseconds at a time.
 *
 * Both halves of the exchange are here, so its format is in one place; `reload-worker.ts` is the worker's
 * entry file.
 */
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from 'pino';
import type { KnowledgeBase } from '../contract/types.js';
import { loadCorpusStrict } from '../corpus/load.js';
import { CorpusError, type CorpusProblem } from '../corpus/problems.js';
import type { Corpus, Passage } from '../corpus/types.js';
import { knowledgeSnapshotOf, restoreKnowledgeBaseInSlices } from '../knowledge/knowledge.js';
import { type KnowledgeSnapshot, type SnapshotLogger, SnapshotStore } from '../knowledge/snapshot.js';
import { type IndexEntry, indexWithEntries, type SerializedIndex } from '../search/minisearch.js';

/** What the worker is started with. */
export interface WorkerInput {
  corpusDir: string;
  /** Where snapshots are read and saved; `null`: always build, save nothing. */
  snapshotDir: string | null;
  /** Which file each live document id comes from, as `[id, file]` (see `LoadOptions.owners`). */
  owners: [string, string][];
}

/** A corpus and its knowledge base, built by a worker and restored on this thread. */
export interface LoadedInWorker {
  corpus: Corpus;
  knowledgeBase: KnowledgeBase;
  /** Milliseconds the worker spent loading the folder and building (or loading) the knowledge base. */
  workerMs: { load: number; build: number };
}

/**
 * The collections that grow with the corpus, each sent in chunks. Objects (MiniSearch's maps by passage)
 * travel as entries. The weight of an item estimates its cost to copy, in units of about one small value.
 */
const ARRAY_PARTS = {
  documents: () => 8,
  passages: (p: PassageWithoutText) => 8 + 2 * p.sentences.length,
  documentFrequency: () => 2,
  sentenceStems: () => 1,
  people: () => 16,
  quotes: () => 6,
} satisfies Record<string, (item: never) => number>;

const OBJECT_PARTS = {
  documentIds: () => 3,
  fieldLength: () => 4,
  storedFields: () => 2,
} satisfies Record<string, (item: never) => number>;

type ArrayPart = keyof typeof ARRAY_PARTS;
type ObjectPart = keyof typeof OBJECT_PARTS;

/**
 * The strings of a chunk joined into one (documents' texts, sentence stems). One large string is moved to
 * the old generation by the garbage collector as it is; thousands of small ones would each be copied, and at
 * 100k passages those copies held the main thread for tens of milliseconds at a time.
 */
interface PackedStrings {
  text: string;
  lengths: number[];
}

function pack(strings: string[]): PackedStrings {
  return { text: strings.join(''), lengths: strings.map((s) => s.length) };
}

/** The strings of a {@link PackedStrings}, as slices of its text (sharing its characters). */
function unpack({ text, lengths }: PackedStrings): string[] {
  let at = 0;
  return lengths.map((length) => {
    const start = at;
    at += length;
    return text.slice(start, at);
  });
}

/**
 * The index entries travel packed too: the terms as {@link PackedStrings}, their postings as one array of
 * integers, per term `[fields, (fieldId, count, (shortId, frequency) × count) × fields]`. The main thread
 * keeps these arrays (outside the JavaScript heap) and unpacks an entry only when MiniSearch loads it, so
 * entries are garbage as soon as MiniSearch has made its maps of them, not objects every minor GC copies.
 */
function packEntries(entries: IndexEntry[]): { terms: PackedStrings; postings: Int32Array } {
  const numbers: number[] = [];
  for (const [, fields] of entries) {
    const ids = Object.keys(fields);
    numbers.push(ids.length);
    for (const id of ids) {
      const postings = Object.entries(fields[id] ?? {});
      numbers.push(Number(id), postings.length);
      for (const [shortId, frequency] of postings) numbers.push(Number(shortId), frequency as number);
    }
  }
  return { terms: pack(entries.map(([term]) => term)), postings: Int32Array.from(numbers) };
}

/** The index entries of packed chunks, unpacked one at a time as MiniSearch's loader reads them. */
function* unpackEntries(chunks: { terms: PackedStrings; postings: Int32Array }[]): Generator<IndexEntry> {
  for (const chunk of chunks) {
    const postings = chunk.postings;
    let at = 0;
    const next = () => postings[at++] ?? 0;
    for (const term of unpack(chunk.terms)) {
      const fields: IndexEntry[1] = {};
      for (let f = next(); f > 0; f--) {
        const id = next();
        const entry: Record<number, number> = {};
        for (let n = next(); n > 0; n--) entry[next()] = next();
        fields[id] = entry;
      }
      yield [term, fields];
    }
  }
}

/**
 * Passages travel without their text: it is a slice of their document's, which the main thread slices again
 * (V8 shares a slice's characters with the whole, where a copied string would take memory of its own).
 */
type PassageWithoutText = Omit<Passage, 'text'>;

/** Weight of one message: meant to copy in within a few milliseconds. */
const CHUNK_WEIGHT = 10_000;

/** MiniSearch's serialization without its collections (those travel as parts). */
type SearchHead = Omit<SerializedIndex, 'index' | ObjectPart>;

/** The last message of a worker that succeeded: everything not sent in chunks. */
interface Finished {
  type: 'done';
  version: string;
  speakers: Corpus['speakers'];
  glossary: Corpus['glossary'];
  searchHead: SearchHead;
  workerMs: LoadedInWorker['workerMs'];
}

/** Every message a worker sends, in order: logs at any time, chunks, then `done` or `failed`. */
export type FromWorker =
  | { type: 'log'; level: 'info' | 'warn'; fields: object; message: string }
  | { type: 'chunk'; part: ArrayPart | ObjectPart; items: unknown[]; strings?: PackedStrings }
  | { type: 'terms'; terms: PackedStrings; postings: Int32Array }
  | Finished
  | { type: 'failed'; name: string; message: string; problems?: CorpusProblem[] };

/**
 * Sends a message to the main thread and resolves when it has been handled. One message at a time: Node
 * delivers every message already queued in one event-loop task, so a burst would be one long block.
 */
export type SendToMain = (message: FromWorker) => Promise<void>;

/** The worker's side: load, build, send. Never throws; a failure is the `failed` message. */
export async function runWorker(input: WorkerInput, send: SendToMain): Promise<void> {
  try {
    const started = performance.now();
    const corpus = await loadCorpusStrict(input.corpusDir, { owners: new Map(input.owners) });
    const loaded = performance.now();
    // The store logs synchronously; its few messages are queued behind each other, not awaited.
    const logger: SnapshotLogger = {
      info: (fields: object, message: string) => void send({ type: 'log', level: 'info', fields, message }),
      warn: (fields: object, message: string) => void send({ type: 'log', level: 'warn', fields, message }),
    };
    const snapshots = input.snapshotDir ? new SnapshotStore(input.snapshotDir, logger) : undefined;
    const { version, snapshot } = knowledgeSnapshotOf(corpus, snapshots ? { snapshots } : {});
    const workerMs = { load: loaded - started, build: performance.now() - loaded };
    const { index, documentIds, fieldLength, storedFields, ...searchHead } = snapshot.index.search;
    const arrays: Record<ArrayPart, unknown[]> = {
      documents: corpus.documents.map(({ text: _, ...rest }) => rest),
      passages: corpus.passages.map(({ text: _, ...rest }): PassageWithoutText => rest),
      documentFrequency: snapshot.index.documentFrequency,
      sentenceStems: [],
      people: snapshot.quotes.people,
      quotes: snapshot.quotes.quotes,
    };
    const entryWeight = (i: number) => 1 + 2 * postingCount(index[i] as IndexEntry);
    for (const [start, end] of chunkRanges(index.length, entryWeight))
      await send({ type: 'terms', ...packEntries(index.slice(start, end)) });
    const objects: Record<ObjectPart, object> = { documentIds, fieldLength, storedFields };
    const strings: Partial<Record<ArrayPart, string[]>> = {
      documents: corpus.documents.map((d) => d.text),
      sentenceStems: snapshot.index.sentenceStems,
    };
    for (const part of Object.keys(ARRAY_PARTS) as ArrayPart[]) {
      const weight = ARRAY_PARTS[part] as (item: unknown) => number;
      await sendChunks(part, arrays[part], weight, send, strings[part]);
    }
    for (const part of Object.keys(OBJECT_PARTS) as ObjectPart[])
      await sendChunks(part, Object.entries(objects[part]), OBJECT_PARTS[part], send);
    await send({
      type: 'done',
      version,
      speakers: corpus.speakers,
      glossary: corpus.glossary,
      searchHead,
      workerMs,
    });
  } catch (err) {
    const error = err instanceof Error ? err : new Error(String(err));
    await send({
      type: 'failed',
      name: error.name,
      message: error.message,
      ...(error instanceof CorpusError ? { problems: error.problems } : {}),
    });
  }
}

/** Consecutive `[start, end)` ranges of `count` items, each weighing about {@link CHUNK_WEIGHT}. */
function* chunkRanges(count: number, weightAt: (i: number) => number): Generator<[number, number]> {
  let start = 0;
  let total = 0;
  for (let i = 0; i < count; i++) {
    total += weightAt(i);
    if (total >= CHUNK_WEIGHT) {
      yield [start, i + 1];
      start = i + 1;
      total = 0;
    }
  }
  if (start < count) yield [start, count];
}

/**
 * Sends `items` (and `strings`, the i-th string going with the i-th item, or alone when there are no items)
 * in messages of about {@link CHUNK_WEIGHT}.
 */
async function sendChunks(
  part: ArrayPart | ObjectPart,
  items: unknown[],
  weight: (item: unknown) => number,
  send: SendToMain,
  strings?: string[],
): Promise<void> {
  const weightAt = (i: number) => weight(items[i]) + (strings?.[i]?.length ?? 0) / 16;
  for (const [start, end] of chunkRanges(strings?.length ?? items.length, weightAt)) {
    await send({
      type: 'chunk',
      part,
      items: items.slice(start, end),
      ...(strings ? { strings: pack(strings.slice(start, end)) } : {}),
    });
  }
}

const postingCount = ([, fields]: IndexEntry) =>
  Object.values(fields).reduce((sum, postings) => sum + Object.keys(postings).length, 0);

/**
 * The worker entry beside this file: compiled JavaScript in dist/ (`npm start`, production, the compiled CLIs),
 * TypeScript under tsx (the tests, `npm run ask`), which only then is loaded (a devDependency).
 */
const ENTRY = new URL(`./reload-worker${extname(import.meta.url)}`, import.meta.url);

/**
 * The worker's stack: the main thread's (V8's default, 984 KB), not a worker's default 4 MB. Start-up loads on
 * the main thread; a worker with a deeper stack once accepted an upload the next start could not load. (A
 * worker's usable depth is a little below the main thread's with the same size: stricter, the safe side.)
 */
const MAIN_THREAD_STACK_MB = 984 / 1024;

function startWorker(input: WorkerInput): Worker {
  const options = { workerData: input, resourceLimits: { stackSizeMb: MAIN_THREAD_STACK_MB } };
  if (ENTRY.pathname.endsWith('.js')) return new Worker(ENTRY, options);
  // A worker's execArgv registers tsx's loader too late for the entry file itself: register it first.
  const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(ENTRY.href)}); });`;
  return new Worker(source, { ...options, eval: true });
}

/** What the main thread has received so far, in the form the restore needs. */
class Received {
  private readonly arrays = {} as Record<ArrayPart, unknown[]>;
  private readonly objects = {} as Record<ObjectPart, Record<string, unknown>>;
  private readonly documentsById = new Map<string, Corpus['documents'][number]>();
  private readonly indexChunks: { terms: PackedStrings; postings: Int32Array }[] = [];

  constructor() {
    for (const part of Object.keys(ARRAY_PARTS) as ArrayPart[]) this.arrays[part] = [];
    for (const part of Object.keys(OBJECT_PARTS) as ObjectPart[]) this.objects[part] = {};
  }

  chunk({ part, items, strings: packed }: Extract<FromWorker, { type: 'chunk' }>): void {
    const strings = packed ? unpack(packed) : [];
    if (part in this.objects) {
      const target = this.objects[part as ObjectPart];
      for (const [key, value] of items as [string, unknown][]) target[key] = value;
    } else if (part === 'documents') {
      for (const [i, doc] of (items as Corpus['documents']).entries()) {
        doc.text = strings[i] ?? '';
        this.arrays.documents.push(doc);
        this.documentsById.set(doc.id, doc);
      }
    } else if (part === 'passages') {
      for (const passage of items as Passage[]) {
        passage.text = this.documentsById.get(passage.docId)?.text.slice(passage.start, passage.end) ?? '';
        this.arrays.passages.push(passage);
      }
    } else if (part === 'sentenceStems') {
      for (const stems of strings) this.arrays.sentenceStems.push(stems);
    } else {
      const target = this.arrays[part as ArrayPart];
      for (const item of items) target.push(item);
    }
  }

  terms({ terms, postings }: Extract<FromWorker, { type: 'terms' }>): void {
    this.indexChunks.push({ terms, postings });
  }

  /** The corpus and the snapshot of its knowledge base; the parts were typed by the worker, the restore checks counts. */
  result(done: Finished): { corpus: Corpus; snapshot: KnowledgeSnapshot } {
    const { arrays, objects } = this;
    return {
      corpus: {
        documents: arrays.documents as Corpus['documents'],
        passages: arrays.passages as Corpus['passages'],
        speakers: done.speakers,
        glossary: done.glossary,
      },
      snapshot: {
        index: {
          search: indexWithEntries(
            {
              ...done.searchHead,
              documentIds: objects.documentIds,
              fieldLength: objects.fieldLength as SerializedIndex['fieldLength'],
              storedFields: objects.storedFields,
            },
            unpackEntries(this.indexChunks),
          ),
          documentFrequency: arrays.documentFrequency as [string, number][],
          sentenceStems: arrays.sentenceStems as string[],
        },
        quotes: {
          people: arrays.people as KnowledgeSnapshot['quotes']['people'],
          quotes: arrays.quotes as KnowledgeSnapshot['quotes']['quotes'],
        },
      },
    };
  }
}

/** How long a reload's worker may run by default (RELOAD_TIMEOUT_SECONDS). */
export const DEFAULT_RELOAD_TIMEOUT_MS = 300_000;

/**
 * Thrown when a reload's worker ran past its deadline: it was stopped and nothing changed. Its message is
 * for logs; the adapters say it in the reader's language (`describeReloadTimeout` in src/messages).
 */
export class ReloadTimeoutError extends Error {
  override name = 'ReloadTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`corpus reload stopped at its deadline of ${timeoutMs} ms; nothing changed`);
  }
}

/** What {@link loadInWorker} needs besides the folder. */
export interface LoadInWorkerOptions {
  /** Where snapshots are read and saved (none: always build, save nothing). */
  snapshotDir?: string;
  /** Which file each live document id comes from: that file keeps the id (see `LoadOptions.owners`). */
  owners?: ReadonlyMap<string, string>;
  /** Deadline of the worker, {@link DEFAULT_RELOAD_TIMEOUT_MS} by default; past it, it is terminated. */
  timeoutMs?: number;
  logger: Logger;
}

/**
 * Loads `corpusDir` and builds its knowledge base in a worker thread (see the file comment). Rejects with a
 * `CorpusError` listing the problems of a broken corpus, a {@link ReloadTimeoutError} when the worker runs
 * past its deadline (it is terminated), or with why the worker failed.
 */
export async function loadInWorker(corpusDir: string, options: LoadInWorkerOptions): Promise<LoadedInWorker> {
  const { logger } = options;
  const timeoutMs = options.timeoutMs ?? DEFAULT_RELOAD_TIMEOUT_MS;
  const worker = startWorker({
    corpusDir,
    snapshotDir: options.snapshotDir ?? null,
    owners: [...(options.owners ?? [])],
  });
  const received = new Received();
  let finished = false;
  let timer: NodeJS.Timeout | undefined;
  let done: Finished;
  try {
    done = await new Promise<Finished>((resolve, reject) => {
      timer = setTimeout(() => reject(new ReloadTimeoutError(timeoutMs)), timeoutMs);
      worker.on('message', (message: FromWorker) => {
        // Node runs this handler before it delivers another message: the worker may send the next one.
        worker.postMessage(null);
        switch (message.type) {
          case 'log':
            logger[message.level]({ ...message.fields, worker: 'reload' }, message.message);
            break;
          case 'chunk':
            received.chunk(message);
            break;
          case 'terms':
            received.terms(message);
            break;
          case 'done':
            finished = true;
            resolve(message);
            break;
          case 'failed':
            reject(
              message.problems
                ? new CorpusError(message.problems)
                : new Error(`reload worker: ${message.name}: ${message.message}`),
            );
        }
      });
      worker.on('error', (err) => reject(new Error(`reload worker crashed: ${err.message}`, { cause: err })));
      worker.on('exit', (code) => {
        if (!finished) reject(new Error(`reload worker exited (code ${code}) before sending the corpus`));
      });
    });
  } finally {
    clearTimeout(timer);
    // Done, failed or past its deadline (stuck in a read, say): the worker goes either way.
    await worker.terminate();
  }
  const { corpus, snapshot } = received.result(done);
  const knowledgeBase = await restoreKnowledgeBaseInSlices(corpus, done.version, snapshot);
  return { corpus, knowledgeBase, workerMs: done.workerMs };
}
