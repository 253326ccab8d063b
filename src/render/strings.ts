import type { DatasetAccess } from '../../commands/command.js';
import type { UserErrorCode } from '../answers/answer.js';
import type { Figure, Incident, Outcome, Statement } from '../dataset/schema.js';
import type { Locale, PluralForms } from './locale.js';

type Labels<K extends string> = Record<K, string>;

/** Every word the bot says, in English and Dutch. Dataset text (labels, notes, bases) stays as written. */
export interface Strings {
  locale: Locale;
  counts: Labels<Figure['counts']>;
  target: Labels<Incident['target']>;
  outcome: Labels<Outcome['outcome']>;
  statement: Labels<Statement['kind']>;
  precision: Labels<Incident['date']['precision']>;
  derivation: Labels<Incident['date']['derivation']>;
  /** What a date shown in a list or a toll carries with it: "date of the claim", "month only", "week of …". */
  caveat: Labels<Exclude<Incident['date']['derivation'], 'stated'> | 'month' | 'week'>;
  attribution: Labels<Incident['perpetrator']['attribution']>;
  errors: Labels<UserErrorCode>;
  qualifier: { exact: string; more_than: string; at_least: string; about: string; range: string };
  status: Labels<Figure['status']>;
  legend: string;
  date: string;
  place: string;
  target_: string;
  perpetrator: string;
  notStated: string;
  disputedOutcome: string;
  matchedNearby: string;
  matchedAdminArea: string;
  figures: string;
  noFigures: string;
  outcomes: string;
  statements: string;
  translation: string;
  shortened: string;
  note: string;
  source: string;
  sources: string;
  publisherUnknown: string;
  accessed: string;
  dataset: string;
  attackTitle: string;
  attackTitleNoTarget: string;
  tollTitle: string;
  regionTitle: string;
  coversTogether: string;
  /** Where and when a figure or statement in a toll applies: "at Boulkessi (1 June 2025, inferred date)". */
  at: string;
  placeOnDate: string;
  moreAttacks: PluralForms;
  inCountries: string;
  role: Labels<'counted' | 'overlap' | 'claim_only_source' | 'claim_overlaps_report'>;
  reportedOne: string;
  reportedSum: PluralForms;
  reportLine: string;
  /** By the number of claimants: "JNIM claims", "JNIM and ISSP claim". */
  claimedOnly: PluralForms;
  onlyClaims: PluralForms;
  moreReports: PluralForms;
  neverAdded: string;
  noNumbers: string;
  noData: string;
  noDataCountry: string;
  withoutFigures: string;
  regionWide: string;
  regionNotSplit: string;
  chooseTitle: string;
  chooseHint: string;
  andMore: string;
  notFoundTitle: string;
  notFoundAttacks: string;
  notFoundCountries: string;
  didYouMean: string;
  notCoveredIsNotZero: string;
  errorTitle: string;
  attacksInCountry: PluralForms;
  truncatedFields: PluralForms;
  aboutTitle: string;
  aboutText: string;
  version: string;
  counts_: string;
  countsOf: Record<'incidents' | 'figures' | 'statements' | 'sources', PluralForms>;
  loaded: string;
  loadedValue: string;
  statusTitle: string;
  refreshedTitle: string;
  refreshedText: string;
  added: string;
  removed: string;
  changed: string;
  /** The refresh's changes, a field a kind of record: "Figures (1 changed)", then "changed: `fig-…`". */
  recordKinds: Labels<'sources' | 'countries' | 'actors' | 'incidents' | 'figures' | 'statements'>;
  recordChanges: Labels<'added' | 'removed' | 'changed'>;
  noRecordChanged: string;
  none: string;
  refreshFailedTitle: string;
  refreshFailedText: string;
  validTitle: string;
  validText: string;
  invalidTitle: string;
  invalidText: string;
  period: string;
  periodValue: string;
  refusedTitle: string;
  refusedText: Labels<Exclude<DatasetAccess, 'operator'>>;
  crashTitle: string;
  crashText: string;
}

