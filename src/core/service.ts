import type { Logger } from 'pino';
import { loadCorpus, loadCorpusStrict } from '../corpus/load.js';
import { formatProblem } from '../corpus/problems.js';
import { buildKnowledgeBase } from './knowledge.js';
import type { KnowledgeBase } from './types.js';

/** What a successful reload did. */
export interface ReloadReport {
  documents: number;
  passages: number;
  quotes: number;
  version: string;
  previousVersion: string;
  /** Milliseconds spent loading and indexing. */
  buildMs: number;
}

/** Thrown when a reload is asked for while another one runs. */
export class ReloadInProgressError extends Error {
  override name = 'ReloadInProgressError';
  constructor() {
    super('A corpus reload is already running; try again when it has finished.');
  }
}

/**
 * Holds the live knowledge base. Start-up is lenient (broken files are logged and skipped, so one bad file
 * does not keep the bot down); reloads are all or nothing: the new corpus is built aside while the old one
 * keeps answering, then swapped in one assignment.
 */
export class CorpusService {
  private live: KnowledgeBase;
  private reloading: Promise<ReloadReport> | null = null;

  private constructor(
    readonly corpusDir: string,
    private readonly logger: Logger,
    initial: KnowledgeBase,
  ) {
    this.live = initial;
  }

  /** Loads `corpusDir`, logging each broken file as an error and serving the rest. */
  static async start(corpusDir: string, logger: Logger): Promise<CorpusService> {
    const { corpus, problems } = await loadCorpus(corpusDir);
    for (const problem of problems) logger.error({ problem }, `corpus: ${formatProblem(problem)}`);
    const kb = buildKnowledgeBase(corpus);
    logger.info({ corpusDir, ...kb.stats(), version: kb.version }, 'corpus loaded');
    return new CorpusService(corpusDir, logger, kb);
  }

  /** The knowledge base answering now. Read it per request: a reload may replace it between two. */
  get current(): KnowledgeBase {
    return this.live;
  }

  /** Whether a reload is running (adapters defer their replies meanwhile). */
  get isReloading(): boolean {
    return this.reloading !== null;
  }

  /**
   * Re-reads the corpus folder and swaps the new knowledge base in, or throws (a `CorpusError` listing every
   * problem, or {@link ReloadInProgressError}) and leaves the live one untouched.
   */
  reload(): Promise<ReloadReport> {
    if (this.reloading) return Promise.reject(new ReloadInProgressError());
    this.reloading = this.rebuild().finally(() => {
      this.reloading = null;
    });
    return this.reloading;
  }

  private async rebuild(): Promise<ReloadReport> {
    const started = performance.now();
    const corpus = await loadCorpusStrict(this.corpusDir);
    const next = buildKnowledgeBase(corpus);
    const previousVersion = this.live.version;
    this.live = next;
    const report = {
      ...next.stats(),
      version: next.version,
      previousVersion,
      buildMs: Math.round(performance.now() - started),
    };
    this.logger.info(report, 'corpus reloaded');
    return report;
  }
}
