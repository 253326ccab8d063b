import type { Draft } from './draftSchema.js';

/** A few lines for the console: what the draft holds and how much is left for the moderator to check. */
export function draftSummary(draft: Draft): string {
  const notes =
    draft.review.length +
    [...draft.incidents, ...draft.figures, ...draft.statements].reduce((n, r) => n + r.review.length, 0);
  const lines = [
    `Draft of ${draft.draft.article} (${draft.draft.language}, source ${draft.source.id}, dated ${draft.source.date}):`,
    `  ${draft.incidents.length} incidents, ${draft.figures.length} figures, ${draft.statements.length} statements; ${notes} review notes`,
    ...draft.incidents.map(
      (i) =>
        `  - ${i.id}: ${i.place.name}, ${i.countryCode}, ${i.date.value} (${i.date.derivation}), ${i.perpetrator.actorId ?? 'no perpetrator'} ${i.perpetrator.attribution}`,
    ),
  ];
  return lines.join('\n');
}
