/**
 * `npm run bench`: the project's /ask pipeline side by side with plain MiniSearch on Brown-corpus passages at
 * several sizes, plus cold start, and optionally SciFact retrieval quality and a CPU profile.
 *
 *   npm run bench -- [--sizes 1000,10000,100000] [--queries 1000] [--scifact <dir>] [--out results.json]
 *                    [--profile 10000] [--build-budget 180] [--query-budget 30] [--cold-runs 5] [--no-cold-start]
 *                    [--scifact-split test|train] [--no-pathological]
 *
 * Each size runs in a child process (size-run.ts, with --expose-gc). Progress goes to stderr, the tables to
 * stdout. See tests/bench/README.md for what is measured and how.
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale } from '../../src/build.mjs';
import { parseCliArgs } from '../../src/cli/shared.js';
import { coldStart } from './coldstart.js';
import { type PathologicalResult, runPathological } from './pathological.js';
import { type ProfileSummary, summarizeProfile } from './profile.js';
import { runSciFact, type SciFactResult } from './scifact.js';
import type { OursBuilt, PlainResult, SizeRunMessage, SizeRunRequest } from './size-run.js';

const USAGE =
  'npm run bench -- [--sizes 1000,10000,100000] [--queries 1000] [--scifact <dir>] [--out results.json] [--profile 10000] [--build-budget 180] [--query-budget 30] [--cold-runs 5] [--no-cold-start] [--scifact-split test|train] [--no-pathological]';
const HERE = dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = resolve(HERE, '..', '..');
const SIZE_RUN = join(HERE, 'size-run.ts');

/** Everything measured at one corpus size. `ours.built` is null when the build was killed or failed. */
export interface SizeSummary {
  size: number;
  documents: number;
  recombined: number;
  queries: number;
  /** 1-minute load average of the machine when the size started and ended (2 CPUs: above 2 means queuing). */
  loadAverage: number[];
  plain: PlainResult | null;
  ours: {
    passages: number | null;
    built: OursBuilt | null;
    /** Set when the build ran past the build budget and the run was killed. */
    killedAfterMs: number | null;
    error: string | null;
  };
}

