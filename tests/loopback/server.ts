/**
 * The loopback Discord: a REST API (`/api/v10`) and a WebSocket gateway on 127.0.0.1 that a real
 * discord.js client can log in to. Tests drive it (dispatch interactions, close shards, arm 429/500,
 * expire interactions) and inspect everything the bot sent.
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIApplicationCommand, APIInteraction, APIMessage, APIUser } from 'discord.js';
import { PermissionFlagsBits } from 'discord.js';
import { type WebSocket, WebSocketServer } from 'ws';
import { WAIT_MS, waitUntil } from '../support/wait.js';
import {
  type Actor,
  type AttachmentInfo,
  autocompleteInteraction,
  buttonInteraction,
  chatInputInteraction,
  type InteractionScope,
  MEMBER_PERMISSIONS,
  makeActor,
  makeUser,
  type OptionValues,
} from './interactions.js';
import { validateChoices, validateCommands, validateMessage } from './limits.js';
import { shardForGuild, snowflake } from './snowflake.js';

/** Route keys, as `armRateLimit`/`armServerError` and recorded requests name them. */
export const ROUTES = {
  gatewayBot: 'GET /gateway/bot',
  callback: 'POST /interactions/:id/:token/callback',
  editMessage: 'PATCH /webhooks/:app/:token/messages/:message',
  getMessage: 'GET /webhooks/:app/:token/messages/:message',
  deleteMessage: 'DELETE /webhooks/:app/:token/messages/:message',
  followUp: 'POST /webhooks/:app/:token',
  globalCommands: 'PUT /applications/:app/commands',
  guildCommands: 'PUT /applications/:app/guilds/:guild/commands',
  channelMessage: 'POST /channels/:channel/messages',
} as const;

/** Options for {@link LoopbackDiscord.start}. */
export interface LoopbackOptions {
  /** Bot token the REST API and gateway accept. A fresh fake one by default. */
  token?: string;
  /** Shard count recommended by `GET /gateway/bot` (default 1). */
  shards?: number;
  /** `session_start_limit.max_concurrency` (default 16, so test shards identify without the 5 s wait). */
  maxConcurrency?: number;
  /** Guilds the bot is in (default 1); spread over the shards. */
  guilds?: number;
  /** HELLO `heartbeat_interval` (default 41250, as Discord). */
  heartbeatIntervalMs?: number;
  /**
   * How long after dispatch an interaction accepts its first response (10062 after). Default: no limit.
   * Discord's is 3 s, but on a loaded machine the wall clock measures the machine, not the bot: a test of a
   * late answer sets this or calls `expire()`, and the bot's guard against Discord's 3 s is tested by what
   * it sends (a deferral while an answer is pending), not by timing it.
   */
  callbackWindowMs?: number;
  /** Where unknown routes are reported (default: `console.warn`). */
  log?: (line: string) => void;
}

/** One HTTP request the bot made, with the answer it got. */
export interface RecordedRequest {
  seq: number;
  at: number;
  method: string;
  /** Path below `/api/v10`, with query string removed. */
  path: string;
  /** Route key (see {@link ROUTES}), or `UNKNOWN`. */
  route: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  status: number;
  response: unknown;
}

/** How {@link LoopbackDiscord.hostAttachment} serves a file. */
export interface HostOptions {
  /** The size Discord declares (default: the real size). */
  size?: number;
  /** Serve the bytes this many times in a row (default 1): a large body without holding it. */
  repeat?: number;
  /** Send `Content-Length` (default true); without it the body is chunked and only counting tells its size. */
  contentLength?: boolean;
  contentType?: string;
  /** Answer `302 Location: <this>` instead of the bytes (given the attachment: a redirect to itself loops). */
  redirectTo?: string | ((info: AttachmentInfo) => string);
}

/** One download of a hosted attachment. */
export interface AttachmentDownload {
  id: string;
  /** Bytes the file has. */
  total: number;
  /** Bytes handed to the socket before the download ended. */
  sent: number;
  /** Whether the whole body went out (false when the client aborted). */
  completed: boolean;
  /** Whether the response is over (completed or aborted). */
  closed: boolean;
}

/** A message payload that did not set `allowed_mentions: { parse: [] }`. */
export interface MentionViolation {
  request: RecordedRequest;
  allowedMentions: unknown;
}

/** The test guild as the bot sees it. */
export interface LoopbackGuild {
  id: string;
  name: string;
  channelId: string;
  ownerId: string;
  roles: { everyone: string; moderator: string; manager: string };
}

/** A gateway session (one per identified shard connection, kept across resumes). */
export interface GatewaySession {
  id: string;
  shardId: number;
  shardCount: number;
  seq: number;
  /** Every dispatch sent in this session, for RESUME replay. */
  events: Array<{ op: 0; t: string; s: number; d: unknown }>;
  socket: WebSocket | null;
  /** `identify` or `resume`: how the current socket got attached. */
  attachedBy: 'identify' | 'resume' | null;
  resumes: number;
  heartbeats: number;
  /** Gateway URLs the client connected with (e.g. resume_gateway_url on resume). */
  urls: string[];
  identify: unknown;
  invalid: boolean;
}

/** What Discord accepted as the first response to an interaction. */
export interface AcceptedCallback {
  type: number;
  data: Record<string, unknown> | undefined;
  at: number;
}

/** Server-side state of a dispatched interaction. */
export interface InteractionRecord {
  id: string;
  token: string;
  payload: APIInteraction;
  shardId: number;
  dispatchedAt: number;
  forcedExpired: boolean;
  /** Past its 15-minute token lifetime: webhook routes answer 401 50027. */
  tokenExpired: boolean;
  callback: AcceptedCallback | null;
  /** Id of the message the interaction responded with (or the component's message). */
  originalId: string | null;
  edits: Array<{ messageId: string; body: Record<string, unknown>; at: number }>;
  followUps: APIMessage[];
  deleted: string[];
}

