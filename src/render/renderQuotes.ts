import type { Answer } from '../answers/answer.js';
import type { Quote } from '../dataset/schema.js';
import { EmbedLimits } from './embed.js';
import type { Locale } from './locale.js';
import { Colour, type MessagePayload, payload } from './payload.js';
import { fill, type Strings, stringsFor } from './strings.js';
import { formatValue, inert, localText, placeName, quoteBlock } from './text.js';

/** Discord takes at most 10 embeds a message. */
const EMBEDS_PER_MESSAGE = 10;

/**
 * Every quote an attack's answer rests on, in full, to the asker alone: as many messages as they need, each within
 * Discord's limits (a description of 4,096 characters, 6,000 a message).
 */
export function renderQuotesInFull(answer: Answer, locale: Locale): MessagePayload[] {
  const strings = stringsFor(locale);
  if (answer.kind !== 'incident') return [renderStale(locale)];
  const { incident, figures, statements } = answer.report;
  const labelled: [string, Quote][] = [
    ...(incident.perpetrator.quote ? [[strings.perpetrator, incident.perpetrator.quote] as [string, Quote]] : []),
    ...incident.outcomes.map((outcome): [string, Quote] => [
      `${localText(outcome.saidBy.label, strings)}${strings.colon} ${strings.outcome[outcome.outcome]}`,
      outcome.quote,
    ]),
    ...figures.flatMap(({ figure }) =>
      figure.quotes.map((quote): [string, Quote] => [
        `${formatValue(figure.value, strings, locale)} ${strings.counts[figure.counts]} (${localText(figure.saidBy.label, strings)})`,
        quote,
      ]),
    ),
    ...statements.map(({ statement }): [string, Quote] => [
      `${strings.statement[statement.kind]} (${localText(statement.saidBy.label, strings)})`,
      statement.quote,
    ]),
  ];
  const blocks = labelled.map(([label, quote]) => {
    const head = `**${label}**\n`;
    return head + quoteBlock(quote, strings, EmbedLimits.description - head.length, answer.sources);
  });
  const title = fill(strings.sourcesTitle, { place: inert(placeName(incident.place, strings)) });

  const messages: MessagePayload[] = [];
  let embeds: { title: string; description: string; color: number }[] = [];
  let description = '';
  let size = 0;
  const flushEmbed = () => {
    if (description === '') return;
    embeds.push({ title, description, color: Colour.info });
    size += title.length + description.length;
    description = '';
  };
  const flushMessage = () => {
    flushEmbed();
    if (embeds.length > 0) messages.push(payload(embeds, { ephemeral: true }));
    embeds = [];
    size = 0;
  };
  const withBlock = (block: string) => (description === '' ? block : `${description}\n\n${block}`);
  for (const block of blocks) {
    if (withBlock(block).length > EmbedLimits.description) flushEmbed();
    const full = embeds.length === EMBEDS_PER_MESSAGE && description === '';
    if (full || size + title.length + withBlock(block).length > EmbedLimits.total) flushMessage();
    description = withBlock(block);
  }
  flushMessage();
  return messages;
}

/** A menu or button from before a refresh that names an attack the dataset no longer has. */
export function renderStale(locale: Locale): MessagePayload {
  const strings: Strings = stringsFor(locale);
  return payload([{ title: strings.notFoundTitle, description: strings.staleChoice, color: Colour.noData }], {
    ephemeral: true,
  });
}
