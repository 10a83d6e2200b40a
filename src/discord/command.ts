/**
 * The one contract every slash command module in `commands/` satisfies. The same registry built from
 * these modules serves dispatch (interactions) and deployment (command registration).
 */
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { KnowledgeBase } from '../contract/types.js';
import type { Logger } from '../logger.js';
import type { Messages } from '../messages/messages.js';
import type { Records } from '../records/types.js';
import type { CorpusService } from '../service/service.js';
import type { Deferral } from './respond.js';

/**
 * The live corpus as commands see it: what answers now (`current`, read per request since a reload may
 * swap it between two) and the moderator changes, each validated, one at a time and reloaded at once.
 * Picked from `CorpusService` so the signatures have one source.
 */
export type CorpusSource = Pick<
  CorpusService,
  | 'current'
  | 'isReloading'
  | 'reload'
  | 'addDocument'
  | 'refuseUpload'
  | 'removeDocument'
  | 'restoreDocument'
  | 'trash'
  | 'removable'
>;

/** Settings the Discord adapter needs, parsed once at boot. */
export interface DiscordSettings {
  /** Roles allowed to run moderator commands besides members with Manage Server. */
  moderatorRoleIds: readonly string[];
  /** Largest document `/corpus add` accepts, in bytes (MAX_UPLOAD_BYTES). */
  maxUploadBytes: number;
  /** Origins `/corpus add` downloads attachments from (see `attachmentOrigins` in download.ts). */
  attachmentOrigins: readonly string[];
}

/** What a handler gets besides the interaction. */
export interface CommandContext {
  corpus: CorpusSource;
  /** Snapshot of `corpus.current` taken when the interaction arrived. */
  kb: KnowledgeBase;
  settings: DiscordSettings;
  /** Feedback and abstentions go here (a stand-in that keeps nothing when records are off). */
  records: Records;
  /** Child logger bound to this interaction. */
  logger: Logger;
  /** The words of replies, in the language of the user's Discord (`interaction.locale`). */
  messages: Messages;
}

/** A slash command: its definition and handlers. */
export interface Command {
  /** The definition registered with Discord (a `SlashCommandBuilder`). */
  data: { readonly name: string; toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody };
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
  /**
   * Buttons whose custom_id is `<command name>:<args…>`; `args` is the rest split on `:`.
   * Custom ids carry all their state (the bot keeps none between interactions).
   */
  button?(interaction: ButtonInteraction, ctx: CommandContext, args: string[]): Promise<void>;
  /**
   * Every reply is private (moderator commands), so a deferral by the bot is too. Without it the bot
   * defers privately only when the command's `private` option is true.
   */
  privateReplies?: boolean;
  /**
   * How the answer to a button is shown, so a deferral by the bot matches it: `ephemeral` (a private new
   * message, the default) or `update` (the message carrying the button is replaced, as when paging).
   */
  buttonDeferral?(args: string[]): Deferral;
}
