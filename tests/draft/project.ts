import type { Draft } from '../../src/draft/draftSchema.js';

/** The facts of a draft a reader checks, without the wording of labels, bases and review notes. */
export function project(draft: Draft) {
  return {
    source: { id: draft.source.id, language: draft.source.language, date: draft.source.date },
    incidents: draft.incidents.map((i) => ({
      id: i.id,
      place: i.place.name,
      nearby: i.place.nearby,
      precision: i.place.precision,
      country: i.countryCode,
      target: i.target,
      date: `${i.date.value} ${i.date.derivation}`,
      perpetrator: `${i.perpetrator.actorId ?? '-'} ${i.perpetrator.attribution}`,
      newPlace: i.review.some((note) => note.includes('not in the dataset')),
    })),
    figures: draft.figures.map((f) => ({
      counts: f.counts,
      value: f.value,
      saidBy: f.saidBy.kind,
      status: f.status,
      scope: f.scope.kind === 'incidents' ? f.scope.incidentIds : f.scope.countryCodes,
      quotes: f.quotes.map((q) => q.text),
    })),
    statements: draft.statements.map((s) => ({
      kind: s.kind,
      saidBy: s.saidBy.kind,
      scope: s.scope.kind === 'incidents' ? s.scope.incidentIds : s.scope.countryCodes,
      quote: s.quote.text,
    })),
  };
}
