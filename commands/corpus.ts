import {
  type ApplicationCommandOptionChoiceData,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandStringOption,
  type SlashCommandSubcommandBuilder,
} from 'discord.js';
import { AdminError, checkUpload } from '../src/corpus/admin.js';
import { CorpusError } from '../src/corpus/problems.js';
import type { Command, CommandContext, DiscordSettings } from '../src/discord/command.js';
import { downloadAttachment } from '../src/discord/download.js';
import {
  corpusChangeReply,
  corpusProblemsReply,
  corpusRefusalReply,
  gapsReply,
  noMatchChoices,
} from '../src/discord/format.js';
import { defer, isInteractionGone, type Reply, respond } from '../src/discord/respond.js';
import { reloadOtherShards } from '../src/discord/sharding.js';
import { DISCORD_LIMITS, safeText, truncate } from '../src/discord/text.js';
import { describeReloadTimeout } from '../src/messages/messages.js';
import type { Actor } from '../src/records/types.js';
import { ReloadInProgressError } from '../src/service/service.js';
import { ReloadTimeoutError } from '../src/service/worker.js';

/** Days `/corpus gaps` looks back by default, and at most. */
const GAP_DAYS = { default: 30, max: 365 } as const;

/** One `/corpus` subcommand: its options and handlers. */
interface Subcommand {
  description: string;
  /** Its name and description in Japanese, shown to members whose Discord is in Japanese. */
  ja: { name: string; description: string };
  /** Adds the options (name and description are set from the table). */
  options?(s: SlashCommandSubcommandBuilder): SlashCommandSubcommandBuilder;
  /** Answers within Discord's 3 s by deferring first (privately): downloads and reloads can take longer. */
  defers: boolean;
  /** Changes the corpus: once run has returned, the change is made whether or not its report reaches Discord. */
  changes: boolean;
  /** Does the work and returns the report; `execute` sends it. */
  run(interaction: ChatInputCommandInteraction, ctx: CommandContext, actor: Actor): Promise<Reply>;
  /** Choices for the focused option, matched on `typed`. */
  choices?(ctx: CommandContext, typed: string): Promise<ApplicationCommandOptionChoiceData<string>[]>;
}

/** A choice of document id, labelled with its title; ids too long for a choice value are left out. */
function documentChoice(id: string, label: string): ApplicationCommandOptionChoiceData<string> | null {
  if (id.length > DISCORD_LIMITS.choiceValue) return null;
  // Choice names are plain text (no Markdown), 1-100 characters.
  return { name: truncate(label.replace(/\s+/g, ' '), DISCORD_LIMITS.choiceName), value: id };
}

/** The document option of remove and restore: an id, with suggestions as the moderator types. */
function documentOption(o: SlashCommandStringOption): SlashCommandStringOption {
  return o
    .setName('document')
    .setNameLocalizations({ ja: '文書' })
    .setDescription('The document id (start typing for suggestions)')
    .setDescriptionLocalizations({ ja: '文書の ID（入力すると候補が出ます）' })
    .setRequired(true)
    .setAutocomplete(true)
    .setMaxLength(128);
}

