import {
  type ChatInputCommandInteraction,
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
} from 'discord.js';
import { ReloadInProgressError } from '../src/core/service.js';
import { formatDiff } from '../src/corpus/diff.js';
import { CorpusError, formatProblem } from '../src/corpus/problems.js';
import type { Command, CommandContext, DiscordSettings } from '../src/discord/command.js';
import { respond } from '../src/discord/respond.js';
import { safeText } from '../src/discord/text.js';

export const data = new SlashCommandBuilder()
  .setName('corpus')
  .setDescription('Manage the corpus the bot answers from')
  // Hidden from members without Manage Server by default; execute re-checks, as server admins can change this.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand((s) => s.setName('reload').setDescription('Re-read the corpus files and swap them in'));

/** Manage Server, or one of the configured moderator roles. */
export function isModerator(interaction: ChatInputCommandInteraction, settings: DiscordSettings): boolean {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const member = interaction.member;
  if (!member) return false;
  return settings.moderatorRoleIds.some((id) =>
    Array.isArray(member.roles) ? member.roles.includes(id) : member.roles.cache.has(id),
  );
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  if (!interaction.inGuild() || !isModerator(interaction, ctx.settings)) {
    ctx.logger.warn('corpus reload refused: not a moderator');
    await respond(interaction, {
      ephemeral: true,
      content: 'Only members with the Manage Server permission or a moderator role can reload the corpus.',
    });
    return;
  }
  // Reloading reads and indexes files: answer within Discord's 3 s by deferring first.
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  try {
    const r = await ctx.corpus.reload({ userId: interaction.user.id, via: 'discord' });
    ctx.logger.info(
      { version: r.version, previousVersion: r.previousVersion },
      'corpus reloaded from Discord',
    );
    // Corpus ids and file names are shown escaped: they come from files anyone with write access edits.
    const changes = formatDiff(r.diff, 10).map((line) => safeText(line, 300));
    await respond(interaction, {
      content: [
        `Corpus reloaded: version ${r.previousVersion} → ${r.version}. ${r.documents} documents, ${r.passages} passages, ${r.quotes} quotes (${r.buildMs} ms).`,
        ...changes,
      ].join('\n'),
    });
  } catch (err) {
    if (err instanceof ReloadInProgressError) {
      await respond(interaction, { content: safeText(err.message, 500) });
      return;
    }
    if (err instanceof CorpusError) {
      ctx.logger.warn({ problems: err.problems }, 'corpus reload failed');
      const problems = err.problems.map((p) => `• ${safeText(formatProblem(p), 300)}`).join('\n');
      await respond(interaction, {
        content: `The reload failed, so the current corpus (version ${ctx.corpus.current.version}) keeps answering. Problems:\n${problems}`,
      });
      return;
    }
    throw err;
  }
}

export default { data, execute } satisfies Command;
