import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { Answer } from '../answers/answer.js';
import type { ListFilters, ListItem } from '../answers/listAnswer.js';
import { componentId, fitsCustomId } from './componentIds.js';
import { buildEmbed } from './embed.js';
import { plural } from './locale.js';
import { statusMarker } from './markers.js';
import { Colour, type MessagePayload, payload } from './payload.js';
import { fill, type Strings } from './strings.js';
import { formatCalendarDate, formatDateWithCaveat, formatValue, inert, placeName } from './text.js';

type ListAnswer = Extract<Answer, { kind: 'list' }>;

/** The command whose buttons turn the pages: the router hands their clicks back to it. */
export const LIST_COMMAND = 'attacks';

/** The state a page button carries: who asked, which page, and the filters as ids. */
export interface ListState {
  readonly asker: string;
  readonly page: number;
  readonly filters: {
    readonly country?: string | undefined;
    readonly group?: string | undefined;
    readonly since?: string | undefined;
    readonly until?: string | undefined;
    readonly target?: string | undefined;
  };
}

export function listStateArgs(state: ListState): (string | number | undefined)[] {
  const { country, group, since, until, target } = state.filters;
  return [state.asker, state.page, country, group, since, until, target];
}

export function listStateOf(args: readonly string[]): ListState {
  const [asker = '', page = '0', country, group, since, until, target] = args.map((arg) =>
    arg === '' ? undefined : arg,
  );
  return { asker, page: Number(page) || 0, filters: { country, group, since, until, target } };
}

/** "in Mali, by JNIM, since May 2025": the filters as the reader's words. */
export function filtersText(filters: ListFilters, strings: Strings): string {
  const { locale } = strings;
  const parts = [
    filters.country && fill(strings.listFilters.country, { value: inert(filters.country.names[locale]) }),
    filters.group && fill(strings.listFilters.group, { value: inert(filters.group.name) }),
    filters.since && fill(strings.listFilters.since, { value: formatCalendarDate(filters.since, locale) }),
    filters.until && fill(strings.listFilters.until, { value: formatCalendarDate(filters.until, locale) }),
    filters.target && fill(strings.listFilters.target, { value: strings.target[filters.target] }),
  ].filter((part): part is string => Boolean(part));
  return parts.join(', ');
}

/** One attack on one line: place, country, date with its caveat, target, who claimed it, the headline figure. */
/** One attack on one line: place, country, date with its caveat, target, who claimed it, the headline figure. */
export function itemLine(item: ListItem, strings: Strings): string {
  const { incident, country, perpetrator, headline } = item;
  const { locale } = strings;
  const who = fill(strings.listPerpetrator[incident.perpetrator.attribution], {
    actor: perpetrator ? inert(perpetrator.name) : '',
  });
  const figure = headline
    ? [
        `${formatValue(headline.figure.value, strings, locale)} ${strings.counts[headline.figure.counts]}`,
        headline.covers.length > 1 ? fill(strings.listTogether, { n: headline.covers.length }) : undefined,
        statusMarker(headline.figure, strings),
      ]
        .filter(Boolean)
        .join(' ')
    : strings.listNoFigure;
  return [
    `**${inert(placeName(incident.place, strings))}**, ${inert(country.names[locale])}`,
    formatDateWithCaveat(incident.date, strings, locale),
    strings.target[incident.target],
    who,
    figure,
  ].join(' · ');
}

export function renderList(answer: ListAnswer, strings: Strings, asker: string): MessagePayload {
  const { locale } = strings;
  const filters = filtersText(answer.filters, strings);
  const title = filters === '' ? strings.listTitle : `${strings.listTitle}${strings.colon} ${filters}`;
  if (answer.total === 0) {
    const description = [
      fill(strings.listEmpty, { filters: filters === '' ? '—' : filters }),
      `*${strings.notCoveredIsNotZero}*`,
    ].join('\n');
    return payload([buildEmbed({ title, description, colour: Colour.noData }, strings)]);
  }
  const embed = buildEmbed(
    {
      title,
      description: answer.items.map((item) => `• ${itemLine(item, strings)}`).join('\n'),
      colour: Colour.info,
      footer: fill(strings.listPage, {
        page: answer.page + 1,
        pages: answer.pageCount,
        attacks: plural(strings.attacks, answer.total, locale),
      }),
    },
    strings,
  );
  return payload([embed], { components: pageButtons(answer, strings, asker) });
}

function pageButtons(
  answer: ListAnswer,
  strings: Strings,
  asker: string,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  if (answer.pageCount <= 1) return [];
  const { country, group, since, until, target } = answer.filters;
  const filters = { country: country?.code, group: group?.id, since, until, target };
  const button = (label: string, page: number) => {
    const id = componentId(LIST_COMMAND, 'page', listStateArgs({ asker, page, filters }));
    return {
      type: ComponentType.Button as const,
      style: ButtonStyle.Secondary as const,
      label,
      custom_id: id,
      disabled: page < 0 || page >= answer.pageCount,
    };
  };
  const buttons = [button(strings.previous, answer.page - 1), button(strings.next, answer.page + 1)];
  // A state too long for Discord's 100 characters turns no page: the footer still says how many there are.
  if (!buttons.every((b) => fitsCustomId(b.custom_id))) return [];
  return [{ type: ComponentType.ActionRow, components: buttons }];
}