const en: Strings = {
  locale: 'en',
  counts: {
    soldiers_killed: 'soldiers killed',
    civilians_killed: 'civilians killed',
    people_killed: 'people killed',
    wounded: 'wounded',
  },
  target: {
    military_base: 'military base',
    military_positions: 'military positions',
    military_positions_and_town: 'military positions and the town',
    military_convoy: 'military convoy',
    patrol: 'patrol',
    checkpoint: 'checkpoint',
    police_post: 'police post',
    town: 'town',
    village: 'village',
    civilians: 'civilians',
    displacement_camp: 'camp for displaced people',
    market: 'market',
    place_of_worship: 'place of worship',
    school: 'school',
    health_facility: 'health facility',
    mine: 'mine',
    infrastructure: 'infrastructure',
    government_building: 'government building',
    unspecified: 'not specified',
  },
  outcome: {
    captured: 'took the base',
    attacked: 'attacked',
    repelled: 'repelled the attack',
    withdrew: 'had to withdraw',
    camp_emptied: 'the camp was cleared out',
    overrun: 'the base was overrun',
  },
  statement: {
    no_casualty_figures: '🔇 No casualty figures given',
    declined_to_answer: '🔇 Declined to give casualty figures',
    no_official_toll: '🏛️ No official toll published',
    many_dead: '🗣️ "Many dead", no number',
  },
  precision: { day: 'day', week: 'week', month: 'month' },
  derivation: {
    stated: 'as stated in the source',
    claim_date: 'the date of the claim, not necessarily of the attack',
    inferred: 'inferred, not stated',
  },
  caveat: {
    claim_date: 'date of the claim',
    inferred: 'inferred date',
    month: 'month only',
    week: 'week of {date}',
  },
  attribution: {
    claimed: 'claimed responsibility',
    alleged: 'alleged, not claimed',
    not_stated: 'not stated in the source',
  },
  errors: {
    empty_query: 'Type what to look up, for example `/attack Boulkessi` or `/toll Niger`.',
    query_too_long: 'That is too long to be a place or country name (100 characters at most). Try a single name.',
    unknown_command: 'Unknown command. Try `/attack <place>`, `/toll [country]`, `/about` or `/help`.',
  },
  qualifier: {
    exact: '{n}',
    more_than: 'more than {n}',
    at_least: 'at least {n}',
    about: 'about {n}',
    range: '{low} to {high}',
  },
  status: {
    claimed_by_perpetrator: '📣 claimed by {who}, not independently confirmed',
    unconfirmed: '⚠️ unconfirmed: {who}',
    disputed: '⚖️ disputed: {who}',
    official: '🏛️ official figure: {who}',
    confirmed: '✅ confirmed: {who}',
  },
  legend: 'Markers',
  date: 'Date',
  place: 'Place',
  target_: 'Target',
  perpetrator: 'Perpetrator',
  notStated: 'not stated in the source',
  disputedOutcome: '⚖️ disputed: the accounts of what happened contradict each other',
  matchedNearby: 'You searched for “{name}”: the source mentions it as near this attack.',
  matchedAdminArea: 'You searched for “{name}”: the area this attack is in.',
  figures: 'Figures',
  noFigures: 'No casualty figure in the sources for this attack.',
  outcomes: 'What each side says happened',
  statements: 'Said without numbers',
  translation: 'translation',
  shortened: 'shortened',
  note: 'Note',
  source: 'Source',
  sources: 'Sources',
  publisherUnknown: 'publisher unknown',
  accessed: '(copy taken {date})',
  dataset: 'dataset',
  attackTitle: 'Attack on {target}: {place}, {country}',
  attackTitleNoTarget: 'Attack: {place}, {country}',
  tollTitle: 'Reported toll: {country}',
  regionTitle: 'Reported toll: the region',
  coversTogether: 'one figure for {n} attacks together ({places}): not split between them',
  at: 'at {places}',
  placeOnDate: '{place} ({date})',
  moreAttacks: { one: '{n} more attack', other: '{n} more attacks' },
  inCountries: 'about {countries} as a whole',
  role: {
    counted: 'counted in the independent total',
    overlap: 'not added: it covers the same attacks as a larger report',
    claim_only_source: 'a claim: shown apart, never added to independent reports',
    claim_overlaps_report: 'a claim about attacks an independent report already covers: not added',
  },
  reportedOne: '**{counts}:** {value} {scope} · {who}',
  reportedSum: {
    other: '**{counts}:** {value} in all, adding {n} independent reports, each about different attacks:',
  },
  reportLine: '• {value} {scope} · {who}',
  claimedOnly: {
    one: '📣 {claimants} claims {value} more, {scope}: attacks no independent report covers.',
    other: '📣 {claimants} claim {value} more, {scope}: attacks no independent report covers.',
  },
  onlyClaims: {
    one: '**{counts}:** no independent figure. 📣 {claimants} claims {value}, {scope}.',
    other: '**{counts}:** no independent figure. 📣 {claimants} claim {value}, {scope}.',
  },
  moreReports: { one: '…and {n} more report.', other: '…and {n} more reports.' },
  neverAdded: 'Claims and independent reports are never added together.',
  noNumbers: 'No casualty figure in the sources for these attacks.',
  noData: 'No data in the sources',
  noDataCountry: 'The sources report no attack in {country}. This is an absence of data, not a count of zero.',
  withoutFigures: 'Attacks with no figure at all',
  regionWide: 'Region-wide figure',
  regionNotSplit: 'Covers {countries} together ({period}): never split among them, never added to their figures.',
  chooseTitle: 'Several attacks match “{query}”',
  chooseHint: 'Ask again with a place name or an id from this list, for example `/attack {example}`.',
  andMore: '…and {n} more.',
  notFoundTitle: 'No data in the sources',
  notFoundAttacks: 'The sources report no attack matching “{query}”.',
  notFoundCountries: 'The sources report nothing for a country matching “{query}”.',
  didYouMean: 'Did you mean: {names}?',
  notCoveredIsNotZero: 'Not covered by the sources does not mean nothing happened.',
  errorTitle: 'Cannot answer that',
  attacksInCountry: { one: '{n} attack reported', other: '{n} attacks reported' },
  truncatedFields: {
    one: '{n} more item did not fit in one message.',
    other: '{n} more items did not fit in one message.',
  },
  aboutTitle: 'About this bot',
  aboutText:
    'Answers questions about reported armed attacks in the Sahel from the sources below, and nothing else. Every quote is the source’s own words (in its language), with an English translation marked as such. Almost every figure is unconfirmed: each one says who gives it. A perpetrator’s claim is never added to an independent report, figures covering the same attacks are never added up, and a place the sources do not cover is “no data”, never zero.\nCommands: `/attack place`, `/toll [country]`, `/about`; moderators: `/dataset status`, `/dataset refresh`.',
  version: 'Dataset version',
  counts_: 'Counts',
  countsOf: {
    incidents: { one: '{n} incident', other: '{n} incidents' },
    figures: { one: '{n} figure', other: '{n} figures' },
    statements: { one: '{n} statement without numbers', other: '{n} statements without numbers' },
    sources: { one: '{n} source', other: '{n} sources' },
  },
  loaded: 'Loaded',
  loadedValue: '{at} by {who}, from {origin}',
  statusTitle: 'Dataset status',
  refreshedTitle: 'Dataset refreshed',
  refreshedText: 'Now serving version `{next}` (was `{previous}`), from {origin}.',
  added: 'Incidents added',
  removed: 'Incidents removed',
  changed: 'Incidents changed',
  recordKinds: {
    sources: 'Sources',
    countries: 'Countries',
    actors: 'Actors',
    incidents: 'Incidents',
    figures: 'Figures',
    statements: 'Statements without numbers',
  },
  recordChanges: { added: 'added', removed: 'removed', changed: 'changed' },
  noRecordChanged: 'No record was added, removed or changed.',
  none: 'none',
  refreshFailedTitle: 'Refresh refused: the dataset has problems',
  refreshFailedText: 'Nothing changed: version `{version}` is still serving. First problems ({shown} of {total}):',
  validTitle: 'The dataset passes every check',
  validText:
    '{origin} would serve as version `{version}`. Nothing was swapped in or written: `/dataset refresh` does that.',
  invalidTitle: 'The dataset has problems',
  invalidText: 'Nothing was swapped in or written. First problems ({shown} of {total}):',
  period: 'Period covered',
  periodValue: '{earliest} to {latest} (earliest and latest attack)',
  refusedTitle: 'Not allowed',
  refusedText: {
    no_admin_servers:
      'Managing the dataset from Discord is switched off: no admin server is set. The bot’s operator can set `ADMIN_GUILD_IDS` (or `DISCORD_GUILD_ID`) to the servers whose moderators may manage it.',
    not_admin_server:
      'Every server the bot is in sees the same dataset, so only moderators of the operators’ own servers can manage it. Ask the bot’s operator.',
    not_moderator: 'Only moderators (Manage Server, or a moderator role) can manage the dataset.',
  },
  crashTitle: 'Something went wrong',
  crashText: 'This is a bug on our side, not your query. Reference: `{reference}`. Please tell a moderator.',
};

