import type { Country, Figure, LocalText, Quote, Speaker, Statement } from '../dataset/schema.js';
import { countryWords, findCountries } from './countries.js';
import { basisOf } from './dateBasis.js';
import { type DateMention, type DraftLanguage, findDates, firstWeekdayIn, referenceDay } from './dates.js';
import type { Draft, DraftFigure, DraftIncident, DraftStatement } from './draftSchema.js';
import { findFigures, findVagueCounts } from './figures.js';
import type { Known } from './known.js';
import { guessLanguage } from './language.js';
import { attributionIn, findActors, mentionsGroup, refersToGroup } from './perpetrators.js';
import { findPlaces, type PlaceMention } from './places.js';
import { periodOf } from './regions.js';
import { type Span, splitClauses, splitSentences } from './sentences.js';
import { findSpeaker, type SpeakerMention, speakerLabel, statusOf } from './speakers.js';
import { statementKindOf } from './statements.js';
import { targetOf } from './targets.js';
import { u } from './unicodeWords.js';
import { uniqueIds } from './uniqueIds.js';

export interface ArticleInput {
  /** The article file's text, exactly as read. */
  readonly fileText: string;
  /** The file's name: the source id is made from it. */
  readonly fileName: string;
  /** YYYY-MM or YYYY-MM-DD; else a leading " date YYYY-MM " marker in the file; else `today`, flagged. */
  readonly date?: string;
  readonly language?: DraftLanguage;
  readonly url?: string;
  readonly publisher?: string;
  /** The day the draft is made (YYYY-MM-DD): the article's date when nothing else gives one. */
  readonly today: string;
}

/** The whole-text problem a user can cause: a date that is not one. */
export class DraftInputError extends Error {}