interface Fault {
  route: string;
  kind: 429 | 500;
  remaining: number;
  retryAfter: number;
  global: boolean;
  status: number;
}

interface Ctx {
  req: RecordedRequest;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = (ctx: Ctx) => Reply;

interface RouteDef {
  method: string;
  pattern: string[];
  key: string;
  auth: boolean;
  handler: Handler;
}

const EPHEMERAL = 1 << 6;
const LOADING = 1 << 7;

const err = (status: number, code: number, message: string): Reply => ({ status, body: { code, message } });
const ok = (body: unknown): Reply => ({ status: 200, body });

function fakeToken(userId: string): string {
  // Same three-part shape as real bot tokens: base64(user id).timestamp.hmac
  const rand = () => Math.random().toString(36).slice(2);
  return `${Buffer.from(userId).toString('base64url')}.GLoop.${rand()}${rand()}${rand()}`;
}

/** A guild id whose events Discord would route to `shard` of `count`. */
function guildIdForShard(shard: number, count: number, nth: number): string {
  const epoch = 1420070400000;
  let ts = Date.now() - 86_400_000 * (nth + 1);
  while ((ts - epoch) % count !== shard) ts++;
  return snowflake(ts);
}

/** The loopback Discord server. Start with {@link LoopbackDiscord.start}; always `close()` it. */
export class LoopbackDiscord extends EventEmitter {
  readonly token: string;
  readonly botUser: APIUser & { bot: true };
  readonly application: { id: string; name: string; flags: number };
  readonly guilds: LoopbackGuild[];
  /** Ready-made actors in the first guild. */
  readonly actors: { member: Actor; manager: Actor; moderator: Actor };

  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** Message payloads without `allowed_mentions: { parse: [] }`. */
  readonly mentionViolations: MentionViolation[] = [];
  /** `METHOD /path` of requests to routes the loopback does not know. */
  readonly unknownRoutes: string[] = [];
  /** Registered commands: global, and per guild id. */
  readonly commands: { global: APIApplicationCommand[]; guild: Map<string, APIApplicationCommand[]> } = {
    global: [],
    guild: new Map(),
  };
  readonly sessions: GatewaySession[] = [];
  readonly interactions = new Map<string, InteractionRecord>();
  readonly messages = new Map<string, APIMessage>();
  /** Every download of a hosted attachment, in arrival order. */
  readonly downloads: AttachmentDownload[] = [];
  /** Ids of hosted attachments answered with a redirect, once per request. */
  readonly redirects: string[] = [];
  private readonly hosted = new Map<
    string,
    { bytes: Uint8Array; options: HostOptions; info: AttachmentInfo }
  >();

  callbackWindowMs: number;
  readonly shardCount: number;
  private readonly maxConcurrency: number;
  private readonly heartbeatIntervalMs: number;
  private readonly log: (line: string) => void;
  private readonly http: Server;
  private readonly wss: WebSocketServer;
  private readonly routes: RouteDef[] = [];
  private faults: Fault[] = [];
  private seq = 0;
  private port = 0;

  private constructor(options: LoopbackOptions) {
    super();
    this.setMaxListeners(0);
    const botId = snowflake(Date.now() - 400 * 86_400_000);
    this.botUser = {
      ...makeUser('accord', botId),
      bot: true,
      verified: true,
      mfa_enabled: false,
    } as APIUser & {
      bot: true;
    };
    this.application = { id: botId, name: 'Accord', flags: 1 << 23 };
    this.token = options.token ?? fakeToken(botId);
    this.shardCount = options.shards ?? 1;
    this.maxConcurrency = options.maxConcurrency ?? 16;
    this.heartbeatIntervalMs = options.heartbeatIntervalMs ?? 41_250;
    this.callbackWindowMs = options.callbackWindowMs ?? Number.POSITIVE_INFINITY;
    this.log = options.log ?? ((line) => console.warn(line));

    const guildCount = options.guilds ?? 1;
    this.guilds = [];
    for (let i = 0; i < guildCount; i++) {
      const id = guildIdForShard(i % this.shardCount, this.shardCount, i);
      this.guilds.push({
        id,
        name: i === 0 ? 'Accord Test Guild' : `Accord Test Guild ${i + 1}`,
        channelId: snowflake(),
        ownerId: snowflake(),
        roles: { everyone: id, moderator: snowflake(), manager: snowflake() },
      });
    }
    const g = this.guilds[0];
    if (!g) throw new Error('loopback: at least one guild is required');
    this.actors = {
      member: makeActor('alice', MEMBER_PERMISSIONS, []),
      manager: makeActor('morgan', MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild, [g.roles.manager]),
      moderator: makeActor('rin', MEMBER_PERMISSIONS, [g.roles.moderator]),
    };

    this.defineRoutes();
    this.http = createServer((req, res) => {
      this.handleHttp(req, res).catch((e: unknown) => {
        this.log(`loopback: handler crashed: ${String(e)}`);
        if (!res.headersSent) res.writeHead(500).end();
      });
    });
    this.wss = new WebSocketServer({ server: this.http });
    this.wss.on('connection', (socket, req) => this.onConnection(socket, req));
  }

  /** Starts a loopback Discord on 127.0.0.1 with a random port. */
  static async start(options: LoopbackOptions = {}): Promise<LoopbackDiscord> {
    const server = new LoopbackDiscord(options);
    await new Promise<void>((resolve, reject) => {
      server.http.once('error', reject);
      server.http.listen(0, '127.0.0.1', () => resolve());
    });
    server.port = (server.http.address() as AddressInfo).port;
    return server;
  }

  /** What to pass as discord.js `rest.api` (discord.js appends `/v10`). */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** Where interactions happen by default: the first guild's text channel. */
  get guild(): LoopbackGuild {
    return this.guilds[0] as LoopbackGuild;
  }

  scope(guild: LoopbackGuild = this.guild): InteractionScope {
    return {
      applicationId: this.application.id,
      guildId: guild.id,
      channelId: guild.channelId,
      appPermissions: MEMBER_PERMISSIONS,
    };
  }

