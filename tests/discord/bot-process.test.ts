/**
 * The bot as a user runs it (the `npm start` command, with DISCORD_TOKEN set) on the real corpus, against the
 * loopback Discord, with records in a throw-away DATA_DIR. The command is taken from package.json but run
 * without npm in between, so the test sees the bot's own exit code after SIGTERM (npm reports the signal).
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { bundledText } from '../support/bundled.js';
import { env, loopback, run, startArgs } from './child.js';

describe('the bot process', () => {
  it('answers from the real corpus, then shuts down cleanly on SIGTERM', async ({ onTestFinished }) => {
    const discord = await loopback(onTestFinished);
    const dataDir = mkdtempSync(join(tmpdir(), 'accord-data-'));
    onTestFinished(() => rmSync(dataDir, { recursive: true, force: true }));
    const p = run(
      onTestFinished,
      process.execPath,
      startArgs(),
      env({
        DISCORD_TOKEN: discord.token,
        DISCORD_API_BASE: discord.apiBase,
        DISCORD_GUILD_ID: discord.guild.id,
        DATA_DIR: dataDir,
      }),
    );
    await vi.waitFor(() => expect(p.stderr()).toContain('"msg":"discord bot ready"'), {
      timeout: 30_000,
      interval: 50,
    });

    const ask = await discord.command('ask', { question: 'Who signed the agreement?' }).reply(5_000);
    expect(ask.embeds[0]?.footer?.text).toMatch(/^Corpus [0-9a-f]{6,} · Asked: Who signed the agreement\?$/);
    // A "when" question leads with the date, in bold, as the release writes it; then the sentence.
    const when = await discord.command('ask', { question: 'When was the agreement signed?' }).reply(5_000);
    const [, date, sentence] = when.embeds[0]?.description?.split('\n') ?? [];
    const bold = /^\*\*(.+)\*\*$/.exec(date ?? '')?.[1] ?? '';
    expect(bold).toMatch(/\d/);
    expect(bundledText()).toContain(`on Friday, ${bold},`);
    expect(sentence).toContain(bold);
    const sources = await discord.command('sources', {}).reply(5_000);
    expect(sources.embeds[0]?.description).toContain('(https://www.nasa.gov/');
    expect(discord.mentionViolations).toEqual([]);

    const session = discord.session(0);
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
    expect(p.stderr()).toContain('"msg":"shutting down"');
    expect(p.stderr()).toContain('"msg":"discord bot stopped"');
    // A clean close (1000) ends the gateway session instead of leaving it to time out.
    await discord.waitFor(() => session?.invalid, 2_000, 'the session to end');
    expect(p.stderr()).not.toContain(discord.token);
  }, 45_000);
});