const nl: Strings = {
  locale: 'nl',
  counts: {
    soldiers_killed: 'gedode soldaten',
    civilians_killed: 'gedode burgers',
    people_killed: 'doden',
    wounded: 'gewonden',
  },
  target: {
    military_base: 'militaire basis',
    military_positions: 'militaire posities',
    military_positions_and_town: 'militaire posities en de stad',
    military_convoy: 'militair konvooi',
    patrol: 'patrouille',
    checkpoint: 'controlepost',
    police_post: 'politiepost',
    town: 'stad',
    village: 'dorp',
    civilians: 'burgers',
    displacement_camp: 'kamp voor ontheemden',
    market: 'markt',
    place_of_worship: 'gebedshuis',
    school: 'school',
    health_facility: 'zorgpost',
    mine: 'mijn',
    infrastructure: 'infrastructuur',
    government_building: 'overheidsgebouw',
    unspecified: 'niet vermeld',
  },
  outcome: {
    captured: 'nam de basis in',
    attacked: 'viel aan',
    repelled: 'sloeg de aanval af',
    withdrew: 'moest zich terugtrekken',
    camp_emptied: 'het kamp werd leeggeruimd',
    overrun: 'de basis werd overrompeld',
  },
  statement: {
    no_casualty_figures: '🔇 Geen slachtofferaantallen genoemd',
    declined_to_answer: '🔇 Weigerde slachtofferaantallen te geven',
    no_official_toll: '🏛️ Geen officieel dodental gepubliceerd',
    many_dead: '🗣️ "Veel doden", geen aantal',
  },
  precision: { day: 'dag', week: 'week', month: 'maand' },
  derivation: {
    stated: 'zoals de bron vermeldt',
    claim_date: 'de datum van de claim, niet per se van de aanval',
    inferred: 'afgeleid, niet vermeld',
  },
  caveat: {
    claim_date: 'datum van de claim',
    inferred: 'afgeleide datum',
    month: 'alleen de maand',
    week: 'week van {date}',
  },
  attribution: {
    claimed: 'eiste de aanval op',
    alleged: 'vermoedelijk, niet opgeëist',
    not_stated: 'niet vermeld in de bron',
  },
  errors: {
    empty_query: 'Typ wat je zoekt, bijvoorbeeld `/attack Boulkessi` of `/toll Niger`.',
    query_too_long: 'Dat is te lang voor een plaats- of landnaam (hoogstens 100 tekens). Probeer één naam.',
    unknown_command: 'Onbekende opdracht. Probeer `/attack <plaats>`, `/toll [land]`, `/about` of `/help`.',
  },
  qualifier: {
    exact: '{n}',
    more_than: 'meer dan {n}',
    at_least: 'minstens {n}',
    about: 'ongeveer {n}',
    range: '{low} tot {high}',
  },
  status: {
    claimed_by_perpetrator: '📣 opgeëist door {who}, niet onafhankelijk bevestigd',
    unconfirmed: '⚠️ onbevestigd: {who}',
    disputed: '⚖️ betwist: {who}',
    official: '🏛️ officieel cijfer: {who}',
    confirmed: '✅ bevestigd: {who}',
  },
  legend: 'Markeringen',
  date: 'Datum',
  place: 'Plaats',
  target_: 'Doelwit',
  perpetrator: 'Dader',
  notStated: 'niet vermeld in de bron',
  disputedOutcome: '⚖️ betwist: de lezingen van wat er gebeurde spreken elkaar tegen',
  matchedNearby: 'Je zocht “{name}”: de bron noemt dat als nabij deze aanval.',
  matchedAdminArea: 'Je zocht “{name}”: het gebied waarin deze aanval plaatsvond.',
  figures: 'Cijfers',
  noFigures: 'Geen slachtofferaantal in de bronnen voor deze aanval.',
  outcomes: 'Wat elke partij zegt dat er gebeurde',
  statements: 'Gezegd zonder aantallen',
  translation: 'vertaling',
  shortened: 'ingekort',
  note: 'Opmerking',
  source: 'Bron',
  sources: 'Bronnen',
  publisherUnknown: 'uitgever onbekend',
  accessed: '(kopie genomen op {date})',
  dataset: 'dataset',
  attackTitle: 'Aanval op {target}: {place}, {country}',
  attackTitleNoTarget: 'Aanval: {place}, {country}',
  tollTitle: 'Gemeld dodental: {country}',
  regionTitle: 'Gemeld dodental: de regio',
  coversTogether: 'één cijfer voor {n} aanvallen samen ({places}): niet over ze verdeeld',
  at: 'bij {places}',
  placeOnDate: '{place} ({date})',
  moreAttacks: { one: 'nog {n} aanval', other: 'nog {n} aanvallen' },
  inCountries: 'over {countries} als geheel',
  role: {
    counted: 'meegeteld in het onafhankelijke totaal',
    overlap: 'niet opgeteld: het gaat over dezelfde aanvallen als een groter cijfer',
    claim_only_source: 'een claim: apart getoond, nooit opgeteld bij onafhankelijke cijfers',
    claim_overlaps_report: 'een claim over aanvallen waarvoor al een onafhankelijk cijfer is: niet opgeteld',
  },
  reportedOne: '**{counts}:** {value} {scope} · {who}',
  reportedSum: {
    other:
      '**{counts}:** {value} in totaal, opgeteld uit {n} onafhankelijke meldingen die elk over andere aanvallen gaan:',
  },
  reportLine: '• {value} {scope} · {who}',
  claimedOnly: {
    one: '📣 {claimants} claimt er {value} meer, {scope}: aanvallen zonder onafhankelijk cijfer.',
    other: '📣 {claimants} claimen er {value} meer, {scope}: aanvallen zonder onafhankelijk cijfer.',
  },
  onlyClaims: {
    one: '**{counts}:** geen onafhankelijk cijfer. 📣 {claimants} claimt {value}, {scope}.',
    other: '**{counts}:** geen onafhankelijk cijfer. 📣 {claimants} claimen {value}, {scope}.',
  },
  moreReports: { one: '…en nog {n} melding.', other: '…en nog {n} meldingen.' },
  neverAdded: 'Claims en onafhankelijke cijfers worden nooit bij elkaar opgeteld.',
  noNumbers: 'Geen slachtofferaantal in de bronnen voor deze aanvallen.',
  noData: 'Geen gegevens in de bronnen',
  noDataCountry: 'De bronnen melden geen aanval in {country}. Dat is een gebrek aan gegevens, geen telling van nul.',
  withoutFigures: 'Aanvallen zonder enig cijfer',
  regionWide: 'Cijfer voor de hele regio',
  regionNotSplit:
    'Geldt voor {countries} samen ({period}): nooit over de landen verdeeld, nooit bij hun cijfers opgeteld.',
  chooseTitle: 'Meerdere aanvallen passen bij “{query}”',
  chooseHint: 'Vraag opnieuw met een plaatsnaam of id uit deze lijst, bijvoorbeeld `/attack {example}`.',
  andMore: '…en nog {n}.',
  notFoundTitle: 'Geen gegevens in de bronnen',
  notFoundAttacks: 'De bronnen melden geen aanval die past bij “{query}”.',
  notFoundCountries: 'De bronnen melden niets voor een land dat past bij “{query}”.',
  didYouMean: 'Bedoel je: {names}?',
  notCoveredIsNotZero: 'Niet in de bronnen betekent niet dat er niets gebeurde.',
  errorTitle: 'Daar kan ik geen antwoord op geven',
  attacksInCountry: { one: '{n} aanval gemeld', other: '{n} aanvallen gemeld' },
  truncatedFields: {
    one: 'Nog {n} onderdeel paste niet in één bericht.',
    other: 'Nog {n} onderdelen pasten niet in één bericht.',
  },
  aboutTitle: 'Over deze bot',
  aboutText:
    'Beantwoordt vragen over gemelde gewapende aanvallen in de Sahel op basis van de bronnen hieronder, en niets anders. Elk citaat is letterlijk de tekst van de bron (in haar taal), met een Engelse vertaling die als vertaling is gemarkeerd. Bijna elk cijfer is onbevestigd: bij elk staat wie het geeft. Een claim van een dader wordt nooit opgeteld bij een onafhankelijk cijfer, cijfers over dezelfde aanvallen worden nooit opgeteld, en een plaats waarover de bronnen zwijgen is “geen gegevens”, nooit nul.\nOpdrachten: `/attack plaats`, `/toll [land]`, `/about`; moderatoren: `/dataset status`, `/dataset refresh`.',
  version: 'Datasetversie',
  counts_: 'Aantallen',
  countsOf: {
    incidents: { one: '{n} aanval', other: '{n} aanvallen' },
    figures: { one: '{n} cijfer', other: '{n} cijfers' },
    statements: { one: '{n} uitspraak zonder aantallen', other: '{n} uitspraken zonder aantallen' },
    sources: { one: '{n} bron', other: '{n} bronnen' },
  },
  loaded: 'Geladen',
  loadedValue: '{at} door {who}, uit {origin}',
  statusTitle: 'Status van de dataset',
  refreshedTitle: 'Dataset vernieuwd',
  refreshedText: 'Nu in gebruik: versie `{next}` (was `{previous}`), uit {origin}.',
  added: 'Aanvallen toegevoegd',
  removed: 'Aanvallen verwijderd',
  changed: 'Aanvallen gewijzigd',
  recordKinds: {
    sources: 'Bronnen',
    countries: 'Landen',
    actors: 'Actoren',
    incidents: 'Aanvallen',
    figures: 'Cijfers',
    statements: 'Uitspraken zonder aantallen',
  },
  recordChanges: { added: 'toegevoegd', removed: 'verwijderd', changed: 'gewijzigd' },
  noRecordChanged: 'Er is geen record toegevoegd, verwijderd of gewijzigd.',
  none: 'geen',
  refreshFailedTitle: 'Vernieuwen geweigerd: de dataset bevat fouten',
  validTitle: 'De dataset doorstaat elke controle',
  validText:
    '{origin} zou in gebruik komen als versie `{version}`. Er is niets gewisseld of geschreven: dat doet `/dataset vernieuwen`.',
  invalidTitle: 'De dataset bevat fouten',
  invalidText: 'Er is niets gewisseld of geschreven. Eerste fouten ({shown} van {total}):',
  period: 'Periode',
  periodValue: '{earliest} tot {latest} (vroegste en laatste aanval)',
  refreshFailedText:
    'Er is niets veranderd: versie `{version}` blijft in gebruik. Eerste fouten ({shown} van {total}):',
  refusedTitle: 'Niet toegestaan',
  refusedText: {
    no_admin_servers:
      'Het beheer van de dataset via Discord staat uit: er is geen beheerserver ingesteld. De beheerder van de bot kan `ADMIN_GUILD_IDS` (of `DISCORD_GUILD_ID`) instellen op de servers waarvan de moderatoren de dataset mogen beheren.',
    not_admin_server:
      'Elke server waarin de bot zit, ziet dezelfde dataset; daarom kunnen alleen moderatoren van de eigen servers van de beheerders haar beheren. Vraag het de beheerder van de bot.',
    not_moderator: 'Alleen moderatoren (Server beheren, of een moderatorrol) kunnen de dataset beheren.',
  },
  crashTitle: 'Er ging iets mis',
  crashText: 'Dit is een fout aan onze kant, niet in je vraag. Referentie: `{reference}`. Meld het een moderator.',
};

const tables: Record<Locale, Strings> = { en, nl };

export function stringsFor(locale: Locale): Strings {
  return tables[locale];
}

/** Fills `{name}` placeholders; values are inserted as given (escape user text before). */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}
