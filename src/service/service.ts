import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { runInSlices } from '../contract/steps.js';
import type { KnowledgeBase } from '../contract/types.js';
import {
  type AddDocumentInput,
  type AddedDocument,
  addDocument,
  type DocumentEntry,
  documentEntries,
  listTrash,
  moveFromTrash,
  type RestoredDocument,
  removableDocuments,
  removeDocument,
  restoreDocument,
  type TrashedFile,
  undoRestore,
} from '../corpus/admin.js';
import {
  type CorpusDiff,
  type CorpusManifest,
  diffSteps,
  manifestOf,
  manifestSteps,
} from '../corpus/diff.js';
import { loadCorpus } from '../corpus/load.js';
import { type CorpusProblem, problemPlace } from '../corpus/problems.js';
import type { Corpus } from '../corpus/types.js';
import { buildKnowledgeBase } from '../knowledge/knowledge.js';
import { SnapshotStore } from '../knowledge/snapshot.js';
import { manifestOwners, writeManifest } from '../records/manifest.js';
import { type Actor, type CorpusAction, disabledRecords, type Records } from '../records/types.js';
import { loadInWorker } from './worker.js';

/** What a successful reload did. */
export interface ReloadReport {
  documents: number;
  passages: number;
  quotes: number;
  version: string;
  previousVersion: string;
  /** Milliseconds spent loading and indexing. */
  buildMs: number;
  /** Passages added, changed and removed per document, against the corpus that was live. */
  diff: CorpusDiff;
}

/**
 * Thrown when a reload (or a document change, which reloads) is asked for while another one runs. Its
 * message is for logs; the adapters say it in the reader's language (`corpus.reloadRunning`).
 */
export class ReloadInProgressError extends Error {
  override name = 'ReloadInProgressError';
  constructor() {
    super('corpus reload refused: another one is running');
  }
}

/** Where the service keeps what outlives it. Both optional: without them nothing is saved. */
export interface CorpusServiceOptions {
  /** DATA_DIR: the live corpus manifest is saved there on start and on every reload (for `corpus diff`). */
  dataDir?: string;
  /** Index snapshots: a start or a reload loads the index saved there for the same corpus, or saves the one it builds. */
  snapshotDir?: string;
  /** Every corpus change (reload, add, remove, restore), done or refused, is audited here. */
  records?: Records;
  /** Deadline of a reload's worker (RELOAD_TIMEOUT_SECONDS); past it the reload fails and nothing changes. */
  reloadTimeoutMs?: number;
  /**
   * How the log words a broken file's problem at start-up: the app passes English from src/messages (the
   * service has no words of its own); by default its place and code.
   */
  wordProblem?: (problem: CorpusProblem) => string;
}

/**
 * Holds the live knowledge base. Start-up is lenient (broken files are logged and skipped, so one bad file
 * does not keep the bot down); reloads are all or nothing: the new corpus is built aside while the old one
 * keeps answering, then swapped in one assignment. Document changes (add, remove, restore) run under the
 * same one-at-a-time rule and reload at once; if that reload fails, the file change is undone.
 */
export class CorpusService {
  private live: KnowledgeBase;
  /** Passage hashes of the live corpus: what a reload's diff compares against, and what `corpus diff` reads. */
  private liveManifest: CorpusManifest;
  /** The live corpus's documents and their files. */
  private liveDocuments: DocumentEntry[];
  private busy: Promise<unknown> | null = null;
  private readonly records: Records;

  private constructor(
    readonly corpusDir: string,
    private readonly logger: Logger,
    private readonly options: CorpusServiceOptions,
    corpus: Corpus,
  ) {
    const snapshots = options.snapshotDir ? new SnapshotStore(options.snapshotDir, logger) : undefined;
    this.live = buildKnowledgeBase(corpus, snapshots ? { snapshots } : {});
    this.liveManifest = manifestOf(corpus, this.live.version);
    this.liveDocuments = documentEntries(corpus);
    this.records = options.records ?? disabledRecords();
  }

