import type { IncidentDate, LocalText } from '../dataset/schema.js';
import type { CsvRow } from './csvRows.js';
import { parseExportDate } from './dates.js';
import { count, importedIncident, namesIn, pointOf, type RowContext, type RowResult } from './rowResult.js';

/** Columns a UCDP GED export must have, in any release, or the file is refused. */
export const UCDP_REQUIRED = ['id', 'date_start', 'date_end', 'best', 'low', 'high', 'latitude', 'longitude'] as const;

/** where_prec 1..7; 6 (the country) and 7 (at sea) are no place to pin. */
const PLACE_PRECISION = {
  '1': 'place',
  '2': 'near_place',
  '3': 'admin_area',
  '4': 'admin_area',
  '5': 'admin_area',
  '6': 'admin_area',
  '7': 'admin_area',
} as const;

const DATE_PRECISION = { '1': 'day', '2': 'week', '3': 'week', '4': 'month', '5': 'month' } as const;

const DATE_BASIS: Record<keyof typeof DATE_PRECISION, LocalText> = {
  '1': {
    en: 'UCDP codes the exact day (date_prec 1).',
    nl: 'UCDP codeert de precieze dag (date_prec 1).',
    fr: 'UCDP code le jour exact (date_prec 1).',
  },
  '2': {
    en: 'UCDP knows a span of 2 to 6 days (date_prec 2): the first day is shown.',
    nl: 'UCDP kent een periode van 2 tot 6 dagen (date_prec 2): de eerste dag staat hier.',
    fr: 'UCDP connaît une période de 2 à 6 jours (date_prec 2) : le premier jour est indiqué.',
  },
  '3': {
    en: 'UCDP knows only the week (date_prec 3): its first day is shown.',
    nl: 'UCDP kent alleen de week (date_prec 3): de eerste dag staat hier.',
    fr: 'UCDP ne connaît que la semaine (date_prec 3) : son premier jour est indiqué.',
  },
  '4': {
    en: 'UCDP knows only the month (date_prec 4).',
    nl: 'UCDP kent alleen de maand (date_prec 4).',
    fr: 'UCDP ne connaît que le mois (date_prec 4).',
  },
  '5': {
    en: 'UCDP knows only the year (date_prec 5): the month shown is where its period starts.',
    nl: 'UCDP kent alleen het jaar (date_prec 5): de maand hier is waar de periode begint.',
    fr: "UCDP ne connaît que l'année (date_prec 5) : le mois indiqué est le début de sa période.",
  },
};

const VIOLENCE = { '1': 'State-based armed conflict', '2': 'Non-state conflict', '3': 'One-sided violence' } as const;

/** One UCDP GED row (releases 19.1 to 26.1, stable or Candidate) as an incident whose source is the UCDP record. */
export function ucdpIncident(row: CsvRow, context: RowContext): RowResult {
  const v = row.values;
  const recordId = v.id ?? '';
  if (!/^\d+$/.test(recordId)) return { skipped: `id "${recordId}" is not a UCDP event id` };
  const start = parseExportDate(v.date_start ?? '');
  const end = parseExportDate(v.date_end ?? '');
  if (start === undefined || end === undefined || end < start) {
    return { skipped: `date_start "${v.date_start}" / date_end "${v.date_end}" is not a period` };
  }
  const [best, low, high] = [count(v.best), count(v.low), count(v.high)];
  if (best === undefined || low === undefined || high === undefined) {
    return { skipped: `best/low/high "${v.best}/${v.low}/${v.high}" are not whole numbers` };
  }
  if (low > best || best > high) return { skipped: `best ${best} is not between low ${low} and high ${high}` };
  const dateCode = (v.date_prec || '1') as keyof typeof DATE_PRECISION;
  const datePrecision = DATE_PRECISION[dateCode];
  if (datePrecision === undefined) return { skipped: `date_prec "${v.date_prec}" is not 1 to 5` };
  const whereCode = (v.where_prec || '1') as keyof typeof PLACE_PRECISION;
  const placePrecision = PLACE_PRECISION[whereCode];
  if (placePrecision === undefined) return { skipped: `where_prec "${v.where_prec}" is not 1 to 7` };
  const countryCode = context.countries.codeOf('', v.country ?? '');
  if (countryCode === undefined) return { skipped: `country "${v.country}" is not known` };
  const placeName = v.where_coordinates || v.adm_2 || v.adm_1;
  if (!placeName) return { skipped: 'no where_coordinates or admin area' };

  const date: IncidentDate = {
    value: datePrecision === 'month' ? start.slice(0, 7) : start,
    precision: datePrecision,
    derivation: 'stated',
    basis: DATE_BASIS[dateCode],
  };
  const actorNames = [v.side_a, v.side_b].filter((name): name is string => name !== undefined && name !== '');
  for (const name of actorNames) if (name !== 'Civilians') context.actors.idOf(name);
  const adminArea = [v.adm_2, v.adm_1].filter(Boolean).join(', ');
  // A country centroid (6) or a point at sea (7) is no place: no pin.
  const location =
    whereCode === '6' || whereCode === '7' ? undefined : pointOf(v.latitude, v.longitude, placePrecision, 'UCDP GED');
  const violence = VIOLENCE[v.type_of_violence as keyof typeof VIOLENCE];

  return {
    incident: importedIncident({
      id: `ucdp-${recordId}`,
      placeName,
      adminArea,
      precision: placePrecision,
      location,
      countryCode,
      date,
      sourceId: context.sourceId,
      datasetRecord: {
        dataset: 'ucdp_ged',
        recordId,
        sourceNames: namesIn(v.source_office),
        ...(v.source_headline ? { headline: v.source_headline } : {}),
        ...(v.source_original ? { originalSource: v.source_original } : {}),
        eventType: [violence, v.dyad_name].filter(Boolean).join(': ') || 'unspecified',
        actors: actorNames,
        period: { start, end },
        deaths: {
          kind: 'ucdp_range',
          best,
          low,
          high,
          ...bySide(v),
        },
      },
    }),
  };
}

/** Deaths suffered by each side, only when the row gives all four: a missing one is not 0. */
function bySide(v: CsvRow['values']) {
  const [sideA, sideB, civilians, unknown] = [v.deaths_a, v.deaths_b, v.deaths_civilians, v.deaths_unknown].map(count);
  if (sideA === undefined || sideB === undefined || civilians === undefined || unknown === undefined) return {};
  return { bySide: { sideA, sideB, civilians, unknown } };
}
