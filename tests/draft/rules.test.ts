import { describe, expect, it } from 'vitest';
import { findCountries } from '../../src/draft/countries.js';
import { findDates, referenceDay, weekdayBefore } from '../../src/draft/dates.js';
import { findFigures, findVagueCounts } from '../../src/draft/figures.js';
import { guessLanguage } from '../../src/draft/language.js';
import { attributionIn, findActors } from '../../src/draft/perpetrators.js';
import { findPlaces } from '../../src/draft/places.js';
import { periodOf } from '../../src/draft/regions.js';
import { splitClauses, splitSentences } from '../../src/draft/sentences.js';
import { findSpeaker, statusOf } from '../../src/draft/speakers.js';
import { statementKindOf } from '../../src/draft/statements.js';
import { targetOf } from '../../src/draft/targets.js';

describe('splitSentences', () => {
  it('GIVEN paragraphs, a quote and "M. Traoré" THEN each sentence is the exact slice at its offsets', () => {
    const text = 'First one.  "Quoted," he said. M. Traoré spoke at 3.5 km.\n\nRecente aanvallen\n\nLast? Yes!';
    const spans = splitSentences(text);
    expect(spans.map((s) => s.text)).toEqual([
      'First one.',
      '"Quoted," he said.',
      'M. Traoré spoke at 3.5 km.',
      'Recente aanvallen',
      'Last?',
      'Yes!',
    ]);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it('GIVEN "…, maar twee bronnen…" THEN two clauses, "maar" in neither; "hoewel" opens the second', () => {
    const [sentence] = splitSentences(
      'A spokesman did not answer, but two sources said 30 died, although the army denied it.',
    );
    const clauses = splitClauses(sentence ?? { text: '', start: 0, end: 0 });
    expect(clauses.map((c) => c.text)).toEqual([
      'A spokesman did not answer',
      'two sources said 30 died',
      'although the army denied it.',
    ]);
  });
});

describe('findPlaces', () => {
  const known = [
    { name: 'Boulkessi', aliases: ['Boulkessy'], countryCode: 'ML', adminArea: null, precision: 'place' as const },
  ];
  const names = (text: string) =>
    findPlaces(text, known).map((p) => [p.name, Boolean(p.known), p.speakerPlace, Boolean(p.near)]);
  it('GIVEN a known alias THEN the gazetteer name; an unknown capitalised name after a cue THEN proposed as new', () => {
    expect(names('De basis in Boulkessy werd aangevallen')).toEqual([['Boulkessi', true, false, false]]);
    expect(names('gunmen attacked the village of Inekar, near Ménaka')).toEqual([
      ['Inekar', false, false, false],
      ['Ménaka', false, false, true],
    ]);
    expect(names("l'attaque contre le camp militaire de Tessit, près de Gao")).toEqual([
      ['Tessit', false, false, false],
      ['Gao', false, false, true],
    ]);
  });
  it('GIVEN regions, countries, a source somewhere and a lower-case word THEN regions marked, no country, the speaker place marked', () => {
    expect(names('in de regio Tahoua op 24 mei en in the Dosso region')).toEqual([
      ['Tahoua region', false, false, false],
      ['Dosso region', false, false, false],
    ]);
    expect(names('In Niger kwamen in de regio soldaten om')).toEqual([]);
    expect(names('Een gemeentelijke bron in Mondoro, nabij de basis')).toEqual([['Mondoro', false, true, false]]);
  });
});

describe('findCountries', () => {
  it('GIVEN names and adjectives in three languages THEN codes; Nigeria is not Niger', () => {
    const found = (text: string) => findCountries(text).map((c) => `${c.code}${c.adjective ? '*' : ''}`);
    expect(found('in Mali, Niger en Burkina Faso')).toEqual(['ML', 'NE', 'BF']);
    expect(found("Het Malinese leger; l'armée burkinabè; Nigeria")).toEqual(['ML*', 'BF*', 'NG']);
  });
});

describe('findDates', () => {
  it('GIVEN "afgelopen zondag", "last Friday", "dimanche dernier" THEN the day before the reference, inferred', () => {
    const day = (text: string, language: 'en' | 'nl' | 'fr') => findDates(text, '2025-06-02', language)[0];
    expect(day('een aanval afgelopen zondag', 'nl')).toMatchObject({
      value: '2025-06-01',
      derivation: 'inferred',
      words: 'afgelopen zondag',
    });
    expect(day('Afgelopen vrijdag meldde zij', 'nl')).toMatchObject({ value: '2025-05-30' });
    expect(day('on Tuesday, gunmen', 'en')).toMatchObject({ value: '2025-05-27' });
    expect(day("l'attaque de dimanche dernier", 'fr')).toMatchObject({
      value: '2025-06-01',
      words: 'dimanche dernier',
    });
  });
  it('GIVEN "24 mei", "midden mei", "le 10 septembre" THEN stated days and months; a later day is last year', () => {
    expect(findDates('Op 24 mei verklaarde', '2025-06-02', 'nl')[0]).toMatchObject({
      value: '2025-05-24',
      precision: 'day',
      derivation: 'stated',
    });
    expect(findDates('Djibo op, midden mei.', '2025-06-02', 'nl')[0]).toMatchObject({
      value: '2025-05',
      precision: 'month',
      words: 'midden mei',
    });
    expect(findDates('le 10 septembre', '2025-06-02', 'fr')[0]).toMatchObject({ value: '2024-09-10' });
  });
  it('GIVEN an article dated to a month THEN the reference is the day after the first such weekday of the month', () => {
    expect(referenceDay('2025-06', 0)).toEqual({ day: '2025-06-02', assumed: true });
    expect(referenceDay('2025-06-10', 0)).toEqual({ day: '2025-06-10', assumed: false });
    expect(weekdayBefore('2025-06-01', 0)).toBe('2025-05-25');
  });
});

describe('targetOf', () => {
  it.each([
    ['een aanval op een militaire basis', 'military_base'],
    ['aanvallen op militaire posities en de stad Djibo', 'military_positions_and_town'],
    ['ont attaqué le marché de Diapaga', 'market'],
    ['an ambush on a convoy near Gao', 'military_convoy'],
    ['gunmen attacked the village', 'village'],
    ['aanvallen in de regio Tahoua', undefined],
  ])('GIVEN "%s" THEN %s', (text, target) => expect(targetOf(text)).toBe(target));
});

describe('attributionIn and findActors', () => {
  it.each([
    ['heeft de verantwoordelijkheid opgeëist voor een aanval', 'claimed'],
    ['eiste JNIM aanvallen op militaire posities op', 'claimed'],
    ['Le GSIM a revendiqué l’attaque', 'claimed'],
    ['the group said it had attacked a base in Dioura', 'claimed'],
    ['Nobody has claimed the attack, which officials blamed on ISSP', 'alleged'],
    ["L'attaque n'a pas été revendiquée.", undefined],
    ['In Niger kwamen meer dan 100 soldaten om bij twee aanvallen', undefined],
  ])('GIVEN "%s" THEN %s', (text, attribution) => expect(attributionIn(text)).toBe(attribution));

  it('GIVEN an alias THEN the actor', () => {
    const actors = [{ id: 'jnim', name: 'JNIM', aliases: ['GSIM'], description: 'x' }];
    expect(findActors('De JNIM-groep en de GSIM', actors).map((a) => a.words)).toEqual(['JNIM', 'GSIM']);
  });
});

describe('findFigures', () => {
  const figures = (text: string) => findFigures(text).map((f) => [f.value, f.counts]);
  it('GIVEN qualifiers in three languages THEN the value with its qualifier and what is counted', () => {
    expect(figures('meer dan 30 soldaten waren omgekomen')).toEqual([
      [{ qualifier: 'more_than', number: 30 }, 'soldiers_killed'],
    ]);
    expect(figures('At least 60 soldiers were killed')).toEqual([
      [{ qualifier: 'at_least', number: 60 }, 'soldiers_killed'],
    ]);
    expect(figures('environ 20 civils ont été tués')).toEqual([
      [{ qualifier: 'about', number: 20 }, 'civilians_killed'],
    ]);
    expect(figures('killing between 10 and 15 civilians')).toEqual([
      [{ qualifier: 'range', low: 10, high: 15 }, 'civilians_killed'],
    ]);
    expect(figures('tuant entre 30 et 40 civils')).toEqual([
      [{ qualifier: 'range', low: 30, high: 40 }, 'civilians_killed'],
    ]);
    expect(figures('waarbij 40 soldaten omkwamen')).toEqual([[{ qualifier: 'exact', number: 40 }, 'soldiers_killed']]);
    expect(figures('au moins 12 morts parmi les militaires')).toEqual([
      [{ qualifier: 'at_least', number: 12 }, 'soldiers_killed'],
    ]);
    expect(figures('five people were wounded')).toEqual([[{ qualifier: 'exact', number: 5 }, 'wounded']]);
  });
  it('GIVEN numbers that count no dead ("twee aanvallen", "24 mei", "dozens of insurgents") THEN no figure', () => {
    expect(figures('twee veiligheidsbronnen meldden op 24 mei dat twee aanvallen plaatsvonden')).toEqual([]);
    expect(figures("Video's toonden tientallen opstandelingen")).toEqual([]);
  });
  it('GIVEN "dozens" of dead THEN a count in words, never a number', () => {
    expect(findFigures('des dizaines de morts parmi les soldats')).toEqual([]);
    expect(findVagueCounts('a fait des dizaines de morts parmi les soldats')).toMatchObject([
      { words: 'des dizaines', counts: 'soldiers_killed' },
    ]);
    expect(findVagueCounts("Video's toonden tientallen opstandelingen")).toEqual([]);
  });
});

describe('findSpeaker and statusOf', () => {
  it.each([
    ['twee veiligheidsbronnen meldden dat meer dan 30 soldaten', 'security_sources'],
    ['Daarbij zouden volgens de groep 200 soldaten zijn omgekomen.', 'group'],
    ['Sinds begin mei zouden meer dan 400 soldaten zijn omgekomen', 'unattributed'],
    ['aldus een verklaring van het leger, zonder aantallen', 'army'],
    ['in the attack on the army base in Boulkessi, a local official told reporters', 'local_source'],
    ["Video's die online werden gedeeld, toonden", 'online_video'],
    ['Een woordvoerder gaf geen antwoord', 'spokesperson'],
  ])('GIVEN "%s" THEN %s', (text, kind) => expect(findSpeaker(text)?.kind).toBe(kind));

  it('GIVEN who says it THEN the status: a group claims, an army is official, the rest unconfirmed', () => {
    expect([statusOf('perpetrator'), statusOf('army'), statusOf('government'), statusOf('security_sources')]).toEqual([
      'claimed_by_perpetrator',
      'official',
      'official',
      'unconfirmed',
    ]);
  });
});

describe('statementKindOf', () => {
  it.each([
    ['aldus een verklaring van het leger, zonder aantallen slachtoffers te noemen.', 'no_casualty_figures'],
    ['without giving casualty numbers for its own forces', 'no_casualty_figures'],
    ['Een woordvoerder gaf geen antwoord op vragen over het aantal slachtoffers', 'declined_to_answer'],
    ["L'armée malienne n'a pas répondu à nos questions.", 'declined_to_answer'],
    ['Noch Burkina Faso noch Niger heeft een officieel dodental gepubliceerd.', 'no_official_toll'],
    ["sans qu'aucun bilan officiel ne soit publié", 'no_official_toll'],
    ['verklaarde dat er veel doden waren', 'many_dead'],
    ['meer dan 30 soldaten waren omgekomen', undefined],
  ])('GIVEN "%s" THEN %s', (text, kind) => expect(statementKindOf(text)).toBe(kind));
});

describe('periodOf and guessLanguage', () => {
  it('GIVEN "sinds begin mei", "since mid-March 2024", "depuis fin août" THEN the period in three languages', () => {
    expect(periodOf('Sinds begin mei zouden', 2025)?.text).toEqual({
      en: 'since early May 2025',
      nl: 'sinds begin mei 2025',
      fr: 'depuis début mai 2025',
    });
    expect(periodOf('since mid-March 2024, more than', 2025)?.text).toMatchObject({ en: 'since mid-March 2024' });
    expect(periodOf('depuis fin août', 2025)?.text).toMatchObject({ fr: 'depuis fin août 2025' });
    expect(periodOf('in Mali, Niger en Burkina Faso', 2025)).toBeUndefined();
  });
  it('GIVEN a sentence in each language THEN its language', () => {
    expect(guessLanguage('Het leger meldde dat het zich had moeten terugtrekken volgens een bron.')).toBe('nl');
    expect(guessLanguage('The army said that it had been forced to withdraw by the attackers.')).toBe('en');
    expect(guessLanguage("L'armée a déclaré selon une source que les assaillants sont partis.")).toBe('fr');
  });
});
