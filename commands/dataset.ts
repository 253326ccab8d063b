import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { LoadResult } from '../src/dataset/loadDataset.js';
import { loadDataset, parseDataset } from '../src/dataset/loadDataset.js';
import { renderRefresh, renderRefused, renderStatus } from '../src/render/renderAdmin.js';
import { fetchText } from '../src/runtime/fetchText.js';
import { writeDatasetFile } from '../src/runtime/writeDatasetFile.js';
import type { AttachmentInput, Command, CommandContext, Reply } from './command.js';

export const dataset = {
  definition: new SlashCommandBuilder()
    .setName('dataset')
    .setDescription('Moderators: the dataset being served')
    .setDescriptionLocalizations({ nl: 'Moderatoren: de dataset die in gebruik is' })
    // Server admins can override this per command, so `refresh` checks again at run time.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((sub) =>
      sub
        .setName('status')
        .setDescription('Version, when and by whom it was loaded, counts, sources')
        .setDescriptionLocalizations({ nl: 'Versie, wanneer en door wie geladen, aantallen, bronnen' }),
    )
    .addSubcommand((sub) =>
      sub
        .setName('refresh')
        .setNameLocalizations({ nl: 'vernieuwen' })
        .setDescription('Reload the dataset (from the data folder, the dataset URL, or an attached dataset.json)')
        .setDescriptionLocalizations({
          nl: 'Laad de dataset opnieuw (uit de datamap, de dataset-URL of een bijgevoegd dataset.json)',
        })
        .addAttachmentOption((option) =>
          option
            .setName('file')
            .setNameLocalizations({ nl: 'bestand' })
            .setDescription('A dataset.json with the same schema; kept on disk if it passes')
            .setDescriptionLocalizations({ nl: 'Een dataset.json met hetzelfde schema; bewaard als het klopt' }),
        ),
    ),
  operatorsOnly: true,
  slow: true,
  async run(context, input) {
    const { requester } = context;
    // What the dataset is, where it came from and who loaded it is the operators' business too.
    if (requester.datasetAccess !== 'operator') {
      context.logger.warn(
        { subcommand: input.subcommand, by: { id: requester.id, name: requester.name }, guildId: requester.guildId },
        `dataset ${input.subcommand ?? 'command'} refused: ${requester.datasetAccess}`,
      );
      return { payload: renderRefused(requester.datasetAccess, context.locale), kind: 'refused', incidents: [] };
    }
    if (input.subcommand === 'refresh') return refresh(context, input.attachment);
    return { payload: renderStatus(context.store.current(), context.locale), kind: 'info', incidents: [] };
  },
} satisfies Command;

async function refresh(context: CommandContext, attachment: AttachmentInput | undefined): Promise<Reply> {
  const { requester, refresh: settings, logger } = context;
  const log = logger.child({ refreshBy: { id: requester.id, name: requester.name }, guildId: requester.guildId });

  const limits = { maxBytes: settings.maxBytes, timeoutMs: settings.fetchTimeoutMs };
  let downloaded: string | undefined;
  const fromText = async (origin: string, url: string): Promise<LoadResult> => {
    const fetched = await fetchText(url, limits);
    if (!fetched.ok) return { ok: false, problems: [{ file: origin, path: '', reason: fetched.reason }] };
    downloaded = fetched.text;
    return parseDataset(fetched.text, { dataDir: settings.dataDir, file: origin });
  };
  let origin: string;
  let load: () => Promise<LoadResult>;
  let commit: (() => Promise<void>) | undefined;
  if (attachment) {
    origin = attachment.name;
    load = async () =>
      attachment.size > settings.maxBytes
        ? {
            ok: false,
            problems: [{ file: origin, path: '', reason: `larger than the limit of ${settings.maxBytes} bytes` }],
          }
        : fromText(origin, attachment.url);
    // Kept on disk only once it passed, so that the next start serves it too.
    commit = async () => writeDatasetFile(settings.dataDir, downloaded ?? '');
  } else if (settings.datasetUrl) {
    origin = settings.datasetUrl;
    load = () => fromText(origin, settings.datasetUrl ?? '');
  } else {
    origin = settings.dataDir;
    load = () => loadDataset(settings.dataDir);
  }

  const outcome = await context.store.refresh(load, requester.name, origin, commit);
  if (outcome.ok) {
    log.info(
      { origin, from: outcome.previous.dataset.version, to: outcome.current.dataset.version, diff: outcome.diff },
      'dataset refreshed',
    );
  } else {
    log.warn(
      { origin, problems: outcome.problems.slice(0, 20), serving: outcome.serving.dataset.version },
      'dataset refresh failed',
    );
  }
  return { payload: renderRefresh(outcome, context.locale), kind: outcome.ok ? 'info' : 'error', incidents: [] };
}
