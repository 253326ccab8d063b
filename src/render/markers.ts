import type { Figure, Outcome } from '../dataset/schema.js';
import { Colour } from './payload.js';
import { fill, type Strings } from './strings.js';
import { localText } from './text.js';

/** "⚠️ unconfirmed: two security sources": every figure carries who says it and how far that goes. */
export function statusMarker(figure: Figure, strings: Strings): string {
  return fill(strings.status[figure.status], { who: localText(figure.saidBy.label, strings) });
}

/** Outcomes contradict when one side says the attackers won and another that the attack failed. */
export function outcomesDisputed(outcomes: readonly Outcome[]): boolean {
  const attackerWon = outcomes.some((o) => o.outcome === 'captured' || o.outcome === 'overrun');
  return attackerWon && outcomes.some((o) => o.outcome === 'repelled');
}

/** The most trustworthy figure decides the colour; a dispute or a claim alone lowers it. */
export function confidenceColour(figures: readonly Figure[], disputed: boolean): number {
  return statusColour(new Set(figures.map((figure) => figure.status)), disputed);
}

/** `confidenceColour` from the statuses of the figures. */
export function statusColour(statuses: ReadonlySet<Figure['status']>, disputed: boolean): number {
  if (statuses.has('confirmed') || statuses.has('official')) return Colour.confirmed;
  if (disputed || statuses.has('disputed')) return Colour.disputed;
  if (statuses.has('unconfirmed')) return Colour.unconfirmed;
  if (statuses.has('claimed_by_perpetrator')) return Colour.claimOnly;
  return Colour.noData;
}
