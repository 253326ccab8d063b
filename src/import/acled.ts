import type { IncidentDate, LocalText } from '../dataset/schema.js';
import { slug } from './actors.js';
import type { CsvRow } from './csvRows.js';
import { addDays, monthOf, parseExportDate } from './dates.js';
import { count, importedIncident, namesIn, pointOf, type RowContext, type RowResult } from './rowResult.js';

/** Columns an ACLED export must have, in any layout, or the file is refused. */
export const ACLED_REQUIRED = ['event_id_cnty', 'event_date', 'fatalities', 'latitude', 'longitude'] as const;

const PLACE_PRECISION = { '1': 'place', '2': 'near_place', '3': 'admin_area' } as const;
const DATE_PRECISION = { '1': 'day', '2': 'week', '3': 'month' } as const;

/** Why the date is what it is, one text per time_precision code: shared by every row with that code. */
const DATE_BASIS: Record<keyof typeof DATE_PRECISION, LocalText> = {
  '1': {
    en: 'ACLED codes the day its sources give (time_precision 1).',
    nl: 'ACLED codeert de dag die zijn bronnen noemen (time_precision 1).',
    fr: 'ACLED code le jour donné par ses sources (time_precision 1).',
  },
  '2': {
    en: 'ACLED codes the middle of a week or a few days its sources give (time_precision 2): within three days of it.',
    nl: 'ACLED codeert het midden van een week of enkele dagen uit zijn bronnen (time_precision 2): binnen drie dagen ervan.',
    fr: "ACLED code le milieu d'une semaine ou de quelques jours donnés par ses sources (time_precision 2) : à trois jours près.",
  },
  '3': {
    en: 'ACLED knows only the month (time_precision 3).',
    nl: 'ACLED kent alleen de maand (time_precision 3).',
    fr: 'ACLED ne connaît que le mois (time_precision 3).',
  },
};

/** One ACLED row (current, 2019-2023 or pre-2019 Africa layout) as an incident whose source is the ACLED record. */
export function acledIncident(row: CsvRow, context: RowContext): RowResult {
  const v = row.values;
  const recordId = v.event_id_cnty ?? '';
  if (recordId === '') return { skipped: 'no event_id_cnty' };
  const day = parseExportDate(v.event_date ?? '');
  if (day === undefined) return { skipped: `event_date "${v.event_date}" is not a date in a known form` };
  if (v.year && v.year !== day.slice(0, 4)) return { skipped: `year ${v.year} does not match event_date ${day}` };
  const deaths = count(v.fatalities);
  if (deaths === undefined) return { skipped: `fatalities "${v.fatalities}" is not a whole number` };
  const timeCode = (v.time_precision || '1') as keyof typeof DATE_PRECISION;
  const datePrecision = DATE_PRECISION[timeCode];
  if (datePrecision === undefined) return { skipped: `time_precision "${v.time_precision}" is not 1, 2 or 3` };
  const geoCode = (v.geo_precision || '1') as keyof typeof PLACE_PRECISION;
  const placePrecision = PLACE_PRECISION[geoCode];
  if (placePrecision === undefined) return { skipped: `geo_precision "${v.geo_precision}" is not 1, 2 or 3` };
  const countryCode = context.countries.codeOf(v.iso ?? '', v.country ?? '');
  if (countryCode === undefined) return { skipped: `country "${v.country}" (iso "${v.iso}") is not known` };
  const placeName = v.location || v.admin3 || v.admin2 || v.admin1;
  if (!placeName) return { skipped: 'no location or admin area' };

  const period =
    datePrecision === 'day'
      ? { start: day, end: day }
      : datePrecision === 'week'
        ? { start: addDays(day, -3), end: addDays(day, 3) }
        : monthOf(day);
  const date: IncidentDate = {
    value: datePrecision === 'month' ? day.slice(0, 7) : day,
    precision: datePrecision,
    derivation: 'stated',
    basis: DATE_BASIS[timeCode],
  };
  const actorNames = [
    v.actor1,
    ...namesIn(v.assoc_actor_1 ?? v.ally_actor_1),
    v.actor2,
    ...namesIn(v.assoc_actor_2 ?? v.ally_actor_2),
  ].filter((name): name is string => name !== undefined && name !== '');
  for (const name of actorNames) context.actors.idOf(name);
  const adminArea = [v.admin2, v.admin1].filter(Boolean).join(', ');
  const location = pointOf(v.latitude, v.longitude, placePrecision, 'ACLED');

  return {
    incident: importedIncident({
      id: `acled-${slug(recordId)}`,
      placeName,
      adminArea,
      precision: placePrecision,
      location,
      countryCode,
      date,
      sourceId: context.sourceId,
      datasetRecord: {
        dataset: 'acled',
        recordId,
        ...(v.notes ? { summary: v.notes } : {}),
        sourceNames: namesIn(v.source),
        eventType: [v.event_type, v.sub_event_type].filter(Boolean).join(' / ') || 'unspecified',
        actors: actorNames,
        period,
        deaths: { kind: 'acled_estimate', number: deaths },
      },
    }),
  };
}
