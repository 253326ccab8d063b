import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { CountryToll, FigureView, RegionToll, Sample, TollTotal } from '../answers/answer.js';
import type { Incident, Source } from '../dataset/schema.js';
import { buildEmbed, fieldsWithRoom } from './embed.js';
import { type Locale, listOf, plural } from './locale.js';
import { statusColour, statusMarker } from './markers.js';
import { Colour } from './payload.js';
import { figureField, sourcesFooter, statementField } from './renderIncident.js';
import { attacksText } from './scope.js';
import { fill, type Strings } from './strings.js';
import { formatValue, inert, localText, placeName } from './text.js';

/** Reports listed one by one under a sum; past this, "and 4 more reports". */
const LISTED_REPORTS = 3;

export function renderCountryToll(
  toll: CountryToll,
  sources: readonly Source[],
  strings: Strings,
  locale: Locale,
): APIEmbed {
  const countryName = inert(toll.country.names[locale]);
  const title = fill(strings.tollTitle, { country: countryName });
  const footer = sourcesFooter(sources, strings, locale, toll.country.code);
  if (toll.incidents.total === 0) {
    return buildEmbed(
      {
        title,
        description: `**${strings.noData}.** ${fill(strings.noDataCountry, { country: countryName })}`,
        colour: Colour.noData,
        footer,
      },
      strings,
    );
  }

  const figures = fieldsWithRoom(toll.figures, (view) =>
    figureField(view, strings, locale, sources, { note: strings.role[view.role], withAttacks: true }),
  );
  const statements = fieldsWithRoom(toll.statements, (view) => statementField(view, strings, sources, true));
  const fields: APIEmbedField[] = [
    ...figures.fields,
    ...(toll.incidentsWithoutFigures.total > 0
      ? [
          {
            name: strings.withoutFigures,
            value: namesAndMore(toll.incidentsWithoutFigures, strings, locale),
          },
        ]
      : []),
    ...statements.fields,
  ];
  return buildEmbed(
    {
      title,
      description: [
        plural(strings.attacksInCountry, toll.incidents.total, locale),
        ...totalLines(toll, strings, locale),
      ].join('\n'),
      colour: statusColour(new Set(toll.statuses), false),
      fields,
      fieldsLeftOut: figures.leftOut + statements.leftOut,
      footer,
    },
    strings,
  );
}

/**
 * "more than 30 at Boulkessi (…) · ⚠️ unconfirmed: two security sources; JNIM claims 40 more, at Dioura (…)": every
 * number says which attacks it is about and who gives it, and a claim is never one number with a report.
 */
function totalLines(toll: CountryToll, strings: Strings, locale: Locale): string[] {
  if (toll.totals.length === 0) return [strings.noNumbers];
  const lines = toll.totals.flatMap((total) => totalLine(total, strings, locale));
  if (toll.totals.some((total) => total.reported && total.claimedOnly)) lines.push(strings.neverAdded);
  return lines;
}

function totalLine(total: TollTotal, strings: Strings, locale: Locale): string[] {
  const counts = strings.counts[total.counts];
  const claims = () => {
    const claimants = listOf(
      total.claimants.map((text) => localText(text, strings)),
      locale,
    );
    const value = total.claimedOnly ? formatValue(total.claimedOnly, strings, locale) : '';
    const scope = attacksText(total.claimedAttacks.first, strings, total.claimedAttacks.total);
    return { claimants, value, scope, counts };
  };
  if (!total.reported) {
    if (!total.claimedOnly) return [];
    return [fill(plural(strings.onlyClaims, total.claimants.length, locale), claims())];
  }
  const reportLine = (view: FigureView) => ({
    counts,
    value: formatValue(view.figure.value, strings, locale),
    scope: attacksText(view.covers, strings),
    who: statusMarker(view.figure, strings),
  });
  const [only] = total.reports.first;
  const lines =
    total.reports.total === 1 && only
      ? [fill(strings.reportedOne, reportLine(only))]
      : [
          fill(plural(strings.reportedSum, total.reports.total, locale), {
            counts,
            value: formatValue(total.reported, strings, locale),
          }),
          ...total.reports.first.slice(0, LISTED_REPORTS).map((view) => fill(strings.reportLine, reportLine(view))),
          ...(total.reports.total > LISTED_REPORTS
            ? [plural(strings.moreReports, total.reports.total - LISTED_REPORTS, locale)]
            : []),
        ];
  if (total.claimedOnly) lines.push(fill(plural(strings.claimedOnly, total.claimants.length, locale), claims()));
  return lines;
}

export function renderRegionToll(
  toll: RegionToll,
  sources: readonly Source[],
  strings: Strings,
  locale: Locale,
): APIEmbed {
  const countryFields = toll.countries.map((country) => ({
    name: `${inert(country.country.names[locale])}${strings.colon} ${plural(strings.attacksInCountry, country.incidents.total, locale)}`,
    value:
      country.incidents.total === 0
        ? `${strings.noData}.`
        : [
            ...totalLines(country, strings, locale),
            ...country.statements.first
              .filter((view) => view.statement.kind === 'no_official_toll')
              .map((view) => strings.statement[view.statement.kind]),
          ].join('\n'),
  }));
  const regionFields = toll.regionFigures.map((view) => {
    const scope = view.figure.scope;
    const note =
      scope.kind === 'region'
        ? fill(strings.regionNotSplit, {
            countries: listOf(
              toll.countries
                .filter((c) => scope.countryCodes.includes(c.country.code))
                .map((c) => inert(c.country.names[locale])),
              locale,
            ),
            period: localText(scope.period, strings),
          })
        : undefined;
    const field = figureField(view, strings, locale, sources, note === undefined ? {} : { note });
    return { ...field, name: `${strings.regionWide}${strings.colon} ${field.name}` };
  });
  return buildEmbed(
    {
      title: strings.regionTitle,
      colour: statusColour(
        new Set([
          ...toll.countries.flatMap((country) => [...country.statuses]),
          ...toll.regionFigures.map((view) => view.figure.status),
        ]),
        false,
      ),
      fields: [...countryFields, ...regionFields],
      footer: sourcesFooter(sources, strings, locale, 'region'),
    },
    strings,
  );
}

/** "Sirakorola, Dioura and 4,210 more attacks": the names a toll kept, and how many more there are. */
function namesAndMore(incidents: Sample<Incident>, strings: Strings, locale: Locale): string {
  const names = incidents.first.map((incident) => inert(placeName(incident.place, strings)));
  const rest = incidents.total - names.length;
  return listOf(rest > 0 ? [...names, plural(strings.moreAttacks, rest, locale)] : names, locale);
}
