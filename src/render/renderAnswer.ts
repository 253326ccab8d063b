import {
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import type { Answer } from '../answers/answer.js';
import { componentId, fitsCustomId } from './componentIds.js';
import type { Locale } from './locale.js';
import { type MessagePayload, payload } from './payload.js';
import { renderIncident } from './renderIncident.js';
import { renderList } from './renderList.js';
import { chooseMenu, renderChoose, renderError, renderNotFound } from './renderOther.js';
import { renderCountryToll, renderRegionToll } from './renderToll.js';
import { type Strings, stringsFor } from './strings.js';

/** The command whose menu and buttons show attacks: the router hands their clicks back to it. */
export const ATTACK_COMMAND = 'attack';

/**
 * Turns any answer into the message the user sees. Errors are shown to the asker alone.
 * @param asker who asked: a menu or a page button answers them in place, anyone else with a copy of their own
 */
export function renderAnswer(answer: Answer, locale: Locale, asker = ''): MessagePayload {
  const strings = stringsFor(locale);
  switch (answer.kind) {
    case 'incident': {
      const embed = renderIncident(answer.report, answer.sources, strings, locale);
      const shortened = JSON.stringify(embed).includes(`[${strings.shortened}]`) || embed.fields?.at(-1)?.name === '…';
      return payload([embed], { components: shortened ? quotesButton(answer.report.incident.id, strings) : [] });
    }
    case 'toll':
      return payload([renderCountryToll(answer.toll, answer.sources, strings, locale)]);
    case 'region':
      return payload([renderRegionToll(answer.toll, answer.sources, strings, locale)]);
    case 'choose':
      return payload([renderChoose(answer, strings, locale)], {
        components: chooseMenu(answer, strings, componentId(ATTACK_COMMAND, 'pick', [asker])),
      });
    case 'list':
      return renderList(answer, strings, asker);
    case 'not_found':
      return payload([renderNotFound(answer, strings)]);
    case 'error':
      return payload([renderError(answer, strings)], { ephemeral: true });
  }
}

/** "Quotes in full": shown when a quote had to be shortened or a field left out to fit one message. */
function quotesButton(incidentId: string, strings: Strings): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const id = componentId(ATTACK_COMMAND, 'quotes', [incidentId]);
  if (!fitsCustomId(id)) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        { type: ComponentType.Button, style: ButtonStyle.Secondary, label: strings.sourcesButton, custom_id: id },
      ],
    },
  ];
}
