/**
 * One corpus size of the bench, run in its own process (forked by bench.ts with `--expose-gc`), so that heap
 * figures of one size are not polluted by the garbage of another, and every size starts equally cold.
 *
 * Order matters: plain MiniSearch is measured first while the generated passages are in memory; then they are
 * dropped, so the heap after our load + build is what the bot itself would hold for this corpus.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import type { KnowledgeBase } from '../../src/contract/types.js';
import { loadCorpus } from '../../src/corpus/load.js';
import type { Corpus } from '../../src/corpus/types.js';
import { buildKnowledgeBase } from '../../src/knowledge/knowledge.js';
import { SnapshotStore } from '../../src/knowledge/snapshot.js';
import { createLogger } from '../../src/logger.js';
import { loadInWorker } from '../../src/service/worker.js';
import { type BenchPassage, brownPassages, writeCorpus } from './brown.js';
import { mean, percentile } from './metrics.js';
import { type BenchQuery, buildQueries } from './queries.js';

/** What bench.ts asks of a size run (passed as JSON in argv[2]). */
export interface SizeRunRequest {
  size: number;
  queries: number;
  /** Stop timing a system's queries after this long (ms); the queries are in random order, so a prefix is a sample. */
  queryBudgetMs: number;
  /** Only build our pipeline and run its queries (for a CPU profile of query time). */
  profileOnly?: boolean;
}

/** Query latencies of one system, in milliseconds, over the first `measured` queries. */
export interface Latency {
  measured: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
}

/** Plain MiniSearch at one size. Heap figures are MB (10^6 bytes) after a forced GC. */
export interface PlainResult {
  buildMs: number;
  /** Heap the index adds (the passage strings it was built from are held by the bench, not counted). */
  heapDeltaMb: number;
  default: Latency;
  /** CPU time per query (default options), which a busy machine inflates far less than wall time. */
  defaultCpu: Latency;
  fuzzy: Latency;
  /** Mean number of results (before the top-10 cut) per query. */
  meanHitsDefault: number;
  meanHitsFuzzy: number;
  /** Share of queries whose top 10 holds their source sentence (see `found10`). */
  found10Default: number;
  found10Fuzzy: number;
}

/** Our pipeline at one size, once built the way a reload builds (see src/service/worker.ts). Times in ms. */
export interface OursBuilt {
  /** The worker reading and segmenting the corpus folder. */
  loadMs: number;
  /** The worker building the knowledge base. */
  buildMs: number;
  /** The whole reload: worker, transfer, and the restore on the main thread. */
  reloadMs: number;
  /** CPU time of the reload, all threads (user + system), to tell slowness from a busy machine. */
  reloadCpuMs: number;
  /**
   * Time the main thread was busy with the reload (event-loop utilization, less the time spent answering the
   * probe questions): what the reload takes from users.
   */
  mainThreadMs: number;
  /** Max event-loop delay on the main thread during the reload. */
  eventLoopMaxMs: number;
  /**
   * What users see during the reload: a question to the live knowledge base every {@link ASK_INTERVAL_MS},
   * each timed from when it was due to its answer (waiting for the event loop included).
   */
  asksDuringReload: Latency;
  /** Largest resident set of the process during the reload, sampled every 50 ms: old and new index and the worker. */
  peakRssMb: number;
  /** Heap the loaded corpus and knowledge base add to an idle process. */
  heapDeltaMb: number;
  /** Whole process heap after load + build (what the 250 MB target is read against). */
  heapUsedMb: number;
  ask: Latency;
  /**
   * CPU time of the process per `kb.ask` (`process.cpuUsage`, so garbage collection on helper threads counts
   * too): on a shared machine the wall time also holds the waits for a core, this does not.
   */
  askCpu: Latency;
  /** p99 by query kind, to see what the tail is made of. */
  p99ByKind: Record<string, number>;
  /** Share of queries that got an answer sentence, and mean passages returned. */
  answered: number;
  meanPassages: number;
  /** Share of queries whose top 10 holds their source sentence (see `found10`). */
  found10: number;
  /** Start-up with a snapshot folder (see src/knowledge/snapshot.ts); null when the bench skipped it. */
  snapshot: SnapshotResult | null;
}

/** A first start (build, then save the snapshot) and the next one (load it), both synchronous, in ms. */
export interface SnapshotResult {
  firstStartMs: number;
  nextStartMs: number;
  fileMb: number;
}

/** What a size run reports to its parent, in order; the parent may kill it during the build. */
export type SizeRunMessage =
  | {
      type: 'corpus';
      size: number;
      /** The temporary corpus folder, for the parent to remove if it has to kill this process. */
      dir: string;
      documents: number;
      recombined: number;
      queries: number;
      loadAverage: number;
    }
  | { type: 'plain'; plain: PlainResult }
  | { type: 'reloading' }
  | { type: 'built'; passages: number }
  | { type: 'done'; ours: OursBuilt; loadAverage: number };

/** How often the bench asks the live knowledge base during a reload. */
const ASK_INTERVAL_MS = 20;
const BUNDLED_CORPUS = fileURLToPath(new URL('../../corpus', import.meta.url));

