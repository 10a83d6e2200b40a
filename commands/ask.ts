import { type ButtonInteraction, type ChatInputCommandInteraction, SlashCommandBuilder } from 'discord.js';
import { MAX_QUESTION_LENGTH } from '../src/contract/limits.js';
import { UserInputError } from '../src/contract/types.js';
import type { Command, CommandContext } from '../src/discord/command.js';
import { askReply, moreSourcesReply, parseAskFooter, SOURCES_PER_PAGE } from '../src/discord/format.js';
import { respond } from '../src/discord/respond.js';

export const data = new SlashCommandBuilder()
  .setName('ask')
  .setNameLocalizations({ ja: '質問' })
  .setDescription('Ask a question about the documents in the corpus')
  .setDescriptionLocalizations({ ja: 'コーパスの文書について質問する' })
  .addStringOption((o) =>
    o
      .setName('question')
      .setNameLocalizations({ ja: '質問内容' })
      .setDescription('Your question, e.g. "Who said it, and when?"')
      .setDescriptionLocalizations({ ja: '質問（例:「誰がいつ言ったのか？」）' })
      .setRequired(true)
      .setMaxLength(MAX_QUESTION_LENGTH),
  )
  .addBooleanOption((o) =>
    o
      .setName('private')
      .setNameLocalizations({ ja: '非公開' })
      .setDescription('Only you see the answer')
      .setDescriptionLocalizations({ ja: '回答を自分だけに表示する' }),
  );

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const question = interaction.options.getString('question', true);
  const ephemeral = interaction.options.getBoolean('private') ?? false;
  const result = ctx.kb.ask(question, { limit: SOURCES_PER_PAGE });
  ctx.logger.info({ answered: result.answer !== null, passages: result.passages.length }, 'ask');
  if (!result.answer) {
    ctx.records.abstention({
      userId: interaction.user.id,
      question: result.question,
      suggestions: result.suggestions,
      version: result.version,
    });
  }
  await respond(interaction, askReply(ctx.messages, result, ephemeral));
}

/** `ask:more:<offset>` pages through sources; `ask:vote:<up|down>[:<passage id>]` records feedback. */
export async function button(
  interaction: ButtonInteraction,
  ctx: CommandContext,
  args: string[],
): Promise<void> {
  const asked = parseAskFooter(interaction.message.embeds[0]?.footer?.text);
  const [action, arg, ...rest] = args;
  if (action === 'vote' && (arg === 'up' || arg === 'down')) {
    // Passage ids may themselves contain ':'.
    const passageId = rest.length ? rest.join(':') : null;
    ctx.logger.info(
      {
        feedback: arg,
        question: asked?.question,
        version: asked?.version,
        passageId,
        message: interaction.message.id,
      },
      'answer feedback',
    );
    if (asked) {
      ctx.records.feedback({
        userId: interaction.user.id,
        vote: arg,
        question: asked.question,
        passageId,
        version: asked.version,
      });
    }
    await respond(interaction, { ephemeral: true, content: ctx.messages.t('ask.feedbackThanks') });
    return;
  }
  const offset = Number(arg);
  if (action === 'more' && asked && Number.isInteger(offset) && offset >= 0 && offset <= 1000) {
    const page = ctx.kb.ask(asked.question, { limit: SOURCES_PER_PAGE, offset });
    await respond(interaction, moreSourcesReply(ctx.messages, page, offset, asked.version));
    return;
  }
  throw new UserInputError(ctx.messages.t('ask.buttonGone'));
}

export default { data, execute, button } satisfies Command;
