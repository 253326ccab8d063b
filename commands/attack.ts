import { SlashCommandBuilder } from 'discord.js';
import { MAX_QUERY_LENGTH } from '../src/answers/answer.js';
import { answerAttack, countIncidents } from '../src/answers/attackAnswer.js';
import { renderAnswer } from '../src/render/renderAnswer.js';
import { renderQuotesInFull, renderStale } from '../src/render/renderQuotes.js';
import { stringsFor } from '../src/render/strings.js';
import { formatDateWithCaveat, placeName, plainText, truncate } from '../src/render/text.js';
import { type Choice, type Command, replyOf } from './command.js';
import { payloadWithPictures, withPictures } from './withPictures.js';

const MAX_CHOICES = 25;
const CHOICE_LENGTH = 100;

export const attack = {
  definition: new SlashCommandBuilder()
    .setName('attack')
    .setNameLocalizations({ nl: 'aanval', fr: 'attaque' })
    .setDescription('What the sources report about an attack: figures, who says them, verbatim quotes')
    .setDescriptionLocalizations({
      nl: 'Wat de bronnen melden over een aanval: cijfers, wie ze geeft, letterlijke citaten',
      fr: 'Ce que les sources rapportent d’une attaque : chiffres, qui les donne, citations mot pour mot',
    })
    .addStringOption((option) =>
      option
        .setName('place')
        .setNameLocalizations({ nl: 'plaats', fr: 'lieu' })
        .setDescription('Place, region, country or group, e.g. Boulkessi')
        .setDescriptionLocalizations({
          nl: 'Plaats, regio, land of groep, bijv. Boulkessi',
          fr: 'Lieu, région, pays ou groupe, par ex. Boulkessi',
        })
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(MAX_QUERY_LENGTH),
    ),
  mainOption: 'place',
  async run(context, input) {
    const { dataset, index } = context.store.current();
    const answer = answerAttack(dataset, index, input.options.place ?? '');
    return withPictures(replyOf(answer, renderAnswer(answer, context.locale, context.requester.id)), context);
  },
  async component(context, action, args, values) {
    const { dataset } = context.store.current();
    if (action === 'quotes') {
      const incident = dataset.incidentsById.get(args[0] ?? '');
      const payloads = incident
        ? renderQuotesInFull(answerAttack(dataset, context.store.current().index, incident.id), context.locale)
        : [renderStale(context.locale)];
      return { update: false, payloads };
    }
    // A pick: the attack in place of the menu for the asker, a copy of their own for anyone else.
    const [asker = ''] = args;
    const incident = dataset.incidentsById.get(values[0] ?? '');
    if (!incident) return { update: false, payloads: [renderStale(context.locale)] };
    const answer = answerAttack(dataset, context.store.current().index, incident.id);
    const payload = await payloadWithPictures(
      renderAnswer(answer, context.locale, context.requester.id),
      answer,
      context,
    );
    const update = asker === context.requester.id;
    return { update, payloads: [update ? { components: [], ...payload } : { ...payload, flags: 64 }] };
  },
  complete(context, _option, typed) {
    const { dataset, index } = context.store.current();
    const choices = new Map<string, Choice>();
    for (const entry of index.anything.complete(typed, MAX_CHOICES)) {
      const { count, only } = countIncidents(dataset, entry);
      const choice = only
        ? {
            name: `${placeName(only.place, stringsFor(context.locale))}, ${dataset.countriesByCode.get(only.countryCode)?.names[context.locale] ?? only.countryCode} · ${formatDateWithCaveat(only.date, stringsFor(context.locale), context.locale)}`,
            value: only.id,
          }
        : { name: `${entry.label} (${count})`, value: entry.label };
      if (!choices.has(choice.value)) {
        choices.set(choice.value, {
          name: truncate(plainText(choice.name), CHOICE_LENGTH),
          value: truncate(choice.value, CHOICE_LENGTH),
        });
      }
    }
    return [...choices.values()].slice(0, MAX_CHOICES);
  },
} satisfies Command;
