import { describe, expect, it } from 'vitest';
import type { ReloadReport } from '../../src/service/service.js';
import { MEMBER_PERMISSIONS, makeActor } from '../loopback/index.js';
import { FakeCorpus } from './fakes.js';
import { startHarness } from './harness.js';

/** A corpus whose reload takes a while, to have an interaction in flight during shutdown. */
class SlowCorpus extends FakeCorpus {
  override async reload(): Promise<ReloadReport> {
    await new Promise((r) => setTimeout(r, 300));
    return super.reload();
  }
}

describe('graceful stop', () => {
  it('finishes running interactions, refuses new ones, then disconnects cleanly', async () => {
    const h = await startHarness(new SlowCorpus());
    try {
      const moderator = makeActor('mod', MEMBER_PERMISSIONS, [h.loopback.guild.roles.moderator]);
      const reload = h.loopback.command('corpus', {}, { subcommand: 'reload', actor: moderator });
      expect((await reload.callback()).type).toBe(5);
      expect(h.bot.pending).toBe(1);
      const session = h.loopback.session(0);
      const stopped = h.bot.stop(5_000);
      const late = h.loopback.command('sources', {}, { actor: makeActor('late') });
      expect(await late.reply()).toMatchObject({
        ephemeral: true,
        content: 'The bot is restarting; please try again in a moment.',
      });
      await stopped;
      // The reload finished and was reported before the client went away.
      expect((await reload.reply()).content).toMatch(/^Corpus reloaded/);
      await h.loopback.waitFor(() => session?.invalid, 2_000, 'the gateway session to end');
      expect(h.logs.find('discord bot stopped')).toBeDefined();
    } finally {
      await h.loopback.close();
    }
  });
});
