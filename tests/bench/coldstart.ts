/**
 * Cold start: how long from spawning the app, with one `/ask` line waiting on its stdin, to the first line of
 * the answer on its stdout. That covers Node start-up, loading the code, loading and indexing the corpus and
 * answering.
 */
import { spawn } from 'node:child_process';
import { median } from './metrics.js';

/** The console's first line of a reply to `/ask`: an answer, or the abstention. */
const ANSWER_LINE = /^(?:> )?(Answer: |The corpus does not cover)/m;
const QUESTION = '/ask when was the agreement signed?\n';
const TIMEOUT_MS = 60_000;

/** One cold start of `command args` in `cwd`, in ms. */
export function coldStartOnce(command: string, args: string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    // Own process group, so that npm and the node it starts are stopped together.
    const child = spawn(command, args, {
      cwd,
      detached: true,
      stdio: ['pipe', 'pipe', 'pipe'],
      // No token: the app runs its local console, as on a fresh clone.
      env: { ...process.env, DISCORD_TOKEN: '', LOG_LEVEL: 'error', FORCE_COLOR: '0' },
    });
    let output = '';
    let done = false;
    const finish = (error: Error | null, ms = 0) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
      if (error) reject(error);
      else resolve(ms);
    };
    const timer = setTimeout(
      () => finish(new Error(`no answer within ${TIMEOUT_MS} ms; output so far:\n${output}`)),
      TIMEOUT_MS,
    );
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      if (ANSWER_LINE.test(output)) finish(null, performance.now() - start);
    });
    child.stderr.on('data', () => {}); // drained, so a chatty child never blocks on a full pipe
    child.on('error', (err) => finish(err));
    child.on('exit', (code) => finish(new Error(`exited (${code}) before answering; output:\n${output}`)));
    child.stdin.on('error', () => {}); // the child may exit before reading
    child.stdin.write(QUESTION);
  });
}

/** Median and all times of `runs` cold starts, run one after the other. */
export async function coldStart(
  command: string,
  args: string[],
  cwd: string,
  runs: number,
): Promise<{ medianMs: number; runsMs: number[] }> {
  const runsMs: number[] = [];
  for (let i = 0; i < runs; i++) runsMs.push(await coldStartOnce(command, args, cwd));
  return { medianMs: median(runsMs), runsMs };
}
