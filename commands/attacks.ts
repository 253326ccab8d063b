import { SlashCommandBuilder } from 'discord.js';
import { MAX_QUERY_LENGTH } from '../src/answers/answer.js';
import { answerList, answerListOfIds } from '../src/answers/listAnswer.js';
import { TARGETS } from '../src/dataset/schema.js';
import { renderAnswer } from '../src/render/renderAnswer.js';
import { LIST_COMMAND, listStateOf } from '../src/render/renderList.js';
import { stringsFor } from '../src/render/strings.js';
import { plainText, truncate } from '../src/render/text.js';
import { type Choice, type Command, type CommandContext, replyOf } from './command.js';

const MAX_CHOICES = 25;
const DATE_LENGTH = 10;

export const attacks = {
  definition: new SlashCommandBuilder()
    .setName(LIST_COMMAND)
    .setNameLocalizations({ nl: 'aanvallen', fr: 'attaques' })
    .setDescription('Reported attacks, newest first: filter by country, group, period and target')
    .setDescriptionLocalizations({
      nl: 'Gemelde aanvallen, nieuwste eerst: filter op land, groep, periode en doelwit',
      fr: 'Attaques signalées, les plus récentes d’abord : filtrer par pays, groupe, période et cible',
    })
    .addStringOption((option) =>
      option
        .setName('country')
        .setNameLocalizations({ nl: 'land', fr: 'pays' })
        .setDescription('Only attacks in this country')
        .setDescriptionLocalizations({ nl: 'Alleen aanvallen in dit land', fr: 'Seulement les attaques dans ce pays' })
        .setAutocomplete(true)
        .setMaxLength(MAX_QUERY_LENGTH),
    )
    .addStringOption((option) =>
      option
        .setName('group')
        .setNameLocalizations({ nl: 'groep', fr: 'groupe' })
        .setDescription('Only attacks this armed group claimed or is said to have carried out')
        .setDescriptionLocalizations({
          nl: 'Alleen aanvallen die deze gewapende groep opeiste of die haar worden toegeschreven',
          fr: 'Seulement les attaques revendiquées par ce groupe armé ou qui lui sont attribuées',
        })
        .setAutocomplete(true)
        .setMaxLength(MAX_QUERY_LENGTH),
    )
    .addStringOption((option) =>
      option
        .setName('since')
        .setNameLocalizations({ nl: 'sinds', fr: 'depuis' })
        .setDescription('From this day or month on: YYYY-MM-DD or YYYY-MM')
        .setDescriptionLocalizations({
          nl: 'Vanaf deze dag of maand: JJJJ-MM-DD of JJJJ-MM',
          fr: 'À partir de ce jour ou de ce mois : AAAA-MM-JJ ou AAAA-MM',
        })
        .setMaxLength(DATE_LENGTH),
    )
    .addStringOption((option) =>
      option
        .setName('until')
        .setNameLocalizations({ nl: 'tot', fr: 'jusqu-au' })
        .setDescription('Up to this day or month: YYYY-MM-DD or YYYY-MM')
        .setDescriptionLocalizations({
          nl: 'Tot en met deze dag of maand: JJJJ-MM-DD of JJJJ-MM',
          fr: 'Jusqu’à ce jour ou ce mois : AAAA-MM-JJ ou AAAA-MM',
        })
        .setMaxLength(DATE_LENGTH),
    )
    .addStringOption((option) =>
      option
        .setName('target')
        .setNameLocalizations({ nl: 'doelwit', fr: 'cible' })
        .setDescription('Only attacks on this kind of target')
        .setDescriptionLocalizations({
          nl: 'Alleen aanvallen op dit soort doelwit',
          fr: 'Seulement les attaques contre ce type de cible',
        })
        .setAutocomplete(true)
        .setMaxLength(MAX_QUERY_LENGTH),
    )
    .addIntegerOption((option) =>
      option
        .setName('page')
        .setNameLocalizations({ nl: 'pagina', fr: 'page' })
        .setDescription('Which page (10 attacks a page)')
        .setDescriptionLocalizations({
          nl: 'Welke pagina (10 aanvallen per pagina)',
          fr: 'Quelle page (10 attaques par page)',
        })
        .setMinValue(1)
        .setMaxValue(100_000),
    ),
  async run(context, input) {
    const { dataset, index } = context.store.current();
    const { country, group, since, until, target, page } = input.options;
    const answer = answerList(dataset, index, { country, group, since, until, target }, Number(page ?? 1) - 1);
    return replyOf(answer, renderAnswer(answer, context.locale, context.requester.id));
  },
  async component(context, action, args) {
    if (action !== 'page') return { update: false, payloads: [] };
    const state = listStateOf(args);
    const answer = answerListOfIds(context.store.current().dataset, state.filters, state.page);
    // Someone else's click gets a copy of its own: the asker's page stays where they left it.
    const update = state.asker === context.requester.id;
    const payload = renderAnswer(answer, context.locale, context.requester.id);
    return { update, payloads: [update ? payload : { ...payload, flags: 64 }] };
  },
  complete(context, option, typed) {
    return choicesFor(context, option, typed).slice(0, MAX_CHOICES);
  },
} satisfies Command;

function choicesFor(context: CommandContext, option: string, typed: string): Choice[] {
  const { dataset, index } = context.store.current();
  const { locale } = context;
  const choice = (name: string, value: string) => ({
    name: truncate(plainText(name), MAX_QUERY_LENGTH),
    value: truncate(value, MAX_QUERY_LENGTH),
  });
  if (option === 'target') {
    const strings = stringsFor(locale);
    const wanted = typed.trim().toLowerCase();
    return TARGETS.filter((target) => target !== 'unspecified')
      .map((target) => choice(strings.target[target], target))
      .filter((c) => wanted === '' || c.name.toLowerCase().includes(wanted) || c.value.includes(wanted));
  }
  const names = option === 'group' ? index.groups : index.countries;
  const seen = new Set<string>();
  return names.complete(typed, MAX_CHOICES).flatMap((entry) =>
    entry.targets.flatMap((target) => {
      const found =
        target.kind === 'country'
          ? dataset.countriesByCode.get(target.code)
          : target.kind === 'actor'
            ? dataset.actorsById.get(target.actorId)
            : undefined;
      if (!found || seen.has(entry.label)) return [];
      seen.add(entry.label);
      const name = 'names' in found ? found.names[locale] : found.name;
      return [choice(name, 'names' in found ? found.code : found.name)];
    }),
  );
}