  /** Stops accepting connections, drops every socket and closes the server. */
  async close(): Promise<void> {
    for (const client of this.wss.clients) client.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.http.closeAllConnections();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
    this.removeAllListeners();
  }

  /**
   * Resolves with the first truthy value of `probe`, re-evaluated on every state change; gives up after
   * `timeoutMs` (default {@link WAIT_MS}, a net for a hung test, not a measure of speed), naming `what`.
   */
  waitFor<T>(
    probe: () => T | undefined | null | false,
    what = 'a condition',
    options: { timeoutMs?: number; detail?: () => string } = {},
  ): Promise<T> {
    return waitUntil(this, 'change', probe, { ...options, what: `loopback: ${what}` });
  }

  private changed(): void {
    this.emit('change');
  }

  // ---------------------------------------------------------------- faults

  /** The next `times` requests to `route` get 429 with `Retry-After` (seconds, may be fractional). */
  armRateLimit(route: string, options: { times?: number; retryAfter?: number; global?: boolean } = {}): void {
    this.faults.push({
      route,
      kind: 429,
      remaining: options.times ?? 1,
      retryAfter: options.retryAfter ?? 0.05,
      global: options.global ?? false,
      status: 429,
    });
  }

  /**
   * The next `times` requests to `route` get a 5xx. discord.js retries 5xx up to 3 times
   * (4 attempts), so `times: 4` makes a call fail for good.
   */
  armServerError(route: string, options: { times?: number; status?: number } = {}): void {
    this.faults.push({
      route,
      kind: 500,
      remaining: options.times ?? 1,
      retryAfter: 0,
      global: false,
      status: options.status ?? 500,
    });
  }

  /** Makes an interaction's token unknown from now on, as if its 3 s window had passed. */
  expire(interactionId: string): void {
    const rec = this.interactions.get(interactionId);
    if (rec) rec.forcedExpired = true;
  }

  /**
   * Ends an interaction's token, as 15 minutes after its dispatch: editing its messages or following up
   * gets 401 50027 Invalid Webhook Token.
   */
  expireToken(interactionId: string): void {
    const rec = this.interactions.get(interactionId);
    if (rec) rec.tokenExpired = true;
  }

  // ---------------------------------------------------------------- gateway

  /** The live session of a shard (the latest identified one). */
  session(shardId = 0): GatewaySession | undefined {
    for (let i = this.sessions.length - 1; i >= 0; i--) {
      const s = this.sessions[i];
      if (s && s.shardId === shardId && !s.invalid) return s;
    }
    return undefined;
  }

  /** Waits until `count` shards have a live, attached session. */
  waitForShards(count = this.shardCount, timeoutMs = WAIT_MS): Promise<GatewaySession[]> {
    return this.waitFor(
      () => {
        const live: GatewaySession[] = [];
        for (let id = 0; id < count; id++) {
          const s = this.session(id);
          if (!s?.socket || !s.attachedBy) return undefined;
          live.push(s);
        }
        return live;
      },
      `${count} shard(s) to connect`,
      { timeoutMs },
    );
  }

  /** Waits until the shard's session has been resumed `times` times in total. */
  waitForResume(shardId = 0, times = 1, timeoutMs = WAIT_MS): Promise<GatewaySession> {
    return this.waitFor(
      () => {
        const s = this.session(shardId);
        return s && s.resumes >= times && s.socket && s.attachedBy === 'resume' ? s : undefined;
      },
      `shard ${shardId} to resume`,
      { timeoutMs },
    );
  }

  /** Closes a shard's socket with `code` (4000 "unknown error" makes discord.js resume). */
  closeShard(shardId = 0, code = 4000, reason = 'loopback: closed by test'): void {
    const s = this.session(shardId);
    if (!s?.socket) throw new Error(`loopback: shard ${shardId} has no open socket`);
    const socket = s.socket;
    s.socket = null;
    s.attachedBy = null;
    socket.close(code, reason);
    this.changed();
  }

  /** Sends (or, while the shard is disconnected, queues for RESUME replay) a dispatch event. */
  dispatch(shardId: number, t: string, d: unknown): void {
    const s = this.session(shardId);
    if (!s) throw new Error(`loopback: shard ${shardId} has no session`);
    this.sendDispatch(s, t, d);
  }

  private sendDispatch(s: GatewaySession, t: string, d: unknown): void {
    s.seq++;
    const payload = { op: 0 as const, t, s: s.seq, d };
    s.events.push(payload);
    if (s.socket && s.attachedBy) s.socket.send(JSON.stringify(payload));
  }

  private onConnection(socket: WebSocket, req: IncomingMessage): void {
    const url = req.url ?? '/';
    let session: GatewaySession | null = null;
    socket.send(
      JSON.stringify({ op: 10, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null }),
    );
    socket.on('message', (raw) => {
      let msg: { op?: number; d?: unknown };
      try {
        msg = JSON.parse(String(raw));
      } catch {
        socket.close(4002, 'Error while decoding payload.');
        return;
      }
      switch (msg.op) {
        case 1: {
          if (session) session.heartbeats++;
          socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
          this.changed();
          return;
        }
        case 2: {
          if (session) {
            socket.close(4005, 'Already authenticated.');
            return;
          }
          session = this.identify(socket, url, msg.d);
          return;
        }
        case 6: {
          if (session) {
            socket.close(4005, 'Already authenticated.');
            return;
          }
          session = this.resume(socket, url, msg.d);
          return;
        }
        case 3:
        case 4:
        case 8:
          if (!session) socket.close(4003, 'Not authenticated.');
          return;
        default:
          socket.close(4001, 'Unknown opcode.');
      }
    });
    socket.on('close', (code) => {
      if (session && session.socket === socket) {
        session.socket = null;
        session.attachedBy = null;
        // A client closing with 1000/1001 ends its session; anything else may be resumed.
        if (code === 1000 || code === 1001) session.invalid = true;
        this.changed();
      }
    });
  }