/** The subcommands, by name: the one list that builds the definition and dispatches. */
const SUBCOMMANDS: Record<string, Subcommand> = {
  reload: {
    description: 'Re-read the corpus files and swap them in',
    ja: { name: '再読み込み', description: 'コーパスのファイルを読み直して差し替える' },
    defers: true,
    changes: true,
    async run(interaction, ctx, actor) {
      const r = await ctx.corpus.reload(actor);
      ctx.logger.info(
        { version: r.version, previousVersion: r.previousVersion },
        'corpus reloaded from Discord',
      );
      const others = await reloadOtherShards(interaction.client, actor, ctx.logger);
      return corpusChangeReply(ctx.messages, null, r, others);
    },
  },
  add: {
    description: 'Add a .md, .txt or .jsonl document to the corpus',
    ja: { name: '追加', description: '.md・.txt・.jsonl の文書をコーパスに追加する' },
    options: (s) =>
      s
        .addAttachmentOption((o) =>
          o
            .setName('file')
            .setNameLocalizations({ ja: 'ファイル' })
            .setDescription('The document: .md, .txt or .jsonl, UTF-8')
            .setDescriptionLocalizations({ ja: '文書（.md・.txt・.jsonl、UTF-8）' })
            .setRequired(true),
        )
        .addBooleanOption((o) =>
          o
            .setName('replace')
            .setNameLocalizations({ ja: '置き換え' })
            .setDescription('Replace documents with the same ids (the old files go to the trash)')
            .setDescriptionLocalizations({ ja: '同じ ID の文書を置き換える（古いファイルはごみ箱へ）' }),
        ),
    defers: true,
    changes: true,
    async run(interaction, ctx, actor) {
      const file = interaction.options.getAttachment('file', true);
      const replace = interaction.options.getBoolean('replace') ?? false;
      const maxBytes = ctx.settings.maxUploadBytes;
      if (ctx.corpus.isReloading) throw new ReloadInProgressError();
      let bytes: Uint8Array;
      try {
        // Name, extension and declared size first: nothing is downloaded for a file refused on its face.
        checkUpload(file.name, file.size, maxBytes);
        bytes = await downloadAttachment(
          file.url,
          file.name,
          maxBytes,
          ctx.settings.attachmentOrigins,
          ctx.logger,
        );
      } catch (err) {
        // Refused before reaching the service's addDocument: the service audits it all the same.
        if (err instanceof AdminError) ctx.corpus.refuseUpload(file.name, actor, err.message);
        throw err;
      }
      // The service stores it under its document id: the user's file name never becomes a path.
      const { added, report } = await ctx.corpus.addDocument(
        { fileName: file.name, bytes, replace, maxBytes },
        actor,
      );
      ctx.logger.info(
        { file: added.file, ids: added.ids, bytes: added.bytes },
        'document added from Discord',
      );
      const others = await reloadOtherShards(interaction.client, actor, ctx.logger);
      const m = ctx.messages;
      const ids = added.ids.map((id) => m.t('corpus.addedId', { id: safeText(id, 130) }));
      const shown =
        ids.length > 5 ? [...ids.slice(0, 5), m.t('corpus.addedMore', { n: ids.length - 5 })] : ids;
      const replaced = added.replaced.length
        ? m.t('corpus.replaced', { files: added.replaced.map((t) => safeText(t.file, 150)).join(', ') })
        : '';
      const done =
        m.t('corpus.added', { file: safeText(added.file, 150), bytes: added.bytes, ids: shown.join(', ') }) +
        replaced;
      return corpusChangeReply(ctx.messages, done, report, others);
    },
  },
  remove: {
    description: 'Move a document to the trash (restore brings it back)',
    ja: { name: '削除', description: '文書をごみ箱に移す（復元で戻せます）' },
    options: (s) =>
      s
        .addStringOption((o) => documentOption(o))
        .addBooleanOption((o) =>
          o
            .setName('whole_file')
            .setNameLocalizations({ ja: 'ファイルごと' })
            .setDescription('Also remove the other documents of its .jsonl file')
            .setDescriptionLocalizations({ ja: '同じ .jsonl ファイルの他の文書も削除する' }),
        ),
    defers: true,
    changes: true,
    async run(interaction, ctx, actor) {
      const id = interaction.options.getString('document', true).trim();
      const wholeFile = interaction.options.getBoolean('whole_file') ?? false;
      const { removed, report } = await ctx.corpus.removeDocument({ id, wholeFile }, actor);
      ctx.logger.info(
        { id, file: removed.file, trashFile: removed.trashFile },
        'document removed from Discord',
      );
      const others = await reloadOtherShards(interaction.client, actor, ctx.logger);
      const done = ctx.messages.t('corpus.removed', {
        id: safeText(id, 130),
        file: safeText(removed.file, 150),
      });
      return corpusChangeReply(ctx.messages, done, report, others);
    },
    async choices(ctx, typed) {
      const documents = await ctx.corpus.removable(typed, DISCORD_LIMITS.choices);
      return documents.flatMap((d) => documentChoice(d.id, `${d.id} — ${d.title}`) ?? []);
    },
  },
  restore: {
    description: 'Bring a removed document back from the trash',
    ja: { name: '復元', description: '削除した文書をごみ箱から戻す' },
    options: (s) => s.addStringOption((o) => documentOption(o)),
    defers: true,
    changes: true,
    async run(interaction, ctx, actor) {
      // A choice is `<id>@<version>` (ids never hold "@"); a typed id restores its latest version.
      const [id = '', version] = interaction.options.getString('document', true).trim().split('@');
      const { restored, report } = await ctx.corpus.restoreDocument(
        version ? { id, version } : { id },
        actor,
      );
      ctx.logger.info({ id, file: restored.file, from: restored.from }, 'document restored from Discord');
      const others = await reloadOtherShards(interaction.client, actor, ctx.logger);
      const replaced = restored.replaced.length
        ? ctx.messages.t('corpus.replaced', {
            files: restored.replaced.map((t) => safeText(t.file, 150)).join(', '),
          })
        : '';
      const done = ctx.messages.t('corpus.restored', {
        id: safeText(id, 130),
        file: safeText(restored.file, 150),
      });
      return corpusChangeReply(ctx.messages, `${done}${replaced}`, report, others);
    },
    async choices(ctx, typed) {
      const q = typed.trim().toLowerCase();
      const latest = new Set<string>();
      const choices: ApplicationCommandOptionChoiceData<string>[] = [];
      // Every version, latest first, each saying when it went and whether it was removed or replaced.
      for (const entry of await ctx.corpus.trash()) {
        for (const d of entry.documents) {
          const isLatest = !latest.has(d.id);
          latest.add(d.id);
          if (!d.id.toLowerCase().includes(q) && !d.title.toLowerCase().includes(q)) continue;
          const when = entry.removedAt.slice(0, 19).replace('T', ' ');
          const document = `${d.id} — ${d.title}`;
          const key = entry.reason === 'replaced' ? 'corpus.replacedChoice' : 'corpus.removedChoice';
          const label = ctx.messages.t(key, { document, when });
          const value = `${d.id}@${entry.version}`;
          // An id too long to carry its version can still be restored at its latest.
          const choice = documentChoice(value, label) ?? (isLatest ? documentChoice(d.id, label) : null);
          if (choice) choices.push(choice);
        }
      }
      return choices.slice(0, DISCORD_LIMITS.choices);
    },
  },
  gaps: {
    description: 'Questions the bot could not answer or whose answers got a thumbs-down, most frequent first',
    ja: { name: '未回答', description: '答えられなかった質問や👎のついた回答（多い順）' },
    options: (s) =>
      s.addIntegerOption((o) =>
        o
          .setName('days')
          .setNameLocalizations({ ja: '日数' })
          .setDescription(`How many days back (default ${GAP_DAYS.default})`)
          .setDescriptionLocalizations({ ja: `何日前までさかのぼるか（既定 ${GAP_DAYS.default} 日）` })
          .setMinValue(1)
          .setMaxValue(GAP_DAYS.max),
      ),
    defers: false,
    changes: false,
    async run(interaction, ctx) {
      // Discord enforces min/max in its client; a raw API call does not.
      const asked = interaction.options.getInteger('days') ?? GAP_DAYS.default;
      const days = Math.min(Math.max(1, asked), GAP_DAYS.max);
      const gaps = ctx.records.gaps(days);
      return gapsReply(ctx.messages, gaps, days, ctx.records.enabled, ctx.kb.version);
    },
  },
};

