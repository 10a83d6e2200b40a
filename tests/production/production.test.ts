/**
 * Production runs compiled JavaScript with the production dependencies only (docs/production.md). A copy of
 * the project holds what a production host has after `npm run build` and `npm ci --omit=dev`: package.json,
 * the lock file, the sources, dist/ (compiled by tests/global-setup.ts), the corpus, and node_modules with
 * exactly the packages npm installs without devDependencies (`npm ls --omit=dev`, copied from this install
 * rather than downloaded and compiled again). TypeScript, tsx and pino-pretty are not there, so nothing in it
 * can compile or load TypeScript; it answers in the console, on the loopback Discord (a reload included, in
 * the compiled worker; sharded too) and from the compiled CLIs.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { env, loopback, run, startArgs } from '../discord/child.js';
import { LoopbackDiscord } from '../loopback/index.js';
import { bundledText } from '../support/bundled.js';
import { PROJECT_ROOT, runNpm } from '../support/run.js';

let root: string;

/** The production copy: see the file comment. */
function productionCopy(): string {
  const copy = mkdtempSync(join(tmpdir(), 'accord-production-'));
  // The sources too, as a host deploying a git checkout has them.
  const entries = [
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'tsconfig.build.json',
    'src',
    'commands',
  ];
  for (const entry of [...entries, 'dist', 'corpus'])
    cpSync(join(PROJECT_ROOT, entry), join(copy, entry), { recursive: true });
  // `npm ls` is npm's own answer to what `--omit=dev` installs; the copy keeps its layout. A package nested
  // in another's node_modules comes with it.
  const installed = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  const byFolder = new Map<string, string[]>();
  for (const path of installed.trim().split('\n').slice(1)) {
    const rel = relative(PROJECT_ROOT, path);
    if (rel.split(sep).filter((part) => part === 'node_modules').length > 1) continue;
    const folder = join(copy, dirname(rel));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), path]);
  }
  for (const [folder, paths] of byFolder) {
    mkdirSync(folder, { recursive: true });
    execFileSync('cp', ['-R', ...paths, folder]); // much faster than fs.cpSync on thousands of small files
  }
  return copy;
}