  private identify(socket: WebSocket, url: string, d: unknown): GatewaySession | null {
    const data = d as { token?: string; shard?: [number, number]; intents?: number } | undefined;
    if (data?.token !== this.token) {
      socket.close(4004, 'Authentication failed.');
      return null;
    }
    const [shardId, shardCount] = data.shard ?? [0, 1];
    if (shardCount < 1 || shardId < 0 || shardId >= shardCount) {
      socket.close(4010, 'Invalid shard.');
      return null;
    }
    const session: GatewaySession = {
      id: snowflake().slice(-12) + Math.random().toString(16).slice(2, 14),
      shardId,
      shardCount,
      seq: 0,
      events: [],
      socket,
      attachedBy: 'identify',
      resumes: 0,
      heartbeats: 0,
      urls: [url],
      identify: d,
      invalid: false,
    };
    for (const old of this.sessions) if (old.shardId === shardId) old.invalid = true;
    this.sessions.push(session);
    const guilds = this.guilds.filter((g) => shardForGuild(g.id, shardCount) === shardId);
    this.sendDispatch(session, 'READY', {
      v: 10,
      user: this.botUser,
      user_settings: {},
      guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
      guild_join_requests: [],
      relationships: [],
      private_channels: [],
      presences: [],
      session_id: session.id,
      session_type: 'normal',
      resume_gateway_url: `${this.gatewayUrl}/resume`,
      shard: [shardId, shardCount],
      application: { id: this.application.id, flags: this.application.flags },
      auth: {},
      geo_ordered_rtc_regions: [],
      _trace: ['["loopback-gateway",{"micros":0}]'],
    });
    for (const g of guilds) this.sendDispatch(session, 'GUILD_CREATE', this.guildPayload(g));
    this.emit('identify', session);
    this.changed();
    return session;
  }

  private resume(socket: WebSocket, url: string, d: unknown): GatewaySession | null {
    const data = d as { token?: string; session_id?: string; seq?: number | null } | undefined;
    const session = this.sessions.find((s) => s.id === data?.session_id && !s.invalid);
    if (!session || data?.token !== this.token) {
      // Not resumable: the client must identify again.
      socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      return null;
    }
    session.socket?.terminate();
    session.socket = socket;
    session.urls.push(url);
    const from = data.seq ?? 0;
    for (const e of session.events) if (e.s > from) socket.send(JSON.stringify(e));
    session.attachedBy = 'resume';
    session.resumes++;
    this.sendDispatch(session, 'RESUMED', { _trace: ['["loopback-gateway",{"micros":0}]'] });
    this.emit('resume', session);
    this.changed();
    return session;
  }

  private guildPayload(g: LoopbackGuild): Record<string, unknown> {
    const role = (id: string, name: string, position: number, permissions: bigint) => ({
      id,
      name,
      description: null,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position,
      permissions: permissions.toString(),
      managed: false,
      mentionable: false,
      flags: 0,
    });
    return {
      id: g.id,
      name: g.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: g.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 1,
      default_message_notifications: 1,
      explicit_content_filter: 2,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: 'en-US',
      system_channel_id: g.channelId,
      system_channel_flags: 0,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      application_id: null,
      features: [],
      roles: [
        role(g.roles.everyone, '@everyone', 0, MEMBER_PERMISSIONS),
        role(g.roles.moderator, 'Moderators', 1, MEMBER_PERMISSIONS),
        role(g.roles.manager, 'Managers', 2, MEMBER_PERMISSIONS | PermissionFlagsBits.ManageGuild),
      ],
      emojis: [],
      stickers: [],
      joined_at: '2024-01-01T00:00:00.000000+00:00',
      large: false,
      unavailable: false,
      lazy: true,
      member_count: 4,
      max_members: 500_000,
      max_video_channel_users: 25,
      voice_states: [],
      members: [
        {
          user: this.botUser,
          roles: [],
          joined_at: '2024-01-01T00:00:00.000000+00:00',
          deaf: false,
          mute: false,
          flags: 0,
          nick: null,
          avatar: null,
          premium_since: null,
          pending: false,
          communication_disabled_until: null,
        },
      ],
      channels: [
        {
          id: g.channelId,
          type: 0,
          name: 'general',
          position: 0,
          permission_overwrites: [],
          parent_id: null,
          topic: null,
          nsfw: false,
          last_message_id: null,
          rate_limit_per_user: 0,
          flags: 0,
        },
      ],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      embedded_activities: [],
      application_command_counts: {},
      incidents_data: null,
      latest_onboarding_question_id: null,
      home_header: null,
      hub_type: null,
      version: Date.now(),
    };
  }

  // ---------------------------------------------------------------- attachments

  /**
   * Serves `bytes` at `/attachments/:id/:filename` on 127.0.0.1, as Discord's CDN serves uploads, and
   * returns the attachment object to pass as an option value.
   */
  hostAttachment(filename: string, bytes: Uint8Array | string, options: HostOptions = {}): AttachmentInfo {
    const body = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    const id = snowflake();
    const url = `http://127.0.0.1:${this.port}/attachments/${id}/${encodeURIComponent(filename)}`;
    const info: AttachmentInfo = {
      id,
      filename,
      size: options.size ?? body.byteLength * (options.repeat ?? 1),
      url,
      proxy_url: `${url}?proxy=1`,
      ...(options.contentType ? { content_type: options.contentType } : {}),
    };
    this.hosted.set(id, { bytes: body, options, info });
    return info;
  }

