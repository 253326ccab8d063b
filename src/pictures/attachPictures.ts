import type { APIEmbed } from 'discord.js';
import type { MessageFile, MessagePayload } from '../render/payload.js';
import { MAP_FILE } from './pictures.js';

/**
 * A payload with its pictures: the map inside the first embed, any other picture (the timeline) in an embed of
 * its own below, in the same colour.
 */
export function attachPictures(payload: MessagePayload, files: readonly MessageFile[]): MessagePayload {
  const [first, ...rest] = payload.embeds;
  if (!first || files.length === 0) return payload;
  const map = files.find((file) => file.name === MAP_FILE);
  const others = files.filter((file) => file !== map);
  const embeds: APIEmbed[] = [
    map ? { ...first, image: { url: `attachment://${map.name}` } } : first,
    ...others.map((file) => ({
      ...(first.color !== undefined ? { color: first.color } : {}),
      image: { url: `attachment://${file.name}` },
    })),
    ...rest,
  ];
  return { ...payload, embeds, files: [...(payload.files ?? []), ...files] };
}
