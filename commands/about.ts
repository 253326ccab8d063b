import { SlashCommandBuilder } from 'discord.js';
import { answerList } from '../src/answers/listAnswer.js';
import { renderAbout } from '../src/render/renderAdmin.js';
import type { Command } from './command.js';

export const about = {
  definition: new SlashCommandBuilder()
    .setName('about')
    .setNameLocalizations({ nl: 'over', fr: 'a-propos' })
    .setDescription('What this bot is, its sources, the dataset version and what each marker means')
    .setDescriptionLocalizations({
      nl: 'Wat deze bot is, de bronnen, de datasetversie en wat elke markering betekent',
      fr: 'Ce qu’est ce bot, ses sources, la version des données et le sens de chaque repère',
    }),
  async run(context) {
    const snapshot = context.store.current();
    const newestFirst = answerList(snapshot.dataset, snapshot.index, {});
    const coverage = {
      period: snapshot.dataset.period,
      newest: newestFirst.kind === 'list' ? newestFirst.items[0] : undefined,
    };
    return { payload: renderAbout(snapshot, coverage, context.locale), kind: 'info', incidents: [] };
  },
} satisfies Command;
