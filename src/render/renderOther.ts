import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIEmbed,
  ComponentType,
} from 'discord.js';
import type { Answer, IncidentSummary } from '../answers/answer.js';
import { fitsCustomId } from './componentIds.js';
import { buildEmbed } from './embed.js';
import { formatNumber, type Locale } from './locale.js';
import { Colour } from './payload.js';
import { fill, type Strings } from './strings.js';
import { formatDateWithCaveat, inert, placeName, plainText, truncate } from './text.js';

/** Discord's longest select option label, description and value. */
const OPTION_LENGTH = 100;

type Of<K extends Answer['kind']> = Extract<Answer, { kind: K }>;

/** A short line that tells incidents apart: place, country, date with its caveat, id. */
function summaryLine(summary: IncidentSummary, strings: Strings, locale: Locale): string {
  const { incident, country } = summary;
  return `${inert(placeName(incident.place, strings))}, ${inert(country.names[locale])}${strings.colon} ${formatDateWithCaveat(incident.date, strings, locale)} · \`${incident.id}\``;
}

export function renderChoose(answer: Of<'choose'>, strings: Strings, locale: Locale): APIEmbed {
  const lines = answer.options.map((option, i) => `${i + 1}. ${summaryLine(option, strings, locale)}`);
  if (answer.total > answer.options.length) {
    lines.push(fill(strings.andMore, { n: formatNumber(answer.total - answer.options.length, locale) }));
    lines.push(strings.chooseNarrow);
  }
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

/** A select menu of the attacks to choose from: picking one shows it in the same message. */
export function chooseMenu(
  answer: Of<'choose'>,
  strings: Strings,
  customId: string,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const { locale } = strings;
  const options = answer.options
    .filter(({ incident }) => incident.id.length <= OPTION_LENGTH)
    .map(({ incident, country }) => ({
      label: truncate(plainText(`${placeName(incident.place, strings)}, ${country.names[locale]}`), OPTION_LENGTH),
      description: truncate(
        plainText(`${formatDateWithCaveat(incident.date, strings, locale)} · ${strings.target[incident.target]}`),
        OPTION_LENGTH,
      ),
      value: incident.id,
    }));
  if (options.length === 0 || !fitsCustomId(customId)) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.StringSelect, custom_id: customId, placeholder: strings.choosePlaceholder, options },
      ],
    },
  ];
}

export function renderNotFound(answer: Of<'not_found'>, strings: Strings): APIEmbed {
  const query = inert(truncate(answer.query, 100));
  const template = {
    attacks: strings.notFoundAttacks,
    countries: strings.notFoundCountries,
    groups: strings.notFoundGroups,
  };
  const lines = [fill(template[answer.searched], { query })];
  if (answer.suggestions.length > 0) {
    lines.push(fill(strings.didYouMean, { names: answer.suggestions.map((name) => `**${inert(name)}**`).join(', ') }));
  }
  lines.push(`*${strings.notCoveredIsNotZero}*`);
  return buildEmbed({ title: strings.notFoundTitle, description: lines.join('\n'), colour: Colour.noData }, strings);
}

export function renderError(answer: Of<'error'>, strings: Strings): APIEmbed {
  return buildEmbed(
    {
      title: strings.errorTitle,
      description: fill(strings.errors[answer.code], { input: inert(truncate(answer.input, 100)) }),
      colour: Colour.error,
    },
    strings,
  );
}