/**
 * Asks `kb` one query every `intervalMs` until stopped; returns each answer's lateness from when it was due,
 * and the time spent answering (main-thread time that is not the reload's).
 */
function askEvery(
  intervalMs: number,
  kb: KnowledgeBase,
  queries: BenchQuery[],
): { stop: () => { lateness: number[]; askingMs: number } } {
  const lateness: number[] = [];
  let askingMs = 0;
  let due = performance.now() + intervalMs;
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    const started = performance.now();
    kb.ask(queries[lateness.length % queries.length]?.text ?? '', { limit: 10 });
    const answered = performance.now();
    askingMs += answered - started;
    lateness.push(answered - due);
    due += intervalMs;
    setTimeout(tick, Math.max(0, due - performance.now()));
  };
  setTimeout(tick, intervalMs);
  return {
    stop: () => {
      stopped = true;
      return { lateness, askingMs };
    },
  };
}

/** Queries run untimed first, so JIT compilation is not counted as query time. */
const WARM_UP = 20;

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

function send(message: SizeRunMessage): Promise<void> {
  if (!process.send) {
    process.stdout.write(`${JSON.stringify(message)}\n`);
    return Promise.resolve();
  }
  // Resolve once the message is flushed: the parent may kill this process right after (during the build).
  return new Promise((resolve) => process.send?.(message, () => resolve()));
}

/** Collects garbage twice (weak references and finalizers can free more on the second pass). */
function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('size-run needs --expose-gc');
  gc();
  gc();
}

function heapMb(): number {
  collect();
  return process.memoryUsage().heapUsed / 1e6;
}

function latency(times: number[]): Latency {
  return {
    measured: times.length,
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    mean: mean(times),
    max: Math.max(...times),
  };
}

/**
 * Times `run` on the queries after a short warm-up, stopping after `budgetMs` (slow systems at 100k would
 * otherwise take the bench past its time limit). Returns one wall time and one CPU time per query measured, ms.
 */
function timeQueries<Id>(
  queries: BenchQuery[],
  budgetMs: number,
  run: (q: string) => Id[],
): { times: number[]; cpuTimes: number[]; tops: Id[][] } {
  for (const q of queries.slice(0, WARM_UP)) run(q.text);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const tops: Id[][] = [];
  const start = performance.now();
  for (const q of queries) {
    const cpu = process.cpuUsage();
    const before = performance.now();
    const top = run(q.text);
    const after = performance.now();
    const used = process.cpuUsage(cpu);
    times.push(after - before);
    cpuTimes.push((used.user + used.system) / 1000);
    tops.push(top);
    if (after - start > budgetMs) break;
  }
  return { times, cpuTimes, tops };
}

/**
 * Share of the measured queries whose top 10 holds a passage containing the sentence the query was made
 * from (recombined passages repeat sentences, so any passage holding it counts): retrieval quality at a
 * size no relevance judgments cover.
 */
function found10<Id>(queries: BenchQuery[], tops: Id[][], textOf: (id: Id) => string | undefined): number {
  let found = 0;
  tops.forEach((top, i) => {
    const sentence = queries[i]?.sentence ?? '';
    if (top.slice(0, 10).some((id) => textOf(id)?.includes(sentence))) found++;
  });
  return tops.length ? found / tops.length : 0;
}

function plainMiniSearch(passages: BenchPassage[], queries: BenchQuery[], budgetMs: number): PlainResult {
  const before = heapMb();
  const start = performance.now();
  const index = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: [] });
  index.addAll(passages.map((p, id) => ({ id, text: p.text })));
  const buildMs = performance.now() - start;
  const heapDeltaMb = heapMb() - before;
  log(`  plain MiniSearch built in ${buildMs.toFixed(0)} ms; querying (default, then prefix+fuzzy)`);
  const hits = { default: [] as number[], fuzzy: [] as number[] };
  const defaults = timeQueries(queries, budgetMs, (q) => {
    const results = index.search(q);
    hits.default.push(results.length);
    return results.slice(0, 10).map((r) => r.id as number);
  });
  const fuzzy = timeQueries(queries, budgetMs, (q) => {
    const results = index.search(q, { prefix: true, fuzzy: 0.2 });
    hits.fuzzy.push(results.length);
    return results.slice(0, 10).map((r) => r.id as number);
  });
  const textOf = (id: number) => passages[id]?.text;
  return {
    buildMs,
    heapDeltaMb,
    default: latency(defaults.times),
    defaultCpu: latency(defaults.cpuTimes),
    fuzzy: latency(fuzzy.times),
    meanHitsDefault: mean(hits.default),
    meanHitsFuzzy: mean(hits.fuzzy),
    found10Default: found10(queries, defaults.tops, textOf),
    found10Fuzzy: found10(queries, fuzzy.tops, textOf),
  };
}

