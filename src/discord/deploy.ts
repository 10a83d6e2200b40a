/** Registers the command registry with Discord: guild-scoped when a guild id is given, global otherwise. */
import { DiscordAPIError, REST, type RESTPutAPIApplicationCommandsResult, Routes } from 'discord.js';
import type { CommandRegistry } from './registry.js';

/** What was registered where. */
export interface DeployResult {
  applicationId: string;
  guildId: string | null;
  commands: string[];
}

/** Options for {@link deployCommands}. */
export interface DeployOptions {
  token: string;
  apiBase: string;
  /** Looked up with `GET /applications/@me` when not given. */
  applicationId?: string | undefined;
  guildId?: string | undefined;
  registry: CommandRegistry;
}

/** Bulk-overwrites the commands; throws {@link DeployError} with a readable message when Discord refuses. */
export async function deployCommands(options: DeployOptions): Promise<DeployResult> {
  const rest = new REST({ api: options.apiBase, retries: 1, timeout: 15_000 }).setToken(options.token);
  try {
    const applicationId =
      options.applicationId ?? ((await rest.get(Routes.currentApplication())) as { id: string }).id;
    const route = options.guildId
      ? Routes.applicationGuildCommands(applicationId, options.guildId)
      : Routes.applicationCommands(applicationId);
    const saved = (await rest.put(route, {
      body: options.registry.toJSON(),
    })) as RESTPutAPIApplicationCommandsResult;
    return { applicationId, guildId: options.guildId ?? null, commands: saved.map((c) => c.name) };
  } catch (err) {
    throw DeployError.from(err);
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

/** Discord refused the registration; `message` says why, in words. */
export class DeployError extends Error {
  override name = 'DeployError';

  static from(err: unknown): DeployError {
    if (err instanceof DiscordAPIError) {
      const lines = [
        `Discord refused the command registration: HTTP ${err.status}, code ${err.code}: ${err.message}`,
      ];
      if (err.status === 401) lines.push('The bot token was not accepted: check DISCORD_TOKEN.');
      if (err.status === 403) {
        lines.push('Missing access: check DISCORD_APPLICATION_ID and that the bot is in DISCORD_GUILD_ID.');
      }
      return new DeployError(lines.join('\n'), { cause: err });
    }
    return new DeployError(
      `Could not reach Discord to register commands: ${(err as Error)?.message ?? String(err)}`,
      {
        cause: err,
      },
    );
  }
}
