import { describe, expect, it } from 'vitest';
import type { ReloadReport } from '../../src/service/service.js';
import { MEMBER_PERMISSIONS, makeActor } from '../loopback/index.js';
import { WAIT_MS } from '../support/wait.js';
import { FakeCorpus } from './fakes.js';
import { startHarness } from './harness.js';

/** A corpus whose reload waits for the test's go, to have an interaction in flight during shutdown. */
class HeldCorpus extends FakeCorpus {
  release: () => void = () => undefined;
  private readonly held = new Promise<void>((resolve) => {
    this.release = resolve;
  });
  override async reload(): Promise<ReloadReport> {
    await this.held;
    return super.reload();
  }
}

describe('graceful stop', () => {
  it('finishes running interactions, refuses new ones, then disconnects cleanly', async () => {
    const corpus = new HeldCorpus();
    const h = await startHarness(corpus);
    try {
      const moderator = makeActor('mod', MEMBER_PERMISSIONS, [h.loopback.guild.roles.moderator]);
      const reload = h.loopback.command('corpus', {}, { subcommand: 'reload', actor: moderator });
      expect((await reload.callback()).type).toBe(5);
      expect(h.bot.pending).toBe(1);
      const session = h.loopback.session(0);
      // The grace is only a net here: the reload ends when the test lets it.
      const stopped = h.bot.stop(WAIT_MS);
      const late = h.loopback.command('sources', {}, { actor: makeActor('late') });
      expect(await late.reply()).toMatchObject({
        ephemeral: true,
        content: 'The bot is restarting; please try again in a moment.',
      });
      corpus.release();
      await stopped;
      // The reload finished and was reported before the client went away.
      expect((await reload.reply()).content).toMatch(/^Corpus reloaded/);
      await h.loopback.waitFor(() => session?.invalid, 'the gateway session to end');
      expect(h.logs.find('discord bot stopped')).toBeDefined();
    } finally {
      await h.loopback.close();
    }
  });
});
