import type { APIEmbed, APIEmbedField } from 'discord.js';
import type { CountryToll, RegionToll, TollTotal } from '../answers/answer.js';
import type { Source } from '../dataset/schema.js';
import { buildEmbed, EmbedLimits, fieldsWithRoom } from './embed.js';
import type { Locale } from './locale.js';
import { statusColour } from './markers.js';
import { Colour } from './payload.js';
import { figureField, sourcesFooter, statementField } from './renderIncident.js';
import { fill, type Strings } from './strings.js';
import { formatValue, inert } from './text.js';

export function renderCountryToll(
  toll: CountryToll,
  sources: readonly Source[],
  strings: Strings,
  locale: Locale,
): APIEmbed {
  const countryName = inert(toll.country.names[locale]);
  const footer = sourcesFooter(sources, strings, locale, toll.country.code);
  if (toll.incidents.length === 0) {
    return buildEmbed(
      {
        title: fill(strings.tollTitle, { country: toll.country.names[locale] }),
        description: `**${strings.noData}.** ${fill(strings.noDataCountry, { country: countryName })}`,
        colour: Colour.noData,
        footer,
      },
      strings,
    );
  }

  const figures = fieldsWithRoom(toll.figures, (view) => figureField(view, strings, locale, strings.role[view.role]));
  const statements = fieldsWithRoom(toll.statements, (statement) => statementField(statement, strings));
  const fields: APIEmbedField[] = [
    ...figures.fields,
    ...(toll.incidentsWithoutFigures.length > 0
      ? [
          {
            name: strings.withoutFigures,
            // More names than could fill a field are never joined.
            value: toll.incidentsWithoutFigures
              .slice(0, EmbedLimits.fieldValue)
              .map((i) => inert(i.place.name))
              .join(', '),
          },
        ]
      : []),
    ...statements.fields,
  ];
  return buildEmbed(
    {
      title: fill(strings.tollTitle, { country: toll.country.names[locale] }),
      description: [
        fill(strings.attacksInCountry, { n: toll.incidents.length }),
        ...totalLines(toll, strings, locale),
      ].join('\n'),
      colour: statusColour(toll.statuses, false),
      fields,
      fieldsLeftOut: figures.leftOut + statements.leftOut,
      footer,
    },
    strings,
  );
}

/** "more than 30 according to independent reports; JNIM claims 40 more": never one number for both. */
function totalLines(toll: CountryToll, strings: Strings, locale: Locale): string[] {
  if (toll.totals.length === 0) return [strings.noNumbers];
  const lines = toll.totals.flatMap((total) => totalLine(total, strings, locale));
  if (toll.totals.some((total) => total.reported && total.claimedOnly)) lines.push(strings.neverAdded);
  return lines;
}

function totalLine(total: TollTotal, strings: Strings, locale: Locale): string[] {
  const counts = strings.counts[total.counts];
  const claimants = total.claimants.map((text) => inert(text)).join(', ');
  if (!total.reported) {
    if (!total.claimedOnly) return [];
    return [fill(strings.onlyClaims, { counts, claimants, value: formatValue(total.claimedOnly, strings, locale) })];
  }
  const statuses = [
    ...new Set(total.reporters.map(({ status, label }) => `${strings.status[status].split(':')[0]}: ${inert(label)}`)),
  ].join('; ');
  const lines = [
    fill(strings.reportedTotal, { counts, value: formatValue(total.reported, strings, locale), statuses }),
  ];
  if (total.claimedOnly) {
    lines.push(fill(strings.claimedOnly, { claimants, value: formatValue(total.claimedOnly, strings, locale) }));
  }
  return lines;
}

export function renderRegionToll(
  toll: RegionToll,
  sources: readonly Source[],
  strings: Strings,
  locale: Locale,
): APIEmbed {
  const countryFields = toll.countries.map((country) => ({
    name: `${inert(country.country.names[locale])}: ${fill(strings.attacksInCountry, { n: country.incidents.length })}`,
    value:
      country.incidents.length === 0
        ? `${strings.noData}.`
        : [
            ...totalLines(country, strings, locale),
            ...country.statements.filter((s) => s.kind === 'no_official_toll').map((s) => strings.statement[s.kind]),
          ].join('\n'),
  }));
  const regionFields = toll.regionFigures.map((view) => {
    const scope = view.figure.scope;
    const note =
      scope.kind === 'region'
        ? fill(strings.regionNotSplit, {
            countries: toll.countries
              .filter((c) => scope.countryCodes.includes(c.country.code))
              .map((c) => c.country.names[locale])
              .join(', '),
            period: inert(scope.period),
          })
        : undefined;
    const field = figureField(view, strings, locale, note);
    return { ...field, name: `${strings.regionWide}: ${field.name}` };
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
