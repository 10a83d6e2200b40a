/**
 * Every reply goes through {@link respond}: it suppresses all mentions, fits content and embeds to
 * Discord's limits, and picks reply / update / editReply / followUp from the interaction's state.
 * Deferrals go through {@link defer}, so the two never both acknowledge one interaction.
 */
import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  DiscordAPIError,
  MessageFlags,
  type MessageMentionOptions,
  type RepliableInteraction,
} from 'discord.js';
import { DISCORD_LIMITS, ELLIPSIS, truncate } from './text.js';

/** Never ping anyone: not users, roles, @everyone or @here, whatever the text says. */
export const NO_MENTIONS: MessageMentionOptions = { parse: [] };

/**
 * Discord error codes that mean "the interaction is gone", not a bug: its first response came after the 3 s
 * window, it was already answered, or its answer came after its token's 15 minutes. Nothing more can be sent.
 */
const GONE = new Set([10062, 40060, 50027]);

/** Whether `err` says the interaction can take no more responses (see {@link GONE}). */
export function isInteractionGone(err: unknown): err is DiscordAPIError {
  return err instanceof DiscordAPIError && typeof err.code === 'number' && GONE.has(err.code);
}

/** What a handler wants to show. Text must already be escaped where it comes from users or the corpus. */
export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Only the invoking user sees it. Ignored when editing a deferred reply (fixed at deferral). */
  ephemeral?: boolean;
  /** For a button: replace the message carrying it (paging) instead of answering with a new one. */
  update?: boolean;
}

/** How an interaction is acknowledged before its answer is ready: a "thinking…" reply, or a silent update. */
export type Deferral = 'public' | 'ephemeral' | 'update';

/**
 * The first acknowledgement started for each interaction, with its kind. discord.js sets `deferred` and
 * `replied` only once the REST call returns, so this is what tells a second caller (the bot's defer guard
 * racing a handler) that an acknowledgement is already on its way: two would get Discord's 40060.
 */
const acks = new WeakMap<RepliableInteraction, { kind: Deferral | 'reply'; done: Promise<unknown> }>();

function startAck(interaction: RepliableInteraction, kind: Deferral | 'reply', call: () => Promise<unknown>) {
  const done = call();
  // Awaited by later callers only to order themselves after it; its own caller sees the error.
  acks.set(interaction, { kind, done: done.catch(() => undefined) });
  return done;
}

/**
 * Acknowledges `interaction` now, to answer later with {@link respond} (Discord wants a first response
 * within 3 s). Does nothing when an acknowledgement has already started, so it is safe to call twice;
 * returns whether it deferred.
 */
export async function defer(interaction: RepliableInteraction, kind: Deferral): Promise<boolean> {
  if (acks.has(interaction) || interaction.deferred || interaction.replied) return false;
  await startAck(interaction, kind, () =>
    kind === 'update' && interaction.isMessageComponent()
      ? interaction.deferUpdate()
      : interaction.deferReply(kind === 'ephemeral' ? { flags: MessageFlags.Ephemeral } : {}),
  );
  return true;
}

function embedLength(e: APIEmbed): number {
  return (
    (e.title?.length ?? 0) +
    (e.description?.length ?? 0) +
    (e.footer?.text.length ?? 0) +
    (e.author?.name.length ?? 0) +
    (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0)
  );
}

/** Truncates each part of an embed to its limit, then drops/shortens fields so the total fits `budget`. */
export function fitEmbed(embed: APIEmbed, budget: number = DISCORD_LIMITS.embedTotal): APIEmbed {
  const e: APIEmbed = { ...embed };
  if (e.title !== undefined) e.title = truncate(e.title, DISCORD_LIMITS.embedTitle);
  if (e.description !== undefined) e.description = truncate(e.description, DISCORD_LIMITS.embedDescription);
  if (e.footer) e.footer = { ...e.footer, text: truncate(e.footer.text, DISCORD_LIMITS.embedFooter) };
  if (e.author) e.author = { ...e.author, name: truncate(e.author.name, DISCORD_LIMITS.embedAuthor) };
  if (e.fields) {
    e.fields = e.fields
      .slice(0, DISCORD_LIMITS.embedFields)
      .filter((f) => f.name.trim() !== '' && f.value.trim() !== '')
      .map((f) => ({
        ...f,
        name: truncate(f.name, DISCORD_LIMITS.embedFieldName),
        value: truncate(f.value, DISCORD_LIMITS.embedFieldValue),
      }));
  }
  // Over the total: drop trailing fields first, then shorten the description.
  while (embedLength(e) > budget && e.fields && e.fields.length > 0) e.fields = e.fields.slice(0, -1);
  const over = embedLength(e) - budget;
  if (over > 0 && e.description) {
    e.description = truncate(e.description, Math.max(ELLIPSIS.length, e.description.length - over));
  }
  return e;
}

/** The discord.js options for a reply, with limits applied and mentions suppressed. */
export function toMessageOptions(reply: Reply) {
  const embeds = (reply.embeds ?? []).slice(0, DISCORD_LIMITS.embeds);
  // The 6000-character budget is shared by all embeds of a message.
  let left: number = DISCORD_LIMITS.embedTotal;
  const fitted = embeds.map((e) => {
    const f = fitEmbed(e, Math.max(0, left));
    left -= embedLength(f);
    return f;
  });
  return {
    ...(reply.content !== undefined ? { content: truncate(reply.content, DISCORD_LIMITS.content) } : {}),
    ...(reply.embeds ? { embeds: fitted } : {}),
    ...(reply.components ? { components: reply.components.slice(0, 5) } : {}),
    allowedMentions: NO_MENTIONS,
  };
}

/**
 * Shows `reply` for `interaction`: the first response (a new message, or the updated one for a button
 * when `update` is set), the edit of a deferred one, or a follow-up when it was already answered.
 */
export async function respond(interaction: RepliableInteraction, reply: Reply): Promise<void> {
  const options = toMessageOptions(reply);
  const flags = reply.ephemeral ? MessageFlags.Ephemeral : undefined;
  const started = acks.get(interaction);
  // A deferral (or another reply) in flight: wait for it, so the state below is settled. With none, no
  // await, so nothing can start one between this check and ours.
  if (started) await started.done;
  // After a silent update deferral only an update edits the message; any other reply is a new message.
  const editsDeferred = started?.kind !== 'update' || reply.update === true;
  if (interaction.deferred && !interaction.replied && editsDeferred) {
    await interaction.editReply(options);
  } else if (interaction.deferred || interaction.replied) {
    await interaction.followUp({ ...options, ...(flags ? { flags } : {}) });
  } else if (reply.update && interaction.isMessageComponent()) {
    await startAck(interaction, 'reply', () => interaction.update(options));
  } else {
    await startAck(interaction, 'reply', () =>
      interaction.reply({ ...options, ...(flags ? { flags } : {}) }),
    );
  }
}
