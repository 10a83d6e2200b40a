import { Client, type ClientOptions, Events, GatewayIntentBits } from 'discord.js';
import type { LoopbackDiscord } from './server.js';

/** Client options that point a real discord.js client at the loopback (and nowhere else). */
export function loopbackClientOptions(
  loopback: LoopbackDiscord,
  extra: Partial<ClientOptions> = {},
): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    // discord.js appends `/v10` to `rest.api`.
    rest: { api: loopback.apiBase, timeout: 5_000, ...extra.rest },
    // The loopback sends every GUILD_CREATE right after READY; no need to wait 15 s for stragglers.
    waitGuildTimeout: 1_000,
    ...extra,
  };
}

/** Logs a real discord.js client in to the loopback and resolves once it is ready. */
export async function connectClient(
  loopback: LoopbackDiscord,
  extra: Partial<ClientOptions> = {},
  token: string = loopback.token,
): Promise<Client<true>> {
  const client = new Client(loopbackClientOptions(loopback, extra));
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(token);
    await ready;
  } catch (e) {
    await client.destroy();
    throw e;
  }
  return client as Client<true>;
}
