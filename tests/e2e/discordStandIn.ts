import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/**
 * A local stand-in for Discord's REST API and gateway, just enough for the real discord.js client to log in,
 * register commands and answer interactions (see shared/notes/discord-stand-in.md). Records what the bot sends.
 */

export const APPLICATION_ID = '100000000000000001';
export const GUILD_ID = '200000000000000002';
export const CHANNEL_ID = '300000000000000003';
const BOT_USER = {
  id: APPLICATION_ID,
  username: 'sahel-bot',
  discriminator: '0',
  global_name: null,
  avatar: null,
  bot: true,
};

export interface InteractionResponse {
  /** The callback body: `{ type, data }` (4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete). */
  readonly callback: { type: number; data?: Record<string, unknown> };
  /** For a deferred reply, the message edited in afterwards. */
  readonly edit?: Record<string, unknown>;
  /** The message as Discord holds it after the reply: what a click on one of its components refers to. */
  readonly message: Record<string, unknown>;
  /** Follow-up messages, filled as they arrive (after the response resolves). */
  readonly followUps: Record<string, unknown>[];
  /** Files uploaded with the callback, the edit and the follow-ups, in the order they came. */
  readonly uploads: Upload[];
  /** The shard of the bot the interaction was sent to (its server's shard). */
  readonly shard: number;
}

/** A file part of a multipart request, as Discord would store it. */
export interface Upload {
  /** The form field: `files[0]`, `files[1]`… */
  readonly field: string;
  readonly name: string;
  readonly contentType: string;
  readonly bytes: Buffer;
}

export interface Member {
  readonly id: string;
  readonly permissions?: string;
  readonly roles?: string[];
}

/** How the stand-in is set up: the bot's servers, and the shard count Discord recommends. */
export interface StandInOptions {
  /** The servers the bot is in: each shard is told of those it serves. The test server unless said otherwise. */
  readonly guilds?: readonly string[];
  /** What `GET /gateway/bot` recommends (`shards`), as Discord does from the number of servers. */
  readonly recommendedShards?: number;
}

/** One gateway connection: a shard of the bot, or the whole bot unsharded (shard 0 of 1). */
interface Connection {
  readonly socket: WebSocket;
  readonly shard: readonly [number, number];
  sequence: number;
}

interface Pending {
  callback?: InteractionResponse['callback'];
  /** The message a click was on, for an update. */
  clicked?: Record<string, unknown>;
  readonly followUps: Record<string, unknown>[];
  readonly uploads: Upload[];
  readonly shard: number;
  resolve: (response: InteractionResponse) => void;
}

export class DiscordStandIn {
  private readonly server: Server = createServer((request, response) => void this.handle(request, response));
  private readonly gateway = new WebSocketServer({ noServer: true });
  /** The bot's gateway connections by shard id. */
  private readonly connections = new Map<number, Connection>();
  private nextId = 900000000000000000n;
  private readonly pending = new Map<string, Pending>();
  private readonly files = new Map<string, string | Buffer>();
  readonly registered = new Map<string, unknown[]>();
  readonly requests: string[] = [];
  /** Every IDENTIFY the bot sent, in order: one per shard. */
  readonly identifies: Record<string, unknown>[] = [];
  private readonly guildIds: readonly string[];
  private readonly recommendedShards: number;

  constructor(options: StandInOptions = {}) {
    this.guildIds = options.guilds ?? [GUILD_ID];
    this.recommendedShards = options.recommendedShards ?? 1;
  }

  /** The latest IDENTIFY. */
  get identify(): Record<string, unknown> | undefined {
    return this.identifies.at(-1);
  }

  /**
   * The shard that gets a server's events, by Discord's rule: `(guild_id >> 22) % shard_count`, with the shard count
   * the bot identified with.
   */
  shardOf(guildId: string): number {
    const count = [...this.connections.values()][0]?.shard[1] ?? 1;
    return Number((BigInt(guildId) >> 22n) % BigInt(count));
  }

  async start(): Promise<void> {
    this.server.on('upgrade', (request, socket, head) => {
      this.gateway.handleUpgrade(request, socket, head, (ws) => this.connect(ws));
    });
    this.server.listen(0, '127.0.0.1');
    await once(this.server, 'listening');
  }

