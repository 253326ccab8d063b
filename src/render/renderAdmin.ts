import type { APIEmbedField } from 'discord.js';
import type { DatasetAccess } from '../../commands/command.js';
import type { ListItem } from '../answers/listAnswer.js';
import type { DatasetSummary } from '../dataset/datasetSummary.js';
import type { Problem } from '../dataset/problems.js';
import { formatProblem } from '../dataset/problems.js';
import type { Source } from '../dataset/schema.js';
import type { RefreshOutcome, Snapshot } from '../runtime/datasetStore.js';
import { buildEmbed } from './embed.js';
import { type Locale, plural } from './locale.js';
import { Colour, type MessagePayload, payload } from './payload.js';
import { diffFields } from './renderDiff.js';
import { itemLine } from './renderList.js';
import { fill, type Strings, stringsFor } from './strings.js';
import { describeSource, formatCalendarDate, inert } from './text.js';

const PROBLEMS_SHOWN = 10;

function snapshotFields(snapshot: Snapshot, strings: Strings, locale: Locale): APIEmbedField[] {
  const { dataset } = snapshot;
  return [
    { name: strings.version, value: `\`${dataset.version}\``, inline: true },
    {
      name: strings.counts_,
      value: (['incidents', 'figures', 'statements', 'sources'] as const)
        .map((kind) => plural(strings.countsOf[kind], dataset[kind].length, locale))
        .join(', '),
      inline: true,
    },
    {
      name: strings.loaded,
      value: fill(strings.loadedValue, {
        at: `<t:${Math.floor(snapshot.loadedAt.getTime() / 1000)}:f>`,
        who: inert(snapshot.loadedBy),
        origin: inert(snapshot.origin),
      }),
    },
    {
      name: dataset.sources.length === 1 ? strings.source : strings.sources,
      value: dataset.sources.map((source) => `• ${sourceLine(source, strings, locale)}`).join('\n'),
    },
  ];
}

/** A source as /about and /dataset status list it: how to cite it, where to read it, when our copy was taken. */
function sourceLine(source: Source, strings: Strings, locale: Locale): string {
  const accessed = source.accessed
    ? ` ${fill(strings.accessed, { date: formatCalendarDate(source.accessed, locale) })}`
    : '';
  // The dataset's own address for its source, checked to be http(s) by the schema: the one link the bot makes.
  const link = source.url ? ` <${encodeURI(decodeURI(source.url))}>` : '';
  return `${inert(describeSource(source, strings, locale))}${accessed}${link}`;
}

/** What /about adds to the snapshot: the period the attacks cover and the newest of them. */
export interface Coverage {
  readonly period: DatasetSummary['period'];
  readonly newest: ListItem | undefined;
}

export function renderAbout(snapshot: Snapshot, coverage: Coverage, locale: Locale): MessagePayload {
  const strings = stringsFor(locale);
  const legend = Object.values(strings.status)
    .map((marker) => fill(marker, { who: '…' }))
    .concat(strings.disputedOutcome, ...Object.values(strings.statement))
    .map((line) => `• ${line}`)
    .join('\n');
  return payload([
    buildEmbed(
      {
        title: strings.aboutTitle,
        description: strings.aboutText,
        colour: Colour.info,
        fields: [
          ...snapshotFields(snapshot, strings, locale),
          { name: strings.period, value: periodText(coverage.period, strings, locale) },
          { name: strings.newest, value: coverage.newest ? itemLine(coverage.newest, strings) : strings.none },
          { name: strings.legend, value: legend },
        ],
      },
      strings,
    ),
  ]);
}

export function renderStatus(snapshot: Snapshot, locale: Locale): MessagePayload {
  const strings = stringsFor(locale);
  return payload(
    [
      buildEmbed(
        { title: strings.statusTitle, colour: Colour.info, fields: snapshotFields(snapshot, strings, locale) },
        strings,
      ),
    ],
    { ephemeral: true },
  );
}

export function renderRefresh(outcome: RefreshOutcome, locale: Locale): MessagePayload {
  const strings = stringsFor(locale);
  if (!outcome.ok) {
    const version = outcome.serving.dataset.version;
    return renderProblems(outcome.problems, strings.refreshFailedTitle, strings.refreshFailedText, version, strings);
  }
  const fields = diffFields(outcome.diff, strings, locale);
  const embed = buildEmbed(
    {
      title: strings.refreshedTitle,
      description: [
        fill(strings.refreshedText, {
          next: outcome.current.dataset.version,
          previous: outcome.previous.dataset.version,
          origin: inert(outcome.current.origin),
        }),
        ...(outcome.shards ? [fill(strings.refreshedShards, { ...outcome.shards })] : []),
        ...(fields.length === 0 ? [strings.noRecordChanged] : []),
      ].join('\n'),
      colour: Colour.confirmed,
      fields,
    },
    strings,
  );
  return payload([embed], { ephemeral: true });
}

function renderProblems(
  problems: readonly Problem[],
  title: string,
  intro: string,
  version: string,
  strings: Strings,
): MessagePayload {
  const shown = problems.slice(0, PROBLEMS_SHOWN);
  const description = [
    fill(intro, { version, shown: shown.length, total: problems.length }),
    ...shown.map((problem) => `• ${inert(formatProblem(problem))}`),
  ].join('\n');
  return payload([buildEmbed({ title, description, colour: Colour.error }, strings)], { ephemeral: true });
}

/** `/dataset validate`: what a refresh would say, with nothing swapped in. */
export function renderValidation(
  origin: string,
  result: { ok: true; summary: DatasetSummary } | { ok: false; problems: readonly Problem[] },
  locale: Locale,
): MessagePayload {
  const strings = stringsFor(locale);
  if (!result.ok) {
    return renderProblems(result.problems, strings.invalidTitle, strings.invalidText, '', strings);
  }
  const { summary } = result;
  const counts = (['incidents', 'figures', 'statements', 'sources'] as const)
    .map((kind) => plural(strings.countsOf[kind], summary.counts[kind], locale))
    .join(', ');
  const embed = buildEmbed(
    {
      title: strings.validTitle,
      description: fill(strings.validText, { origin: inert(origin), version: summary.version }),
      colour: Colour.confirmed,
      fields: [
        { name: strings.counts_, value: counts },
        { name: strings.period, value: periodText(summary.period, strings, locale) },
      ],
    },
    strings,
  );
  return payload([embed], { ephemeral: true });
}

export function renderRefused(why: Exclude<DatasetAccess, 'operator'>, locale: Locale): MessagePayload {
  const strings = stringsFor(locale);
  return payload(
    [buildEmbed({ title: strings.refusedTitle, description: strings.refusedText[why], colour: Colour.error }, strings)],
    { ephemeral: true },
  );
}

export function renderCrash(reference: string, locale: Locale): MessagePayload {
  const strings = stringsFor(locale);
  return payload(
    [
      buildEmbed(
        { title: strings.crashTitle, description: fill(strings.crashText, { reference }), colour: Colour.error },
        strings,
      ),
    ],
    { ephemeral: true },
  );
}

function periodText(period: DatasetSummary['period'], strings: Strings, locale: Locale): string {
  if (!period) return strings.none;
  return fill(strings.periodValue, {
    earliest: formatCalendarDate(period.earliest, locale),
    latest: formatCalendarDate(period.latest, locale),
  });
}
