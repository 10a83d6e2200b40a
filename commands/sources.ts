import { type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import type { Command, CommandContext } from '../src/discord/command.js';
import { sourcesReply } from '../src/discord/format.js';
import { respond } from '../src/discord/respond.js';

export const data = new SlashCommandBuilder()
  .setName('sources')
  .setNameLocalizations({ ja: '出典' })
  .setDescription('List the documents the bot answers from')
  .setDescriptionLocalizations({ ja: 'ボットが回答に使う文書の一覧' });

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  await respond(interaction, sourcesReply(ctx.messages, ctx.kb.sources(), ctx.kb.stats(), ctx.kb.version));
}

export default { data, execute } satisfies Command;
