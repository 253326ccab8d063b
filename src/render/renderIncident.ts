import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { FigureView, IncidentReport, StatementView } from '../answers/answer.js';
import type { Source } from '../dataset/schema.js';
import { buildEmbed, EmbedLimits } from './embed.js';
import { type Locale, listOf } from './locale.js';
import { confidenceColour, outcomesDisputed, statusMarker } from './markers.js';
import { datasetRecordFields, sameAttackFields } from './renderDatasetRecord.js';
import { attacksText, statementScopeText } from './scope.js';
import { fill, type Strings } from './strings.js';
import { describeSource, formatDate, formatValue, inert, localText, placeName, quoteBlock } from './text.js';

export function renderIncident(
  report: IncidentReport,
  sources: readonly Source[],
  strings: Strings,
  locale: Locale,
): APIEmbed {
  const { incident, country, perpetrator } = report;
  const disputed = outcomesDisputed(incident.outcomes);
  const place = [inert(placeName(incident.place, strings))];
  if (incident.place.adminArea) place.push(localText(incident.place.adminArea, strings));
  const attribution = strings.attribution[incident.perpetrator.attribution];
  const perpetratorLine = perpetrator
    ? `${inert(perpetrator.name)}, ${attribution} (${localText(perpetrator.description, strings)})`
    : attribution;

  const description = [
    report.matchedVia &&
      `*${fill(report.matchedVia.via === 'nearby' ? strings.matchedNearby : strings.matchedAdminArea, { name: inert(report.matchedVia.name) })}*`,
    `**${strings.date}${strings.colon}** ${formatDate(incident.date, locale)} (${strings.derivation[incident.date.derivation]}; ${strings.precision[incident.date.precision]}). ${localText(incident.date.basis, strings)}`,
    `**${strings.place}${strings.colon}** ${place.join(', ')}, ${inert(country.names[locale])} (${country.code})`,
    `**${strings.target_}${strings.colon}** ${strings.target[incident.target]}`,
    `**${strings.perpetrator}${strings.colon}** ${perpetratorLine}`,
    disputed && strings.disputedOutcome,
    incident.notes && `**${strings.note}${strings.colon}** ${localText(incident.notes, strings)}`,
    incident.perpetrator.quote && quoteBlock(incident.perpetrator.quote, strings, 1000, sources),
  ]
    .filter(Boolean)
    .join('\n');

  const fields: APIEmbedField[] = [
    ...(report.figures.length > 0
      ? report.figures.map((view) => figureField(view, strings, locale, sources))
      : incident.datasetRecord
        ? datasetRecordFields(incident.datasetRecord, strings, locale)
        : [{ name: strings.figures, value: strings.noFigures }]),
    ...incident.outcomes.map((outcome) => ({
      name: `${localText(outcome.saidBy.label, strings)}${strings.colon} ${strings.outcome[outcome.outcome]}`,
      value: quoteBlock(outcome.quote, strings, EmbedLimits.fieldValue, sources),
    })),
    ...report.statements.map((view) => statementField(view, strings, sources, view.countries.length > 0)),
    ...sameAttackFields(report, sources, strings, locale),
  ];

  return buildEmbed(
    {
      title: fill(incident.target === 'unspecified' ? strings.attackTitleNoTarget : strings.attackTitle, {
        target: strings.target[incident.target],
        place: inert(placeName(incident.place, strings)),
        country: inert(country.names[locale]),
      }),
      description,
      colour: confidenceColour(
        report.figures.map((view) => view.figure),
        disputed,
      ),
      fields,
      footer: sourcesFooter(sources, strings, locale, incident.id),
    },
    strings,
  );
}

/**
 * One figure: what it counts, the number with its qualifier, who says it, and the words it rests on.
 * @param options.withAttacks name the attacks it is about (in a toll, where several attacks are shown together)
 */
export function figureField(
  view: FigureView,
  strings: Strings,
  locale: Locale,
  sources: readonly Source[],
  options: { note?: string; withAttacks?: boolean } = {},
): APIEmbedField {
  const { figure, covers } = view;
  const together =
    covers.length > 1
      ? `\n${fill(strings.coversTogether, {
          n: covers.length,
          places: listOf(
            covers.map((incident) => inert(placeName(incident.place, strings))),
            locale,
          ),
        })}`
      : '';
  const header = `${statusMarker(figure, strings)}${together}${options.note ? `\n*${options.note}*` : ''}\n`;
  const [quote] = figure.quotes;
  const what = `${formatValue(figure.value, strings, locale)} ${strings.counts[figure.counts]}`;
  return {
    name: options.withAttacks && covers.length > 0 ? `${what} ${attacksText(covers, strings)}` : what,
    value: header + (quote ? quoteBlock(quote, strings, EmbedLimits.fieldValue - header.length, sources) : ''),
  };
}

/**
 * Something said without a number ("no official toll"), by whom, in the source's words.
 * @param withScope name what it is about (in a toll, where several attacks are shown together)
 */
export function statementField(
  view: StatementView,
  strings: Strings,
  sources: readonly Source[],
  withScope = false,
): APIEmbedField {
  const { statement } = view;
  const said = `${strings.statement[statement.kind]} (${localText(statement.saidBy.label, strings)})`;
  return {
    name: withScope ? `${said} ${statementScopeText(view, strings)}` : said,
    value: quoteBlock(statement.quote, strings, EmbedLimits.fieldValue, sources),
  };
}

export function sourcesFooter(sources: readonly Source[], strings: Strings, locale: Locale, reference: string): string {
  const label = sources.length === 1 ? strings.source : strings.sources;
  // A footer shows no markdown and makes no link: the address is there to be copied.
  const described = sources.map((source) =>
    [describeSource(source, strings, locale), source.url].filter((part) => part !== undefined).join(' '),
  );
  return `${label}${strings.colon} ${described.join('; ')} · ${reference}`;
}