  /** Loads `corpusDir`, logging each broken file as an error and serving the rest. */
  static async start(
    corpusDir: string,
    logger: Logger,
    options: CorpusServiceOptions = {},
  ): Promise<CorpusService> {
    // The files the last run's documents came from keep their ids (see LoadOptions.owners).
    const owners = options.dataDir ? await liveOwners(options.dataDir, logger) : undefined;
    const { corpus, problems } = await loadCorpus(corpusDir, owners ? { owners } : {});
    const word = options.wordProblem ?? ((p: CorpusProblem) => `${problemPlace(p)}: ${p.code}`);
    for (const problem of problems) logger.error({ problem }, `corpus: ${word(problem)}`);
    const service = new CorpusService(corpusDir, logger, options, corpus);
    const kb = service.live;
    logger.info({ corpusDir, ...kb.stats(), version: kb.version }, 'corpus loaded');
    await service.saveManifest();
    return service;
  }

  /** The knowledge base answering now. Read it per request: a reload may replace it between two. */
  get current(): KnowledgeBase {
    return this.live;
  }

  /** Whether a reload or document change is running (adapters defer their replies meanwhile). */
  get isReloading(): boolean {
    return this.busy !== null;
  }

  /**
   * Re-reads the corpus folder and swaps the new knowledge base in, or throws (a `CorpusError` listing every
   * problem, or {@link ReloadInProgressError}) and leaves the live one untouched.
   */
  reload(actor: Actor = { via: 'unknown' }): Promise<ReloadReport> {
    return this.exclusive(
      'reload',
      actor,
      null,
      () => this.rebuild(),
      (report) => report,
    );
  }

  /**
   * Validates and writes an uploaded document (see {@link addDocument}), then reloads. Throws an
   * `AdminError` when the file is refused; if the reload fails (another file is broken) the upload is
   * taken back out and the `CorpusError` thrown.
   */
  addDocument(
    upload: Omit<AddDocumentInput, 'corpusDir'>,
    actor: Actor,
  ): Promise<{ added: AddedDocument; report: ReloadReport }> {
    return this.exclusive(
      'add',
      actor,
      upload.fileName,
      async () => {
        const added = await addDocument({ ...upload, corpusDir: this.corpusDir });
        const undo = async () => {
          await rm(join(this.corpusDir, added.file), { force: true });
          for (const old of added.replaced) await moveFromTrash(this.corpusDir, old);
        };
        return { added, report: await this.rebuildOr(undo) };
      },
      withReport,
    );
  }

  /** Moves a document's file to `.trash/` (see {@link removeDocument}), then reloads (undoing on failure). */
  removeDocument(
    input: { id: string; wholeFile?: boolean },
    actor: Actor,
  ): Promise<{ removed: TrashedFile; report: ReloadReport }> {
    return this.exclusive(
      'remove',
      actor,
      input.id,
      async () => {
        const removed = await removeDocument({ ...input, corpusDir: this.corpusDir });
        const undo = () => moveFromTrash(this.corpusDir, removed);
        return { removed, report: await this.rebuildOr(undo) };
      },
      withReport,
    );
  }

  /** Brings a removed document back (see {@link restoreDocument}), then reloads (undoing on failure). */
  restoreDocument(
    input: { id: string; version?: string },
    actor: Actor,
  ): Promise<{ restored: RestoredDocument; report: ReloadReport }> {
    return this.exclusive(
      'restore',
      actor,
      input.id,
      async () => {
        const restored = await restoreDocument({ ...input, corpusDir: this.corpusDir });
        const undo = () => undoRestore(this.corpusDir, restored);
        return { restored, report: await this.rebuildOr(undo) };
      },
      withReport,
    );
  }

  /** The files in `.trash/`, latest first. */
  trash(): Promise<TrashedFile[]> {
    return listTrash(this.corpusDir);
  }

  /** Documents matching `query`, for `/corpus remove` autocomplete. */
  removable(query: string, limit = Number.POSITIVE_INFINITY): Promise<DocumentEntry[]> {
    // The live corpus's documents, not the folder's: autocomplete must answer within Discord's 3 s, and
    // re-reading a large corpus on every keystroke would not.
    return Promise.resolve(removableDocuments(this.liveDocuments, query, limit));
  }

