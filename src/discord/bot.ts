/**
 * The Discord adapter's runtime: one discord.js client, interactions dispatched through the command
 * registry, an error boundary per interaction, a per-user cooldown and a graceful stop.
 */
import {
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  Client,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  type Interaction,
  RESTEvents,
} from 'discord.js';
import { UserInputError } from '../contract/types.js';
import type { Logger } from '../logger.js';
import { describeInputError, langOfLocale, type Messages, messages } from '../messages/messages.js';
import { disabledRecords, type Records } from '../records/types.js';
import type { CommandContext, CorpusSource, DiscordSettings } from './command.js';
import { Cooldown } from './cooldown.js';
import type { CommandRegistry } from './registry.js';
import { type Deferral, defer, isInteractionGone, NO_MENTIONS, respond } from './respond.js';
import { safeText } from './text.js';

/** Everything the bot needs, parsed once at boot. */
export interface BotOptions {
  token: string;
  /** REST base without version, e.g. `https://discord.com/api` (discord.js appends `/v10`). */
  apiBase: string;
  corpus: CorpusSource;
  commands: CommandRegistry;
  settings: DiscordSettings;
  cooldown: { requests: number; seconds: number };
  /** Where feedback and abstentions are kept; nothing is kept when absent. */
  records?: Records;
  logger: Logger;
  /** Extra discord.js options (tests shorten `waitGuildTimeout`). */
  clientOptions?: Partial<ClientOptions>;
  /**
   * An answer not started after this many milliseconds is deferred, then edited in (default 2000:
   * Discord wants a first response within 3 s).
   */
  deferAfterMs?: number;
}

/** The running bot. `start()` logs in; `stop()` drains in-flight interactions and disconnects. */
export class AccordBot {
  readonly client: Client;
  private readonly cooldown: Cooldown;
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;

