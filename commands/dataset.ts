import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import { summariseDataset } from '../src/dataset/datasetSummary.js';
import type { LoadResult } from '../src/dataset/loadDataset.js';
import { loadDataset, parseDataset } from '../src/dataset/loadDataset.js';
import { renderRefresh, renderRefused, renderStatus, renderValidation } from '../src/render/renderAdmin.js';
import { fill, type Strings, stringsFor } from '../src/render/strings.js';
import {
  type FolderRefusal,
  importedFolder,
  keepFolder,
  unzippedFolder,
  uploadKind,
} from '../src/runtime/candidateFolder.js';
import type { RefreshOutcome } from '../src/runtime/datasetStore.js';
import { fetchText, fetchToFile } from '../src/runtime/fetchText.js';
import { writeDatasetFile } from '../src/runtime/writeDatasetFile.js';
import type { AttachmentInput, Command, CommandContext, RefreshSettings, Reply } from './command.js';
import { draftFromAttachment } from './datasetDraft.js';

export const dataset = {
  definition: new SlashCommandBuilder()
    .setName('dataset')
    .setNameLocalizations({ fr: 'donnees' })
    .setDescription('Moderators: the dataset being served')
    .setDescriptionLocalizations({
      nl: 'Moderatoren: de dataset die in gebruik is',
      fr: 'Modérateurs : le jeu de données servi',
    })
    // Server admins can override this per command, so `refresh` checks again at run time.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .addSubcommand((sub) =>
      sub
        .setName('status')
        .setNameLocalizations({ fr: 'etat' })
        .setDescription('Version, when and by whom it was loaded, counts, sources')
        .setDescriptionLocalizations({
          nl: 'Versie, wanneer en door wie geladen, aantallen, bronnen',
          fr: 'Version, quand et par qui il a été chargé, nombres, sources',
        }),
    )
    .addSubcommand((sub) =>
      sub
        .setName('refresh')
        .setNameLocalizations({ nl: 'vernieuwen', fr: 'actualiser' })
        .setDescription('Reload the dataset (data folder, dataset URL, or an attached dataset.json, CSV export or zip)')
        .setDescriptionLocalizations({
          nl: 'Laad de dataset opnieuw (datamap, dataset-URL, of bijgevoegd dataset.json, CSV-export of zip)',
          fr: 'Recharger les données (dossier, URL des données, ou dataset.json, export CSV ou zip joint)',
        })
        .addAttachmentOption((option) =>
          option
            .setName('file')
            .setNameLocalizations({ nl: 'bestand', fr: 'fichier' })
            .setDescription('dataset.json, ACLED or UCDP GED .csv, or .zip of a data folder; kept on disk if it passes')
            .setDescriptionLocalizations({
              nl: 'dataset.json, .csv van ACLED of UCDP GED, of .zip van een datamap; bewaard als het klopt',
              fr: 'dataset.json, .csv ACLED ou UCDP GED, ou .zip d’un dossier de données ; conservé s’il passe',
            }),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName('validate')
        .setNameLocalizations({ nl: 'controleren', fr: 'verifier' })
        .setDescription('Check a dataset.json, CSV export or zip exactly as a refresh would, and swap nothing in')
        .setDescriptionLocalizations({
          nl: 'Controleer een dataset.json, CSV-export of zip zoals vernieuwen, zonder iets te wisselen',
          fr: 'Vérifier un dataset.json, export CSV ou zip comme une actualisation, sans rien remplacer',
        })
        .addAttachmentOption((option) =>
          option
            .setName('file')
            .setNameLocalizations({ nl: 'bestand', fr: 'fichier' })
            .setDescription(
              'dataset.json, ACLED/UCDP GED .csv or data folder .zip (empty: the data folder or dataset URL)',
            )
            .setDescriptionLocalizations({
              nl: 'dataset.json, .csv van ACLED/UCDP GED of .zip van een datamap (leeg: datamap of dataset-URL)',
              fr: 'dataset.json, .csv ACLED/UCDP GED ou .zip d’un dossier (vide : dossier de données ou URL)',
            }),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName('draft')
        .setNameLocalizations({ nl: 'concept', fr: 'brouillon' })
        .setDescription('Draft incidents, figures and statements from an article, for review (nothing is served)')
        .setDescriptionLocalizations({
          nl: 'Maak een concept van aanvallen, cijfers en uitspraken uit een artikel, om na te kijken',
          fr: 'Rédiger un brouillon d’attaques, de chiffres et de déclarations à partir d’un article, à vérifier',
        })
        .addAttachmentOption((option) =>
          option
            .setName('file')
            .setNameLocalizations({ nl: 'bestand', fr: 'fichier' })
            .setDescription('The article as a UTF-8 text file (Dutch, English or French)')
            .setDescriptionLocalizations({
              nl: 'Het artikel als UTF-8-tekstbestand (Nederlands, Engels of Frans)',
              fr: 'L’article en fichier texte UTF-8 (néerlandais, anglais ou français)',
            })
            .setRequired(true),
        )
        .addStringOption((option) =>
          option
            .setName('date')
            .setNameLocalizations({ nl: 'datum', fr: 'date' })
            .setDescription('When the article was published: YYYY-MM-DD or YYYY-MM')
            .setDescriptionLocalizations({
              nl: 'Wanneer het artikel verscheen: JJJJ-MM-DD of JJJJ-MM',
              fr: 'Date de publication de l’article : AAAA-MM-JJ ou AAAA-MM',
            })
            .setMaxLength(10),
        )
        .addStringOption((option) =>
          option
            .setName('language')
            .setNameLocalizations({ nl: 'taal', fr: 'langue' })
            .setDescription('The article’s language (default: guessed)')
            .setDescriptionLocalizations({
              nl: 'De taal van het artikel (standaard: geraden)',
              fr: 'La langue de l’article (par défaut : devinée)',
            })
            .addChoices(
              { name: 'English', value: 'en', name_localizations: { nl: 'Engels', fr: 'anglais' } },
              { name: 'Nederlands', value: 'nl', name_localizations: { fr: 'néerlandais' } },
              { name: 'Français', value: 'fr', name_localizations: { nl: 'Frans' } },
            ),
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
    if (input.subcommand === 'validate') return validate(context, input.attachment);
    if (input.subcommand === 'draft') return draftFromAttachment(context, input);
    return { payload: renderStatus(context.store.current(), context.locale), kind: 'info', incidents: [] };
  },
} satisfies Command;

/** Where a refresh or a validation takes the candidate dataset from, and how to keep it once it passed. */
interface Candidate {
  readonly origin: string;
  load(): Promise<LoadResult>;
  /** Writes an attached dataset to the data folder, so that the next start serves it too. */
  readonly commit?: () => Promise<void>;
  /** Removes the temporary folder an attached CSV or zip was turned into; run once the candidate is done with. */
  readonly cleanup?: () => Promise<void>;
}

/**
 * An attached file (a `dataset.json`; an ACLED or UCDP GED `.csv` export, imported beside the data folder's dataset;
 * a `.zip` of a data folder); else `DATASET_URL`; else the data folder.
 */
function candidateFrom(
  settings: RefreshSettings,
  attachment: AttachmentInput | undefined,
  strings: Strings,
): Candidate {
  const limits = { maxBytes: settings.maxBytes, timeoutMs: settings.fetchTimeoutMs };
  let downloaded: string | undefined;
  const fromText = async (origin: string, url: string): Promise<LoadResult> => {
    const fetched = await fetchText(url, limits);
    if (!fetched.ok) return { ok: false, problems: [{ file: origin, path: '', reason: fetched.reason }] };
    downloaded = fetched.text;
    return parseDataset(fetched.text, { dataDir: settings.dataDir, file: origin });
  };
  if (attachment) {
    const origin = attachment.name;
    const refused = (reason: string): LoadResult => ({ ok: false, problems: [{ file: origin, path: '', reason }] });
    const tooLarge = () => refused(`larger than the limit of ${settings.maxBytes} bytes`);
    const kind = uploadKind(origin);
    if (kind === 'csv' || kind === 'zip') return folderCandidate(settings, attachment, kind, strings);
    return {
      origin,
      load: async () => (attachment.size > settings.maxBytes ? tooLarge() : fromText(origin, attachment.url)),
      commit: async () => writeDatasetFile(settings.dataDir, downloaded ?? ''),
    };
  }
  const { datasetUrl, dataDir } = settings;
  if (datasetUrl) return { origin: datasetUrl, load: () => fromText(datasetUrl, datasetUrl) };
  return { origin: dataDir, load: () => loadDataset(dataDir) };
}

/**
 * An attached CSV export or zipped data folder, made into a data folder in a temporary folder and loaded from there.
 * Once it passed, the data folder is made to hold the same files; the served index stays open after the temporary
 * folder is removed (the system frees the file when its last reader closes it).
 */
function folderCandidate(
  settings: RefreshSettings,
  attachment: AttachmentInput,
  kind: 'csv' | 'zip',
  strings: Strings,
): Candidate {
  const origin = attachment.name;
  const refused = (reason: string): LoadResult => ({ ok: false, problems: [{ file: origin, path: '', reason }] });
  let work: string | undefined;
  let folder: string | undefined;
  return {
    origin,
    load: async () => {
      if (attachment.size > settings.maxBytes) return refused(`larger than the limit of ${settings.maxBytes} bytes`);
      work = await mkdtemp(path.join(os.tmpdir(), 'sahel-upload-'));
      const file = path.join(work, `upload.${kind}`);
      const fetched = await fetchToFile(attachment.url, file, {
        maxBytes: settings.maxBytes,
        timeoutMs: settings.fetchTimeoutMs,
      });
      if (!fetched.ok) return refused(fetched.reason);
      const into = path.join(work, 'data');
      const made =
        kind === 'csv'
          ? await importedFolder(file, origin, settings.dataDir, into)
          : await unzippedFolder(file, into, settings.maxBytes);
      if (!made.ok) return refused(refusalText(made.refusal, strings));
      folder = made.dir;
      const result = await loadDataset(made.dir);
      if (result.ok) return result;
      // Problems name the files as the attachment holds them, not the temporary folder.
      const inFolder = `${made.dir}${path.sep}`;
      return {
        ok: false,
        problems: result.problems.map((problem) =>
          problem.file.startsWith(inFolder)
            ? { ...problem, file: `${origin}: ${problem.file.slice(inFolder.length)}` }
            : problem,
        ),
      };
    },
    commit: async () => {
      if (folder) await keepFolder(folder, settings.dataDir);
    },
    cleanup: async () => {
      if (work) await rm(work, { recursive: true, force: true });
    },
  };
}

function refusalText(refusal: FolderRefusal, strings: Strings): string {
  const words = strings.upload;
  switch (refusal.code) {
    case 'not_zip':
      return words.notZip;
    case 'unsafe_path':
      return fill(words.unsafePath, { entry: refusal.entry });
    case 'too_many_entries':
      return fill(words.tooManyEntries, { limit: refusal.limit });
    case 'too_large':
      return fill(words.tooLarge, { limit: refusal.limit });
    case 'unknown_csv':
      return words.unknownCsv;
    case 'csv_failed':
      return fill(words.csvFailed, { detail: refusal.detail });
    case 'no_dataset':
      return words.noDataset;
  }
}

/** The same checks as a refresh, and nothing swapped in or written: what a moderator runs before refreshing. */
async function validate(context: CommandContext, attachment: AttachmentInput | undefined): Promise<Reply> {
  const candidate = candidateFrom(context.refresh, attachment, stringsFor(context.locale));
  let checked: Parameters<typeof renderValidation>[1];
  let result: LoadResult;
  try {
    result = await candidate.load();
    context.logger.info(
      { origin: candidate.origin, ok: result.ok, problems: result.ok ? 0 : result.problems.length },
      'dataset validated',
    );
    checked = result.ok ? { ok: true as const, summary: summariseDataset(result.dataset) } : result;
    // A dataset checked in a temporary folder is read by nobody else.
    if (result.ok && candidate.cleanup) result.dataset.close();
  } finally {
    await candidate.cleanup?.();
  }
  return {
    payload: renderValidation(candidate.origin, checked, context.locale),
    kind: result.ok ? 'info' : 'error',
    incidents: [],
  };
}

async function refresh(context: CommandContext, attachment: AttachmentInput | undefined): Promise<Reply> {
  const { requester, refresh: settings, logger } = context;
  const log = logger.child({ refreshBy: { id: requester.id, name: requester.name }, guildId: requester.guildId });
  const { origin, load, commit, cleanup } = candidateFrom(settings, attachment, stringsFor(context.locale));
  let outcome: RefreshOutcome;
  try {
    outcome = await context.store.refresh(load, requester.name, origin, commit);
  } finally {
    await cleanup?.();
  }
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
