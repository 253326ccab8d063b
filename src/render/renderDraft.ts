import type { Problem } from '../dataset/problems.js';
import { formatProblem } from '../dataset/problems.js';
import type { Draft } from '../draft/draftSchema.js';
import { buildEmbed } from './embed.js';
import { type Locale, plural } from './locale.js';
import { Colour, type MessagePayload, payload } from './payload.js';
import { fill, stringsFor } from './strings.js';
import { inert } from './text.js';

const INCIDENTS_SHOWN = 15;
const PROBLEMS_SHOWN = 5;

/**
 * `/dataset draft`: what was drafted, whether it would merge, and the draft itself as an attached JSON file. Every
 * word from the article or its file name is made inert: an article is a stranger's text.
 */
export function renderDraft(
  draft: Draft,
  merge: { checked: false } | { checked: true; problems: readonly Problem[] },
  locale: Locale,
): MessagePayload {
  const strings = stringsFor(locale);
  const words = strings.draft;
  const counts = (['incidents', 'figures', 'statements'] as const)
    .map((kind) => plural(strings.countsOf[kind], draft[kind].length, locale))
    .join(', ');
  const notes =
    draft.review.length +
    [...draft.incidents, ...draft.figures, ...draft.statements].reduce((sum, record) => sum + record.review.length, 0);
  const incidents = draft.incidents
    .slice(0, INCIDENTS_SHOWN)
    .map((i) => `• \`${i.id}\` ${inert(i.place.name, 100)}, ${i.countryCode}, ${i.date.value}`)
    .join('\n');
  const mergeText = !merge.checked
    ? words.mergeUnchecked
    : merge.problems.length === 0
      ? words.mergeOk
      : [
          words.mergeProblems,
          ...merge.problems.slice(0, PROBLEMS_SHOWN).map((p) => `• ${inert(formatProblem(p), 300)}`),
        ].join('\n');
  const embed = buildEmbed(
    {
      title: fill(words.title, { file: inert(draft.draft.article, 150) }),
      description: [
        fill(words.text, { language: draft.draft.language, date: draft.source.date, counts }),
        plural(words.review, notes, locale),
      ].join('\n'),
      colour: merge.checked && merge.problems.length > 0 ? Colour.error : Colour.unconfirmed,
      fields: [
        { name: words.incidents, value: incidents || words.noIncident },
        { name: words.merge, value: `${mergeText}\n${words.notServed}` },
      ],
    },
    strings,
  );
  const data = new TextEncoder().encode(`${JSON.stringify(draft, null, 2)}\n`);
  const name = `draft-${draft.source.id}.json`.replace(/[^A-Za-z0-9._-]/g, '-');
  return payload([embed], { ephemeral: true, files: [{ name, data, description: words.fileDescription }] });
}

/** `/dataset draft` could not draft: the reason, in the reader's language. */
export function renderDraftFailed(why: 'fetch' | 'input', reason: string, locale: Locale): MessagePayload {
  const words = stringsFor(locale).draft;
  const description = fill(why === 'fetch' ? words.fetchFailed : words.badInput, { reason: inert(reason, 500) });
  return payload([buildEmbed({ title: words.failedTitle, description, colour: Colour.error }, stringsFor(locale))], {
    ephemeral: true,
  });
}
