/**
 * The bot as a user runs it (the `npm start` command, with DISCORD_TOKEN set) on the real corpus, against the
 * loopback Discord, with records in a throw-away DATA_DIR. The command is taken from package.json but run
 * without npm in between, so the test sees the bot's own exit code after SIGTERM (npm reports the signal).
 */

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledText } from '../support/bundled.js';
import { env, loopback, run, startArgs } from './child.js';

/** Runs the bot against `discord` with `vars` set, once it says it is ready. */
async function startBot(
  onTestFinished: Parameters<typeof run>[0],
  discord: Awaited<ReturnType<typeof loopback>>,
  vars: Record<string, string>,
) {
  const p = run(
    onTestFinished,
    process.execPath,
    startArgs(),
    env({
      DISCORD_TOKEN: discord.token,
      DISCORD_API_BASE: discord.apiBase,
      DISCORD_GUILD_ID: discord.guild.id,
      ...vars,
    }),
  );
  await p.logged((lines) => lines.some((l) => l.msg === 'discord bot ready'), 'the bot to be ready');
  return p;
}

describe('the bot process', () => {
  it('answers from the real corpus, then shuts down cleanly on SIGTERM', async ({ onTestFinished }) => {
    const discord = await loopback(onTestFinished);
    const dataDir = mkdtempSync(join(tmpdir(), 'accord-data-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const p = await startBot(onTestFinished, discord, { DATA_DIR: dataDir });

    const ask = await discord.command('ask', { question: 'Who signed the agreement?' }).reply();
    expect(ask.embeds[0]?.footer?.text).toMatch(/^Corpus [0-9a-f]{6,} · Asked: Who signed the agreement\?$/);
    // A "when" question leads with the date, in bold, as the release writes it; then the sentence.
    const when = await discord.command('ask', { question: 'When was the agreement signed?' }).reply();
    const [, date, sentence] = when.embeds[0]?.description?.split('\n') ?? [];
    const bold = /^\*\*(.+)\*\*$/.exec(date ?? '')?.[1] ?? '';
    expect(bold).toMatch(/\d/);
    expect(bundledText()).toContain(`on Friday, ${bold},`);
    expect(sentence).toContain(bold);
    const sources = await discord.command('sources', {}).reply();
    expect(sources.embeds[0]?.description).toContain('(https://www.nasa.gov/');
    expect(discord.mentionViolations).toEqual([]);

    const session = discord.session(0);
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
    expect(p.stderr()).toContain('"msg":"shutting down"');
    expect(p.stderr()).toContain('"msg":"discord bot stopped"');
    // A clean close (1000) ends the gateway session instead of leaving it to time out.
    await discord.waitFor(() => session?.invalid, 'the session to end');
    expect(p.stderr()).not.toContain(discord.token);
  });

  it('starts and answers on a corpus folder full of issue 13’s hostile files, reading none of them', async ({
    onTestFinished,
  }) => {
    const discord = await loopback(onTestFinished);
    const dataDir = mkdtempSync(join(tmpdir(), 'accord-data-'));
    const corpusDir = mkdtempSync(join(tmpdir(), 'accord-hostile-'));
    onTestFinished(() => {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(corpusDir, { recursive: true, force: true });
    });
    const head = (id: string, extra = '') => `---\nid: ${id}\ntitle: ${id}\nkind: statement\n${extra}---\n`;
    const bomb = [
      'a: &a [x,x,x,x,x,x,x,x,x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
    ];
    writeFileSync(
      join(corpusDir, 'moon-note.md'),
      `${head('moon-note')}The rover landed on the Moon in March 2031.\n`,
    );
    writeFileSync(join(corpusDir, 'tiny.md'), `${head('tiny')}${'Ab.\n\n'.repeat(130_000)}`);
    writeFileSync(join(corpusDir, 'bad.jsonl'), '{"id": "x"}\n'.repeat(130_000));
    writeFileSync(join(corpusDir, 'bomb.md'), `${head('bomb', `${bomb.join('\n')}\n`)}Text.\n`);
    writeFileSync(join(corpusDir, 'word.md'), `${head('word')}${'Ab'.repeat(1_500_000)}\n`);
    symlinkSync('/dev/zero', join(corpusDir, 'zero.txt'));
    symlinkSync('/etc/passwd', join(corpusDir, 'passwd.txt'));
    execFileSync('mkfifo', [join(corpusDir, 'x.md')]);
    const p = await startBot(onTestFinished, discord, { DATA_DIR: dataDir, CORPUS_DIR: corpusDir });
    for (const file of ['tiny.md', 'bad.jsonl', 'bomb.md', 'word.md', 'zero.txt', 'passwd.txt', 'x.md'])
      expect(p.stderr()).toContain(`"msg":"corpus: ${file}`);
    const sources = await discord.command('sources', {}).reply();
    expect(sources.embeds[0]?.title).toBe('Sources (1 document)');
    const root = await discord.command('ask', { question: 'Who is root on this machine?' }).reply();
    expect(JSON.stringify(root)).not.toContain('/bin/bash');
    const moon = await discord.command('ask', { question: 'When did the rover land on the Moon?' }).reply();
    expect(moon.embeds[0]?.description).toContain('March 2031');
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
  });
});