  /** Streams a hosted file with backpressure, noting how much went out before the client stopped. */
  private async serveAttachment(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const id = decodeURIComponent(url.pathname.split('/')[2] ?? '');
    const file = this.hosted.get(id);
    if (!file || req.method !== 'GET') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    const { redirectTo } = file.options;
    if (redirectTo !== undefined) {
      this.redirects.push(id);
      const location = typeof redirectTo === 'string' ? redirectTo : redirectTo(file.info);
      res.writeHead(302, { location }).end();
      return;
    }
    const repeat = file.options.repeat ?? 1;
    const download: AttachmentDownload = {
      id,
      total: file.bytes.byteLength * repeat,
      sent: 0,
      completed: false,
      closed: false,
    };
    this.downloads.push(download);
    res.on('close', () => {
      download.completed = res.writableFinished;
      download.closed = true;
      this.changed();
    });
    res.writeHead(200, {
      'content-type': file.options.contentType ?? 'application/octet-stream',
      ...(file.options.contentLength === false ? {} : { 'content-length': String(download.total) }),
    });
    for (let i = 0; i < repeat && !res.destroyed; i++) {
      download.sent += file.bytes.byteLength;
      if (!res.write(file.bytes)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off('drain', done);
            res.off('close', done);
            resolve();
          };
          res.on('drain', done);
          res.on('close', done);
        });
      }
    }
    if (!res.destroyed) res.end();
  }

  // ---------------------------------------------------------------- interactions

  /** Dispatches `INTERACTION_CREATE` on the shard owning its guild and returns a handle to inspect replies. */
  dispatchInteraction(payload: APIInteraction): InteractionHandle {
    const guildId = 'guild_id' in payload ? payload.guild_id : undefined;
    const shardId = guildId ? shardForGuild(guildId, this.session(0)?.shardCount ?? this.shardCount) : 0;
    const rec: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      payload,
      shardId,
      dispatchedAt: Date.now(),
      forcedExpired: false,
      tokenExpired: false,
      callback: null,
      originalId: null,
      edits: [],
      followUps: [],
      deleted: [],
    };
    this.interactions.set(rec.id, rec);
    this.dispatch(shardId, 'INTERACTION_CREATE', payload);
    this.changed();
    return new InteractionHandle(this, rec);
  }

  /** Builds and dispatches a slash command (default actor: an ordinary member). */
  command(
    name: string,
    options: OptionValues = {},
    init: { actor?: Actor; subcommand?: string; locale?: string; guild?: LoopbackGuild } = {},
  ): InteractionHandle {
    const payload = chatInputInteraction(this.scope(init.guild), {
      name,
      options,
      actor: init.actor ?? this.actors.member,
      commandId: this.commandId(name),
      ...(init.subcommand ? { subcommand: init.subcommand } : {}),
      ...(init.locale ? { locale: init.locale } : {}),
    });
    return this.dispatchInteraction(payload);
  }

  /** Builds and dispatches an autocomplete request for option `focused`. */
  autocomplete(
    name: string,
    options: OptionValues,
    focused: string,
    init: { actor?: Actor; subcommand?: string; locale?: string; guild?: LoopbackGuild } = {},
  ): InteractionHandle {
    const payload = autocompleteInteraction(this.scope(init.guild), {
      name,
      options,
      focused,
      actor: init.actor ?? this.actors.member,
      commandId: this.commandId(name),
      ...(init.subcommand ? { subcommand: init.subcommand } : {}),
      ...(init.locale ? { locale: init.locale } : {}),
    });
    return this.dispatchInteraction(payload);
  }

  /** Presses a button on a message the bot sent (`message` as stored by the loopback). */
  pressButton(
    customId: string,
    message: APIMessage,
    init: { actor?: Actor; locale?: string; guild?: LoopbackGuild } = {},
  ): InteractionHandle {
    const payload = buttonInteraction(this.scope(init.guild), {
      customId,
      message,
      actor: init.actor ?? this.actors.member,
      ...(init.locale ? { locale: init.locale } : {}),
    });
    return this.dispatchInteraction(payload);
  }

  private commandId(name: string): string | undefined {
    const all = [...this.commands.global, ...[...this.commands.guild.values()].flat()];
    return all.find((c) => c.name === name)?.id;
  }

  // ---------------------------------------------------------------- HTTP

  private route(method: string, path: string, auth: boolean, handler: Handler): void {
    this.routes.push({
      method,
      pattern: path.split('/').filter(Boolean),
      key: `${method} ${path}`,
      auth,
      handler,
    });
  }

  private match(method: string, path: string): { def: RouteDef; params: Record<string, string> } | null {
    const parts = path.split('/').filter(Boolean);
    for (const def of this.routes) {
      if (def.method !== method || def.pattern.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let hit = true;
      def.pattern.forEach((seg, i) => {
        const part = decodeURIComponent(parts[i] ?? '');
        if (seg.startsWith(':')) params[seg.slice(1)] = part;
        else if (seg !== part) hit = false;
      });
      if (hit) return { def, params };
    }
    return null;
  }

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/attachments/')) {
      await this.serveAttachment(req, res, url);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const method = (req.method ?? 'GET').toUpperCase();
    const contentType = req.headers['content-type'] ?? '';
    let body: unknown;
    if (raw.length > 0) {
      if (contentType.startsWith('multipart/form-data')) {
        // discord.js sends files as multipart with the JSON in `payload_json`.
        const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
        const json = form.get('payload_json');
        body = typeof json === 'string' ? JSON.parse(json) : {};
      } else {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          body = raw.toString('utf8');
        }
      }
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const record: RecordedRequest = {
      seq: ++this.seq,
      at: Date.now(),
      method,
      path: url.pathname,
      route: 'UNKNOWN',
      params: {},
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      status: 0,
      response: undefined,
    };
    const reply = this.answer(record, url, body);
    record.status = reply.status;
    record.response = reply.body;
    this.requests.push(record);
    const out: Record<string, string> = { ...(reply.headers ?? {}) };
    if (reply.body !== undefined) out['content-type'] = 'application/json';
    res.writeHead(reply.status, out);
    res.end(reply.body === undefined ? undefined : JSON.stringify(reply.body));
    this.emit('request', record);
    this.changed();
  }

  private answer(record: RecordedRequest, url: URL, body: unknown): Reply {
    const prefix = '/api/v10';
    const found = url.pathname.startsWith(prefix)
      ? this.match(record.method, url.pathname.slice(prefix.length))
      : null;
    if (!found) {
      const line = `${record.method} ${url.pathname}`;
      this.unknownRoutes.push(line);
      this.log(`loopback: unknown route ${line}`);
      return err(404, 0, '404: Not Found');
    }
    record.path = url.pathname.slice(prefix.length);
    record.route = found.def.key;
    record.params = found.params;
    if (found.def.auth && record.headers.authorization !== `Bot ${this.token}`) {
      return err(401, 0, '401: Unauthorized');
    }
    const fault = this.faults.find((f) => f.route === found.def.key && f.remaining > 0);
    if (fault) {
      fault.remaining--;
      if (fault.kind === 500)
        return { status: fault.status, body: { message: 'Internal Server Error', code: 0 } };
      return {
        status: 429,
        headers: {
          'retry-after': String(fault.retryAfter),
          'x-ratelimit-limit': '5',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-reset-after': String(fault.retryAfter),
          'x-ratelimit-bucket': 'loopback',
          'x-ratelimit-scope': fault.global ? 'global' : 'user',
          ...(fault.global ? { 'x-ratelimit-global': 'true' } : {}),
        },
        body: { message: 'You are being rate limited.', retry_after: fault.retryAfter, global: fault.global },
      };
    }
    return found.def.handler({ req: record, params: found.params, query: url.searchParams, body });
  }

  /** Records a violation unless the payload sets `allowed_mentions: { parse: [] }`. */
  private checkMentions(req: RecordedRequest, payload: unknown): void {
    const am = (payload as { allowed_mentions?: { parse?: unknown } } | undefined)?.allowed_mentions;
    const safe = Array.isArray(am?.parse) && am.parse.length === 0;
    if (!safe) this.mentionViolations.push({ request: req, allowedMentions: am });
  }

  private makeMessage(
    data: Record<string, unknown>,
    extra: { channelId: string; interaction?: InteractionRecord; flags?: number },
  ): APIMessage {
    const id = snowflake();
    const msg = {
      id,
      type: extra.interaction ? 20 : 0,
      channel_id: extra.channelId,
      author: this.botUser,
      content: typeof data.content === 'string' ? data.content : '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: Array.isArray(data.embeds) ? data.embeds.map((e) => ({ type: 'rich', ...(e as object) })) : [],
      components: Array.isArray(data.components) ? data.components : [],
      pinned: false,
      flags: extra.flags ?? (typeof data.flags === 'number' ? data.flags : 0),
      application_id: this.application.id,
      webhook_id: extra.interaction ? this.application.id : undefined,
      ...(extra.interaction
        ? {
            interaction_metadata: {
              id: extra.interaction.id,
              type: extra.interaction.payload.type,
              user: extra.interaction.payload.member?.user ?? extra.interaction.payload.user,
              authorizing_integration_owners: { '0': extra.interaction.payload.guild_id },
            },
          }
        : {}),
    } as unknown as APIMessage;
    this.messages.set(id, msg);
    return msg;
  }

  private patchMessage(msg: APIMessage, data: Record<string, unknown>): APIMessage {
    const m = msg as unknown as Record<string, unknown>;
    if ('content' in data) m.content = data.content ?? '';
    if ('embeds' in data) {
      m.embeds = Array.isArray(data.embeds)
        ? data.embeds.map((e) => ({ type: 'rich', ...(e as object) }))
        : [];
    }
    if ('components' in data) m.components = Array.isArray(data.components) ? data.components : [];
    m.flags = (typeof m.flags === 'number' ? m.flags : 0) & ~LOADING;
    m.edited_timestamp = new Date().toISOString();
    this.messages.set(msg.id, msg);
    return msg;
  }

  private interactionByToken(app: string, token: string): InteractionRecord | undefined {
    if (app !== this.application.id) return undefined;
    for (const rec of this.interactions.values()) if (rec.token === token) return rec;
    return undefined;
  }

  private defineRoutes(): void {
    const gatewayBot = () =>
      ok({
        url: this.gatewayUrl,
        shards: this.shardCount,
        session_start_limit: {
          total: 1000,
          remaining: 999,
          reset_after: 14_400_000,
          max_concurrency: this.maxConcurrency,
        },
      });
    this.route('GET', '/gateway', false, () => ok({ url: this.gatewayUrl }));
    this.route('GET', '/gateway/bot', true, gatewayBot);
    this.route('GET', '/users/@me', true, () => ok(this.botUser));
    const app = () =>
      ok({
        id: this.application.id,
        name: this.application.name,
        icon: null,
        description: '',
        summary: '',
        type: null,
        bot_public: false,
        bot_require_code_grant: false,
        verify_key: '0'.repeat(64),
        flags: this.application.flags,
        owner: makeUser('owner'),
        team: null,
        bot: this.botUser,
        approximate_guild_count: this.guilds.length,
        install_params: {
          scopes: ['bot', 'applications.commands'],
          permissions: MEMBER_PERMISSIONS.toString(),
        },
        integration_types_config: { '0': {} },
      });
    this.route('GET', '/applications/@me', true, app);
    this.route('GET', '/oauth2/applications/@me', true, app);

    const saveCommands = (appId: string, guildId: string | null, body: unknown): Reply => {
      if (appId !== this.application.id) return err(403, 50001, 'Missing Access');
      if (guildId && !this.guilds.some((g) => g.id === guildId)) return err(403, 50001, 'Missing Access');
      const invalid = validateCommands(body);
      if (invalid) return invalid;
      const previous = guildId ? (this.commands.guild.get(guildId) ?? []) : this.commands.global;
      const saved = (body as Array<Record<string, unknown>>).map(
        (c) =>
          ({
            id: previous.find((p) => p.name === c.name)?.id ?? snowflake(),
            application_id: this.application.id,
            version: snowflake(),
            type: 1,
            default_member_permissions: null,
            nsfw: false,
            ...(guildId ? { guild_id: guildId } : { integration_types: [0], contexts: null }),
            ...c,
            description: c.description ?? '',
          }) as unknown as APIApplicationCommand,
      );
      if (guildId) this.commands.guild.set(guildId, saved);
      else this.commands.global = saved;
      return ok(saved);
    };
    this.route('GET', '/applications/:app/commands', true, ({ params }) =>
      params.app === this.application.id ? ok(this.commands.global) : err(403, 50001, 'Missing Access'),
    );
    this.route('PUT', '/applications/:app/commands', true, ({ params, body }) =>
      saveCommands(params.app ?? '', null, body),
    );
    this.route('GET', '/applications/:app/guilds/:guild/commands', true, ({ params }) =>
      ok(this.commands.guild.get(params.guild ?? '') ?? []),
    );
    this.route('PUT', '/applications/:app/guilds/:guild/commands', true, ({ params, body }) =>
      saveCommands(params.app ?? '', params.guild ?? '', body),
    );

    this.route('POST', '/interactions/:id/:token/callback', false, (ctx) => this.callback(ctx));

    const expiredToken = err(401, 50027, 'Invalid Webhook Token');
    this.route('POST', '/webhooks/:app/:token', false, ({ req, params, query, body }) => {
      const rec = this.interactionByToken(params.app ?? '', params.token ?? '');
      if (rec?.tokenExpired) return expiredToken;
      if (!rec?.callback) return err(404, 10015, 'Unknown Webhook');
      this.checkMentions(req, body);
      const invalid = validateMessage(body, [], true);
      if (invalid) return invalid;
      const data = body as Record<string, unknown>;
      const msg = this.makeMessage(data, { channelId: this.channelOf(rec), interaction: rec });
      rec.followUps.push(msg);
      return query.get('wait') === 'true' ? ok(msg) : { status: 204 };
    });
    const messageOf = (params: Record<string, string>): { rec?: InteractionRecord; msg?: APIMessage } => {
      const rec = this.interactionByToken(params.app ?? '', params.token ?? '');
      if (!rec) return {};
      const id = params.message === '@original' ? rec.originalId : (params.message ?? null);
      const owned = id && (id === rec.originalId || rec.followUps.some((f) => f.id === id));
      return { rec, msg: owned && id && !rec.deleted.includes(id) ? this.messages.get(id) : undefined };
    };
    this.route('GET', '/webhooks/:app/:token/messages/:message', false, ({ params }) => {
      const { rec, msg } = messageOf(params);
      if (rec?.tokenExpired) return expiredToken;
      if (!rec) return err(404, 10015, 'Unknown Webhook');
      return msg ? ok(msg) : err(404, 10008, 'Unknown Message');
    });
    this.route('PATCH', '/webhooks/:app/:token/messages/:message', false, ({ req, params, body }) => {
      const { rec, msg } = messageOf(params);
      if (rec?.tokenExpired) return expiredToken;
      if (!rec) return err(404, 10015, 'Unknown Webhook');
      if (!msg) return err(404, 10008, 'Unknown Message');
      this.checkMentions(req, body);
      const invalid = validateMessage(body, [], false);
      if (invalid) return invalid;
      const data = (body ?? {}) as Record<string, unknown>;
      const merged = { ...(msg as unknown as Record<string, unknown>), ...data };
      const empty = validateMessage(merged, [], true);
      if (empty) return empty;
      rec.edits.push({ messageId: msg.id, body: data, at: Date.now() });
      return ok(this.patchMessage(msg, data));
    });
    this.route('DELETE', '/webhooks/:app/:token/messages/:message', false, ({ params }) => {
      const { rec, msg } = messageOf(params);
      if (rec?.tokenExpired) return expiredToken;
      if (!rec) return err(404, 10015, 'Unknown Webhook');
      if (!msg) return err(404, 10008, 'Unknown Message');
      rec.deleted.push(msg.id);
      return { status: 204 };
    });

    this.route('POST', '/channels/:channel/messages', true, ({ req, params, body }) => {
      if (!this.guilds.some((g) => g.channelId === params.channel)) return err(404, 10003, 'Unknown Channel');
      this.checkMentions(req, body);
      const invalid = validateMessage(body, [], true);
      if (invalid) return invalid;
      return ok(this.makeMessage(body as Record<string, unknown>, { channelId: params.channel ?? '' }));
    });
  }

  private channelOf(rec: InteractionRecord): string {
    return (rec.payload as { channel?: { id: string } }).channel?.id ?? this.guild.channelId;
  }

  private callback({ req, params, query, body }: Ctx): Reply {
    const b = (body ?? {}) as { type?: number; data?: Record<string, unknown> };
    // Form validation comes first, as on Discord: a rejected body acknowledges nothing.
    if (b.type === 4 || b.type === 7) {
      this.checkMentions(req, b.data);
      const invalid = validateMessage(b.data, ['data'], b.type === 4);
      if (invalid) return invalid;
    } else if (b.type === 8) {
      const invalid = validateChoices(b.data?.choices, ['data', 'choices']);
      if (invalid) return invalid;
    } else if (b.type !== 5 && b.type !== 6 && b.type !== 9) {
      return {
        status: 400,
        body: {
          code: 50035,
          message: 'Invalid Form Body',
          errors: {
            type: {
              _errors: [{ code: 'BASE_TYPE_CHOICES', message: 'Value must be one of {4, 5, 6, 7, 8, 9}.' }],
            },
          },
        },
      };
    }
    const rec = this.interactions.get(params.id ?? '');
    if (!rec || rec.token !== params.token) return err(404, 10062, 'Unknown interaction');
    if (rec.forcedExpired || Date.now() - rec.dispatchedAt > this.callbackWindowMs) {
      return err(404, 10062, 'Unknown interaction');
    }
    if (rec.callback) return err(400, 40060, 'Interaction has already been acknowledged.');
    const isComponent = rec.payload.type === 3;
    const isAutocomplete = rec.payload.type === 4;
    if ((b.type === 8) !== isAutocomplete || ((b.type === 6 || b.type === 7) && !isComponent)) {
      return err(400, 50035, 'Invalid Form Body');
    }
    rec.callback = { type: b.type, data: b.data, at: Date.now() };
    let message: APIMessage | undefined;
    if (b.type === 4) {
      message = this.makeMessage(b.data ?? {}, { channelId: this.channelOf(rec), interaction: rec });
    } else if (b.type === 5) {
      const flags = ((b.data?.flags as number | undefined) ?? 0) & EPHEMERAL;
      message = this.makeMessage(
        {},
        { channelId: this.channelOf(rec), interaction: rec, flags: flags | LOADING },
      );
    } else if (b.type === 6 || b.type === 7) {
      const original = (rec.payload as { message?: APIMessage }).message;
      if (original) {
        const stored = this.messages.get(original.id) ?? original;
        this.messages.set(stored.id, stored);
        message = b.type === 7 ? this.patchMessage(stored, b.data ?? {}) : stored;
      }
    }
    if (message) rec.originalId = message.id;
    if (query.get('with_response') !== 'true') return { status: 204 };
    return ok({
      interaction: {
        id: rec.id,
        type: rec.payload.type,
        response_message_id: message?.id,
        response_message_loading: b.type === 5,
        response_message_ephemeral: ((message?.flags ?? 0) & EPHEMERAL) !== 0,
      },
      resource: { type: b.type, ...(message ? { message } : {}) },
    });
  }
}