interface Target {
  what: string;
  limit: string;
  measured: string;
  met: boolean | null;
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** The tsx loader as a file URL, so the children find it whatever their working directory. */
function tsxLoader(): string {
  return import.meta.resolve('tsx');
}

function forkSizeRun(request: SizeRunRequest, extraNodeArgs: string[] = []): ChildProcess {
  return fork(SIZE_RUN, [JSON.stringify(request)], {
    execArgv: ['--expose-gc', '--import', tsxLoader(), ...extraNodeArgs],
    // The child's stdout goes to our stderr: stdout is for the tables only.
    stdio: ['ignore', 2, 'inherit', 'ipc'],
  });
}

/**
 * Runs one size in a child process. On big corpora our build may take far longer than the bench can wait:
 * past `buildBudgetMs` the child is killed and the size reports what it measured so far.
 */
function runSize(request: SizeRunRequest, buildBudgetMs: number): Promise<SizeSummary> {
  return new Promise((resolvePromise) => {
    const summary: SizeSummary = {
      size: request.size,
      documents: 0,
      recombined: 0,
      queries: 0,
      loadAverage: [loadavg()[0] ?? 0],
      plain: null,
      ours: { passages: null, built: null, killedAfterMs: null, error: null },
    };
    let corpusDir: string | null = null;
    let budget: NodeJS.Timeout | null = null;
    const child = forkSizeRun(request);
    child.on('message', (raw) => {
      const message = raw as SizeRunMessage;
      switch (message.type) {
        case 'corpus':
          Object.assign(summary, {
            documents: message.documents,
            recombined: message.recombined,
            queries: message.queries,
          });
          corpusDir = message.dir;
          break;
        case 'plain':
          summary.plain = message.plain;
          break;
        case 'reloading':
          budget = setTimeout(() => {
            log(`  build still running after ${buildBudgetMs / 1000} s: stopping this size`);
            summary.ours.killedAfterMs = buildBudgetMs;
            child.kill('SIGKILL');
          }, buildBudgetMs);
          break;
        case 'built':
          summary.ours.passages = message.passages;
          if (budget) clearTimeout(budget);
          break;
        case 'done':
          summary.ours.built = message.ours;
          summary.loadAverage.push(message.loadAverage);
          break;
      }
    });
    child.on('exit', (code, signal) => {
      if (budget) clearTimeout(budget);
      // A killed child cannot clean up after itself.
      if (corpusDir) rmSync(corpusDir, { recursive: true, force: true });
      if (!summary.ours.built && summary.ours.killedAfterMs === null) {
        summary.ours.error = `size run exited (${signal ?? code}) before finishing`;
      }
      resolvePromise(summary);
    });
  });
}

/** Profiles our pipeline at one size (no budgets) and summarizes query time and build time. */
async function profileSize(size: number, queries: number): Promise<ProfileSummary[]> {
  const dir = mkdtempSync(join(tmpdir(), 'accord-bench-prof-'));
  try {
    log(`profiling ${size.toLocaleString('en-US')} passages (--cpu-prof)`);
    const child = forkSizeRun(
      // Not Infinity: the request travels as JSON, where Infinity becomes null.
      { size, queries, queryBudgetMs: Number.MAX_SAFE_INTEGER, profileOnly: true },
      ['--cpu-prof', '--cpu-prof-dir', dir],
    );
    await new Promise((done) => child.on('exit', done));
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (!file) throw new Error('no CPU profile written');
    return [
      summarizeProfile(join(dir, file), 'ask', 'src/answer/ask.ts'),
      summarizeProfile(join(dir, file), 'knowledgeBaseSteps', 'src/knowledge/knowledge.ts'),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- formatting ----

function ms(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 1) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

function mb(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${value.toFixed(1)} MB`;
}

function ratio(ours: number | null | undefined, plain: number | null | undefined): string {
  if (ours === null || ours === undefined || plain === null || plain === undefined || plain <= 0) return '—';
  const r = ours / plain;
  return `${r >= 10 ? r.toFixed(0) : r.toFixed(1)}×`;
}

function pct(share: number): string {
  return `${(100 * share).toFixed(1)}%`;
}

function count(n: number): string {
  return n.toLocaleString('en-US');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

function sizeRows(s: SizeSummary): string[][] {
  const n = count(s.size);
  const p = s.plain;
  const o = s.ours;
  const b = o.built;
  const buildCell = b
    ? ms(b.buildMs)
    : o.killedAfterMs !== null
      ? `> ${ms(o.killedAfterMs)} (killed)`
      : (o.error ?? '—');
  const timed = (l: { measured: number } | undefined) => (l ? `${l.measured}/${s.queries}` : '—');
  return [
    [
      n,
      'MiniSearch default',
      '—',
      ms(p?.buildMs),
      mb(p?.heapDeltaMb),
      ms(p?.default.p50),
      ms(p?.default.p99),
      timed(p?.default),
    ],
    [
      n,
      'MiniSearch prefix+fuzzy 0.2',
      '—',
      '(same index)',
      '',
      ms(p?.fuzzy.p50),
      ms(p?.fuzzy.p99),
      timed(p?.fuzzy),
    ],
    [
      n,
      'Accord kb.ask (limit 10)',
      ms(b?.loadMs),
      buildCell,
      b ? `${mb(b.heapDeltaMb)} (${b.heapUsedMb.toFixed(0)} total)` : '—',
      ms(b?.ask.p50),
      ms(b?.ask.p99),
      timed(b?.ask),
    ],
    [
      n,
      '  ratio Accord / default',
      '',
      ratio(b?.buildMs, p?.buildMs),
      ratio(b?.heapDeltaMb, p?.heapDeltaMb),
      ratio(b?.ask.p50, p?.default.p50),
      ratio(b?.ask.p99, p?.default.p99),
      '',
    ],
    [
      n,
      '  ratio Accord / fuzzy',
      '',
      '',
      '',
      ratio(b?.ask.p50, p?.fuzzy.p50),
      ratio(b?.ask.p99, p?.fuzzy.p99),
      '',
    ],
  ];
}

function targets(sizes: SizeSummary[], scifact: SciFactResult | null): Target[] {
  const out: Target[] = [];
  const at = (n: number) => sizes.find((s) => s.size === n);
  const check = (
    what: string,
    limit: number,
    value: number | null,
    unit: 'ms' | 'MB',
    lowerBound = false,
  ) => {
    const shown =
      value === null ? 'not measured' : `${lowerBound ? '> ' : ''}${unit === 'ms' ? ms(value) : mb(value)}`;
    out.push({
      what,
      limit: unit === 'ms' ? ms(limit) : mb(limit),
      measured: shown,
      met: value === null ? (lowerBound ? false : null) : !lowerBound && value <= limit,
    });
  };
  for (const [n, p99, build] of [
    [10_000, 3, 1000],
    [100_000, 30, 8000],
  ] as const) {
    const s = at(n);
    if (!s) continue;
    const killed = s.ours.killedAfterMs;
    check(`pipeline p99 at ${count(n)}`, p99, s.ours.built?.ask.p99 ?? null, 'ms');
    check(`build at ${count(n)}`, build, s.ours.built?.buildMs ?? killed, 'ms', killed !== null);
    const snapshot = s.ours.built?.snapshot;
    if (snapshot) check(`start from a saved index at ${count(n)}`, build, snapshot.nextStartMs, 'ms');
  }
  const big = at(100_000);
  if (big) {
    check('heap at 100,000 (process heapUsed)', 250, big.ours.built?.heapUsedMb ?? null, 'MB');
    check(
      'event-loop delay during a reload at 100,000',
      50,
      big.ours.built?.eventLoopMaxMs ?? big.ours.killedAfterMs,
      'ms',
      big.ours.killedAfterMs !== null,
    );
  }
  if (scifact) {
    out.push({
      what: 'SciFact nDCG@10 (ask --json --limit 10)',
      limit: '≥ 0.680',
      measured: scifact.ours.ndcg10Shown.toFixed(3),
      met: scifact.ours.ndcg10Shown >= 0.68,
    });
  }
  return out;
}

function hotspotLines(summary: ProfileSummary, size: number): string[] {
  return [
    `Where ${summary.root} time goes at ${count(size)} passages (${summary.samples} samples, ${(100 * summary.share).toFixed(0)}% of the run):`,
    table(
      ['inclusive', 'self', 'function'],
      summary.byInclusive.map((h) => [
        `${(100 * h.inclusive).toFixed(1)}%`,
        `${(100 * h.self).toFixed(1)}%`,
        h.function,
      ]),
    ),
    'Top self time:',
    table(
      ['self', 'function'],
      summary.bySelf.slice(0, 10).map((h) => [`${(100 * h.self).toFixed(1)}%`, h.function]),
    ),
  ];
}

// ---- main ----

async function main(): Promise<void> {
  const { values } = parseCliArgs(
    {
      options: {
        sizes: { type: 'string', default: '1000,10000,100000' },
        queries: { type: 'string', default: '1000' },
        scifact: { type: 'string' },
        out: { type: 'string' },
        profile: { type: 'string' },
        'build-budget': { type: 'string', default: '180' },
        'query-budget': { type: 'string', default: '30' },
        'cold-runs': { type: 'string', default: '5' },
        'no-cold-start': { type: 'boolean', default: false },
        'scifact-split': { type: 'string', default: 'test' },
        'no-pathological': { type: 'boolean', default: false },
      },
    },
    USAGE,
  );
  const sizes = values.sizes
    .split(',')
    .map((s) => Number(s.trim().replace(/_/g, '')))
    .filter((n) => Number.isInteger(n) && n > 0);
  const queries = Number(values.queries);
  const buildBudgetMs = Number(values['build-budget']) * 1000;
  const queryBudgetMs = Number(values['query-budget']) * 1000;
  const started = performance.now();

  const results: SizeSummary[] = [];
  for (const size of sizes) results.push(await runSize({ size, queries, queryBudgetMs }, buildBudgetMs));

  let cold: Record<string, { medianMs: number; runsMs: number[] } | { error: string }> | null = null;
  if (!values['no-cold-start']) {
    const runs = Number(values['cold-runs']);
    cold = {};
    // Compiled first (what `npm start` does when the sources changed), so no run times the compiler.
    buildIfStale();
    for (const [name, command, args] of [
      ['npm start', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['start']],
      ['node src/start.mjs (no npm)', process.execPath, ['src/start.mjs']],
      ['node --import tsx src/main.ts (uncompiled)', process.execPath, ['--import', 'tsx', 'src/main.ts']],
    ] as const) {
      log(`cold start: ${name} × ${runs}`);
      try {
        cold[name] = await coldStart(command, [...args], PROJECT_ROOT, runs);
      } catch (err) {
        cold[name] = { error: (err as Error).message.split('\n')[0] ?? String(err) };
      }
    }
  }

  let pathological: PathologicalResult | null = null;
  if (!values['no-pathological']) {
    log('pathological input: a document of long runs of name and number characters');
    pathological = await runPathological();
  }

  const split = values['scifact-split'];
  if (split !== 'test' && split !== 'train') throw new Error(`--scifact-split: test or train, not ${split}`);
  const scifact = values.scifact ? await runSciFact(values.scifact, log, split) : null;
  const profiles: { size: number; summaries: ProfileSummary[] }[] = [];
  for (const size of (values.profile ?? '').split(',').filter(Boolean).map(Number)) {
    profiles.push({ size, summaries: await profileSize(size, queries) });
  }

  const goals = targets(results, scifact);
  const out: string[] = [];
  out.push(
    `Accord bench — Brown-corpus passages, ${queries} queries of 3–8 words; Node ${process.version}, ` +
      `${availableParallelism()} CPUs; load average ${results.flatMap((r) => r.loadAverage.map((l) => l.toFixed(1))).join(' / ')}`,
    '',
    table(
      ['Passages', 'System', 'Load', 'Build', 'Heap after build', 'p50', 'p99', 'Timed'],
      results.flatMap(sizeRows),
    ),
    '',
    'Heap: plain = what the index adds; Accord = what loading + building adds (whole-process heapUsed in brackets).',
    'Timed: queries measured within the per-system query budget (a prefix of the randomly ordered queries).',
  );
  for (const s of results) {
    const b = s.ours.built;
    const detail = [
      `${count(s.size)}: ${count(s.documents)} documents, ${count(s.ours.passages ?? 0)} passages loaded (${count(s.recombined)} recombined)`,
    ];
    if (b) {
      detail.push(
        `reload ${ms(b.reloadMs)} (CPU ${ms(b.reloadCpuMs)} on all threads; main thread busy ${ms(b.mainThreadMs)}, event-loop max ${ms(b.eventLoopMaxMs)}, peak RSS ${mb(b.peakRssMb)})`,
        `/ask every 20 ms during the reload, late by p50 ${ms(b.asksDuringReload.p50)}, p99 ${ms(b.asksDuringReload.p99)}, max ${ms(b.asksDuringReload.max)} (${b.asksDuringReload.measured} asks)`,
        b.snapshot
          ? `start with a snapshot folder: first ${ms(b.snapshot.firstStartMs)} (build + save ${mb(b.snapshot.fileMb)}), next ${ms(b.snapshot.nextStartMs)} (load)`
          : 'snapshot not measured',
        `CPU per query p50 ${ms(b.askCpu.p50)}, p99 ${ms(b.askCpu.p99)}${s.plain ? ` (plain ${ms(s.plain.defaultCpu.p50)}, ${ms(s.plain.defaultCpu.p99)})` : ''}`,
        `answered ${(100 * b.answered).toFixed(0)}%`,
        `source sentence in top 10: ${pct(b.found10)}${s.plain ? ` (plain ${pct(s.plain.found10Default)}, fuzzy ${pct(s.plain.found10Fuzzy)})` : ''}`,
        `p99 by kind ${Object.entries(b.p99ByKind)
          .map(([k, v]) => `${k} ${ms(v)}`)
          .join(', ')}`,
      );
    }
    if (s.plain)
      detail.push(
        `plain results/query ${s.plain.meanHitsDefault.toFixed(0)} (fuzzy ${s.plain.meanHitsFuzzy.toFixed(0)})`,
      );
    out.push(`  ${detail.join('; ')}`);
  }
  out.push(
    '',
    'Targets',
    goals.length === 0
      ? '  (none at these sizes: the targets are for 10,000 and 100,000 passages and SciFact)'
      : table(
          ['', 'target', 'limit', 'measured'],
          goals.map((g) => [g.met === null ? '?' : g.met ? '✓' : '✗', g.what, g.limit, g.measured]),
        ),
  );
  if (cold) {
    out.push('', 'Cold start (spawn → first answer line for "/ask when was the agreement signed?")');
    for (const [name, r] of Object.entries(cold)) {
      out.push(
        'error' in r
          ? `  ${name}: failed: ${r.error}`
          : `  ${name}: median ${ms(r.medianMs)} (runs ${r.runsMs.map((t) => ms(t)).join(', ')})`,
      );
    }
  }
  if (pathological) {
    const { characters, loadMs, buildMs, askMs } = pathological;
    out.push(
      '',
      `Pathological input (one document of ${count(characters)} characters in long runs of name and number characters)`,
      `  load ${ms(loadMs)}, build ${ms(buildMs)}; ${askMs.map((a) => `"${a.question}" ${ms(a.ms)}`).join(', ')}`,
    );
  }
  if (scifact) {
    out.push(
      '',
      `SciFact ${split} (${scifact.queries} queries, ${count(scifact.documents)} documents, ${count(scifact.passages)} passages; load ${ms(scifact.loadMs)}, build ${ms(scifact.buildMs)})`,
      table(
        ['System', 'nDCG@10', 'Recall@100', 'notes'],
        [
          [
            'Accord kb.ask (limit 100)',
            scifact.ours.ndcg10.toFixed(3),
            scifact.ours.recall100.toFixed(3),
            `${scifact.ours.meanPassages.toFixed(1)} passages → ${scifact.ours.meanDocuments.toFixed(1)} documents per query; p50 ${ms(scifact.ours.p50Ms)}, p99 ${ms(scifact.ours.p99Ms)}`,
          ],
          [
            'MiniSearch default (title+text)',
            scifact.plain.ndcg10.toFixed(3),
            scifact.plain.recall100.toFixed(3),
            '',
          ],
          ['Accord ask --json --limit 10 (as shown)', scifact.ours.ndcg10Shown.toFixed(3), '—', ''],
          ['BM25 BEIR (published, test split)', '0.665', '—', ''],
          ['BM25 Anserini flat (published, test split)', '0.679', '0.925', ''],
        ],
      ),
    );
  }
  for (const p of profiles) for (const summary of p.summaries) out.push('', ...hotspotLines(summary, p.size));
  out.push('', `Bench took ${ms(performance.now() - started)}.`);
  process.stdout.write(`${out.join('\n')}\n`);

  if (values.out) {
    const json = {
      date: new Date().toISOString(),
      command: `npm run bench -- ${process.argv.slice(2).join(' ')}`.trim(),
      node: process.version,
      cpus: availableParallelism(),
      sizes: results,
      targets: goals,
      coldStart: cold,
      pathological,
      scifact,
      profiles,
    };
    writeFileSync(values.out, `${JSON.stringify(json, null, 2)}\n`);
    log(`results written to ${values.out}`);
  }
}

await main();
