/**
 * `npm run deploy-commands`: registers the slash commands in commands/ with Discord (in DISCORD_GUILD_ID
 * when set, which is instant; globally otherwise). Exits non-zero with a readable message on refusal.
 */
import { loadConfigOrExit } from '../config.js';
import { DeployError, deployCommands } from './deploy.js';
import { CommandLoadError, loadCommands } from './registry.js';

async function main(): Promise<number> {
  const config = await loadConfigOrExit();
  if (!config.discordToken) {
    process.stderr.write('DISCORD_TOKEN is not set: registering commands needs the bot token.\n');
    return 2;
  }
  try {
    const registry = await loadCommands();
    const result = await deployCommands({
      token: config.discordToken,
      apiBase: config.apiBase,
      applicationId: config.applicationId,
      guildId: config.guildId,
      registry,
    });
    const where = result.guildId
      ? `in guild ${result.guildId}`
      : 'globally (may take up to an hour to appear)';
    process.stdout.write(
      `Registered ${result.commands.length} commands ${where}: ${result.commands.join(', ')}\n`,
    );
    return 0;
  } catch (err) {
    if (err instanceof DeployError || err instanceof CommandLoadError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

process.exit(await main());