export const data = new SlashCommandBuilder()
  .setName('corpus')
  .setNameLocalizations({ ja: 'コーパス' })
  .setDescription('Manage the corpus the bot answers from')
  .setDescriptionLocalizations({ ja: 'ボットが回答に使うコーパスを管理する' })
  // Hidden from members without Manage Server by default; execute re-checks, as server admins can change this.
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild);
for (const [name, sub] of Object.entries(SUBCOMMANDS)) {
  data.addSubcommand((s) => {
    const named = s
      .setName(name)
      .setNameLocalizations({ ja: sub.ja.name })
      .setDescription(sub.description)
      .setDescriptionLocalizations({ ja: sub.ja.description });
    return sub.options ? sub.options(named) : named;
  });
}

/** Manage Server, or one of the configured moderator roles. */
export function isModerator(
  interaction: ChatInputCommandInteraction | AutocompleteInteraction,
  settings: DiscordSettings,
): boolean {
  if (!interaction.inGuild()) return false;
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) return true;
  const member = interaction.member;
  return settings.moderatorRoleIds.some((id) =>
    Array.isArray(member.roles) ? member.roles.includes(id) : member.roles.cache.has(id),
  );
}

export async function execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
  const name = interaction.options.getSubcommand(true);
  if (!isModerator(interaction, ctx.settings)) {
    ctx.logger.warn({ subcommand: name }, 'corpus command refused: not a moderator');
    await respond(interaction, { ephemeral: true, content: ctx.messages.t('corpus.notModerator') });
    return;
  }
  const sub = SUBCOMMANDS[name];
  if (!sub) {
    await respond(interaction, { ephemeral: true, content: ctx.messages.t('corpus.subcommandGone') });
    return;
  }
  if (sub.defers) await defer(interaction, 'ephemeral');
  let report: Reply;
  try {
    report = await sub.run(interaction, ctx, { userId: interaction.user.id, via: 'discord' });
  } catch (err) {
    // What a moderator can act on is shown here, with the version still live; the rest goes to the boundary.
    const live = ctx.corpus.current.version;
    if (err instanceof CorpusError) {
      ctx.logger.warn({ subcommand: name, problems: err.problems }, 'corpus change failed on reload');
      await respond(interaction, corpusProblemsReply(ctx.messages, err.problems, live));
    } else if (
      err instanceof AdminError ||
      err instanceof ReloadInProgressError ||
      err instanceof ReloadTimeoutError
    ) {
      ctx.logger.warn({ subcommand: name, reason: err.message }, 'corpus change refused');
      // The core says why with codes (AdminError) or by its error's class: worded here, for this moderator.
      const reason =
        err instanceof ReloadInProgressError
          ? ctx.messages.t('corpus.reloadRunning')
          : err instanceof ReloadTimeoutError
            ? describeReloadTimeout(ctx.messages, err.timeoutMs)
            : ctx.messages.say(err.notice);
      await respond(
        interaction,
        corpusRefusalReply(ctx.messages, reason, err instanceof AdminError ? err.problems : [], live),
      );
    } else {
      throw err;
    }
    return;
  }
  if (sub.changes) await sendChangeReport(interaction, ctx, name, report);
  else await respond(interaction, report);
}

