import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  SlashCommandBuilder,
} from 'discord.js';
import { UserInputError } from '../src/contract/types.js';
import type { Command, CommandContext } from '../src/discord/command.js';
import { noMatchChoices, parseQuoteFooter, quoteReply } from '../src/discord/format.js';
import { type Deferral, respond } from '../src/discord/respond.js';
import { DISCORD_LIMITS, truncate } from '../src/discord/text.js';

export const data = new SlashCommandBuilder()
  .setName('quote')
  .setNameLocalizations({ ja: '引用' })
  .setDescription('Quote what someone said, from the corpus')
  .setDescriptionLocalizations({ ja: 'コーパスから人の発言を引用する' })
  .addStringOption((o) =>
    o
      .setName('speaker')
      .setNameLocalizations({ ja: '発言者' })
      .setDescription('Who said it (start typing for suggestions)')
      .setDescriptionLocalizations({ ja: '発言した人（入力すると候補が出ます）' })
      .setRequired(true)
      .setAutocomplete(true)
      .setMaxLength(100),
  )
  .addStringOption((o) =>
    o
      .setName('about')
      .setNameLocalizations({ ja: '話題' })
      .setDescription('Quotes about this topic first (a word or phrase)')
      .setDescriptionLocalizations({ ja: 'この話題についての引用を先に表示（語句で指定）' })
      .setMaxLength(200),
  )
  .addBooleanOption((o) =>
    o
      .setName('private')
      .setNameLocalizations({ ja: '非公開' })
      .setDescription('Only you see the answer')
      .setDescriptionLocalizations({ ja: '回答を自分だけに表示する' }),
  );

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const speaker = interaction.options.getString('speaker', true).trim();
  if (speaker === '') {
    // The example is someone this corpus quotes: the command knows no names of its own.
    const example = ctx.kb.speakers('', 1)[0]?.name ?? 'Jane Doe';
    throw new UserInputError(ctx.messages.t('quote.noSpeaker', { example }));
  }
  const about = interaction.options.getString('about')?.trim() || null;
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  const result = ctx.kb.quote(speaker, about ?? undefined);
  ctx.logger.info({ speaker: result.speaker?.name ?? null, quotes: result.quotes.length }, 'quote');
  await respond(interaction, quoteReply(ctx.messages, result, ctx.kb.version, about, ephemeral));
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name !== 'speaker') {
    await interaction.respond([]);
    return;
  }
  const choices = ctx.kb.speakers(String(focused.value).slice(0, 100), DISCORD_LIMITS.choices).map((s) => {
    const speaker = s.title ? `${s.name} — ${s.title}` : s.name;
    const label = ctx.messages.count('quote.choice', s.quotes, { speaker });
    // Choice names are plain text (no Markdown) of 1-100 characters.
    return {
      name: truncate(label, DISCORD_LIMITS.choiceName),
      value: truncate(s.name, DISCORD_LIMITS.choiceValue),
    };
  });
  const typed = String(focused.value).slice(0, 100);
  await interaction.respond(
    choices.length
      ? choices.slice(0, DISCORD_LIMITS.choices)
      : noMatchChoices(ctx.messages.t('quote.noMatch', { typed: typed.trim() }), typed),
  );
}

/** `quote:page:<n>` shows page n in place; speaker and topic come back from the embed footer. */
export async function button(
  interaction: ButtonInteraction,
  ctx: CommandContext,
  args: string[],
): Promise<void> {
  const shown = parseQuoteFooter(interaction.message.embeds[0]?.footer?.text);
  const [action, arg] = args;
  const page = Number(arg);
  if (action !== 'page' || !shown || !Number.isInteger(page) || page < 1 || page > 1000) {
    throw new UserInputError(ctx.messages.t('quote.buttonGone'));
  }
  const result = ctx.kb.quote(shown.speaker, shown.about ?? undefined);
  ctx.logger.info({ speaker: result.speaker?.name ?? null, page }, 'quote page');
  // A reload may have changed the quotes: the page is clamped to the ones there are now.
  await respond(interaction, {
    ...quoteReply(ctx.messages, result, ctx.kb.version, shown.about, false, page),
    update: true,
  });
}

/** Page buttons replace the message they are on. */
export function buttonDeferral(): Deferral {
  return 'update';
}

export default { data, execute, autocomplete, button, buttonDeferral } satisfies Command;
