import type { APIEmbedField } from 'discord.js';
import type { IncidentReport } from '../answers/answer.js';
import type { OtherReport } from '../answers/sameAttack.js';
import type { DatasetRecord, Incident, Source } from '../dataset/schema.js';
import { EmbedLimits } from './embed.js';
import { formatNumber, type Locale } from './locale.js';
import { fill, type Strings } from './strings.js';
import { formatCalendarDate, formatValue, inert, placeName, plainLocalText, truncate } from './text.js';

const DATASET_NAMES: Record<DatasetRecord['dataset'], string> = { acled: 'ACLED', ucdp_ged: 'UCDP GED' };

/**
 * A conflict dataset's record, as what it is: the dataset's estimate (never a source's figure, ACLED's 0 never
 * "0 killed"), the dataset's own summary quoted as the dataset's words, the sources it names, and its coding.
 */
export function datasetRecordFields(record: DatasetRecord, strings: Strings, locale: Locale): APIEmbedField[] {
  const t = strings.datasetRecord;
  const dataset = DATASET_NAMES[record.dataset];
  const colon = strings.colon;
  const n = (x: number) => formatNumber(x, locale);
  const coding = [
    fill(t.period, {
      dataset,
      colon,
      start: formatCalendarDate(record.period.start, locale),
      end: formatCalendarDate(record.period.end, locale),
    }),
    fill(t.eventType, { dataset, colon, type: inert(record.eventType, 300) }),
    record.actors.length > 0 && fill(t.actors, { dataset, colon, names: inert(record.actors.join('; '), 400) }),
    record.sourceNames.length > 0
      ? fill(t.sourcesLine, { dataset, colon, names: inert(record.sourceNames.join('; '), 300) })
      : fill(t.noSourcesNamed, { dataset }),
    record.originalSource && fill(t.originalSource, { colon, who: inert(record.originalSource, 200) }),
  ]
    .filter(Boolean)
    .join('\n');

  const { deaths } = record;
  let estimate: APIEmbedField;
  if (deaths.kind === 'acled_estimate') {
    estimate =
      deaths.number === 0
        ? { name: t.acledNoneReported, value: `*${t.acledNoneReportedNote}*` }
        : { name: fill(t.acledEstimate, { n: n(deaths.number) }), value: `*${t.acledEstimateNote}*` };
  } else {
    const sides = deaths.bySide;
    const [sideA = '—', sideB = '—'] = record.actors.map((name) => inert(name, 80));
    estimate = {
      name: fill(t.ucdpBest, { best: n(deaths.best), low: n(deaths.low), high: n(deaths.high) }),
      value: [
        `*${t.ucdpBestNote}*`,
        sides &&
          fill(t.ucdpBySide, {
            colon,
            sideA,
            sideB,
            a: n(sides.sideA),
            b: n(sides.sideB),
            c: n(sides.civilians),
            u: n(sides.unknown),
          }),
      ]
        .filter(Boolean)
        .join('\n'),
    };
  }
  const words = record.summary ?? record.headline;
  const wordsTitle = record.summary
    ? fill(t.summaryTitle, { dataset, id: record.recordId })
    : fill(t.headlines, { dataset });
  return [
    estimate,
    ...(words
      ? [{ name: truncate(wordsTitle, EmbedLimits.fieldName), value: `> ${inert(words, EmbedLimits.fieldValue - 2)}` }]
      : []),
    { name: `${dataset} · ${inert(record.recordId, 60)}`, value: truncate(coding, EmbedLimits.fieldValue) },
  ];
}

/** The same attack in other sources, one line each, and which of them agree on the number killed. */
export function sameAttackFields(
  report: IncidentReport,
  sources: readonly Source[],
  strings: Strings,
  locale: Locale,
): APIEmbedField[] {
  const same = report.sameAttack;
  if (!same) return [];
  const t = strings.datasetRecord;
  const labels = [
    sourceLabel(report.incident, sources, strings),
    ...same.others.map((other) => sourceLabel(other.incident, other.sources, strings)),
  ];
  const lines = same.others.map((other) =>
    fill(t.otherReport, {
      colon: strings.colon,
      source: labels[same.others.indexOf(other) + 1] ?? '',
      summary: reportSummary(other, strings, locale),
    }),
  );
  const pairs = (list: readonly (readonly [number, number])[]) =>
    list.map(([a, b]) => `${labels[a]} / ${labels[b]}`).join('; ');
  const verdict = [
    same.agreeing.length > 0 && fill(t.agree, { colon: strings.colon, pairs: pairs(same.agreeing) }),
    same.differing.length > 0 && fill(t.differ, { colon: strings.colon, pairs: pairs(same.differing) }),
    `*${t.neverAdded}*`,
  ].filter(Boolean);
  return [{ name: t.sameAttackTitle, value: truncate([...lines, ...verdict].join('\n'), EmbedLimits.fieldValue) }];
}

/** How a report is named beside others: its dataset and record, or its source. Inert. */
function sourceLabel(incident: Incident, sources: readonly Source[], strings: Strings): string {
  const record = incident.datasetRecord;
  if (record) return `${DATASET_NAMES[record.dataset]} ${inert(record.recordId, 40)}`;
  const source = sources.find((candidate) => incident.sourceIds.includes(candidate.id));
  return source ? inert(truncate(plainLocalText(source.title, strings), 60), 80) : inert(incident.id, 60);
}

/** A report's number killed in one line: the dataset's estimate, or the report's first figure. */
function reportSummary(other: OtherReport, strings: Strings, locale: Locale): string {
  const t = strings.datasetRecord;
  const deaths = other.incident.datasetRecord?.deaths;
  const n = (x: number) => formatNumber(x, locale);
  const place = inert(placeName(other.incident.place, strings), 100);
  if (deaths?.kind === 'acled_estimate') {
    return `${place}, ${deaths.number === 0 ? t.acledNoneReported : fill(t.acledEstimate, { n: n(deaths.number) })}`;
  }
  if (deaths?.kind === 'ucdp_range') {
    return `${place}, ${fill(t.ucdpBest, { best: n(deaths.best), low: n(deaths.low), high: n(deaths.high) })}`;
  }
  const [first] = other.figures;
  if (!first) return `${place}, ${strings.noFigures}`;
  return `${place}, ${formatValue(first.figure.value, strings, locale)} ${strings.counts[first.figure.counts]} (${strings.status[first.figure.status]})`;
}
