/**
 * Factories for gateway `INTERACTION_CREATE` payloads with the shapes Discord sends
 * (API v10): guild member with permission bitfield and roles, partial channel,
 * app_permissions, locale, entitlements, authorizing_integration_owners, context.
 */
import { randomBytes } from 'node:crypto';
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIChatInputApplicationCommandInteraction,
  type APIInteraction,
  type APIMessage,
  type APIMessageComponentInteraction,
  type APIUser,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  PermissionFlagsBits,
} from 'discord.js';
import { snowflake } from './snowflake.js';

/** Someone who invokes interactions: their user and, in a guild, their roles and permissions. */
export interface Actor {
  user: APIUser;
  roles: string[];
  /** Member's computed permissions in the channel (what Discord sends as `member.permissions`). */
  permissions: bigint;
}

/** The guild, channel and application an interaction happens in. */
export interface InteractionScope {
  applicationId: string;
  guildId: string;
  channelId: string;
  /** Permissions of the bot in the channel (`app_permissions`). */
  appPermissions: bigint;
}

/** Permissions an ordinary member has in a text channel. */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseApplicationCommands;

/** Builds a realistic user object. */
export function makeUser(username: string, id: string = snowflake()): APIUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: username[0]?.toUpperCase() + username.slice(1),
    avatar: null,
    public_flags: 0,
    flags: 0,
    primary_guild: null,
    collectibles: null,
    avatar_decoration_data: null,
    banner: null,
    accent_color: null,
  } as unknown as APIUser;
}

/** Builds an actor; `roles` are role ids in the guild. */
export function makeActor(
  username: string,
  permissions: bigint = MEMBER_PERMISSIONS,
  roles: string[] = [],
): Actor {
  return { user: makeUser(username), roles, permissions };
}

/**
 * An uploaded file as Discord describes it in `data.resolved.attachments[id]` (the option's value is the
 * id). `size` is what Discord declares; the bytes at `url` may differ when a test says so.
 */
export interface AttachmentInfo {
  id: string;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
}

/**
 * Option values as a test writes them; types are inferred (string, integer, number, boolean, and an
 * {@link AttachmentInfo} for an attachment option).
 */
export type OptionValues = Record<string, string | number | boolean | AttachmentInfo>;

/** Converts `{ question: 'x', private: true }` into Discord's typed option list. */
export function toOptions(
  values: OptionValues,
  focused?: string,
): APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>[] {
  return Object.entries(values).map(([name, value]) => {
    const type =
      typeof value === 'object'
        ? ApplicationCommandOptionType.Attachment
        : typeof value === 'string'
          ? ApplicationCommandOptionType.String
          : typeof value === 'boolean'
            ? ApplicationCommandOptionType.Boolean
            : Number.isInteger(value)
              ? ApplicationCommandOptionType.Integer
              : ApplicationCommandOptionType.Number;
    const option = {
      name,
      type,
      value: typeof value === 'object' ? value.id : value,
    } as APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>;
    if (focused === name) (option as { focused?: boolean }).focused = true;
    return option;
  });
}

function token(): string {
  // Real interaction tokens are long opaque base64url strings.
  return `aW50ZXJhY3Rpb246${randomBytes(96).toString('base64url')}`;
}

function base(scope: InteractionScope, actor: Actor, locale: string) {
  const id = snowflake();
  return {
    id,
    application_id: scope.applicationId,
    token: token(),
    version: 1 as const,
    guild_id: scope.guildId,
    guild: { id: scope.guildId, locale: 'en-US', features: [] },
    guild_locale: 'en-US',
    channel_id: scope.channelId,
    channel: {
      id: scope.channelId,
      type: 0,
      guild_id: scope.guildId,
      name: 'general',
      position: 0,
      permission_overwrites: [],
      flags: 0,
      nsfw: false,
      parent_id: null,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      permissions: actor.permissions.toString(),
    },
    member: {
      user: actor.user,
      roles: actor.roles,
      permissions: actor.permissions.toString(),
      joined_at: '2024-01-01T00:00:00.000000+00:00',
      premium_since: null,
      nick: null,
      avatar: null,
      banner: null,
      deaf: false,
      mute: false,
      pending: false,
      flags: 0,
      communication_disabled_until: null,
      unusual_dm_activity_until: null,
    },
    app_permissions: scope.appPermissions.toString(),
    locale,
    entitlements: [],
    authorizing_integration_owners: { '0': scope.guildId },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

/** Options shared by all factories. */
export interface InteractionInit {
  actor: Actor;
  locale?: string;
}

/** Options, nested in their subcommand when there is one (as Discord sends them). */
function withSubcommand(
  options: APIApplicationCommandInteractionDataOption<InteractionType.ApplicationCommand>[],
  subcommand: string | undefined,
) {
  return subcommand
    ? [{ name: subcommand, type: ApplicationCommandOptionType.Subcommand, options }]
    : options;
}

/** `data.resolved` for the attachments among `values`, keyed by id as Discord does. */
function resolvedAttachments(values: OptionValues) {
  const attachments = Object.values(values).filter((v): v is AttachmentInfo => typeof v === 'object');
  return attachments.length
    ? { resolved: { attachments: Object.fromEntries(attachments.map((a) => [a.id, a])) } }
    : {};
}

/** A slash command (`type: 2`, chat input), optionally with a subcommand. */
export function chatInputInteraction(
  scope: InteractionScope,
  init: InteractionInit & { name: string; options?: OptionValues; subcommand?: string; commandId?: string },
): APIChatInputApplicationCommandInteraction {
  const options = toOptions(init.options ?? {});
  return {
    ...base(scope, init.actor, init.locale ?? 'en-US'),
    type: InteractionType.ApplicationCommand,
    data: {
      id: init.commandId ?? snowflake(),
      name: init.name,
      type: ApplicationCommandType.ChatInput,
      guild_id: scope.guildId,
      options: withSubcommand(options, init.subcommand),
      ...resolvedAttachments(init.options ?? {}),
    },
  } as unknown as APIChatInputApplicationCommandInteraction;
}

/** An autocomplete request (`type: 4`): `focused` names the option being typed. */
export function autocompleteInteraction(
  scope: InteractionScope,
  init: InteractionInit & {
    name: string;
    options: OptionValues;
    focused: string;
    subcommand?: string;
    commandId?: string;
  },
): APIApplicationCommandAutocompleteInteraction {
  return {
    ...base(scope, init.actor, init.locale ?? 'en-US'),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: init.commandId ?? snowflake(),
      name: init.name,
      type: ApplicationCommandType.ChatInput,
      guild_id: scope.guildId,
      options: withSubcommand(toOptions(init.options, init.focused), init.subcommand),
    },
  } as unknown as APIApplicationCommandAutocompleteInteraction;
}

/** A button press (`type: 3`) on `message` (the bot's own message carrying the button). */
export function buttonInteraction(
  scope: InteractionScope,
  init: InteractionInit & { customId: string; message: APIMessage },
): APIMessageComponentInteraction {
  return {
    ...base(scope, init.actor, init.locale ?? 'en-US'),
    type: InteractionType.MessageComponent,
    message: init.message,
    data: { custom_id: init.customId, component_type: ComponentType.Button },
  } as unknown as APIMessageComponentInteraction;
}

/** Narrowing helper for tests that build payloads by hand. */
export type AnyInteraction = APIInteraction;