  /**
   * Audits an upload refused before it could reach {@link addDocument} (on its name, declared size or
   * download), so that every corpus change asked for, done or refused, is audited by the service.
   */
  refuseUpload(fileName: string, actor: Actor, reason: string): void {
    this.audit(
      { action: 'add', actor, target: fileName, versionBefore: this.live.version },
      { ok: false, diff: null, error: reason },
    );
  }

  /** Writes the audit entry of a corpus change asked for, done or refused; the version after is the live one. */
  private audit(
    change: { action: CorpusAction; actor: Actor; target: string | null; versionBefore: string },
    outcome: { ok: boolean; diff: CorpusDiff | null; error?: string },
  ): void {
    this.records.audit({ ...change, versionAfter: this.live.version, ...outcome });
  }

  /**
   * Runs one corpus change at a time and audits it, done or refused; `reportOf` finds the reload report in
   * the task's result.
   */
  private exclusive<T>(
    action: CorpusAction,
    actor: Actor,
    target: string | null,
    task: () => Promise<T>,
    reportOf: (result: T) => ReloadReport,
  ): Promise<T> {
    if (this.busy) return Promise.reject(new ReloadInProgressError());
    const versionBefore = this.live.version;
    const audit = (outcome: { ok: boolean; diff: CorpusDiff | null; error?: string }) =>
      this.audit({ action, actor, target, versionBefore }, outcome);
    const run = task().then(
      (result) => {
        audit({ ok: true, diff: reportOf(result).diff });
        return result;
      },
      (err: unknown) => {
        audit({ ok: false, diff: null, error: err instanceof Error ? err.message : String(err) });
        throw err;
      },
    );
    const busy = run.finally(() => {
      this.busy = null;
    });
    this.busy = busy;
    return busy;
  }

  /** {@link rebuild}, putting the files back with `undo` if it fails. */
  private async rebuildOr(undo: () => Promise<void>): Promise<ReloadReport> {
    try {
      return await this.rebuild();
    } catch (err) {
      try {
        await undo();
      } catch (undoErr) {
        this.logger.error({ err: undoErr }, 'corpus: could not undo a document change after a failed reload');
      }
      throw err;
    }
  }

  private async rebuild(): Promise<ReloadReport> {
    const started = performance.now();
    // Built in a worker thread: the old knowledge base keeps answering until the swap below.
    const { corpus, knowledgeBase: next } = await loadInWorker(this.corpusDir, {
      ...(this.options.snapshotDir ? { snapshotDir: this.options.snapshotDir } : {}),
      ...(this.options.reloadTimeoutMs ? { timeoutMs: this.options.reloadTimeoutMs } : {}),
      owners: new Map(this.liveDocuments.map((d) => [d.id, d.file])),
      logger: this.logger,
    });
    const previousVersion = this.live.version;
    const manifest = await runInSlices(manifestSteps(corpus, next.version));
    const diff = await runInSlices(diffSteps(this.liveManifest, manifest));
    this.live = next;
    this.liveManifest = manifest;
    this.liveDocuments = documentEntries(corpus);
    const report: ReloadReport = {
      ...next.stats(),
      version: next.version,
      previousVersion,
      buildMs: Math.round(performance.now() - started),
      diff,
    };
    const { diff: _, ...summary } = report;
    this.logger.info(
      { ...summary, added: diff.added, changed: diff.changed, removed: diff.removed },
      'corpus reloaded',
    );
    await this.saveManifest();
    return report;
  }

  /** Saves the live manifest; a failure is logged, never fatal (only `corpus diff` reads it). */
  private async saveManifest(): Promise<void> {
    if (!this.options.dataDir) return;
    try {
      await writeManifest(this.options.dataDir, this.liveManifest);
    } catch (err) {
      this.logger.error({ err }, 'corpus: could not save the live manifest');
    }
  }
}

/** {@link manifestOwners}, or none (logged) when the manifest cannot be read. */
async function liveOwners(dataDir: string, logger: Logger): Promise<Map<string, string> | undefined> {
  try {
    return await manifestOwners(dataDir);
  } catch (err) {
    logger.warn(
      { err, dataDir },
      'corpus: the live manifest cannot be read; duplicate ids go to the older file',
    );
    return undefined;
  }
}

const withReport = (result: { report: ReloadReport }) => result.report;
