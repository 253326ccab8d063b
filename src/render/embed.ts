import { type APIEmbed, type APIEmbedField, EmbedBuilder, embedLength } from 'discord.js';
import { fill, type Strings } from './strings.js';
import { truncate } from './text.js';

/** Discord's embed limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const EmbedLimits = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  total: 6000,
} as const;

export interface EmbedParts {
  title: string;
  description?: string;
  colour: number;
  fields?: APIEmbedField[];
  footer?: string;
}

/**
 * Builds an embed through discord.js's own validating builder, cut to fit every limit. Fields that do not
 * fit are dropped from the end, and the last field says how many.
 */
export function buildEmbed(parts: EmbedParts, strings: Strings): APIEmbed {
  const fields = (parts.fields ?? []).map((field) => ({
    ...field,
    name: truncate(field.name, EmbedLimits.fieldName) || '\u200b',
    value: truncate(field.value, EmbedLimits.fieldValue) || '\u200b',
  }));
  const make = (kept: APIEmbedField[], dropped: number) => {
    const builder = new EmbedBuilder()
      .setTitle(truncate(parts.title, EmbedLimits.title))
      .setColor(parts.colour)
      .addFields(dropped > 0 ? [...kept, { name: '…', value: fill(strings.truncatedFields, { n: dropped }) }] : kept);
    if (parts.description) builder.setDescription(truncate(parts.description, EmbedLimits.description));
    if (parts.footer) builder.setFooter({ text: truncate(parts.footer, EmbedLimits.footer) });
    return builder.toJSON();
  };

  let keep = Math.min(fields.length, EmbedLimits.fields);
  if (keep < fields.length) keep = EmbedLimits.fields - 1;
  let embed = make(fields.slice(0, keep), fields.length - keep);
  while (embedLength(embed) > EmbedLimits.total && keep > 0) {
    keep -= 1;
    embed = make(fields.slice(0, keep), fields.length - keep);
  }
  if (embedLength(embed) > EmbedLimits.total && parts.description) {
    const excess = embedLength(embed) - EmbedLimits.total;
    embed = make([], fields.length);
    embed.description = truncate(embed.description ?? '', (embed.description ?? '').length - excess - 1);
  }
  return embed;
}