/**
 * Sends the report of a change already made. When Discord refuses it (discord.js has retried), the moderator
 * must not read the boundary's "try again": a second upload or removal would act twice. So a short notice says
 * the change stands and which version is live; if that fails too, the log keeps it.
 */
async function sendChangeReport(
  interaction: ChatInputCommandInteraction,
  ctx: CommandContext,
  subcommand: string,
  report: Reply,
): Promise<void> {
  try {
    await respond(interaction, report);
  } catch (err) {
    if (isInteractionGone(err)) throw err;
    const version = ctx.corpus.current.version;
    ctx.logger.error({ err, subcommand, version }, 'corpus changed but its report could not be sent');
    try {
      await respond(interaction, {
        ephemeral: true,
        content: ctx.messages.t('corpus.reportLost', { version }),
      });
    } catch (noticeErr) {
      ctx.logger.warn({ err: noticeErr, subcommand }, 'could not tell the moderator the change was made');
    }
  }
}

export async function autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
  const sub = SUBCOMMANDS[interaction.options.getSubcommand(true)];
  // Document names are for moderators only.
  if (!sub?.choices || !isModerator(interaction, ctx.settings)) {
    await interaction.respond([]);
    return;
  }
  const typed = String(interaction.options.getFocused()).slice(0, 100);
  const choices = await sub.choices(ctx, typed);
  await interaction.respond(
    choices.length
      ? choices.slice(0, DISCORD_LIMITS.choices)
      : noMatchChoices(ctx.messages.t('corpus.noMatch', { typed: typed.trim() }), typed),
  );
}

/** Moderator reports stay with the moderator, deferred or not. */
export const privateReplies = true;

export default { data, execute, autocomplete, privateReplies } satisfies Command;
