import type { DatasetFile, Figure, Incident, Statement } from '../dataset/schema.js';
import { normaliseWhitespace } from '../dataset/sourceText.js';
import type { Draft } from './draftSchema.js';
import { sameAttack } from './mergeDraft.js';

/** How a draft compares with curated records of the same article, by kind of record and by field. */
export interface DraftScore {
  readonly kinds: Record<'incidents' | 'figures' | 'statements', KindScore>;
}

export interface KindScore {
  readonly drafted: number;
  readonly curated: number;
  readonly matched: number;
  readonly precision: number;
  readonly recall: number;
  /** Of the matched records, the share with each field right. */
  readonly fields: Record<string, number>;
}

type Checks<T, D> = Record<string, (drafted: D, curated: T) => boolean>;

/**
 * Scores a draft against the curated records of its article: an incident matches by place, country and date (as a
 * merge recognises it), a figure or statement by its quote (one contains the other) and what it is about.
 */
export function scoreDraft(
  draft: Draft,
  curated: Pick<DatasetFile, 'incidents' | 'figures' | 'statements'>,
): DraftScore {
  const incidentPairs = pairs(draft.incidents, curated.incidents, (a, b) => sameAttack(a, b));
  const idOf = new Map(incidentPairs.map(([drafted, known]) => [drafted.id, known.id]));
  const covered = (scope: Figure['scope'] | Statement['scope']) =>
    scope.kind === 'incidents'
      ? `incidents:${scope.incidentIds
          .map((id) => idOf.get(id) ?? id)
          .sort()
          .join(',')}`
      : `${scope.kind}:${[...scope.countryCodes].sort().join(',')}`;
  const quoted = (a: readonly { text: string }[], b: readonly { text: string }[]) =>
    a.some((x) => b.some((y) => overlaps(x.text, y.text)));

  const incidentChecks: Checks<Incident, Incident> = {
    place: (a, b) => a.place.name === b.place.name,
    country: (a, b) => a.countryCode === b.countryCode,
    adminArea: (a, b) => JSON.stringify(a.place.adminArea) === JSON.stringify(b.place.adminArea),
    date: (a, b) => a.date.value === b.date.value && a.date.precision === b.date.precision,
    derivation: (a, b) => a.date.derivation === b.date.derivation,
    target: (a, b) => a.target === b.target,
    perpetrator: (a, b) => a.perpetrator.actorId === b.perpetrator.actorId,
    attribution: (a, b) => a.perpetrator.attribution === b.perpetrator.attribution,
  };
  const figureChecks: Checks<Figure, Figure> = {
    value: (a, b) => valueNumbers(a) === valueNumbers(b),
    qualifier: (a, b) => a.value.qualifier === b.value.qualifier,
    counts: (a, b) => a.counts === b.counts,
    saidBy: (a, b) => a.saidBy.kind === b.saidBy.kind && (a.saidBy.actorId ?? null) === (b.saidBy.actorId ?? null),
    status: (a, b) => a.status === b.status,
    incidents: (a, b) => covered(a.scope) === covered(b.scope),
    quotes: (a, b) => a.quotes.length === b.quotes.length,
  };
  const statementChecks: Checks<Statement, Statement> = {
    kind: (a, b) => a.kind === b.kind,
    saidBy: (a, b) => a.saidBy.kind === b.saidBy.kind,
    scope: (a, b) => covered(a.scope) === covered(b.scope),
  };
  return {
    kinds: {
      incidents: kindScore(incidentPairs, draft.incidents.length, curated.incidents.length, incidentChecks),
      figures: kindScore(
        pairs(draft.figures, curated.figures, (a, b) => quoted(a.quotes, b.quotes) && a.counts === b.counts),
        draft.figures.length,
        curated.figures.length,
        figureChecks,
      ),
      statements: kindScore(
        pairs(draft.statements, curated.statements, (a, b) => quoted([a.quote], [b.quote]) && a.kind === b.kind),
        draft.statements.length,
        curated.statements.length,
        statementChecks,
      ),
    },
  };
}

/** One line a kind: "figures: precision 5/5, recall 5/5; value 5/5, …". */
export function formatScore(score: DraftScore): string {
  return Object.entries(score.kinds)
    .map(([kind, s]) => {
      const fields = Object.entries(s.fields)
        .map(([field, share]) => `${field} ${Math.round(share * s.matched)}/${s.matched}`)
        .join(', ');
      return `${kind}: precision ${s.matched}/${s.drafted}, recall ${s.matched}/${s.curated}; ${fields}`;
    })
    .join('\n');
}

function pairs<D, T>(drafted: readonly D[], curated: readonly T[], same: (a: D, b: T) => boolean): [D, T][] {
  const used = new Set<T>();
  const found: [D, T][] = [];
  for (const record of drafted) {
    const match = curated.find((known) => !used.has(known) && same(record, known));
    if (match === undefined) continue;
    used.add(match);
    found.push([record, match]);
  }
  return found;
}

function kindScore<D, T>(matched: [D, T][], drafted: number, curated: number, checks: Checks<T, D>): KindScore {
  const fields: Record<string, number> = {};
  for (const [field, check] of Object.entries(checks)) {
    fields[field] = matched.length === 0 ? 0 : matched.filter(([a, b]) => check(a, b)).length / matched.length;
  }
  return {
    drafted,
    curated,
    matched: matched.length,
    precision: drafted === 0 ? 1 : matched.length / drafted,
    recall: curated === 0 ? 1 : matched.length / curated,
    fields,
  };
}

function valueNumbers(figure: Figure): string {
  return figure.value.qualifier === 'range' ? `${figure.value.low}-${figure.value.high}` : String(figure.value.number);
}

function overlaps(a: string, b: string): boolean {
  const [x, y] = [normaliseWhitespace(a), normaliseWhitespace(b)];
  return x.includes(y) || y.includes(x);
}