/** The bot's visible reply to an interaction, once it has one. */
export interface ReplyView {
  message: APIMessage;
  ephemeral: boolean;
  content: string;
  embeds: NonNullable<APIMessage['embeds']>;
  components: NonNullable<APIMessage['components']>;
}

/** A dispatched interaction: await and inspect what the bot did with it. */
export class InteractionHandle {
  constructor(
    private readonly server: LoopbackDiscord,
    readonly record: InteractionRecord,
  ) {}

  get id(): string {
    return this.record.id;
  }

  get payload(): APIInteraction {
    return this.record.payload;
  }

  /** Every REST request addressed to this interaction (callback and webhook routes). */
  requests(): RecordedRequest[] {
    return this.server.requests.filter(
      (r) =>
        (r.params.id === this.record.id && r.params.token === this.record.token) ||
        r.params.token === this.record.token,
    );
  }

  /** Requests for this interaction that Discord refused (status ≥ 400). */
  rejections(): RecordedRequest[] {
    return this.requests().filter((r) => r.status >= 400);
  }

  /** Waits for the first response Discord accepted. */
  callback(timeoutMs = WAIT_MS): Promise<AcceptedCallback> {
    return this.server.waitFor(
      () => this.record.callback,

      `a callback for interaction ${this.id}`,
      { timeoutMs, detail: () => this.refusals() },
    );
  }