/** Times two starts on `corpus` with a snapshot folder: the first builds and saves, the second loads. */
function startsWithSnapshot(corpus: Corpus): SnapshotResult {
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-snapshot-'));
  try {
    log('  start-up with a snapshot folder: first start (build + save), then the next (load)');
    const snapshots = new SnapshotStore(dir, createLogger({ level: 'warn', secrets: [] }));
    let start = performance.now();
    buildKnowledgeBase(corpus, { snapshots });
    const firstStartMs = performance.now() - start;
    start = performance.now();
    buildKnowledgeBase(corpus, { snapshots });
    const nextStartMs = performance.now() - start;
    const fileMb = readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0) / 1e6;
    return { firstStartMs, nextStartMs, fileMb };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function run(request: SizeRunRequest): Promise<void> {
  const { size } = request;
  log(`${size.toLocaleString('en-US')} passages: generating from Brown`);
  let passages: BenchPassage[] | null = brownPassages(size);
  const queries = buildQueries(
    passages.slice(0, 1000).map((p) => p.text),
    request.queries,
  );
  const { dir, documents } = writeCorpus(passages);
  try {
    await send({
      type: 'corpus',
      size,
      dir,
      documents,
      recombined: passages.filter((p) => p.recombined).length,
      queries: queries.length,
      loadAverage: loadavg()[0] ?? 0,
    });
    if (!request.profileOnly) {
      await send({ type: 'plain', plain: plainMiniSearch(passages, queries, request.queryBudgetMs) });
    }
    passages = null; // from here on only our loader's copy of the text is alive

    // The knowledge base a running bot would answer from during the reload: the bundled corpus.
    const live = buildKnowledgeBase((await loadCorpus(BUNDLED_CORPUS)).corpus);
    for (const q of queries.slice(0, WARM_UP)) live.ask(q.text, { limit: 10 });
    const before = heapMb();
    log('  reloading: our corpus (.jsonl) loaded and indexed in a worker, restored here in slices');
    await send({ type: 'reloading' });
    const delay = monitorEventLoopDelay({ resolution: 1 });
    delay.enable();
    const mainThread = performance.eventLoopUtilization();
    const cpuStart = process.cpuUsage();
    const reloadStart = performance.now();
    const asking = askEvery(ASK_INTERVAL_MS, live, queries);
    let peakRss = process.memoryUsage.rss();
    const rssSampler = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
    }, 50);
    // The way a reload in the running bot builds; no snapshot folder, so the worker builds.
    const {
      corpus,
      knowledgeBase: kb,
      workerMs,
    } = await loadInWorker(dir, {
      logger: createLogger({ level: 'warn', secrets: [] }),
    });
    const reloadMs = performance.now() - reloadStart;
    const { lateness, askingMs } = asking.stop();
    clearInterval(rssSampler);
    const cpu = process.cpuUsage(cpuStart);
    const mainThreadMs = performance.eventLoopUtilization(mainThread).active - askingMs;
    // Let the delayed timer fire once more so the histogram records the last block of the restore.
    await new Promise((resolve) => setTimeout(resolve, 5));
    delay.disable();
    await send({ type: 'built', passages: corpus.passages.length });
    const heapUsedMb = heapMb();
    log(
      `  loaded in ${workerMs.load.toFixed(0)} ms, built in ${workerMs.build.toFixed(0)} ms, reloaded in ${reloadMs.toFixed(0)} ms; querying kb.ask`,
    );

    let answered = 0;
    let returned = 0;
    const { times, cpuTimes, tops } = timeQueries(queries, request.queryBudgetMs, (q) => {
      const result = kb.ask(q, { limit: 10 });
      if (result.answer) answered++;
      returned += result.passages.length;
      return result.passages.map((p) => p.id);
    });
    const passageText = new Map(corpus.passages.map((p) => [p.id, p.text]));
    const found = found10(queries, tops, (id) => passageText.get(id));
    passageText.clear();
    // Profiling wants samples more than a time budget: run every query a second time.
    if (request.profileOnly)
      timeQueries(queries, Number.MAX_SAFE_INTEGER, (q) => kb.ask(q, { limit: 10 }).passages);
    const snapshot = request.profileOnly ? null : startsWithSnapshot(corpus);
    const runs = times.length + Math.min(WARM_UP, queries.length);
    const p99ByKind: Record<string, number> = {};
    for (const kind of new Set(queries.map((q) => q.kind))) {
      const ofKind = times.filter((_, i) => queries[i]?.kind === kind);
      if (ofKind.length > 0) p99ByKind[kind] = percentile(ofKind, 99);
    }
    await send({
      type: 'done',
      loadAverage: loadavg()[0] ?? 0,
      ours: {
        loadMs: workerMs.load,
        buildMs: workerMs.build,
        reloadMs,
        reloadCpuMs: (cpu.user + cpu.system) / 1000,
        mainThreadMs,
        eventLoopMaxMs: delay.max / 1e6,
        asksDuringReload: latency(lateness),
        peakRssMb: peakRss / 1e6,
        heapDeltaMb: heapUsedMb - before,
        heapUsedMb,
        ask: latency(times),
        askCpu: latency(cpuTimes),
        p99ByKind,
        answered: answered / runs,
        meanPassages: returned / runs,
        found10: found,
        snapshot,
      },
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await run(JSON.parse(process.argv[2] ?? '{}') as SizeRunRequest);