beforeAll(() => {
  root = productionCopy();
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The environment of a run in the copy: no Discord, no `.env`, no loader put in by the parent. */
const productionEnv = (extra: Record<string, string> = {}) => env({ NODE_OPTIONS: '', ...extra });

/** Markdown emphasis and escapes taken out of a Discord text, to compare it with the corpus. */
const plain = (text: string | undefined) => (text ?? '').replace(/[*_\\]/g, '');

describe('a production install (npm ci --omit=dev)', () => {
  it('holds the runtime dependencies and none of the build tools', () => {
    const resolve = createRequire(join(root, 'package.json')).resolve;
    for (const runtime of [
      'discord.js',
      'minisearch',
      'pino',
      'better-sqlite3',
      'sudachi-synonyms-dictionary',
    ])
      expect(resolve(runtime).startsWith(root)).toBe(true);
    for (const tool of ['typescript', 'tsx', 'pino-pretty'])
      expect(() => resolve(tool), tool).toThrow(`Cannot find module '${tool}'`);
  });

  it('answers in the console with `npm run start:prod`, from the bundled corpus', async () => {
    const { code, stdout } = await runNpm(['start:prod'], {
      cwd: root,
      env: productionEnv(),
      input: '/ask when was the agreement signed?\n',
    });
    expect(code).toBe(0);
    const answer = /^Answer: (.+)$/m.exec(stdout)?.[1];
    expect(answer).toContain('January 13th');
    expect(bundledText()).toContain(answer);
  });

  it('`npm start` does not compile there: it says what to run instead when dist/ is older than the sources', () => {
    utimesSync(join(root, 'dist', '.built'), 0, 0);
    const result = spawnSync(process.execPath, startArgs('start'), {
      cwd: root,
      env: productionEnv(),
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      'dist/ needs compiling but TypeScript is not installed (a production install leaves out the ' +
        'devDependencies): run `npm run build` where they are installed, then `npm run start:prod`\n',
    );
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['.built', 'commands', 'src']);
  });

  it('runs the compiled CLIs', () => {
    const node = (args: string[]) =>
      execFileSync(process.execPath, args, { cwd: root, env: productionEnv(), encoding: 'utf8' });
    const asked = JSON.parse(node(['dist/src/cli/ask.js', '--json', 'When was the agreement signed?']));
    expect(bundledText()).toContain(asked.answer.text);
    const quoted = JSON.parse(node(['dist/src/cli/quote.js', '--json', 'Kishida']));
    expect(quoted.quotes.length).toBeGreaterThan(0);
    for (const quote of quoted.quotes) expect(bundledText()).toContain(quote.text);
    expect(node(['dist/src/cli/corpus.js', 'check'])).toMatch(/^ok: 1 document, /);
  });

  it('logs JSON lines on a terminal without pino-pretty, readable ones where it is installed', () => {
    // Standard error made to look like a terminal before anything loads (the tests' own is a pipe).
    const stderrOnTerminal = (cwd: string) => {
      const result = spawnSync(
        process.execPath,
        ['--import', 'data:text/javascript,process.stderr.isTTY=true', 'dist/src/cli/ask.js', 'who signed?'],
        {
          cwd,
          env: productionEnv({ LOG_LEVEL: 'debug', DATA_DIR: join(root, 'data-cli') }),
          encoding: 'utf8',
        },
      );
      expect(result.status, result.stderr).toBe(0);
      return result.stderr.trim().split('\n');
    };
    const production = stderrOnTerminal(root);
    expect(production.map((line) => JSON.parse(line).msg)).toContain('corpus loaded');
    const development = stderrOnTerminal(PROJECT_ROOT);
    expect(development.some((line) => line.includes('INFO') && line.includes('corpus loaded'))).toBe(true);
    expect(development.some((line) => line.startsWith('{'))).toBe(false);
  });

  it('runs the bot with `npm run start:prod` on the loopback Discord, reloading in the compiled worker', async ({
    onTestFinished,
  }) => {
    const discord = await loopback(onTestFinished);
    const discordEnv = productionEnv({
      DISCORD_TOKEN: discord.token,
      DISCORD_API_BASE: discord.apiBase,
      DISCORD_GUILD_ID: discord.guild.id,
      DATA_DIR: join(root, 'data'),
    });
    // Asynchronously: the loopback Discord answers from this process's event loop.
    const deploy = run(
      onTestFinished,
      process.execPath,
      ['dist/src/discord/deploy-commands.js'],
      discordEnv,
      root,
    );
    expect(await deploy.exit, deploy.stderr()).toBe(0);
    expect(discord.commands.guild.get(discord.guild.id)?.map((c) => c.name)).toContain('ask');

    const p = run(onTestFinished, process.execPath, startArgs('start:prod'), discordEnv, root);
    await p.logged((lines) => lines.some((l) => l.msg === 'discord bot ready'), 'the bot to be ready');
    const signed = await discord.command('ask', { question: 'When was the agreement signed?' }).reply();
    const sentence = /[^.]*January 13th[^.]*\./.exec(bundledText())?.[0].trim() ?? 'not in the corpus';
    expect(plain(signed.embeds[0]?.description)).toContain(sentence);

    const moon = 'The rover landed on the Moon in March 2031.';
    writeFileSync(
      join(root, 'corpus', 'moon.md'),
      `---\nid: moon-note\ntitle: Moon note\nkind: statement\n---\n${moon}\n`,
    );
    p.child.kill('SIGHUP');
    await p.logged((lines) => lines.some((l) => l.msg === 'corpus reloaded'), 'the reload');
    const landed = await discord.command('ask', { question: 'When did the rover land?' }).reply();
    expect(plain(landed.embeds[0]?.description)).toContain(moon);
    expect(discord.mentionViolations).toEqual([]);

    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
    expect(p.stderr()).not.toContain(discord.token);
  });

  it('runs one compiled process per shard with SHARD_COUNT, each answering its guild', async ({
    onTestFinished,
  }) => {
    const discord = await LoopbackDiscord.start({ shards: 2, guilds: 2, log: () => undefined });
    onTestFinished(() => discord.close());
    const p = run(
      onTestFinished,
      process.execPath,
      startArgs('start:prod'),
      productionEnv({
        DISCORD_TOKEN: discord.token,
        DISCORD_API_BASE: discord.apiBase,
        DATA_DIR: join(root, 'data-shards'),
        SHARD_COUNT: 'auto',
      }),
      root,
    );
    await p.logged((lines) => lines.some((l) => l.msg === 'every shard is ready'), 'every shard to be ready');
    const sentence = /[^.]*January 13th[^.]*\./.exec(bundledText())?.[0].trim() ?? 'not in the corpus';
    for (const guild of discord.guilds) {
      const reply = await discord
        .command('ask', { question: 'When was the agreement signed?' }, { guild })
        .reply();
      expect(plain(reply.embeds[0]?.description)).toContain(sentence);
    }
    expect([...discord.interactions.values()].map((r) => r.shardId).sort()).toEqual([0, 1]);
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
    // Several bot processes, each building or loading the index: twice the global net on a loaded machine.
  }, 120_000);
});
