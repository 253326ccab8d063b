import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord.js';

export const EPHEMERAL_FLAG = 1 << 6;

/** What a reply sends: the same object the bot hands discord.js and `ask --json` prints. */
export interface MessagePayload {
  embeds: APIEmbed[];
  /** Always empty: no reply ever pings anyone, `@everyone` included. */
  allowedMentions: { parse: [] };
  /** 64 (ephemeral): only the asker sees it. */
  flags?: number;
  /** Buttons and menus; an update that leaves them out removes the old ones. */
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Files sent with the message; an embed shows one as `attachment://<name>`. */
  files?: MessageFile[];
}

export interface MessageFile {
  /** Letters, digits, `-`, `_` and `.` only: Discord's `attachment://` link breaks on anything else. */
  readonly name: string;
  readonly data: Uint8Array;
  /** Alt text for people who cannot see the picture. */
  readonly description?: string;
}

export function payload(
  embeds: APIEmbed[],
  options: {
    ephemeral?: boolean;
    components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
    files?: MessageFile[];
  } = {},
): MessagePayload {
  return {
    embeds,
    allowedMentions: { parse: [] },
    ...(options.ephemeral ? { flags: EPHEMERAL_FLAG } : {}),
    ...(options.components && options.components.length > 0 ? { components: options.components } : {}),
    ...(options.files && options.files.length > 0 ? { files: options.files } : {}),
  };
}

/** Embed colours say how far the figures can be trusted. */
export const Colour = {
  confirmed: 0x2e7d32,
  unconfirmed: 0xf9a825,
  claimOnly: 0xe65100,
  disputed: 0x8e24aa,
  noData: 0x757575,
  error: 0xc62828,
  info: 0x1565c0,
} as const;