// The words that make a sentence report an attack rather than mention a place.
const ATTACK = u(
  /aanval|attack|attaque|offensive|assault|raid|ambush|hinderlaag|embuscade|ingenomen|overrompel|overr[au]n|seized|captured|\btook\b|\bpris\b|aangevallen|attaqu|\bkill|omgekomen|omkwamen|\bkwamen\b.*\bom\b|\btués?\b|gedood|\bstormed|pris d'assaut|assailli/iu,
);
// A sentence that goes on about the attack just told: "daarbij", "there", "the base", "lors de cette attaque".
const SAME_ATTACK = u(
  /\b(?:daarbij|hierbij|daar|there|the attack|that attack|de aanval|die aanval|l'attaque|cette attaque|the base|de basis|la base|het kamp|the camp|le camp|the town|de stad|la ville|ook|also|aussi|the raid)\b/iu,
);
const DEFINITE = u(
  u(
    /\b(?:the base|de basis|la base|the camp|het kamp|le camp|the town|de stad|la ville|the village|het dorp|le village)\b/iu,
  ),
);
const SPEECH = u(
  /\b(?:verklaarde|meldde|zei|eiste|claimde|said|says|announced|claimed|reported|stated|a déclaré|a affirmé|a annoncé|a revendiqué|affirmait|déclarait|annonçait|revendiquait)\b/iu,
);
const ADMIN_AREA = u(
  /\b(?:in (?:het )?)?(centraal|noordelijk|zuidelijk|oostelijk|westelijk|central|northern|southern|eastern|western|north-eastern|north-western|south-eastern|south-western|het (?:noorden|zuiden|oosten|westen|zuidwesten|noordwesten|zuidoosten|noordoosten) van|le (?:centre|nord|sud|est|ouest|nord-est|nord-ouest|sud-est|sud-ouest) du|le centre du) (\p{Lu}[\p{L} ]*?)(?=[,.;]|\s+(?:nabij|near|près|had|a|op|on|le|in|en|et|and)\b|$)/u,
);

interface Working {
  readonly incident: DraftIncident;
  /** Where the quote of the claim stands: an earlier sentence can name the group without the claim. */
  claimWithoutActor?: { quote: Quote; attribution: 'claimed' | 'alleged' } | undefined;
  placeless: boolean;
}

/** Drafts the records of one article: every quote a slice of its text, every uncertain choice a review note. */
export function draftArticle(input: ArticleInput, known: Known): Draft {
  const header = input.fileText.match(/^\s*date (\d{4}-\d{2}(?:-\d{2})?)\s/)?.[0] ?? '';
  const markedDate = header.match(/\d{4}-\d{2}(?:-\d{2})?/)?.[0];
  const body = input.fileText.slice(header.length);
  const draftReview: string[] = [];
  const articleDate = input.date ?? markedDate ?? input.today;
  if (!/^\d{4}-\d{2}(-\d{2})?$/.test(articleDate) || Number.isNaN(Date.parse(`${articleDate.slice(0, 7)}-01`))) {
    throw new DraftInputError(`"${articleDate}" is not a date (YYYY-MM-DD or YYYY-MM)`);
  }
  if (!input.date && !markedDate) {
    draftReview.push(
      `The article gives no date: ${input.today}, the day of the draft, stands in for it. Set the source's date.`,
    );
  }
  const language = input.language ?? guessLanguage(body);
  if (!input.language) draftReview.push(`The language "${language}" was guessed from the text.`);
  const reference = referenceDay(articleDate, firstWeekdayIn(body, language));
  if (reference.assumed) {
    draftReview.push(
      `The article is dated ${articleDate} without a day: relative dates are worked out as if it was published on ${reference.day}.`,
    );
  }
  const sourceId = sourceIdOf(input.fileName, articleDate, language);
  const quoteOf = (span: Span): Quote => ({ sourceId, text: span.text });

  const countriesUsed = new Set<string>();
  const working: Working[] = [];
  const figures: DraftFigure[] = [];
  const statements: DraftStatement[] = [];
  let current: Working[] = [];
  let lastActor: string | undefined;
  let lastOfficial: { kind: 'army' | 'government'; countryCode?: string } | undefined;
  let lastCountry: string | undefined;

  let provisional = 0;
  const actorName = (id: string | undefined) => known.actors.find((actor) => actor.id === id)?.name;

  for (const sentence of splitSentences(body)) {
    const text = sentence.text;
    const actors = findActors(text, known.actors);
    const countries = findCountries(text, known.countries);
    const places = findPlaces(text, known.places).filter(
      (place) =>
        !actors.some(
          (actor) => place.index < actor.index + actor.words.length && actor.index < place.index + place.words.length,
        ),
    );
    // "Inekar, near Ménaka": Ménaka is beside the attack, not a second one.
    const besides = places.filter(
      (place, p) =>
        place.near && p > 0 && !places[p - 1]?.speakerPlace && place.index - (places[p - 1]?.index ?? 0) < 40,
    );
    const attackPlaces = places.filter((place) => !place.speakerPlace && !besides.includes(place));
    const dates = findDates(text, reference.day, language);
    const attribution = attributionIn(text);
    const target = targetOf(text);
    const named = countries.filter((country) => !country.adjective);
    const reportsAttack = ATTACK.test(text) && (attribution !== undefined || target !== undefined || dates.length > 0);
    const aggregate = named.length >= 2 && attackPlaces.length === 0;
    const created: Working[] = [];

    if (attackPlaces.length > 0 && (ATTACK.test(text) || attribution !== undefined)) {
      const open = current.find((work) => work.placeless);
      for (const [p, place] of attackPlaces.entries()) {
        const next = attackPlaces[p + 1]?.index ?? text.length;
        const countryCode =
          place.known?.countryCode ??
          countries.find((c) => c.index > place.index && c.index < next && !c.adjective)?.code ??
          (named.length === 1 ? named[0]?.code : undefined) ??
          countries[0]?.code ??
          open?.incident.countryCode ??
          lastCountry;
        const date = dateFor(dates, place, next, text);
        if (open && p === 0 && (DEFINITE.test(text) || open.incident.countryCode === countryCode)) {
          fillPlace(open, place, text);
          if (!open.incident.date.basis || open.incident.date.derivation === 'inferred') {
            // The date of the placeless report stands: a claim's date in this sentence is later or the same.
          }
          created.push(open);
          continue;
        }
        if (!countryCode) {
          draftReview.push(
            `"${place.words}" sounds like the place of an attack, but no country was found for it: left out.`,
          );
          continue;
        }
        const work = newIncident(place, countryCode, date, target, sentence);
        const twin = working.find(
          (w) =>
            w.incident.place.name === work.incident.place.name && w.incident.date.value === work.incident.date.value,
        );
        if (twin) {
          created.push(twin);
          continue;
        }
        working.push(work);
        created.push(work);
      }
    } else if (reportsAttack && !aggregate && named.length === 1 && !SAME_ATTACK.test(text)) {
      const countryCode = named[0]?.code as string;
      const place: PlaceMention = {
        name: nameOf(countryCode),
        words: named[0]?.words ?? '',
        index: named[0]?.index ?? 0,
        region: true,
        speakerPlace: false,
      };
      const work = newIncident(place, countryCode, dateFor(dates, place, text.length, text), target, sentence);
      work.placeless = true;
      working.push(work);
      created.push(work);
    }

    // Who did it: a group that claims it, one that others blame, or nobody named.
    const attributed = created.length > 0 ? created : attribution && SAME_ATTACK.test(text) ? current : [];
    for (const work of attributed) {
      const pending = work.claimWithoutActor;
      if (pending) {
        const actorId = actors[0]?.actorId ?? (refersToGroup(text) ? lastActor : undefined);
        if (!actorId) continue;
        work.incident.perpetrator = { actorId, attribution: pending.attribution, quote: pending.quote };
        work.claimWithoutActor = undefined;
        work.incident.review = work.incident.review.filter((note) => !note.startsWith('A group'));
        work.incident.review.push(
          `The claim ("${pending.quote.text.slice(0, 50)}…") names no group; ${actorName(actorId)} is taken from "${text.slice(0, 50)}…".`,
        );
        continue;
      }
      if (attribution === undefined || work.incident.perpetrator.attribution !== 'not_stated') continue;
      const actorId = actors[0]?.actorId ?? (refersToGroup(text) ? lastActor : undefined);
      if (actorId) {
        work.incident.perpetrator = { actorId, attribution, quote: quoteOf(sentence) };
        if (!actors[0]) {
          work.incident.review.push(
            `"${text.slice(0, 50)}…" names no group: ${actorName(actorId)}, named before, is taken.`,
          );
        }
      } else if (mentionsGroup(text)) {
        work.claimWithoutActor = { quote: quoteOf(sentence), attribution };
        work.incident.review.push(`A group ${attribution} it without being named: no perpetrator until one is.`);
      } else {
        work.incident.review.push(
          `"${text.slice(0, 70)}…" ties it to a group the dataset does not know: perpetrator left "not_stated"; add the group to the actors and set it if it is one.`,
        );
      }
    }
    if (actors[0]) lastActor = actors[0].actorId;
    if (created.length > 0) {
      current = created;
      lastCountry = created[0]?.incident.countryCode ?? lastCountry;
    } else if (!SAME_ATTACK.test(text) && attackPlaces.length === 0 && named.length > 0 && !aggregate) {
      // Another country and no place: what follows is no longer about the last attack.
      if (!current.some((work) => named.some((c) => c.code === work.incident.countryCode))) current = [];
    }
    for (const place of places.filter((p) => p.speakerPlace || besides.includes(p))) {
      for (const work of current)
        if (!work.incident.place.nearby.includes(place.name)) work.incident.place.nearby.push(place.name);
    }

    for (const clause of splitClauses(sentence)) {
      const said = findSpeaker(clause.text) ?? findSpeaker(text);
      const clauseActors = findActors(clause.text, known.actors);
      const speaker = resolveSpeaker(said, clause, clauseActors[0]?.actorId);
      if (speaker && (speaker.saidBy.kind === 'army' || speaker.saidBy.kind === 'government') && !speaker.borrowed) {
        lastOfficial = {
          kind: speaker.saidBy.kind,
          ...(speaker.saidBy.countryCode ? { countryCode: speaker.saidBy.countryCode } : {}),
        };
      }
      const clauseCountries = findCountries(clause.text, known.countries).filter((c) => !c.adjective);
      const regionWide = clauseCountries.length >= 2 && attackPlaces.length === 0;

      for (const found of findFigures(clause.text)) {
        const scope = figureScope(
          regionWide,
          clauseCountries.map((c) => c.code),
          clause.text,
        );
        if (!scope) {
          draftReview.push(
            `"${clause.text}" gives a figure (${found.words}) for no attack the drafter could place: left out.`,
          );
          continue;
        }
        const who = speaker ?? unattributed(clause.text);
        const figure: DraftFigure = {
          id: '',
          counts: found.counts,
          value: found.value,
          saidBy: who.saidBy,
          status: statusOf(who.saidBy.kind),
          scope: scope.scope,
          quotes: [quoteOf(clause)],
          review: [...who.review, ...scope.review],
        };
        addFigure(figure);
      }
      for (const vague of findVagueCounts(clause.text)) {
        if (vague.counts === 'wounded') {
          const note = `"${vague.words}" wounded (in "${clause.text.slice(0, 60)}…") is kept as words: no figure.`;
          if (current[0]) current[0].incident.review.push(note);
          else draftReview.push(note);
          continue;
        }
        const scope = statementScope(
          clause.text,
          clauseCountries.map((c) => c.code),
          'many_dead',
          created.length > 0,
        );
        if (!scope) continue;
        const who = speaker ?? unattributed(clause.text);
        statements.push({
          id: '',
          kind: 'many_dead',
          saidBy: who.saidBy,
          scope,
          quote: quoteOf(clause),
          review: [
            ...who.review,
            `"${vague.words}" is kept as words, never a number: add a figure only if the article gives one.`,
          ],
        });
      }
      const kind = statementKindOf(clause.text);
      if (kind) {
        const scope = statementScope(
          clause.text,
          clauseCountries.map((c) => c.code),
          kind,
          created.length > 0,
        );
        if (!scope) {
          draftReview.push(
            `"${clause.text}" says something about casualties, for no attack or country found: left out.`,
          );
          continue;
        }
        const who =
          kind === 'no_official_toll' && scope.kind === 'countries'
            ? {
                saidBy: {
                  kind: 'government' as const,
                  label: speakerLabel('government', { countryCodes: scope.countryCodes }),
                },
                review: ['Read as the governments of the countries named.'],
              }
            : (speaker ?? unattributed(clause.text));
        statements.push({ id: '', kind, saidBy: who.saidBy, scope, quote: quoteOf(clause), review: [...who.review] });
      }
    }
    if (countries[0] && !aggregate) lastCountry = (countries.find((c) => !c.adjective) ?? countries[0]).code;
  }

  function figureScope(
    regionWide: boolean,
    codes: string[],
    clause: string,
  ): { scope: Figure['scope']; review: string[] } | undefined {
    if (regionWide) {
      const period = periodOf(clause, Number(articleDate.slice(0, 4)));
      for (const code of codes) countriesUsed.add(code);
      return {
        scope: {
          kind: 'region',
          countryCodes: [...new Set(codes)],
          period: period?.text ?? {
            en: `up to ${articleDate}`,
            nl: `tot ${articleDate}`,
            fr: `jusqu'à ${articleDate}`,
          },
        },
        review: [
          'One figure over several countries: kept as a region figure, never split.',
          ...(period ? [] : ['The text gives no period: the article date stands in.']),
        ],
      };
    }
    if (current.length === 0) return undefined;
    return {
      scope: { kind: 'incidents', incidentIds: current.map((work) => work.incident.id) },
      review: current.length > 1 ? ['One figure for several attacks together: never split between them.'] : [],
    };
  }

  /** About the attacks of this sentence, else the ones just told, unless the clause names countries on its own. */
  function statementScope(
    clause: string,
    codes: string[],
    kind: Statement['kind'],
    createdNow: boolean,
  ): Statement['scope'] | undefined {
    const countryWide = kind === 'no_official_toll' || !createdNow;
    if (
      codes.length > 0 &&
      countryWide &&
      (current.length === 0 || !SAME_ATTACK.test(clause) || kind === 'no_official_toll')
    ) {
      for (const code of codes) countriesUsed.add(code);
      return { kind: 'countries', countryCodes: [...new Set(codes)] };
    }
    if (current.length > 0) return { kind: 'incidents', incidentIds: current.map((work) => work.incident.id) };
    return undefined;
  }

  function resolveSpeaker(
    said: SpeakerMention | undefined,
    clause: Span,
    actorId: string | undefined,
  ): { saidBy: Speaker; review: string[]; borrowed?: boolean } | undefined {
    const incidentCountry = current[0]?.incident.countryCode;
    const inClause = findCountries(clause.text, known.countries);
    const adjectiveCountry = (inClause.find((c) => c.adjective) ?? (inClause.length === 1 ? inClause[0] : undefined))
      ?.code;
    if (
      actorId &&
      SPEECH.test(clause.text) &&
      (!said || said.kind === 'group' || said.kind === 'unattributed' || said.kind === 'sources')
    ) {
      return {
        saidBy: { kind: 'perpetrator', label: speakerLabel('perpetrator', { actorName: actorName(actorId) }), actorId },
        review: [],
      };
    }
    if (!said) return undefined;
    switch (said.kind) {
      case 'group': {
        if (!lastActor)
          return {
            saidBy: { kind: 'unattributed', label: speakerLabel('unattributed', {}) },
            review: [`"${said.words}": no group named before it.`],
          };
        return {
          saidBy: {
            kind: 'perpetrator',
            label: speakerLabel('perpetrator', { actorName: actorName(lastActor) }),
            actorId: lastActor,
          },
          review: [`"${said.words}" is read as ${actorName(lastActor)}, the group named before.`],
        };
      }
      case 'spokesperson': {
        const kind = lastOfficial?.kind ?? 'army';
        const countryCode = lastOfficial?.countryCode ?? adjectiveCountry ?? incidentCountry;
        return {
          saidBy: {
            kind,
            label: speakerLabel(kind, {
              countryCodes: countryCode ? [countryCode] : [],
              spokesperson: kind === 'army',
            }),
            ...(countryCode ? { countryCode } : {}),
          },
          review: [
            `"${said.words}" does not say for whom: read as speaking for ${kind === 'army' ? 'the army' : 'the government'}, the last official speaker.`,
          ],
          borrowed: true,
        };
      }
      case 'sources':
        return {
          saidBy: {
            kind: 'unattributed',
            label: {
              en: `sources ("${said.words}")`,
              nl: `bronnen ("${said.words}")`,
              fr: `des sources (« ${said.words} »)`,
            },
          },
          review: [`"${said.words}": sources of an unknown kind.`],
        };
      case 'unattributed':
        return {
          saidBy: { kind: 'unattributed', label: speakerLabel('unattributed', { words: said.words }) },
          review: [`"${said.words}": nobody is named.`],
        };
      case 'army':
      case 'government': {
        const countryCode = adjectiveCountry ?? incidentCountry;
        return {
          saidBy: {
            kind: said.kind,
            label: speakerLabel(said.kind, { countryCodes: countryCode ? [countryCode] : [] }),
            ...(countryCode ? { countryCode } : {}),
          },
          review: adjectiveCountry
            ? []
            : [`Whose ${said.kind}? Read as ${countryCode ?? 'unknown'}, the country of the attack.`],
        };
      }
      case 'local_source': {
        const place = findPlaces(clause.text, known.places).find((p) => p.speakerPlace)?.name;
        return {
          saidBy: {
            kind: 'local_source',
            label: speakerLabel('local_source', { municipal: said.municipal, ...(place ? { place } : {}) }),
          },
          review: [],
        };
      }
      default:
        return { saidBy: { kind: said.kind, label: speakerLabel(said.kind, { two: said.two }) }, review: [] };
    }
  }

  function addFigure(figure: DraftFigure) {
    const same = figures.find(
      (other) =>
        other.counts === figure.counts &&
        JSON.stringify(other.value) === JSON.stringify(figure.value) &&
        JSON.stringify(other.scope) === JSON.stringify(figure.scope) &&
        (other.saidBy.kind === figure.saidBy.kind ||
          other.saidBy.kind === 'unattributed' ||
          figure.saidBy.kind === 'unattributed'),
    );
    if (!same) {
      figures.push(figure);
      return;
    }
    // Two sentences give the same number for the same attack: one report, the better-named speaker first.
    if (same.saidBy.kind === 'unattributed' && figure.saidBy.kind !== 'unattributed') {
      same.saidBy = figure.saidBy;
      same.status = figure.status;
      same.quotes.unshift(...figure.quotes);
      same.review = [...figure.review];
    } else {
      same.quotes.push(...figure.quotes);
    }
    same.review.push(
      'Two sentences give this figure: kept as one report with both quotes. Check they are the same report.',
    );
  }

  function newIncident(
    place: PlaceMention,
    countryCode: string,
    date: { mention: DateMention | undefined; claim: boolean },
    target: DraftIncident['target'] | undefined,
    sentence: Span,
  ): Working {
    countriesUsed.add(countryCode);
    const review: string[] = [];
    const dated = incidentDate(date, review);
    if (!place.known && place.words !== '' && !countryWords(countryCode)?.country.names.en.includes(place.name)) {
      review.push(`"${place.name}" is not in the dataset's gazetteer: a new place. Check its spelling and country.`);
    }
    if (!target) review.push('The text names no target: "unspecified".');
    const adminArea = place.known ? place.known.adminArea : place.region ? null : adminAreaIn(sentence.text);
    const incident: DraftIncident = {
      id: `draft-incident-${++provisional}`,
      place: {
        name: placeName(place),
        aliases: placeAliases(place),
        nearby: [],
        adminArea,
        precision: place.region ? 'admin_area' : 'place',
        nearbyLocations: [],
      },
      countryCode,
      target: target ?? 'unspecified',
      date: dated,
      perpetrator: { actorId: null, attribution: 'not_stated' },
      outcomes: [],
      sourceIds: [sourceId],
      review,
    };
    return { incident, placeless: false };
  }

  function fillPlace(work: Working, place: PlaceMention, text: string) {
    work.placeless = false;
    const { incident } = work;
    incident.place = {
      name: placeName(place),
      aliases: placeAliases(place),
      nearby: incident.place.nearby,
      adminArea: place.known ? place.known.adminArea : place.region ? null : adminAreaIn(text),
      precision: place.region ? 'admin_area' : 'place',
      nearbyLocations: [],
    };
    incident.review = incident.review.filter((note) => !note.startsWith('No place'));
    if (!place.known)
      incident.review.push(
        `"${place.name}" is not in the dataset's gazetteer: a new place. Check its spelling and country.`,
      );
    incident.review.push(`The place comes from a later sentence ("${text.slice(0, 60)}…"), read as the same attack.`);
  }

  function incidentDate(
    date: { mention: DateMention | undefined; claim: boolean },
    review: string[],
  ): DraftIncident['date'] {
    const { mention, claim } = date;
    if (!mention) {
      review.push("The text gives no date for it: the article's month stands in. Check it.");
      return {
        value: articleDate.slice(0, 7),
        precision: 'month',
        derivation: 'inferred',
        basis: basisOf({ kind: 'none', articleDate }),
      };
    }
    if (mention.relative) {
      review.push(
        `"${mention.words}" was worked out against ${reference.day}${reference.assumed ? ' (an assumed day of publication)' : ''}.`,
      );
      if (claim) review.push(`"${mention.words}" may date the claim rather than the attack.`);
      return {
        value: mention.value,
        precision: 'day',
        derivation: 'inferred',
        basis: basisOf({
          kind: 'relative',
          words: mention.words,
          value: mention.value,
          reference: reference.day,
          claim,
        }),
      };
    }
    if (claim) {
      review.push(`"${mention.words}" dates the claim; the attack was on or before it.`);
      return {
        value: mention.value,
        precision: mention.precision,
        derivation: 'claim_date',
        basis: basisOf({ kind: 'claim', words: mention.words }),
      };
    }
    return {
      value: mention.value,
      precision: mention.precision,
      derivation: 'stated',
      basis: basisOf({ kind: 'stated', words: mention.words, month: mention.precision === 'month' }),
    };
  }

  function unattributed(text: string): { saidBy: Speaker; review: string[] } {
    return {
      saidBy: { kind: 'unattributed', label: speakerLabel('unattributed', {}) },
      review: [`Nobody is named as saying "${text.slice(0, 60)}…".`],
    };
  }

  // Ids from the records' own facts, unique within the draft.
  const incidents: DraftIncident[] = [];
  const unique = uniqueIds(new Set<string>());
  const renamed = new Map<string, string>();
  const slugs = new Map<string, string>();
  for (const work of working) {
    if (work.placeless)
      work.incident.review.unshift('No place is named: the country stands in. Add the place or drop the incident.');
    const slug = slugOf(work.incident.place.name.replace(/\s+(region|regio|région)$/i, ''));
    const id = unique(`${work.incident.countryCode.toLowerCase()}-${slug}-${work.incident.date.value}`);
    renamed.set(work.incident.id, id);
    slugs.set(id, slug);
    incidents.push({ ...work.incident, id });
  }
  const idOf = (old: string) => renamed.get(old) ?? old;
  const placeOf = (scope: Figure['scope'] | Statement['scope']) =>
    scope.kind === 'incidents' ? (slugs.get(scope.incidentIds[0] ?? '') ?? 'x') : 'region';
  for (const figure of figures) {
    if (figure.scope.kind === 'incidents')
      figure.scope = { kind: 'incidents', incidentIds: figure.scope.incidentIds.map(idOf) };
    figure.id = unique(
      `fig-${placeOf(figure.scope)}-${figure.counts.replace('_', '-')}-${figure.saidBy.kind.replace('_', '-')}`,
    );
  }
  for (const statement of statements) {
    if (statement.scope.kind === 'incidents')
      statement.scope = { kind: 'incidents', incidentIds: statement.scope.incidentIds.map(idOf) };
    const where =
      statement.scope.kind === 'countries'
        ? statement.scope.countryCodes.join('-').toLowerCase()
        : placeOf(statement.scope);
    statement.id = unique(`st-${where}-${statement.kind.replace(/_/g, '-')}`);
  }

  const countries: Country[] = [...countriesUsed].flatMap((code) => {
    const words = countryWords(code);
    return words ? [words.country] : [];
  });
  const monthOnly = articleDate.length === 7;
  return {
    draft: {
      format: 'sahel-attack-bot draft',
      version: 1,
      article: input.fileName,
      language,
      referenceDay: reference.day,
    },
    source: {
      id: sourceId,
      file: `sources/${sourceId}.txt`,
      header,
      language,
      date: articleDate,
      datePrecision: monthOnly ? 'month' : 'day',
      ...(monthOnly ? {} : { published: articleDate }),
      // The copy was taken today, unless "today" is before the article (a test's fixed day): then it is left out.
      ...(input.today >= articleDate ? { accessed: input.today } : {}),
      publisher: input.publisher ?? null,
      ...(input.url ? { url: input.url } : {}),
      title: sourceTitle(language, input.publisher, articleDate),
      description: { en: `Drafted from ${input.fileName}: describe the article before merging.` },
    },
    text: input.fileText,
    countries,
    incidents: incidents.map(({ id, ...rest }) => ({
      id,
      ...rest,
      place: { ...rest.place, nearby: [...rest.place.nearby] },
    })),
    figures,
    statements,
    review: draftReview,
  };
}

/** A date for a place: the first date after it and before the next place, else the sentence's first. */
function dateFor(
  dates: readonly DateMention[],
  place: PlaceMention,
  next: number,
  text: string,
): { mention: DateMention | undefined; claim: boolean } {
  const after = dates.find((d) => d.index > place.index && d.index < next);
  const mention = after ?? dates[0];
  if (!mention) return { mention: undefined, claim: false };
  const around = text.slice(Math.max(0, mention.index - 20), mention.index + mention.words.length + 25);
  return {
    mention,
    claim: SPEECH.test(around) && !ATTACK.test(text.slice(mention.index, mention.index + mention.words.length + 12)),
  };
}

// The area a place lies in, in the dataset's three languages: "central Mali", "centraal Mali", "centre du Mali".
const DIRECTIONS: Record<string, { en: string; nl: string; fr: string }> = {
  central: { en: 'central', nl: 'centraal', fr: 'centre' },
  northern: { en: 'northern', nl: 'noord', fr: 'nord' },
  southern: { en: 'southern', nl: 'zuid', fr: 'sud' },
  eastern: { en: 'eastern', nl: 'oost', fr: 'est' },
  western: { en: 'western', nl: 'west', fr: 'ouest' },
  'south-western': { en: 'south-western', nl: 'zuidwest', fr: 'sud-ouest' },
  'north-western': { en: 'north-western', nl: 'noordwest', fr: 'nord-ouest' },
  'south-eastern': { en: 'south-eastern', nl: 'zuidoost', fr: 'sud-est' },
  'north-eastern': { en: 'north-eastern', nl: 'noordoost', fr: 'nord-est' },
};
const DIRECTION_WORDS: Record<string, string> = {
  centraal: 'central',
  noordelijk: 'northern',
  zuidelijk: 'southern',
  oostelijk: 'eastern',
  westelijk: 'western',
  noorden: 'northern',
  zuiden: 'southern',
  oosten: 'eastern',
  westen: 'western',
  zuidwesten: 'south-western',
  noordwesten: 'north-western',
  zuidoosten: 'south-eastern',
  noordoosten: 'north-eastern',
  centre: 'central',
  nord: 'northern',
  sud: 'southern',
  est: 'eastern',
  ouest: 'western',
  'nord-est': 'north-eastern',
  'nord-ouest': 'north-western',
  'sud-est': 'south-eastern',
  'sud-ouest': 'south-western',
};

function adminAreaIn(text: string): LocalText | null {
  const match = text.match(ADMIN_AREA);
  if (!match) return null;
  const word = (match[1] ?? '').replace(/^(?:het|le)\s+/, '').replace(/\s+(?:van|du)$/, '');
  const direction = DIRECTIONS[DIRECTION_WORDS[word] ?? word];
  const country = findCountries(match[2] ?? '')[0];
  const names = country ? countryWords(country.code)?.country.names : undefined;
  if (!direction || !names) return `${word} ${(match[2] ?? '').trim()}`;
  const dutch = direction.nl === 'centraal' ? `centraal ${names.nl}` : `${direction.nl}-${names.nl}`;
  return { en: `${direction.en} ${names.en}`, nl: dutch, fr: `${direction.fr} du ${names.fr}` };
}

/** A region is named by its own name ("Tahoua"); "Tahoua region" and the like are its aliases. */
function placeName(place: PlaceMention): string {
  return place.known?.name ?? (place.region ? bareRegion(place.name) : place.name);
}

function placeAliases(place: PlaceMention): string[] {
  if (place.known) return [...place.known.aliases];
  if (!place.region) return [];
  const name = bareRegion(place.name);
  return [`${name} region`, `regio ${name}`, `région de ${name}`];
}

function bareRegion(name: string): string {
  return name.replace(/\s+(?:region|regio|région)$/iu, '');
}

function nameOf(code: string): string {
  return countryWords(code)?.country.names.en ?? code;
}

export function slugOf(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

function sourceIdOf(fileName: string, date: string, language: string): string {
  const base = slugOf(fileName.replace(/^.*[\\/]/, '').replace(/\.[a-z0-9]+$/i, ''));
  return base.startsWith(language) && /\d{4}/.test(base) ? base : `${language}-${date.slice(0, 7)}-${base}`;
}

function sourceTitle(language: string, publisher: string | undefined, date: string): LocalText {
  const by = publisher ? ` (${publisher})` : '';
  return {
    en: `News article in ${{ en: 'English', nl: 'Dutch', fr: 'French' }[language] ?? language}${by}, ${date}`,
    nl: `Nieuwsartikel in het ${{ en: 'Engels', nl: 'Nederlands', fr: 'Frans' }[language] ?? language}${by}, ${date}`,
    fr: `Article de presse en ${{ en: 'anglais', nl: 'néerlandais', fr: 'français' }[language] ?? language}${by}, ${date}`,
  };
}