  /** Waits for a request to this interaction that Discord refused with `code` (e.g. 10062, 40060). */
  rejection(code: number, timeoutMs = WAIT_MS): Promise<RecordedRequest> {
    return this.server.waitFor(
      () => this.requests().find((r) => (r.response as { code?: number } | undefined)?.code === code),

      `a ${code} answer for interaction ${this.id}`,
      { timeoutMs, detail: () => this.refusals() },
    );
  }

  /** What Discord refused for this interaction, for a wait's timeout message. */
  private refusals(): string {
    const refused = this.rejections().map(
      (r) => `${r.method} ${r.route} ${r.status} ${JSON.stringify(r.response)}`,
    );
    return refused.length ? `Discord refused: ${refused.join(', ')}` : 'Discord refused nothing';
  }

  /**
   * Waits for the visible reply: the message of a type 4/7 callback, or, after a deferral (5/6),
   * the original message once it has been edited at least `afterEdits` times (default 1).
   */
  async reply(timeoutMs = WAIT_MS, afterEdits = 1): Promise<ReplyView> {
    const cb = await this.callback(timeoutMs);
    const deferred = cb.type === 5 || cb.type === 6;
    const message = await this.server.waitFor(
      () => {
        if (!this.record.originalId) return undefined;
        if (
          deferred &&
          this.record.edits.filter((e) => e.messageId === this.record.originalId).length < afterEdits
        ) {
          return undefined;
        }
        return this.server.messages.get(this.record.originalId);
      },

      `the reply to interaction ${this.id}`,
      { timeoutMs, detail: () => this.refusals() },
    );
    return view(message);
  }

