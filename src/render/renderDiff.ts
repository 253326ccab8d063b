import type { APIEmbedField } from 'discord.js';
import { type DatasetDiff, DIFF_KINDS, hasChanges, type IdChanges } from '../runtime/datasetDiff.js';
import { EmbedLimits } from './embed.js';
import type { Locale } from './locale.js';
import type { Strings } from './strings.js';

const CHANGES = ['added', 'removed', 'changed'] as const;

/**
 * What a refresh changed, a field a kind of record that changed ("Figures (1 changed)", then "changed: `fig-…`"):
 * none when no record did, as a corrected figure must never read as "no change" beside unchanged incidents.
 */
export function diffFields(diff: DatasetDiff, strings: Strings, locale: Locale): APIEmbedField[] {
  const counts = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
  return DIFF_KINDS.filter((kind) => hasChanges(diff[kind])).map((kind) => {
    const changes = diff[kind];
    const present = CHANGES.filter((change) => changes[change].length > 0);
    const summary = present.map((change) => `${changes[change].length} ${strings.recordChanges[change]}`);
    // Each line gets an equal share of the field, so that a thousand additions leave room for the one change.
    const budget = Math.floor(EmbedLimits.fieldValue / present.length) - 1;
    return {
      name: `${strings.recordKinds[kind]} (${counts.format(summary)})`,
      value: present.map((change) => idLine(strings.recordChanges[change], changes, change, budget)).join('\n'),
    };
  });
}

/** "changed: `a`, `b` (+3)", within `budget` characters: ids are dataset ids, safe in code spans. */
function idLine(label: string, changes: IdChanges, change: keyof IdChanges, budget: number): string {
  const ids = changes[change];
  const more = (shown: number) => (shown < ids.length ? ` (+${ids.length - shown})` : '');
  let line = `${label}: `;
  let shown = 0;
  for (const id of ids) {
    const next = `${line}${shown === 0 ? '' : ', '}\`${id}\``;
    // Room is kept for the longest "(+n)" that could follow.
    if (next.length + more(0).length > budget) break;
    line = next;
    shown += 1;
  }
  return `${line}${more(shown)}`;
}
