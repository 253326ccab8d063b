import type { StatementView } from '../answers/answer.js';
import type { Incident } from '../dataset/schema.js';
import { listOf, plural } from './locale.js';
import { fill, type Strings } from './strings.js';
import { formatDateWithCaveat, inert } from './text.js';

/** Attacks named one by one; past this, "and 4 more attacks". */
const NAMED_ATTACKS = 3;

/**
 * Which attacks a figure or statement is about, so that no figure in a toll reads like a country's total:
 * "at Boulkessi (1 June 2025, inferred date)", "in the Tahoua region (24 May 2025) and in the Dosso region (26 May 2025)".
 */
export function attacksText(covers: readonly Incident[], strings: Strings, total = covers.length): string {
  const named = covers.slice(0, NAMED_ATTACKS).map((incident) =>
    fill(strings.placeOnDate, {
      place:
        incident.place.precision === 'admin_area'
          ? fill(strings.inRegion, { name: inert(incident.place.name) })
          : fill(strings.atPlace, { place: inert(incident.place.name) }),
      date: formatDateWithCaveat(incident.date, strings, strings.locale),
    }),
  );
  const rest = total - named.length;
  const items = rest > 0 ? [...named, plural(strings.moreAttacks, rest, strings.locale)] : named;
  return listOf(items, strings.locale);
}

/** What a statement is about: its attacks, or its countries as a whole. */
export function statementScopeText(view: StatementView, strings: Strings): string {
  if (view.covers.length > 0) return attacksText(view.covers, strings);
  const countries = view.countries.map((country) => inert(country.names[strings.locale]));
  return fill(strings.inCountries, { countries: listOf(countries, strings.locale) });
}
