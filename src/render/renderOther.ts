import type { APIEmbed } from 'discord.js';
import type { Answer, IncidentSummary } from '../answers/answer.js';
import { buildEmbed } from './embed.js';
import { formatNumber, type Locale } from './locale.js';
import { Colour } from './payload.js';
import { fill, type Strings } from './strings.js';
import { formatDateWithCaveat, inert, truncate } from './text.js';

type Of<K extends Answer['kind']> = Extract<Answer, { kind: K }>;

/** A short line that tells incidents apart: place, country, date with its caveat, id. */
function summaryLine(summary: IncidentSummary, strings: Strings, locale: Locale): string {
  const { incident, country } = summary;
  return `${inert(incident.place.name)}, ${inert(country.names[locale])}: ${formatDateWithCaveat(incident.date, strings, locale)} · \`${incident.id}\``;
}

export function renderChoose(answer: Of<'choose'>, strings: Strings, locale: Locale): APIEmbed {
  const lines = answer.options.map((option, i) => `${i + 1}. ${summaryLine(option, strings, locale)}`);
  if (answer.total > answer.options.length)
    lines.push(fill(strings.andMore, { n: formatNumber(answer.total - answer.options.length, locale) }));
  const example = answer.options[0]?.incident.id ?? 'Boulkessi';
  lines.push('', fill(strings.chooseHint, { example }));
  return buildEmbed(
    {
      title: fill(strings.chooseTitle, { query: inert(truncate(answer.query, 100)) }),
      description: lines.join('\n'),
      colour: Colour.info,
    },
    strings,
  );
}

export function renderNotFound(answer: Of<'not_found'>, strings: Strings): APIEmbed {
  const query = inert(truncate(answer.query, 100));
  const lines = [fill(answer.searched === 'attacks' ? strings.notFoundAttacks : strings.notFoundCountries, { query })];
  if (answer.suggestions.length > 0) {
    lines.push(fill(strings.didYouMean, { names: answer.suggestions.map((name) => `**${inert(name)}**`).join(', ') }));
  }
  lines.push(`*${strings.notCoveredIsNotZero}*`);
  return buildEmbed({ title: strings.notFoundTitle, description: lines.join('\n'), colour: Colour.noData }, strings);
}

export function renderError(answer: Of<'error'>, strings: Strings): APIEmbed {
  return buildEmbed(
    { title: strings.errorTitle, description: strings.errors[answer.code], colour: Colour.error },
    strings,
  );
}