  /** Waits for the `n`-th follow-up message (1-based). */
  async followUp(n = 1, timeoutMs = WAIT_MS): Promise<ReplyView> {
    const msg = await this.server.waitFor(
      () => this.record.followUps[n - 1],

      `follow-up #${n} of interaction ${this.id}`,
      { timeoutMs, detail: () => this.refusals() },
    );
    return view(msg);
  }

  /** Waits for the autocomplete choices the bot returned. */
  async choices(timeoutMs = WAIT_MS): Promise<Array<{ name: string; value: string | number }>> {
    const cb = await this.callback(timeoutMs);
    if (cb.type !== 8)
      throw new Error(`loopback: interaction ${this.id} got callback type ${cb.type}, not 8`);
    return (cb.data?.choices ?? []) as Array<{ name: string; value: string | number }>;
  }

  /** Makes this interaction's window close now. */
  expire(): void {
    this.server.expire(this.id);
  }

  /** Ends this interaction's token now, as 15 minutes after dispatch (see {@link LoopbackDiscord.expireToken}). */
  expireToken(): void {
    this.server.expireToken(this.id);
  }
}

function view(message: APIMessage): ReplyView {
  return {
    message,
    ephemeral: ((message.flags ?? 0) & EPHEMERAL) !== 0,
    content: message.content,
    embeds: message.embeds ?? [],
    components: message.components ?? [],
  };
}
