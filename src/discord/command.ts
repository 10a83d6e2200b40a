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
import type { ReloadReport } from '../core/service.js';
import type { KnowledgeBase } from '../core/types.js';
import type { Logger } from '../logger.js';
import type { Actor, Records } from '../records/types.js';

/** The live corpus as commands see it; `CorpusService` satisfies it. */
export interface CorpusSource {
  /** The knowledge base answering now (a reload may swap it between two requests). */
  readonly current: KnowledgeBase;
  readonly isReloading: boolean;
  reload(actor?: Actor): Promise<ReloadReport>;
}

/** Settings the Discord adapter needs, parsed once at boot. */
export interface DiscordSettings {
  /** Roles allowed to run moderator commands besides members with Manage Server. */
  moderatorRoleIds: readonly string[];
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
}