  async stop(): Promise<void> {
    for (const client of this.gateway.clients) client.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  get origin(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get apiUrl(): string {
    return `${this.origin}/api`;
  }

  /** Serves a file the way Discord's CDN serves an attachment; returns its URL. */
  hostFile(name: string, content: string | Buffer): string {
    this.files.set(name, content);
    return `${this.origin}/attachments/${name}`;
  }

  /**
   * A file attached to a slash command, hosted like an attachment: the `file` option to send and what Discord
   * resolves it to (`resolved` of the interaction).
   */
  attach(name: string, content: string | Buffer, contentType?: string) {
    const url = this.hostFile(name, content);
    const attachment = {
      id: this.snowflake(),
      filename: name,
      size: Buffer.byteLength(content),
      url,
      proxy_url: url,
      ...(contentType ? { content_type: contentType } : {}),
    };
    return {
      option: { type: 11, name: 'file', value: attachment.id },
      resolved: { attachments: { [attachment.id]: attachment } },
    };
  }

  /** Sends an INTERACTION_CREATE and resolves with what the bot answered. */
  interact(options: {
    type: 2 | 4;
    name: string;
    options?: unknown[];
    member?: Member;
    locale?: string;
    resolved?: Record<string, unknown>;
    /** The server the interaction comes from: the test server unless said otherwise. */
    guildId?: string;
  }): Promise<InteractionResponse> {
    return this.send(options.type, options, {
      id: this.snowflake(),
      name: options.name,
      type: 1,
      options: options.options ?? [],
      ...(options.resolved ? { resolved: options.resolved } : {}),
    });
  }

  /** A click on a button (component type 2) or a choice in a string select menu (3) of a message the bot sent. */
  click(options: {
    message: Record<string, unknown>;
    customId: string;
    values?: string[];
    member?: Member;
    locale?: string;
  }): Promise<InteractionResponse> {
    const componentType = options.values ? 3 : 2;
    return this.send(
      3,
      options,
      {
        custom_id: options.customId,
        component_type: componentType,
        ...(options.values ? { values: options.values } : {}),
      },
      options.message,
    );
  }

  private send(
    type: 2 | 3 | 4,
    options: {
      member?: Member;
      locale?: string;
      resolved?: Record<string, unknown>;
      /** The server the interaction comes from: the test server unless said otherwise. */
      guildId?: string;
    },
    data: Record<string, unknown>,
    message?: Record<string, unknown>,
  ): Promise<InteractionResponse> {
    const guildId = options.guildId ?? GUILD_ID;
    const shard = this.shardOf(guildId);
    const connection = this.connections.get(shard);
    if (!connection) throw new Error(`shard ${shard} of the bot is not connected`);
    const id = this.snowflake();
    const token = `interaction-token-${id}`;
    const member = options.member ?? { id: '400000000000000004' };
    const user = {
      id: member.id,
      username: `user${member.id.slice(-4)}`,
      discriminator: '0',
      global_name: null,
      avatar: null,
    };
    const answered = new Promise<InteractionResponse>((resolve) =>
      this.pending.set(token, {
        resolve,
        followUps: [],
        uploads: [],
        shard,
        ...(message ? { clicked: message } : {}),
      }),
    );
    this.dispatch(connection, 'INTERACTION_CREATE', {
      id,
      application_id: APPLICATION_ID,
      type,
      token,
      version: 1,
      locale: options.locale ?? 'en-US',
      guild_locale: 'en-US',
      guild_id: guildId,
      channel_id: CHANNEL_ID,
      channel: { id: CHANNEL_ID, type: 0, guild_id: guildId, name: 'general' },
      member: {
        user,
        roles: member.roles ?? [],
        permissions: member.permissions ?? '0',
        joined_at: '2025-01-01T00:00:00.000Z',
        deaf: false,
        mute: false,
        flags: 0,
      },
      app_permissions: '8',
      entitlements: [],
      authorizing_integration_owners: { 0: guildId },
      context: 0,
      data,
      ...(message ? { message } : {}),
    });
    return answered;
  }

  private snowflake(): string {
    this.nextId += 1n;
    return this.nextId.toString();
  }

  private dispatch(connection: Connection, type: string, data: unknown): void {
    connection.sequence += 1;
    connection.socket.send(JSON.stringify({ op: 0, t: type, s: connection.sequence, d: data }));
  }

  private connect(ws: WebSocket): void {
    ws.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 45_000 } }));
    ws.on('message', (raw) => {
      const message = JSON.parse(String(raw)) as { op: number; d: Record<string, unknown> };
      if (message.op === 1) ws.send(JSON.stringify({ op: 11 }));
      if (message.op === 2) this.ready(ws, message.d);
    });
  }

  /** Answers an IDENTIFY: READY for the shard it names, then the servers of that shard. */
  private ready(ws: WebSocket, identify: Record<string, unknown>): void {
    this.identifies.push(identify);
    const [id, count] = (identify.shard as [number, number] | undefined) ?? [0, 1];
    const connection: Connection = { socket: ws, shard: [id, count], sequence: 0 };
    this.connections.set(id, connection);
    ws.once('close', () => {
      if (this.connections.get(id) === connection) this.connections.delete(id);
    });
    const guilds = this.guildIds.filter((guildId) => this.shardOf(guildId) === id);
    this.dispatch(connection, 'READY', {
      v: 10,
      user: BOT_USER,
      guilds: guilds.map((guildId) => ({ id: guildId, unavailable: true })),
      session_id: `stand-in-session-${id}`,
      resume_gateway_url: this.origin.replace('http', 'ws'),
      application: { id: APPLICATION_ID, flags: 0 },
      shard: [id, count],
    });
    for (const guildId of guilds) this.dispatch(connection, 'GUILD_CREATE', this.guild(guildId));
  }

  private guild(id: string) {
    return {
      id,
      name: `Stand-in server ${id}`,
      icon: null,
      owner_id: '400000000000000009',
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      roles: [
        {
          id,
          name: '@everyone',
          permissions: '0',
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      system_channel_id: null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      joined_at: '2025-01-01T00:00:00.000Z',
      large: false,
      unavailable: false,
      member_count: 2,
      voice_states: [],
      members: [],
      channels: [{ id: CHANNEL_ID, type: 0, name: 'general', position: 0, permission_overwrites: [] }],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { body, uploads } = await readBody(request);
    const url = new URL(request.url ?? '/', this.origin);
    this.requests.push(`${request.method} ${url.pathname}`);
    const json = (status: number, value: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(value));
    };
    const route = (method: string, pattern: RegExp) =>
      request.method === method ? (url.pathname.match(pattern) ?? undefined) : undefined;

    if (route('GET', /^\/api\/v10\/gateway\/bot$/)) {
      return json(200, {
        url: this.origin.replace('http', 'ws'),
        shards: this.recommendedShards,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    const registration = route('PUT', /^\/api\/v10\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/);
    if (registration) {
      const commands = (body as Record<string, unknown>[]).map((command) => ({
        ...command,
        id: this.snowflake(),
        application_id: registration[1],
        version: this.snowflake(),
      }));
      this.registered.set(registration[2] ? `guild:${registration[2]}` : 'global', commands);
      return json(200, commands);
    }
    const callbackRoute = route('POST', /^\/api\/v10\/interactions\/(\d+)\/([^/]+)\/callback$/);
    if (callbackRoute) {
      const callback = body as InteractionResponse['callback'];
      const pending = this.pending.get(callbackRoute[2] ?? '');
      pending?.uploads.push(...uploads);
      const message = this.message(callback.data ?? {}, callback.type === 7 ? pending?.clicked : undefined);
      if (pending) {
        pending.callback = callback;
        // A deferral (5, or 6 for a click) is answered later by an edit of the original message.
        if (callback.type !== 5 && callback.type !== 6)
          pending.resolve({
            callback,
            message,
            followUps: pending.followUps,
            uploads: pending.uploads,
            shard: pending.shard,
          });
      }
      if (url.searchParams.get('with_response') !== 'true') {
        // No body and no content-type: an empty body labelled JSON makes discord.js throw.
        response.writeHead(204);
        return void response.end();
      }
      return json(200, {
        interaction: {
          id: callbackRoute[1],
          type: 2,
          activity_instance_id: null,
          response_message_id: this.snowflake(),
          response_message_loading: callback.type === 5,
          response_message_ephemeral: false,
        },
        resource: { type: callback.type, ...(callback.data ? { message } : {}) },
      });
    }
    const edit = route('PATCH', /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)\/messages\/(?:@|%40)original$/);
    if (edit) {
      const pending = this.pending.get(edit[2] ?? '');
      pending?.uploads.push(...uploads);
      const message = this.message(
        body as Record<string, unknown>,
        pending?.callback?.type === 6 ? pending.clicked : undefined,
      );
      if (pending?.callback) {
        pending.resolve({
          callback: pending.callback,
          edit: body as Record<string, unknown>,
          message,
          followUps: pending.followUps,
          uploads: pending.uploads,
          shard: pending.shard,
        });
      }
      return json(200, message);
    }
    const followUp = route('POST', /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)$/);
    if (followUp) {
      const message = this.message(body as Record<string, unknown>);
      const pending = this.pending.get(followUp[2] ?? '');
      pending?.followUps.push(body as Record<string, unknown>);
      pending?.uploads.push(...uploads);
      return json(200, message);
    }
    const file = route('GET', /^\/attachments\/(.+)$/);
    if (file) {
      const content = this.files.get(file[1] ?? '');
      if (content === undefined) return json(404, { message: 'Unknown attachment' });
      response.writeHead(200, { 'content-type': 'application/json' });
      return void response.end(content);
    }
    json(404, { message: `stand-in has no route for ${request.method} ${url.pathname}`, code: 0 });
  }

  /** A message as Discord returns it; an update keeps the id (and what it does not change) of the clicked message. */
  private message(data: Record<string, unknown>, updated?: Record<string, unknown>): Record<string, unknown> {
    return {
      id: this.snowflake(),
      channel_id: CHANNEL_ID,
      author: BOT_USER,
      content: '',
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      pinned: false,
      type: 20,
      flags: 0,
      components: [],
      ...updated,
      ...data,
    };
  }
}

/** A JSON body, or a multipart one (discord.js sends files so): its `payload_json` and its file parts. */
async function readBody(request: IncomingMessage): Promise<{ body: unknown; uploads: Upload[] }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  if (chunks.length === 0) return { body: undefined, uploads: [] };
  const raw = Buffer.concat(chunks);
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.startsWith('multipart/form-data')) return { body: JSON.parse(raw.toString('utf8')), uploads: [] };
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const uploads: Upload[] = [];
  for (const [field, value] of form) {
    if (typeof value === 'string') continue;
    uploads.push({ field, name: value.name, contentType: value.type, bytes: Buffer.from(await value.arrayBuffer()) });
  }
  return { body: JSON.parse(String(form.get('payload_json') ?? 'null')), uploads };
}
