/**
 * Reloads from the shell: on file changes in the corpus folder (CORPUS_WATCH=true) and on SIGHUP. Same
 * all-or-nothing rule as any reload: a broken corpus is logged and the live one keeps answering. Also the
 * one way a long-running process starts the live corpus with all of that wired: {@link startLiveCorpus}.
 */
import { type FSWatcher, watch } from 'node:fs';
import type { Logger } from 'pino';
import { CorpusError, type CorpusProblem } from '../corpus/problems.js';
import { openRecords } from '../records/sqlite.js';
import type { Actor, Records } from '../records/types.js';
import { CorpusService, type ReloadReport } from './service.js';

/** The live corpus of a long-running process, with what keeps it fresh and what it records. */
export interface LiveCorpus {
  service: CorpusService;
  /** Feedback, abstentions and the audit trail; a stand-in keeping nothing when the database is unavailable. */
  records: Records;
  /** Stops watching and listening for SIGHUP, and closes the records. */
  stop(): void;
}

/** Where the live corpus lives and how it is kept; the adapters fill it from their parsed config. */
export interface LiveCorpusOptions {
  corpusDir: string;
  dataDir: string;
  snapshotDir: string;
  retentionDays: number;
  /** Reload when the folder's files change. */
  corpusWatch: boolean;
  /** Deadline of a reload's worker, in milliseconds. */
  reloadTimeoutMs?: number;
  /** How the log words a broken file's problem (see CorpusServiceOptions.wordProblem). */
  wordProblem?: (problem: CorpusProblem) => string;
}

/**
 * Opens the records (falling back to none, logged), starts the corpus service with them and DATA_DIR,
 * reloads on SIGHUP, and watches the folder when CORPUS_WATCH is set.
 */
export async function startLiveCorpus(config: LiveCorpusOptions, logger: Logger): Promise<LiveCorpus> {
  const records = openRecords({ dataDir: config.dataDir, retentionDays: config.retentionDays, logger });
  const service = await CorpusService.start(config.corpusDir, logger, {
    dataDir: config.dataDir,
    snapshotDir: config.snapshotDir,
    records,
    ...(config.reloadTimeoutMs ? { reloadTimeoutMs: config.reloadTimeoutMs } : {}),
    ...(config.wordProblem ? { wordProblem: config.wordProblem } : {}),
  });
  const removeSignal = reloadOnSignal(service, logger);
  const watcher = config.corpusWatch ? watchCorpus(service, logger) : null;
  return {
    service,
    records,
    stop: () => {
      watcher?.close();
      removeSignal();
      records.close();
    },
  };
}

/** The part of {@link CorpusService} the triggers use. */
export type Reloadable = Pick<CorpusService, 'corpusDir' | 'reload' | 'isReloading'>;

/**
 * Reloads once, logging the outcome instead of throwing. A reload already running is not an error here:
 * `'busy'` tells the caller to try again later.
 */
export async function reloadAndLog(
  service: Reloadable,
  logger: Logger,
  actor: Actor,
): Promise<ReloadReport | 'busy' | 'failed'> {
  if (service.isReloading) return 'busy';
  try {
    return await service.reload(actor);
  } catch (err) {
    if (err instanceof CorpusError) {
      logger.error(
        { err, problems: err.problems, via: actor.via },
        'corpus reload failed; the live corpus keeps answering',
      );
    } else {
      logger.error({ err, via: actor.via }, 'corpus reload failed; the live corpus keeps answering');
    }
    return 'failed';
  }
}

/** A running watcher. */
export interface CorpusWatcher {
  close(): void;
}

/**
 * Watches the corpus folder (not its hidden entries: `.trash/`, upload temporaries) and reloads
 * `debounceMs` after the last change, so an editor's save-rename-chmod burst is one reload. A change
 * during a reload schedules another one after it.
 */
export function watchCorpus(service: Reloadable, logger: Logger, debounceMs = 500): CorpusWatcher {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const fire = async () => {
    timer = undefined;
    if ((await reloadAndLog(service, logger, { via: 'watch' })) === 'busy') schedule();
  };
  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void fire(), debounceMs);
  };
  let watcher: FSWatcher;
  try {
    watcher = watch(service.corpusDir, { persistent: false }, (_event, name) => {
      if (name?.startsWith('.')) return;
      schedule();
    });
  } catch (err) {
    logger.error({ err, corpusDir: service.corpusDir }, 'corpus: cannot watch the folder; reload by hand');
    return { close: () => {} };
  }
  watcher.on('error', (err) => logger.error({ err }, 'corpus: the folder watcher stopped'));
  logger.info({ corpusDir: service.corpusDir, debounceMs }, 'corpus: watching for changes');
  return {
    close: () => {
      closed = true;
      clearTimeout(timer);
      watcher.close();
    },
  };
}

/** Reloads on `signal` (SIGHUP by default). Returns a function removing the handler. */
export function reloadOnSignal(
  service: Reloadable,
  logger: Logger,
  signal: NodeJS.Signals = 'SIGHUP',
): () => void {
  const onSignal = () => {
    logger.info({ signal }, 'corpus: reload requested by signal');
    void reloadAndLog(service, logger, { via: signal.toLowerCase() });
  };
  process.on(signal, onSignal);
  return () => {
    process.off(signal, onSignal);
  };
}
