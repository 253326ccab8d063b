import { SlashCommandBuilder } from 'discord.js';
import { MAX_QUERY_LENGTH } from '../src/answers/answer.js';
import { answerToll } from '../src/answers/tollAnswer.js';
import { renderAnswer } from '../src/render/renderAnswer.js';
import { plainText, truncate } from '../src/render/text.js';
import { type Command, replyOf } from './command.js';
import { withPictures } from './withPictures.js';

export const toll = {
  definition: new SlashCommandBuilder()
    .setName('toll')
    .setNameLocalizations({ nl: 'dodental', fr: 'bilan' })
    .setDescription('Reported death toll for a country, or the whole region: claims and reports kept apart')
    .setDescriptionLocalizations({
      nl: 'Gemeld dodental voor een land of de hele regio: claims en meldingen apart',
      fr: 'Bilan rapporté pour un pays ou toute la région : revendications et rapports séparés',
    })
    .addStringOption((option) =>
      option
        .setName('country')
        .setNameLocalizations({ nl: 'land', fr: 'pays' })
        .setDescription('Country (empty: the whole region)')
        .setDescriptionLocalizations({ nl: 'Land (leeg: de hele regio)', fr: 'Pays (vide : toute la région)' })
        .setAutocomplete(true)
        .setMaxLength(MAX_QUERY_LENGTH),
    ),
  mainOption: 'country',
  async run(context, input) {
    const { dataset, index } = context.store.current();
    const answer = await answerToll(dataset, index, input.options.country);
    return withPictures(replyOf(answer, renderAnswer(answer, context.locale)), context);
  },
  complete(context, _option, typed) {
    const { dataset, index } = context.store.current();
    const codes = index.countries
      .complete(typed, 25)
      .flatMap((entry) => entry.targets.flatMap((target) => (target.kind === 'country' ? [target.code] : [])));
    return [...new Set(codes)].flatMap((code) => {
      const country = dataset.countriesByCode.get(code);
      return country ? [{ name: truncate(plainText(country.names[context.locale]), 100), value: code }] : [];
    });
  },
} satisfies Command;
