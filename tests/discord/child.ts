/** Helpers to run the real entry points as child processes against a loopback Discord. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { OnTestFinishedHandler } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.js';
import { LoopbackDiscord } from '../loopback/index.js';

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
  });
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  finished(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exit;
    }
  });
  return { child, stdout: () => out, stderr: () => err, exit };
}

export async function loopback(finished: Finished): Promise<LoopbackDiscord> {
  const server = await LoopbackDiscord.start({ log: () => undefined });
  finished(() => server.close());
  return server;
}
