import { type APIEmbed, type APIEmbedField, EmbedBuilder, embedLength } from 'discord.js';
import type { Sample } from '../answers/answer.js';
import { plural } from './locale.js';
import type { Strings } from './strings.js';
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
  /** How many more fields there were, left out before building as no embed could show them: counted in the "more" note. */
  fieldsLeftOut?: number;
  footer?: string;
}

/**
 * The fields an embed has room for, made only for those: the rest are counted.
 */
export function fieldsWithRoom<T>(
  items: Sample<T>,
  toField: (item: T) => APIEmbedField,
): { fields: APIEmbedField[]; leftOut: number } {
  const shown = items.first.slice(0, EmbedLimits.fields);
  return { fields: shown.map(toField), leftOut: items.total - shown.length };
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
  const title = truncate(parts.title, EmbedLimits.title);
  const description = parts.description ? truncate(parts.description, EmbedLimits.description) : undefined;
  const footer = parts.footer ? { text: truncate(parts.footer, EmbedLimits.footer) } : undefined;
  const make = (keep: number, descriptionText = description): APIEmbed => {
    const dropped = fields.length - keep + (parts.fieldsLeftOut ?? 0);
    const kept = fields.slice(0, keep);
    return {
      title,
      ...(descriptionText ? { description: descriptionText } : {}),
      color: parts.colour,
      fields:
        dropped > 0 ? [...kept, { name: '…', value: plural(strings.truncatedFields, dropped, strings.locale) }] : kept,
      ...(footer ? { footer } : {}),
    };
  };

  let keep =
    fields.length + (parts.fieldsLeftOut ?? 0) > EmbedLimits.fields
      ? Math.min(fields.length, EmbedLimits.fields - 1)
      : fields.length;
  let embed = make(keep);
  while (embedLength(embed) > EmbedLimits.total && keep > 0) {
    keep -= 1;
    embed = make(keep);
  }
  const excess = embedLength(embed) - EmbedLimits.total;
  if (excess > 0 && description) embed = make(0, truncate(description, description.length - excess - 1));
  // discord.js's builder checks every limit and shape once more: a payload it rejects never leaves.
  const builder = new EmbedBuilder()
    .setTitle(title)
    .setColor(parts.colour)
    .addFields(embed.fields ?? []);
  if (embed.description) builder.setDescription(embed.description);
  if (footer) builder.setFooter(footer);
  return builder.toJSON();
}