  constructor(private readonly options: BotOptions) {
    this.cooldown = new Cooldown(options.cooldown.requests, options.cooldown.seconds);
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds],
      // A default for every payload discord.js builds; `respond` sets it explicitly too.
      allowedMentions: NO_MENTIONS,
      ...options.clientOptions,
      rest: { api: options.apiBase, ...options.clientOptions?.rest },
    });
    const log = options.logger;
    this.client.on(Events.InteractionCreate, (interaction) => this.track(this.handle(interaction)));
    this.client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
    this.client.on(Events.Warn, (message) => log.warn({ message }, 'discord client warning'));
    this.client.on(Events.ShardDisconnect, (event, shardId) =>
      log.warn({ shardId, code: event.code }, 'shard disconnected'),
    );
    this.client.on(Events.ShardReconnecting, (shardId) => log.info({ shardId }, 'shard reconnecting'));
    this.client.on(Events.ShardResume, (shardId, replayed) =>
      log.info({ shardId, replayed }, 'shard resumed'),
    );
    this.client.rest.on(RESTEvents.RateLimited, (info) =>
      log.warn(
        { route: info.route, retryAfter: info.retryAfter, global: info.global },
        'rate limited by Discord',
      ),
    );
    // discord.js retries 429s and 5xx by itself and reports only queued rate limits; log each one.
    this.client.rest.on(RESTEvents.Response, (request, response) => {
      if (response.status === 429 || response.status >= 500) {
        log.warn(
          { method: request.method, route: request.route, status: response.status, retries: request.retries },
          response.status === 429 ? 'rate limited by Discord' : 'Discord server error',
        );
      }
    });
  }

  /** Logs in and resolves once every shard is ready. */
  async start(): Promise<void> {
    const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
    await this.client.login(this.options.token);
    await ready;
    this.options.logger.info(
      {
        user: this.client.user?.tag,
        guilds: this.client.guilds.cache.size,
        commands: this.options.commands.names,
      },
      'discord bot ready',
    );
  }

  /** Stops taking interactions, waits for the running ones (up to `graceMs`), then disconnects. */
  async stop(graceMs = 5_000): Promise<void> {
    this.stopping = true;
    const pending = [...this.inFlight];
    if (pending.length) {
      this.options.logger.info({ pending: pending.length }, 'waiting for running interactions');
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, graceMs);
      });
      await Promise.race([Promise.allSettled(pending), grace]);
      clearTimeout(timer);
    }
    await this.client.destroy();
    this.options.logger.info('discord bot stopped');
  }

  /** Interactions being handled now. */
  get pending(): number {
    return this.inFlight.size;
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async handle(interaction: Interaction): Promise<void> {
    const started = performance.now();
    const kind = interaction.isChatInputCommand()
      ? `/${interaction.commandName}`
      : interaction.isAutocomplete()
        ? `autocomplete /${interaction.commandName}`
        : interaction.isButton()
          ? `button ${interaction.customId}`
          : `type ${interaction.type}`;
    const logger = this.options.logger.child({
      interaction: interaction.id,
      kind,
      user: interaction.user.id,
      guild: interaction.guildId,
    });
    const ctx: CommandContext = {
      corpus: this.options.corpus,
      kb: this.options.corpus.current,
      settings: this.options.settings,
      records: this.options.records ?? disabledRecords(),
      logger,
      messages: messages(langOfLocale(interaction.locale)),
    };
    try {
      if (interaction.isAutocomplete()) await this.autocomplete(interaction, ctx);
      else if (interaction.isChatInputCommand()) await this.command(interaction, ctx);
      else if (interaction.isButton()) await this.button(interaction, ctx);
      else logger.debug('ignored interaction');
      logger.info({ ms: Math.round(performance.now() - started) }, 'interaction handled');
    } catch (err) {
      await this.fail(interaction, err, logger, ctx.messages);
    }
  }

  /** Refuses (ephemerally) when stopping or over the cooldown; returns whether to go on. */
  private async admit(
    interaction: ChatInputCommandInteraction | ButtonInteraction,
    m: Messages,
  ): Promise<boolean> {
    if (this.stopping) {
      await respond(interaction, { ephemeral: true, content: m.t('bot.restarting') });
      return false;
    }
    const verdict = this.cooldown.take(interaction.user.id);
    if (!verdict.ok) {
      const { requests, seconds } = this.options.cooldown;
      const retry = Math.ceil(verdict.retryAfterMs / 1000);
      await respond(interaction, {
        ephemeral: true,
        content: m.t('bot.cooldown', { requests, seconds, retry }),
      });
      return false;
    }
    return true;
  }

  private async command(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void> {
    const command = this.options.commands.get(interaction.commandName);
    if (!command) {
      await respond(interaction, { ephemeral: true, content: ctx.messages.t('bot.commandGone') });
      return;
    }
    if (!(await this.admit(interaction, ctx.messages))) return;
    const kind: Deferral =
      command.privateReplies || interaction.options.getBoolean('private') ? 'ephemeral' : 'public';
    await this.guarded(interaction, kind, ctx, () => command.execute(interaction, ctx));
  }

  private async autocomplete(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void> {
    const command = this.options.commands.get(interaction.commandName);
    if (!command?.autocomplete || this.stopping) {
      await interaction.respond([]);
      return;
    }
    try {
      await command.autocomplete(interaction, ctx);
    } catch (err) {
      // An empty list beats the client's "loading options failed"; a gone interaction takes no answer at all.
      if (!interaction.responded && !isInteractionGone(err))
        await interaction.respond([]).catch(() => undefined);
      throw err;
    }
  }

  private async button(interaction: ButtonInteraction, ctx: CommandContext): Promise<void> {
    const [name, ...args] = interaction.customId.split(':');
    const command = name ? this.options.commands.get(name) : undefined;
    if (!command?.button) {
      await respond(interaction, { ephemeral: true, content: ctx.messages.t('bot.buttonGone') });
      return;
    }
    if (!(await this.admit(interaction, ctx.messages))) return;
    const kind = command.buttonDeferral?.(args) ?? 'ephemeral';
    await this.guarded(interaction, kind, ctx, async () => {
      await command.button?.(interaction, ctx, args);
    });
  }

  /**
   * Runs a handler within Discord's 3 s: deferred at once while a reload runs (building the new index
   * keeps the process busy), otherwise deferred if it has not started answering after `deferAfterMs`.
   * `kind` must match how the handler answers: a deferral fixes whether the reply is private.
   */
  private async guarded(
    interaction: ChatInputCommandInteraction | ButtonInteraction,
    kind: Deferral,
    ctx: CommandContext,
    work: () => Promise<void>,
  ): Promise<void> {
    if (ctx.corpus.isReloading) {
      await defer(interaction, kind);
      ctx.logger.debug({ deferral: kind }, 'deferred: a reload is running');
      await work();
      return;
    }
    // A timer fires only between awaits: it covers slow I/O, not a synchronous computation over 3 s.
    const timer = setTimeout(() => {
      defer(interaction, kind).then(
        (deferred) => {
          if (deferred) ctx.logger.info({ deferral: kind }, 'deferred: the answer is slow');
        },
        (err: unknown) => ctx.logger.warn({ err }, 'could not defer a slow answer'),
      );
    }, this.options.deferAfterMs ?? 2_000);
    try {
      await work();
    } finally {
      clearTimeout(timer);
    }
  }

  /** The error boundary: tells the user what they can act on, logs the rest, never throws. */
  private async fail(interaction: Interaction, err: unknown, logger: Logger, m: Messages): Promise<void> {
    if (isInteractionGone(err)) {
      logger.warn(
        { err: { code: err.code, message: err.message } },
        'interaction expired or already answered',
      );
      return;
    }
    const userError = err instanceof UserInputError;
    if (!userError) logger.error({ err }, 'interaction failed');
    if (!interaction.isRepliable()) return;
    const content = userError ? safeText(describeInputError(m, err), 1800) : m.t('bot.failed');
    try {
      await respond(interaction, { ephemeral: true, content });
    } catch (replyErr) {
      logger.warn({ err: replyErr }, 'could not tell the user about the failure');
    }
  }
}
