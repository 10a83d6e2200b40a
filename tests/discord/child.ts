/** Helpers to run the real entry points as child processes against a loopback Discord. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OnTestFinishedHandler } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { LoopbackDiscord } from '../loopback/index.js';
import { waitUntil } from '../support/wait.js';

/**
 * A package.json start script (`start`: `node src/start.mjs`; `start:prod`: `node dist/src/main.js`) as node
 * arguments, run without npm in between so the test sees the bot's own exit code (npm reports the signal).
 * dist/ is compiled by tests/global-setup.ts.
 */
export function startArgs(script: 'start' | 'start:prod' = 'start'): string[] {
  const scripts = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')).scripts;
  const [command, ...args] = String(scripts[script]).split(' ');
  if (command !== 'node')
    throw new Error(`npm run ${script} runs ${command}, not node: update tests/discord/child.ts`);
  return args;
}

/** The parent's environment without any Discord settings. */
export function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(DISCORD_|MODERATOR_)/.test(k)),
  );
  // Set (even empty) values are not overridden by dotenv, so a developer's .env cannot leak in.
  return {
    ...base,
    DISCORD_TOKEN: '',
    DISCORD_APPLICATION_ID: '',
    DISCORD_GUILD_ID: '',
    DISCORD_API_BASE: 'http://127.0.0.1:9/api',
    MODERATOR_ROLE_IDS: '',
    CORPUS_DIR: '',
    LOG_LEVEL: 'info',
    ...extra,
  };
}

/** Vitest's `onTestFinished`, to clean up whatever a test started. */
export type Finished = (fn: OnTestFinishedHandler) => void;

export interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<number | null>;
  /**
   * Resolves once the JSON log lines on stderr satisfy `probe` (re-read as each chunk arrives), with its value;
   * fails when the process exits first, or after the waits' net.
   */
  logged<T>(probe: (lines: LogLine[]) => T | undefined | null | false, what: string): Promise<T>;
}

/** One JSON log line, parsed. */
export type LogLine = Record<string, unknown>;

/** The whole JSON log lines in `stderr` (the manager's and its shards', which share it), parsed. */
export function logLines(stderr: string): LogLine[] {
  return stderr
    .split('\n')
    .slice(0, -1) // a line still being written
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as LogLine);
}

export function run(
  finished: Finished,
  command: string,
  args: string[],
  environment: NodeJS.ProcessEnv,
  cwd: string = PROJECT_ROOT,
): Run {
  const child = spawn(command, args, {
    cwd,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    err += d.toString();
    child.emit('stderr');
  });
  let closed = false;
  child.on('close', () => {
    closed = true;
    child.emit('stderr');
  });
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  const logged = <T>(probe: (lines: LogLine[]) => T | undefined | null | false, what: string) =>
    waitUntil(
      child,
      'stderr',
      () => {
        const found = probe(logLines(err));
        if (!found && closed) throw new Error(`the process exited (${child.exitCode}) before ${what}`);
        return found;
      },
      { what, detail: () => `stderr ends: ${err.slice(-500)}` },
    );
  finished(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exit;
    }
  });
  return { child, stdout: () => out, stderr: () => err, exit, logged };
}

export async function loopback(finished: Finished): Promise<LoopbackDiscord> {
  const server = await LoopbackDiscord.start({ log: () => undefined });
  finished(() => server.close());
  return server;
}
